#!/usr/bin/env bash
# The action's audit step: builds the command line from INPUT_* variables, runs the audit with
# GitHub annotations (and the job summary), and sets the step's outputs. Exits with the audit's
# code, so the job fails when the audit does; upload SARIF in a later step with `if: always()`.
set -uo pipefail

# Inputs are paths, ids and words: a line break in one is a mistake or an attack (it would forge
# lines in $GITHUB_OUTPUT or in the command line), so it is refused before anything runs.
for name in INPUT_POLICY INPUT_ROLE_FILE INPUT_ROLE INPUT_CONFIG INPUT_SOURCE INPUT_FAIL_ON INPUT_SARIF INPUT_FORMATS; do
  value="${!name:-}"
  if [[ "$value" == *$'\n'* || "$value" == *$'\r'* ]]; then
    input=$(echo "${name#INPUT_}" | tr 'A-Z_' 'a-z-')
    echo "ns-role-audit: the '$input' input holds a line break; give it on one line" >&2
    { echo "exit-code=2"; echo "status=error"; } >> "$GITHUB_OUTPUT"
    exit 2
  fi
done

args=(audit)
[ -n "${INPUT_POLICY:-}" ] && args+=(--policy "$INPUT_POLICY")
[ -n "${INPUT_ROLE_FILE:-}" ] && args+=(--role-file "$INPUT_ROLE_FILE")
[ -n "${INPUT_ROLE:-}" ] && args+=(--role "$INPUT_ROLE")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_SOURCE:-}" ] && args+=(--source "$INPUT_SOURCE")
args+=(--fail-on "${INPUT_FAIL_ON:-error}" --format github)
[ -n "${INPUT_SARIF:-}" ] && args+=(--format "sarif=$INPUT_SARIF")
read -r -a extra <<< "${INPUT_FORMATS:-}"
for f in "${extra[@]}"; do args+=(--format "$f"); done
node "$GITHUB_ACTION_PATH/bin/ns-role-audit.js" "${args[@]}"
code=$?
case $code in 0) status=passed ;; 1) status=failed ;; *) status=error ;; esac
# The sarif path is the user's: written in the multi-line form with a delimiter it cannot hold
# (docs.github.com, "Multiline strings"), so no value can add an output line of its own.
delimiter="ns_role_audit_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
{
  echo "exit-code=$code"
  echo "status=$status"
  echo "sarif<<$delimiter"
  echo "${INPUT_SARIF:-}"
  echo "$delimiter"
} >> "$GITHUB_OUTPUT"
exit $code
