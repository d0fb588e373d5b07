#!/usr/bin/env bash
# Reports what the standalone page downloads, raw and brotli-compressed, against the 55 KiB
# brotli budget the product is heading for, and the other deliverables for reference.
# A report, not a test: it never fails the build.
set -euo pipefail
cd "$(dirname "$0")/../dist"
budget=$((55 * 1024))
page=(index.html page.css role-compare.css embed.js site.js role-compare.js role-compare_bg.wasm)
br() { brotli -c -q 11 "$1" | wc -c; }
total=0
printf 'What the standalone page downloads:\n%-28s %10s %10s\n' file raw brotli
for f in "${page[@]}"; do
  [ -f "$f" ] || { echo "missing $f (run make dist)"; exit 0; }
  b=$(br "$f")
  total=$((total + b))
  printf '%-28s %10d %10d\n' "$f" "$(stat -c%s "$f")" "$b"
done
printf '%-28s %10s %10d  budget %d: %s\n' "total" "" "$total" "$budget" \
  "$([ "$total" -le "$budget" ] && echo within || echo "over by $((total - budget))")"
printf '\nOther files:\n'
for f in role-compare.html embed.html frame.js frame-parent.js sw.js; do
  [ -f "$f" ] && printf '%-28s %10d %10d\n' "$f" "$(stat -c%s "$f")" "$(br "$f")"
done
