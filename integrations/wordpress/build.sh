#!/usr/bin/env bash
# Assembles the WordPress plugin from its source (integrations/wordpress/role-compare/) and a
# release of the widget, and zips it for "Plugins > Add New > Upload Plugin".
#
#   integrations/wordpress/build.sh [RELEASE_DIR] [OUT_DIR]
#
# RELEASE_DIR holds release.json and the files it names (default: dist/, as `make release`
# leaves it). Writes OUT_DIR/role-compare/ (default OUT_DIR: target/wordpress) with the release's
# embed.js, stylesheet, glue, wasm and release.json in assets/ and the version stamped where the
# source says 0.0.0-source, and OUT_DIR/role-compare-<version>.zip of that folder. The zip is
# the same bytes for the same inputs (sorted entries, fixed dates, no extra fields), so a
# release that carries it stays reproducible. Needs jq and zip (scripts/setup.sh).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
release_dir="$(cd "${1:-$root/dist}" && pwd)"
out_dir="${2:-$root/target/wordpress}"
manifest="$release_dir/release.json"

if [ ! -f "$manifest" ]; then
  echo "build.sh: $manifest is missing: give the folder of a release (make release writes one)" >&2
  exit 1
fi
version="$(jq -er '.version' "$manifest")"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "build.sh: release.json has no usable version: $version" >&2
  exit 1
fi

mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
plugin="$out_dir/role-compare"
rm -rf "$plugin"
cp -R "$here/role-compare" "$plugin"
rm -rf "$plugin/assets"
mkdir -p "$plugin/assets"

# The files release.json names, each a plain relative path inside the release.
jq -er '.files | to_entries[] | .value.path' "$manifest" | while IFS= read -r file; do
  if [[ "$file" == /* || "$file" == *..* || ! -f "$release_dir/$file" ]]; then
    echo "build.sh: release.json names $file, which is not a file inside $release_dir" >&2
    exit 1
  fi
  mkdir -p "$plugin/assets/$(dirname "$file")"
  cp "$release_dir/$file" "$plugin/assets/$file"
done
cp "$manifest" "$plugin/assets/release.json"

# The version: the plugin header, block.json, the editor script's asset file, readme.txt.
grep -rlF '0.0.0-source' "$plugin" | while IFS= read -r f; do
  sed -i "s/0\.0\.0-source/$version/g" "$f"
done

# A reproducible zip: the same modes and dates on every entry (1980-01-02 UTC, zip's dates
# start in 1980), entries in byte order, no extra fields (-X), no directory entries (-D).
zip_file="$out_dir/role-compare-$version.zip"
rm -f "$zip_file"
chmod -R u=rwX,go=rX "$plugin"
find "$plugin" -exec env TZ=UTC touch -h -d '1980-01-02 00:00:00' {} +
(cd "$out_dir" && find role-compare -type f | LC_ALL=C sort | TZ=UTC zip -q -X -D "$zip_file" -@)
echo "$zip_file"
