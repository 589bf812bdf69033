#!/usr/bin/env bash
# `npm run mutation:parts [folder...]`: StrykerJS over src/core one folder at a time (NS_MUTATE in
# stryker.config.mjs), each part's report and incremental results kept in reports/, then the score
# of all parts together (scripts/mutation-score.js). An interrupted run resumes where it stopped;
# each finished part is also kept in mutation-kept/ (scripts/mutation-keep.js), to commit, so the
# next machine resumes too.
# NS_MUTATION_FOCUS=core leaves out the live tests (a lower bound, hours shorter).
# NS_MUTATION_RETEST=1 tests each part's kept survivors again (scripts/mutation-retest-survivors.js):
# needed after adding tests, since Stryker reuses a survivor whose code did not change.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name="mutation${NS_MUTATION_FOCUS:+-$NS_MUTATION_FOCUS}"
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(. policy diff role xml catalog input risk fix access review history format)
# Results kept from earlier runs, on this machine or (mutation-kept/, committed) another.
node scripts/mutation-keep.js restore
node scripts/mutation-test-names.js "reports/$set_name/test-names.json"
reports=()
for part in "${parts[@]}"; do
  name="$set_name-$([ "$part" = . ] && echo top || echo "$part" | tr -c 'a-zA-Z0-9\n' '-')"
  echo "== $part -> reports/$name ($(date -u +%H:%M:%S))"
  kept="reports/$name/stryker-incremental.json"
  if [ -n "${NS_MUTATION_RETEST:-}" ] && [ -f "$kept" ]; then node scripts/mutation-retest-survivors.js "$kept"; fi
  NS_MUTATE="$part" npx stryker run --reporters json,html,progress-append-only >"reports/$name.log" 2>&1 || { tail -20 "reports/$name.log"; exit 1; }
  reports+=("reports/$name/mutation.json")
  node scripts/mutation-keep.js save >/dev/null
  node scripts/mutation-score.js "reports/$name/mutation.json" | tail -1
done
node scripts/mutation-score.js "${reports[@]}"
