#!/bin/sh
# Writes the man page sendplan.1.gz from the program's own help: help2man makes the page from
# `sendplan --help` and `--version`; a COMMANDS section holds each command's and subcommand's
# `--help`, as a list of options; the fixed sections (FILES, SEE ALSO) come from manpage.h2m.
# Usage: make-manpage.sh SENDPLAN HELP2MAN OUT.1.gz
set -eu
sendplan=$1
help2man=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The command names listed under the groups of a help text (lines "  name  description").
commands_of() {
  "$sendplan" "$@" --help | awk '
    /^[^ ].*:$/ { listing = ($0 != "Options:" && $0 != "Positionals:") ; next }
    listing && /^  [a-z][a-z0-9-]* / { print $1 }'
}

# One command's help as roff: its description, usage and options (-h,--help left out).
command_roff() {
  printf '.SS "sendplan %s"\n' "$*"
  "$sendplan" "$@" --help | awk '
    function esc(s) { gsub(/\\/, "\\e", s); sub(/^[.'\'']/, "\\\\\\&&", s); gsub(/-/, "\\-", s); return s }
    /^Usage: / { print ".PP"; print ".B " esc(substr($0, 8)); section = 1; next }
    !section { if ($0 != "") print esc($0); next }
    /^[^ ].*:$/ { heading = $0; shown = 0; next }
    /^  [^ ]/ {
      line = substr($0, 3)
      split_at = match(line, /  +/)
      if (split_at) { name = substr(line, 1, split_at - 1); text = substr(line, split_at + RLENGTH) }
      else { name = line; text = "" }
      if (name ~ /^-h,--help/) { skip = 1; next }
      skip = 0
      if (!shown) { print ".PP"; print heading; shown = 1 }
      print ".TP"; print "\\fB" esc(name) "\\fR"
      if (text != "") print esc(text)
      next
    }
    /^   +[^ ]/ { if (!skip) { sub(/^ +/, ""); print esc($0) } next }'
}

{
  cat "$here/manpage.h2m"
  printf '[COMMANDS]\n'
  printf 'Each command with its options, as %s prints them.\n' "\\fBsendplan\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR"
  for command in $(commands_of); do
    command_roff "$command"
    for sub in $(commands_of "$command"); do
      command_roff "$command" "$sub"
    done
  done
} >"$work/sendplan.h2m"

"$help2man" --no-info --no-discard-stderr --section=1 \
  --name="SEND planning and data for London boroughs: SEN transport, placements, SEND data dashboard, practice repository" \
  --include="$work/sendplan.h2m" --output="$work/sendplan.1" "$sendplan"
gzip -9 -n -c "$work/sendplan.1" >"$out"
