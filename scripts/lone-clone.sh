#!/usr/bin/env bash
# The set-up a new user gets: clone the repo's HEAD into an empty temporary folder and run the README's two commands there.
# Usage: bash scripts/lone-clone.sh [repo]   (default: this repo). Exits non-zero when either command fails or the
# export changes a tracked file (output/ or ontology/ stale).
set -euo pipefail
repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
work="$(mktemp -d "${TMPDIR:-/tmp}/kg-lone-clone.XXXXXX")"
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-hardlinks "$repo" "$work/kg"
cd "$work/kg"
# The README's promise: its first two ```sh blocks are the set-up-and-export command and the test command.
mapfile -t commands < <(awk '/^```sh$/{inside=1; next} /^```$/{inside=0; next} inside' README.md | head -n 2)
if [ "${#commands[@]}" -ne 2 ]; then echo "lone clone: the README does not start with two sh command blocks" >&2; exit 1; fi
echo "lone clone in $work/kg (nothing beside it: $(ls -A "$work" | tr '\n' ' '))"
for cmd in "${commands[@]}"; do
  echo "lone clone \$ $cmd"
  bash -c "$cmd"
done
if [ -n "$(git status --porcelain)" ]; then
  echo "lone clone: the README's commands changed tracked files (is output/ stale?):" >&2
  git status --porcelain >&2
  exit 1
fi
echo "lone clone: both README commands passed"
