#!/usr/bin/env bash
# Builds gateway/target/outpost_<version>_all.deb from the built distribution (gateway/target/dist/lib).
# Called by Maven in the gateway's package phase; skips (exit 0, with a message) where dpkg-deb is missing.
#   usage: build-deb.sh <repo root> <gateway target dir> <maven version>
set -euo pipefail
root="$1"; target="$2"; maven_version="$3"

if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "outpost: dpkg-deb not found; skipping the .deb (apt-get install dpkg-dev to build it)"
  exit 0
fi
# Debian orders '~' before anything, so 0.1.0~SNAPSHOT < 0.1.0: a snapshot upgrades to its release.
version="${maven_version//-/\~}"
pkg="$root/packaging"
stage="$target/deb/outpost"
rm -rf "$target/deb"
install -d "$stage/DEBIAN" "$stage/usr/share/outpost/lib" "$stage/usr/bin" "$stage/lib/systemd/system" \
  "$stage/etc/outpost" "$stage/usr/share/doc/outpost/examples"

install -m 0644 "$target"/dist/lib/*.jar "$stage/usr/share/outpost/lib/"
install -m 0755 "$pkg/debian/outpost" "$stage/usr/bin/outpost"
install -m 0644 "$pkg/systemd/outpost.service" "$stage/lib/systemd/system/outpost.service"
install -m 0640 "$pkg/etc/outpost.yaml" "$pkg/etc/units.csv" "$stage/etc/outpost/"
for doc in operations.md config.md mqtt-api.md reliability.md serial.md journal.md; do
  [ -f "$root/docs/$doc" ] && install -m 0644 "$root/docs/$doc" "$stage/usr/share/doc/outpost/"
done
install -m 0644 "$root/examples/gateway.yaml" "$root/examples/units-sample.csv" "$stage/usr/share/doc/outpost/examples/"
printf 'Outpost\nLicence: see the project repository.\n' > "$stage/usr/share/doc/outpost/copyright"

install -m 0644 "$pkg/debian/conffiles" "$stage/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 0755 "$pkg/debian/$script" "$stage/DEBIAN/$script"
done
size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$pkg/debian/control.in" > "$stage/DEBIAN/control"

deb="$target/outpost_${version}_all.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "outpost: built $deb"
