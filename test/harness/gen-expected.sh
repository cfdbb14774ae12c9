#!/usr/bin/env bash
# Regenerates the expected files of test/run from real OCaml 4.13 (never by hand).
# For each NAME.ml: NAME.expected (stdout of the ocamlopt binary), NAME.interface
# (`ocamlc -i -w -a`), and for `# exit 2` programs NAME.stderr (the Fatal error line).
# Compiles in a temp dir so no .cmi/.cmo/.o land in the repo; the file is compiled
# under its bare name so Match_failure/Assert_failure locations read "NAME.ml".
# Usage: test/harness/gen-expected.sh [test/run/NAME.ml ...]   (default: all)
set -euo pipefail
dir="$(cd "$(dirname "$0")/../run" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
files=("$@")
[ ${#files[@]} -eq 0 ] && files=("$dir"/*.ml)
status=0
for f in "${files[@]}"; do
  name="$(basename "$f" .ml)"
  rm -rf "$tmp"/*
  cp "$dir/$name.ml" "$tmp/"
  if ! (cd "$tmp" && ocamlopt -o prog "$name.ml" 2>"$tmp/warnings"); then
    echo "$name: does not compile"; cat "$tmp/warnings"; status=1; continue
  fi
  [ -s "$tmp/warnings" ] && { echo "$name: warnings"; cat "$tmp/warnings"; }
  want=0
  head -n 1 "$dir/$name.ml" | grep -q '# exit 2' && want=2
  set +e
  (cd "$tmp" && ./prog >"$dir/$name.expected" 2>"$tmp/stderr")
  got=$?
  set -e
  if [ "$got" -ne "$want" ]; then echo "$name: exit $got, expected $want"; status=1; fi
  if [ "$want" -eq 2 ]; then grep '^Fatal error' "$tmp/stderr" >"$dir/$name.stderr"
  else rm -f "$dir/$name.stderr"; fi
  (cd "$tmp" && ocamlc -i -w -a "$name.ml" >"$dir/$name.interface")
done
exit $status
