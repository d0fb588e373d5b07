#!/usr/bin/env bash
# Reports what the standalone page downloads, raw and brotli-compressed, against the 55 KiB
# brotli budget the product is heading for. A report, not a test: it never fails the build.
set -euo pipefail
cd "$(dirname "$0")/../dist"
budget=$((55 * 1024))
total=0
printf '%-28s %10s %10s\n' file raw brotli
for f in index.html *.css *.js *.wasm; do
  [ -f "$f" ] || continue
  raw=$(stat -c%s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total=$((total + br))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$br"
done
printf '%-28s %10s %10d  (budget %d, %s)\n' "total" "" "$total" "$budget" \
  "$([ "$total" -le "$budget" ] && echo within || echo "OVER by $((total - budget))")"
