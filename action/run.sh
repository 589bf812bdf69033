#!/usr/bin/env bash
# The action's audit step: builds the command line from INPUT_* variables, runs the audit with
# GitHub annotations (and the job summary), and sets the step's outputs. Exits with the audit's
# code, so the job fails when the audit does; upload SARIF in a later step with `if: always()`.
set -uo pipefail
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
{
  echo "exit-code=$code"
  echo "status=$status"
  echo "sarif=${INPUT_SARIF:-}"
} >> "$GITHUB_OUTPUT"
exit $code
