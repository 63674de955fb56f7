#!/usr/bin/env bash
# `sendplan`'s own words to its users (issue 16): --help exits 0 everywhere and the top help
# names the four systems; an unknown command, an unknown subcommand of each group command and a
# group command without its subcommand are usage errors (exit 2, docs/reference/cli.md) whose
# message on stderr names the word and the valid commands.
# Usage: cli_usage_test.sh SENDPLAN
set -u
sendplan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# check NAME CODE ARGS...: runs sendplan ARGS, wants exit code CODE; the output is in $tmp.
check() {
  local name=$1 code=$2
  shift 2
  "$sendplan" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $code ]]; then
    echo "FAIL $name: sendplan $* exited $got, wanted $code; stderr:" >&2
    head -5 "$tmp/err" >&2
    failed=$((failed + 1))
    return 1
  fi
  return 0
}

# has NAME FILE TEXT: FILE ($tmp/out or $tmp/err) holds TEXT (case-insensitive, fixed).
has() {
  if grep -qiF -- "$3" "$tmp/$2"; then return 0; fi
  echo "FAIL $1: std$2 lacks '$3'; it was:" >&2
  head -8 "$tmp/$2" >&2
  failed=$((failed + 1))
  return 1
}

# ok NAME: counts a check whose parts all passed.
ok() { passed=$((passed + 1)); }

# The top help: exit 0, the four systems, the exit codes.
if check top-help 0 --help && has top-help out "SEN transport planning" &&
   has top-help out "placements and commissioning" && has top-help out "SEND data dashboard" &&
   has top-help out "practice repository" && has top-help out "Exit codes"; then ok; fi
if check version 0 --version && has version out "sendplan "; then ok; fi

# Every command's and subcommand's --help exits 0 with its usage line.
groups="user import placements practice"
commands=$(awk '/^[^ ].*:$/ { listing = ($0 != "Options:") ; next }
                listing && /^  [a-z][a-z0-9-]* / { print $1 }' < <("$sendplan" --help))
for command in $commands; do
  if check "help-$command" 0 "$command" --help && has "help-$command" out "Usage: sendplan $command"
  then ok; fi
done
for group in $groups; do
  if ! grep -qx "$group" <<<"$commands"; then
    echo "FAIL groups: '$group' is not in the top help's commands" >&2
    failed=$((failed + 1))
  fi
  subs=$(awk '/^[^ ].*:$/ { listing = ($0 == "Subcommands:") ; next }
              listing && /^  [a-z][a-z0-9-]* / { print $1 }' < <("$sendplan" "$group" --help))
  if [[ -z $subs ]]; then
    echo "FAIL groups: 'sendplan $group --help' lists no subcommands" >&2
    failed=$((failed + 1))
  fi
  for sub in $subs; do
    if check "help-$group-$sub" 0 "$group" "$sub" --help &&
       has "help-$group-$sub" out "Usage: sendplan $group $sub"; then ok; fi
  done
  first_sub=$(head -1 <<<"$subs")

  # An unknown subcommand: exit 2, the word and the valid ones named, nothing on stdout.
  if check "unknown-$group" 2 "$group" frobnicate &&
     has "unknown-$group" err "unknown command 'frobnicate' for 'sendplan $group'" &&
     has "unknown-$group" err "$first_sub" && [[ ! -s $tmp/out ]]; then ok; fi
  # No subcommand: exit 2, the valid ones named and the group's help on stderr.
  if check "bare-$group" 2 "$group" && has "bare-$group" err "'sendplan $group' needs a command" &&
     has "bare-$group" err "Usage: sendplan $group" && has "bare-$group" err "$first_sub"; then ok; fi
done

# An unknown command, and none at all.
if check unknown-command 2 nonsense && has unknown-command err "unknown command 'nonsense'" &&
   has unknown-command err "plan, pool" && [[ ! -s $tmp/out ]]; then ok; fi
if check no-command 2 && has no-command err "'sendplan' needs a command" &&
   has no-command err "Usage: sendplan"; then ok; fi
# After an option of the group, and an unknown option of a group or of a command.
if check unknown-after-option 2 practice --database "$tmp/x.db" frobnicate &&
   has unknown-after-option err "unknown command 'frobnicate'"; then ok; fi
if check unknown-group-option 2 user --bogus && has unknown-group-option err "--bogus"; then ok; fi
if check unknown-option 2 forecast --bogus && has unknown-option err "--bogus" &&
   has unknown-option err "sendplan forecast --help"; then ok; fi
# --help still wins after an unknown word.
if check help-after-unknown 0 practice frobnicate --help; then ok; fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
