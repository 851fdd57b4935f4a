#!/usr/bin/env bash
# Builds the Debian package of Briefmap around an already built binary, with
# dpkg-deb and no network:
#
#   packaging/mkdeb.sh BINARY MANPAGE COPYRIGHT VERSION OUT.deb
#
# MANPAGE is briefmap.1 as "BINARY help --man" writes it; COPYRIGHT the
# DEP-5 file packaging/mkcopyright.sh writes. The package installs
#   /usr/bin/briefmap
#   /usr/share/applications/io.github.briefmap.briefmap.desktop
#   /usr/share/icons/hicolor/{16x16…512x512,scalable}/apps/io.github.briefmap.briefmap.{png,svg}
#   /usr/share/metainfo/io.github.briefmap.briefmap.metainfo.xml
#   /usr/share/mime/packages/io.github.briefmap.briefmap.xml
#   /usr/share/man/man1/briefmap.1.gz
#   /usr/share/doc/briefmap/{copyright,changelog.gz,FORMAT.md.gz}
# Depends is derived from what the binary links (dpkg-shlibdeps); Recommends
# names the X11 libraries GLFW loads at run time with dlopen, which no
# ELF header declares. No maintainer scripts: dpkg triggers of
# shared-mime-info, desktop-file-utils, hicolor-icon-theme and man-db update
# their caches. The package is reproducible: every mtime is clamped to
# SOURCE_DATE_EPOCH (or the last commit's time), files are owned by root,
# modes are set explicitly, and dpkg-deb compresses with one xz thread.
# Run from the repository root.
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh" "mkdeb.sh: "
package_args OUT.deb "$@"
# The package's maintainer (also the changelog's author).
maintainer="The Briefmap developers <briefmap@users.noreply.github.com>"
# Loaded with dlopen by GLFW's X11 backend (cursors, monitors, input,
# Xinerama, gamma, XCB and transparency): optional, hence Recommends.
# test-package.sh checks this list against the sonames the binary names.
recommends="libx11-xcb1, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"

need_tools "make deps-package" dpkg-deb:dpkg-dev dpkg-shlibdeps:dpkg-dev gzip:gzip

make_stage briefmap-deb
# dpkg-shlibdeps wants a source tree: debian/control, and the package's
# files in debian/PACKAGE with its DEBIAN folder.
root=$stage/debian/briefmap
umask 022
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
	"$root/usr/share/mime/packages" "$root/usr/share/man/man1" "$root/usr/share/doc/briefmap" "$root/usr/share/icons"
install -m 0755 "$bin" "$root/usr/bin/briefmap"
install -m 0644 "packaging/$id.desktop" "$root/usr/share/applications/$id.desktop"
install -m 0644 "packaging/$id.metainfo.xml" "$root/usr/share/metainfo/$id.metainfo.xml"
install -m 0644 "packaging/$id.mime.xml" "$root/usr/share/mime/packages/$id.xml"
cp -r assets/icon/hicolor "$root/usr/share/icons/hicolor"
gzip -9n <"$manpage" >"$root/usr/share/man/man1/briefmap.1.gz"
install -m 0644 "$copyright" "$root/usr/share/doc/briefmap/copyright"
gzip -9n <data/FORMAT.md >"$root/usr/share/doc/briefmap/FORMAT.md.gz"

# changelog.gz (a native package's Debian changelog) from the metainfo's
# releases, newest first.
awk -v pkg=briefmap -v who="$maintainer" '
	function flush() {
		if (ver == "") return
		gsub(/[[:space:]]+/, " ", text); sub(/^ /, "", text); sub(/ $/, "", text)
		printf "%s (%s) unstable; urgency=medium\n\n", pkg, ver
		line = "  *"; n = split(text, w, " ")
		for (i = 1; i <= n; i++) {
			if (length(line) + 1 + length(w[i]) > 78) { print line; line = "   " }
			line = line " " w[i]
		}
		print line
		cmd = "LC_ALL=C date -u -R -d " date "T12:00:00Z"; cmd | getline stamp; close(cmd)
		printf "\n -- %s  %s\n\n", who, stamp
		ver = ""; text = ""
	}
	/<release / {
		match($0, /version="[^"]*"/); ver = substr($0, RSTART + 9, RLENGTH - 10)
		match($0, /date="[^"]*"/); date = substr($0, RSTART + 6, RLENGTH - 7)
	}
	ver != "" && /<p>/, ver != "" && /<\/p>/ { t = $0; gsub(/<[^>]*>/, "", t); text = text " " t }
	/<\/release>/ { flush() }
' "packaging/$id.metainfo.xml" | sed '$d' | gzip -9n >"$root/usr/share/doc/briefmap/changelog.gz"
[ -n "$(gzip -dc "$root/usr/share/doc/briefmap/changelog.gz")" ] || fail "no <release> in packaging/$id.metainfo.xml"

find "$root/usr" -type d -exec chmod 0755 {} + -o -type f ! -path "$root/usr/bin/*" -exec chmod 0644 {} +

# Depends: what the binary links.
printf 'Source: briefmap\n\nPackage: briefmap\nArchitecture: amd64\n' >"$stage/debian/control"
depends=$(cd "$stage" && LC_ALL=C dpkg-shlibdeps -O -edebian/briefmap/usr/bin/briefmap) || fail "dpkg-shlibdeps failed"
depends=${depends#shlibs:Depends=}
[ -n "$depends" ] || fail "dpkg-shlibdeps found no dependency"
rm "$stage/debian/control"

# Installed-Size: KiB, each file rounded up, as dpkg-gencontrol counts.
size=$(find "$root/usr" -type f -printf '%s\n' | awk '{ k += int(($1 + 1023) / 1024) } END { print k }')
size=$((size + $(find "$root/usr" ! -type f | wc -l)))

cat >"$root/DEBIAN/control" <<CONTROL
Package: briefmap
Version: $version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $size
Depends: $depends
Recommends: $recommends
Section: science
Priority: optional
Homepage: https://github.com/briefmap/briefmap
Description: offline map briefings with every claim traced to its source
 Briefmap opens on a map of Libya that shows who controls what, where the
 oil terminals and fields are, and where foreign forces are deployed. Beside
 the map, panels list the actors and the verbatim source excerpts that back
 every mark on it; the current view exports as a 1920x1080 briefing slide.
 .
 It reads other briefing packages (folders, .zip or .briefmap files of YAML
 and GeoJSON) and never uses the network: the map, the fonts and the Libya
 briefing are built in. The same binary has headless commands for scripts
 (export, render, info, geojson, quotes, check).
CONTROL
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -newermt "@$epoch" -exec touch -h -d "@$epoch" {} +

mkdir -p "$(dirname "$out")"
tmp=$out.tmp.$$
dpkg-deb --root-owner-group -Zxz -z6 --threads-max=1 --build "$root" "$tmp" >/dev/null
mv -f "$tmp" "$out"
echo "$out: $(du -h "$out" | cut -f1) (Installed-Size $size KiB)"
