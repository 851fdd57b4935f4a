#!/usr/bin/env bash
# Tests Briefmap's Debian package without installing it on the system:
#
#   packaging/test-deb.sh dist/briefmap_VERSION_amd64.deb
#
# It checks the control fields and the file list (owners, modes, md5sums),
# unpacks the package into a throwaway root with dpkg -x, and there checks
# that Depends covers every library the binary links (its NEEDED entries,
# mapped to packages with dpkg-query) and Recommends every X11 library GLFW
# loads with dlopen, and names nothing else; validates the desktop entry
# (desktop-file-validate) and the metainfo (appstreamcli validate --no-net);
# formats the manual page (man -l, warnings on) and checks that it is what
# the packaged binary prints (briefmap help --man); builds the MIME database
# of the root (update-mime-database) and asks xdg-mime, with XDG_DATA_DIRS
# pointing at the root, for the type of a .briefmap file and for the
# application that opens it; and runs lintian, which must report no error
# and no warning other than the ones listed below with their reasons.
# Needs: dpkg, desktop-file-utils, appstream, man-db, shared-mime-info,
# xdg-utils, libfile-mimeinfo-perl, binutils, zip, lintian.
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh" "test-deb: FAIL: " test-deb
want_args 1 "packaging/test-deb.sh PACKAGE.deb" "$@"
deb=$(realpath "$1")

# Lintian warnings that remain, and why (test-deb fails on any other):
#   hardening-no-pie: the binary is built like the tests' binaries (go build
#     with the Makefile's GOFLAGS, Go's default non-PIE build mode), so CI compiles Fyne's cgo
#     GL driver once; -buildmode=pie would compile every package, that
#     driver included, a second time (about 5 minutes cold on 2 cores).
#     Without PIE the executable's own image loads at a fixed address; the
#     libraries, the heap and the stacks are still randomised, and the GOT
#     is read-only (relro, -z now).
allowed_warnings="hardening-no-pie"

make_work briefmap-deb-test

need_tools "make deps-package" dpkg-deb:dpkg dpkg-query:dpkg desktop-file-validate:desktop-file-utils appstreamcli:appstream \
	man:man-db update-mime-database:shared-mime-info update-desktop-database:desktop-file-utils \
	xdg-mime:xdg-utils mimetype:libfile-mimeinfo-perl objdump:binutils strings:binutils zip:zip lintian:lintian
version=$(toml Version)
id=$(toml ID)
export LANG=en_US.UTF-8
[ "$(basename "$deb")" = "briefmap_${version}_amd64.deb" ] || fail "$(basename "$deb") is not briefmap_${version}_amd64.deb"

field() { dpkg-deb -f "$deb" "$1"; }

step "control fields"
[ "$(field Package)" = briefmap ] || fail "Package is $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version is $(field Version), FyneApp.toml says $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is $(field Architecture)"
case $(field Maintainer) in
*" <"*@*">") ;;
*) fail "Maintainer '$(field Maintainer)' is not 'Name <address>'" ;;
esac
for f in Installed-Size Depends Section Priority Homepage Description; do
	[ -n "$(field $f)" ] || fail "no $f field"
done

step "file list"
# Every file, with its mode and owner; folders are root's, 0755.
dpkg-deb -c "$deb" >"$work/list"
want="-rwxr-xr-x ./usr/bin/briefmap
-rw-r--r-- ./usr/share/applications/$id.desktop
-rw-r--r-- ./usr/share/doc/briefmap/FORMAT.md.gz
-rw-r--r-- ./usr/share/doc/briefmap/changelog.gz
-rw-r--r-- ./usr/share/doc/briefmap/copyright
$(for s in 128 16 22 24 256 32 48 512 64; do echo "-rw-r--r-- ./usr/share/icons/hicolor/${s}x${s}/apps/$id.png"; done)
-rw-r--r-- ./usr/share/icons/hicolor/scalable/apps/$id.svg
-rw-r--r-- ./usr/share/man/man1/briefmap.1.gz
-rw-r--r-- ./usr/share/metainfo/$id.metainfo.xml
-rw-r--r-- ./usr/share/mime/packages/$id.xml"
got=$(awk '$1 !~ /^d/ { print $1, $6 }' "$work/list" | LC_ALL=C sort)
[ "$got" = "$(printf '%s\n' "$want" | LC_ALL=C sort)" ] ||
	fail "the package's files differ from the expected list:$(diff <(printf '%s\n' "$want" | LC_ALL=C sort) <(printf '%s\n' "$got") | sed 's/^/ /')"
bad=$(awk '$2 != "root/root" || ($1 ~ /^d/ && $1 != "drwxr-xr-x")' "$work/list")
[ -z "$bad" ] || fail "entries not owned by root or folders not 0755: $bad"

step "unpacking into a throwaway root (dpkg -x)"
root=$work/root
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$work/DEBIAN"
(cd "$root" && md5sum --quiet -c "$work/DEBIAN/md5sums") || fail "md5sums do not match the files"
[ "$(wc -l <"$work/DEBIAN/md5sums")" = "$(printf '%s\n' "$want" | wc -l)" ] || fail "md5sums does not list every file"
[ -z "$(ls "$work/DEBIAN" | grep -v -x -e control -e md5sums)" ] || fail "unexpected control files: $(ls "$work/DEBIAN")"
size=$(find "$root" -mindepth 1 -type f -printf '%s\n' | awk '{ k += int(($1 + 1023) / 1024) } END { print k }')
size=$((size + $(find "$root" -mindepth 1 ! -type f | wc -l)))
[ "$(field Installed-Size)" = "$size" ] || fail "Installed-Size is $(field Installed-Size), the files take $size KiB"
bin=$root/usr/bin/briefmap
out=$("$bin" version) || fail "briefmap version failed: $out"
case $out in
"briefmap $version (commit "*", built "????-??-??")") ;;
*) fail "briefmap version printed '$out', want 'briefmap $version (commit …, built YYYY-MM-DD)'" ;;
esac

step "dependencies against the binary's NEEDED entries and dlopen'ed libraries"
# pkgs_of SONAME… prints the packages that ship these libraries.
pkgs_of() {
	local so p
	for so in "$@"; do
		p=$(dpkg-query -S "*/x86_64-linux-gnu/$so" 2>/dev/null | cut -d: -f1 | sort -u)
		[ -n "$p" ] || fail "no installed package ships $so (install the build dependencies: make deps)"
		echo "$p"
	done | sort -u
}
# names FIELD prints the package names a Depends-like field lists.
names() { field "$1" | tr ',' '\n' | sed -e 's/(.*)//' -e 's/[[:space:]]//g' -e '/^$/d' | sort -u; }
mapfile -t needed < <(objdump -p "$bin" | awk '$1 == "NEEDED" { print $2 }')
[ "${#needed[@]}" -gt 0 ] || fail "objdump found no NEEDED entry in the binary"
need_pkgs=$(pkgs_of "${needed[@]}")
[ "$need_pkgs" = "$(names Depends)" ] ||
	fail "Depends lists '$(names Depends | tr '\n' ' ')', the binary links ${needed[*]} from '$(echo $need_pkgs)'"
mapfile -t dlopened < <(strings -n 8 "$bin" | grep -E '^libX[A-Za-z0-9-]*\.so\.[0-9]+$' | sort -u)
[ "${#dlopened[@]}" -gt 0 ] || fail "found no X11 library name in the binary"
dl_pkgs=$(comm -23 <(pkgs_of "${dlopened[@]}") <(echo "$need_pkgs"))
[ "$dl_pkgs" = "$(names Recommends)" ] ||
	fail "Recommends lists '$(names Recommends | tr '\n' ' ')', GLFW loads ${dlopened[*]} from '$(echo $dl_pkgs)'"

step "desktop entry and metainfo"
desktop=$root/usr/share/applications/$id.desktop
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate warns: $out"
grep -qx 'Exec=briefmap open %f' "$desktop" || fail "the desktop entry's Exec is not 'briefmap open %f'"
grep -qx 'MimeType=application/vnd.briefmap.briefing+zip;' "$desktop" || fail "the desktop entry lacks MimeType=application/vnd.briefmap.briefing+zip;"
out=$(appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" 2>&1) || fail "appstreamcli validate: $out"
grep -q '<mediatype>application/vnd.briefmap.briefing+zip</mediatype>' "$root/usr/share/metainfo/$id.metainfo.xml" ||
	fail "the metainfo does not provide the briefing media type"

step "manual page"
page=$root/usr/share/man/man1/briefmap.1.gz
cmp -s <(gzip -dc "$page") <("$bin" help --man) || fail "briefmap.1 differs from what the packaged binary prints (briefmap help --man)"
text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>"$work/man.err") || fail "man -l failed: $(cat "$work/man.err")"
[ ! -s "$work/man.err" ] || fail "man -l warns: $(cat "$work/man.err")"
for want_text in "briefmap - offline map briefings" SYNOPSIS COMMANDS "EXIT STATUS" ENVIRONMENT BRIEFMAP_LOG FILES \
	briefing.yaml deployments.yaml "*.briefmap" "application/vnd.briefmap.briefing+zip"; do
	grep -qF -- "$want_text" <<<"$text" || fail "the manual page lacks '$want_text'"
done
"$bin" help | sed -n 's/^  briefmap \([a-z]*\).*/\1/p' | sort -u >"$work/commands"
[ -s "$work/commands" ] || fail "briefmap help lists no command"
while read -r cmd; do
	grep -qE "^   $cmd\$" <<<"$text" || fail "the manual page has no section for '$cmd'"
done <"$work/commands"

step "MIME type of a .briefmap file (xdg-mime, the root's MIME database)"
# (It notes that the folder is not on XDG_DATA_DIRS: it is not, yet.)
update-mime-database "$root/usr/share/mime" >"$work/umd.log" 2>&1 || fail "update-mime-database failed: $(cat "$work/umd.log")"
mkdir "$work/sample" "$work/home"
cp -r "$repo/data/testdata/good" "$work/sample/mini"
(cd "$work/sample" && zip -qrX ../libya.briefmap mini && cp ../libya.briefmap ../libya.zip)
"$bin" check "$work/libya.briefmap" >/dev/null || fail "briefmap check does not load a .briefmap file"
mimetype_of() {
	env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u KDE_FULL_SESSION -u GNOME_DESKTOP_SESSION_ID \
		LC_ALL=C.UTF-8 HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config" \
		XDG_DATA_DIRS="$1" xdg-mime query "${@:2}"
}
type=$(mimetype_of "$root/usr/share:/usr/share" filetype "$work/libya.briefmap")
[ "$type" = application/vnd.briefmap.briefing+zip ] || fail "xdg-mime says $work/libya.briefmap is '$type'"
type=$(mimetype_of "$root/usr/share:/usr/share" filetype "$work/libya.zip")
[ "$type" = application/zip ] || fail "with the package's MIME type, a .zip became '$type'"
type=$(mimetype_of /usr/share filetype "$work/libya.briefmap")
[ "$type" != application/vnd.briefmap.briefing+zip ] || fail "the system knew the type already: the test proves nothing"
update-desktop-database "$root/usr/share/applications" || fail "update-desktop-database failed"
app=$(mimetype_of "$root/usr/share:/usr/share" default application/vnd.briefmap.briefing+zip)
[ "$app" = "$id.desktop" ] || fail "xdg-mime says .briefmap files open with '$app', want $id.desktop"

step "lintian"
# (--fail-on none: the exit status then says only whether lintian ran; the
# tags are judged below.)
rc=0
LC_ALL=C.UTF-8 lintian --fail-on none --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1 || rc=$?
sed 's/^/    /' "$work/lintian"
[ "$rc" = 0 ] || fail "lintian failed (exit $rc)"
if grep -q '^E: ' "$work/lintian"; then
	fail "lintian reports errors"
fi
unexpected=$(sed -n 's/^W: briefmap: \([^ ]*\).*/\1/p' "$work/lintian" | sort -u | grep -v -x -F -f <(tr ' ' '\n' <<<"$allowed_warnings") || true)
[ -z "$unexpected" ] || fail "lintian warns $unexpected: fix it, or add it to allowed_warnings with the reason"

step "ok ($(du -h "$deb" | cut -f1) package, Installed-Size $(field Installed-Size) KiB)"
