#!/usr/bin/env bash
# Assembles the Linux package of Briefmap around an already built binary:
#
#   packaging/mktarball.sh BINARY MANPAGE COPYRIGHT VERSION OUT.tar.xz
#
# MANPAGE is briefmap.1 as "BINARY help --man" writes it; COPYRIGHT the
# DEP-5 file packaging/mkcopyright.sh writes. OUT.tar.xz holds one folder,
# briefmap-VERSION-linux-amd64/, with
#   install.sh  README.txt
#   bin/briefmap
#   share/applications/io.github.briefmap.briefmap.desktop
#   share/icons/hicolor/{16x16…512x512,scalable}/apps/io.github.briefmap.briefmap.{png,svg}
#   share/metainfo/io.github.briefmap.briefmap.metainfo.xml
#   share/mime/packages/io.github.briefmap.briefmap.xml
#   share/man/man1/briefmap.1.gz
#   share/doc/briefmap/{copyright,FORMAT.md}
# The archive is reproducible: sorted, owned by root, every mtime set to
# SOURCE_DATE_EPOCH (or the last commit's time), gzip without a name or
# time, xz on one thread. Run from the repository root.
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh" "mktarball.sh: "
package_args OUT.tar.xz "$@"
name=briefmap-$version-linux-amd64
[ -e packaging/install.sh ] || fail "packaging/install.sh missing (run from the repository root)"

make_stage briefmap-pkg
root=$stage/$name
umask 022
mkdir -p "$root/bin" "$root/share/applications" "$root/share/metainfo" "$root/share/icons" \
	"$root/share/mime/packages" "$root/share/man/man1" "$root/share/doc/briefmap"
install -m 0755 "$bin" "$root/bin/briefmap"
install -m 0644 "packaging/$id.desktop" "$root/share/applications/$id.desktop"
install -m 0644 "packaging/$id.metainfo.xml" "$root/share/metainfo/$id.metainfo.xml"
install -m 0644 "packaging/$id.mime.xml" "$root/share/mime/packages/$id.xml"
gzip -9n <"$manpage" >"$root/share/man/man1/briefmap.1.gz"
install -m 0644 "$copyright" "$root/share/doc/briefmap/copyright"
install -m 0644 data/FORMAT.md "$root/share/doc/briefmap/FORMAT.md"
cp -r assets/icon/hicolor "$root/share/icons/hicolor"
find "$root/share" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
install -m 0755 packaging/install.sh "$root/install.sh"
cat >"$root/README.txt" <<TXT
Briefmap $version for Linux (x86-64)

Install for the current user (into ~/.local, shows up in the application menu):
    ./install.sh
Remove it again (removes exactly what install.sh added):
    ~/.local/share/briefmap/install.sh --uninstall
Install elsewhere: ./install.sh --prefix DIR. Run without installing: bin/briefmap
The manual: man share/man/man1/briefmap.1.gz (or "man briefmap" once installed,
with ~/.local/bin on your PATH), or bin/briefmap help.
*.briefmap files (zipped briefing packages) open in Briefmap on a double-click.
Licences: share/doc/briefmap/copyright.

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
