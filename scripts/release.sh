#!/usr/bin/env bash
# Packs a release (`make release`, which builds dist/ first): the deployable site (dist/) and the
# platform integrations (integrations/, when the checkout has them), with CHANGELOG.md, into
#   release/role-compare-<version>.tar.gz and release/role-compare-<version>.zip,
# the WordPress plugin, assembled with this release's files, into
#   release/role-compare-wordpress-<version>.zip (integrations/wordpress/build.sh),
# and their checksums into release/SHA256SUMS (`sha256sum -c SHA256SUMS` verifies them).
# The version is Cargo.toml's; dist/release.json must say the same (else: make dist).
#
# Reproducible: two runs on one commit give byte-identical archives and sums, whatever the
# files' times, owners and modes on disk or the machine's time zone and umask. Every entry is
# stamped with the commit's time (or $SOURCE_DATE_EPOCH), owned by 0:0 with no names, mode
# 644 (755 for folders), in byte order of its path; gzip stores no name or time (-n); zip stores
# no extra fields (-X), in UTC.
#
# Environment: RC_DIST (default dist), RC_RELEASE_DIR (default release), SOURCE_DATE_EPOCH.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "release: $*" >&2; exit 1; }

dist=${RC_DIST:-dist}
out=${RC_RELEASE_DIR:-release}
version=$(sed -n '/^\[package\]/,/^\[/ s/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || fail "no version in Cargo.toml"
[ -f "$dist/release.json" ] || fail "$dist/release.json is missing: make dist"
built=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version' "$dist/release.json")
[ "$built" = "$version" ] || fail "$dist/ holds release $built, Cargo.toml says $version: make dist"
[ -d "$dist/v$version" ] || fail "$dist/v$version/ is missing: make dist"

epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
name=role-compare-$version
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# A copy with the times, modes and set of files the archives should hold.
mkdir "$stage/$name"
cp -R "$dist" "$stage/$name/dist"
if [ -d integrations ]; then cp -R integrations "$stage/$name/integrations"; fi
cp CHANGELOG.md "$stage/$name/"
find "$stage/$name" -type d -exec chmod 0755 {} +
find "$stage/$name" -type f -exec chmod 0644 {} +
find "$stage/$name" -exec touch -h -d "@$epoch" {} +

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/$name.tar.gz" "$out/$name.zip" "$out/role-compare-wordpress-$version.zip" "$out/SHA256SUMS"
(
  cd "$stage"
  LC_ALL=C tar --sort=name --format=gnu --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -cf - "$name" | gzip -9 -n > "$out/$name.tar.gz"
  # zip takes the entries in the order given, and writes file times in local time.
  find "$name" -type f | LC_ALL=C sort | TZ=UTC zip -X -D -q -9 -@ "$out/$name.zip"
)
sums=("$name.tar.gz" "$name.zip")
if [ -x integrations/wordpress/build.sh ]; then
  # The plugin, ready for "Plugins > Add New > Upload Plugin"; build.sh makes it reproducible too.
  integrations/wordpress/build.sh "$dist" "$stage/wordpress" >/dev/null
  cp "$stage/wordpress/role-compare-$version.zip" "$out/role-compare-wordpress-$version.zip"
  sums+=("role-compare-wordpress-$version.zip")
fi
(cd "$out" && sha256sum "${sums[@]}" > SHA256SUMS)
echo "release: ${sums[*]/#/$out/} and $out/SHA256SUMS"
cat "$out/SHA256SUMS"
