#!/usr/bin/env bash
# Assembles the Linux package of Briefmap around an already built binary:
#
#   packaging/mktarball.sh BINARY VERSION OUT.tar.xz
#
# OUT.tar.xz holds one folder, briefmap-VERSION-linux-amd64/, with
#   install.sh  README.txt
#   bin/briefmap
#   share/applications/io.github.briefmap.briefmap.desktop
#   share/icons/hicolor/{16x16…512x512,scalable}/apps/io.github.briefmap.briefmap.{png,svg}
#   share/metainfo/io.github.briefmap.briefmap.metainfo.xml
# The archive is reproducible: sorted, owned by root, every mtime set to
# SOURCE_DATE_EPOCH (or the last commit's time). Run from the repository root.
set -euo pipefail

if [ $# -ne 3 ]; then
	echo "usage: packaging/mktarball.sh BINARY VERSION OUT.tar.xz" >&2
	exit 2
fi
bin=$1 version=$2 out=$3
id=io.github.briefmap.briefmap
name=briefmap-$version-linux-amd64

[ -x "$bin" ] || { echo "mktarball.sh: $bin: not an executable" >&2; exit 1; }
for f in packaging/$id.desktop packaging/$id.metainfo.xml packaging/install.sh assets/icon/hicolor; do
	[ -e "$f" ] || { echo "mktarball.sh: $f missing (run from the repository root)" >&2; exit 1; }
done

epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

stage=$(mktemp -d "${TMPDIR:-/tmp}/briefmap-pkg.XXXXXX")
tmp=""
trap 'rm -rf "$stage" ${tmp:+"$tmp"}' EXIT
root=$stage/$name
mkdir -p "$root/bin" "$root/share/applications" "$root/share/metainfo" "$root/share/icons"
install -m 0755 "$bin" "$root/bin/briefmap"
install -m 0644 "packaging/$id.desktop" "$root/share/applications/$id.desktop"
install -m 0644 "packaging/$id.metainfo.xml" "$root/share/metainfo/$id.metainfo.xml"
cp -r assets/icon/hicolor "$root/share/icons/hicolor"
find "$root/share/icons" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
install -m 0755 packaging/install.sh "$root/install.sh"
cat >"$root/README.txt" <<TXT
Briefmap $version for Linux (x86-64)

Install for the current user (into ~/.local, shows up in the application menu):
    ./install.sh
Remove it again (removes exactly what install.sh added):
    ~/.local/share/briefmap/install.sh --uninstall
Install elsewhere: ./install.sh --prefix DIR. Run without installing: bin/briefmap

Briefmap needs OpenGL (Mesa is fine) and an X11 or XWayland display; it uses no network.
TXT
chmod 0644 "$root/README.txt"

mkdir -p "$(dirname "$out")"
tmp=$out.tmp.$$
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
	--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
	-C "$stage" -cf - "$name" | xz -6 -T1 >"$tmp"
mv -f "$tmp" "$out"
echo "$out: $(du -h "$out" | cut -f1) (binary $(du -h "$bin" | cut -f1))"
