#!/usr/bin/env bash
# Reports what the standalone page downloads, raw and brotli-compressed, against the product's
# targets: 16 KiB brotli before the first duty shows (the HTML, which carries the pre-rendered
# view, and its stylesheets), 64 KiB in all. A report, not a test: it never fails the build
# (the size guard, tests/size/, holds the figures in make test).
set -euo pipefail
cd "$(dirname "$0")/../dist"
[ -f release.json ] || { echo "missing dist/release.json (run make dist)"; exit 0; }
# The widget's files are named after their contents: release.json says which they are.
asset() { node -p 'JSON.parse(require("fs").readFileSync("release.json", "utf8")).files[process.argv[1]].path' "$1"; }
css=$(asset css)
first_duty=(index.html page.css "$css")
page=("${first_duty[@]}" embed.js site.js "$(asset glue)" "$(asset wasm)")
br() { brotli -c -q 11 "$1" | wc -c; }
verdict() { [ "$1" -le "$2" ] && echo "within $2" || echo "over $2 by $(($1 - $2))"; }
total=0
first=0
printf 'What the standalone page downloads (%s build):\n%-34s %10s %10s\n' \
  "$(cat ../target/dist-build 2>/dev/null || echo unknown)" file raw brotli
for f in "${page[@]}"; do
  [ -f "$f" ] || { echo "missing $f (run make dist)"; exit 0; }
  b=$(br "$f")
  total=$((total + b))
  case " ${first_duty[*]} " in *" $f "*) first=$((first + b)) ;; esac
  printf '%-34s %10d %10d\n' "$f" "$(stat -c%s "$f")" "$b"
done
printf '%-34s %10s %10d  %s\n' "before the first duty" "" "$first" "$(verdict "$first" $((16 * 1024)))"
printf '%-34s %10s %10d  %s\n' "total" "" "$total" "$(verdict "$total" $((64 * 1024)))"
printf '\nOther files:\n'
for f in role-compare.html embed.html snippet.html frame.js frame-parent.js sw.js; do
  [ -f "$f" ] && printf '%-34s %10d %10d\n' "$f" "$(stat -c%s "$f")" "$(br "$f")"
done
