#!/usr/bin/env bash
# Tests Briefmap's Linux package end to end:
#
#   packaging/test-package.sh dist/briefmap-VERSION-linux-amd64.tar.xz
#
# It extracts the package into a temporary folder and checks its layout and
# icons; validates the desktop entry (desktop-file-validate) and the AppStream
# metainfo (appstreamcli validate --no-net) and that both agree with
# FyneApp.toml; installs it into a temporary HOME with install.sh, checks
# that the installed MIME database (update-mime-database) gives a .briefmap
# file the type application/vnd.briefmap.briefing+zip and that Briefmap is
# the application that opens it (xdg-mime), and that install.sh never
# overwrites a file it does not own and rolls a failed install back; starts
# the binary named by the installed desktop entry's Exec= line on a private
# Xvfb display, as the menu does (no file) and as a double-click on a
# .briefmap file does, waits each time for a window named after the briefing
# and checks its class (StartupWMClass) and icon; then uninstalls and checks
# that nothing is left, the MIME caches included. Xvfb and the app are
# always killed, even on failure.
# Needs: xz-utils, desktop-file-utils, appstream, shared-mime-info,
# xdg-utils, libfile-mimeinfo-perl, zip, xvfb, xdotool, x11-utils.
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh" "test-package: FAIL: " test-package
want_args 1 "packaging/test-package.sh PACKAGE.tar.xz" "$@"
pkg=$(realpath "$1")
# How long the app may take to show its window (cold start, software GL,
# a loaded 2-core machine).
window_timeout=${BRIEFMAP_WINDOW_TIMEOUT:-180}

# shellcheck source=packaging/xvfb.sh
. "$repo/packaging/xvfb.sh"

make_work briefmap-package-test

need_tools "make deps deps-package" tar:tar xz:xz-utils desktop-file-validate:desktop-file-utils appstreamcli:appstream \
	update-mime-database:shared-mime-info update-desktop-database:desktop-file-utils xdg-mime:xdg-utils \
	mimetype:libfile-mimeinfo-perl zip:zip Xvfb:xvfb xdotool:xdotool xprop:x11-utils readelf:binutils od:coreutils
version=$(toml Version)
name=$(toml Name)
id=$(toml ID)
[ -n "$version" ] && [ -n "$name" ] && [ -n "$id" ] || fail "FyneApp.toml lacks Version, Name or ID"
export LANG=en_US.UTF-8

# desktop_key FILE KEY prints KEY's value in FILE's [Desktop Entry] group.
desktop_key() {
	awk -v key="$2" '
		/^\[/ { group = $0 }
		group == "[Desktop Entry]" && index($0, key "=") == 1 { print substr($0, length(key) + 2); exit }
	' "$1"
}

# png_size FILE prints "WIDTHxHEIGHT" from a PNG's IHDR.
png_size() {
	local w h
	[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "not-a-png"; return; }
	w=$(od -An -tu4 --endian=big -j16 -N4 "$1" | tr -d ' ')
	h=$(od -An -tu4 --endian=big -j20 -N4 "$1" | tr -d ' ')
	echo "${w}x${h}"
}

step "extracting $pkg"
mkdir "$work/pkg"
tar -xJf "$pkg" -C "$work/pkg" || fail "cannot extract $pkg"
top=$(ls "$work/pkg")
[ "$top" = "briefmap-$version-linux-amd64" ] || fail "package holds '$top', want the one folder briefmap-$version-linux-amd64"
root=$work/pkg/$top

desktop=$root/share/applications/$id.desktop
metainfo=$root/share/metainfo/$id.metainfo.xml
for f in install.sh README.txt bin/briefmap "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml" \
	"share/icons/hicolor/scalable/apps/$id.svg" "share/mime/packages/$id.xml" share/man/man1/briefmap.1.gz \
	share/doc/briefmap/copyright share/doc/briefmap/FORMAT.md; do
	[ -f "$root/$f" ] || fail "package lacks $f"
done
# install.sh README.txt binary desktop metainfo, 9 PNGs, 1 SVG, MIME type,
# manual, copyright, FORMAT.md
want_files=$((5 + 9 + 1 + 4))
got_files=$(find "$root" -type f | wc -l)
[ "$got_files" = "$want_files" ] || fail "package holds $got_files files, want $want_files: $(cd "$root" && find . -type f | sort | tr '\n' ' ')"
[ -z "$(find "$root" ! -type f ! -type d)" ] || fail "package holds something that is neither a file nor a folder"
[ -x "$root/bin/briefmap" ] && [ -x "$root/install.sh" ] || fail "bin/briefmap and install.sh must be executable"
for size in 16 22 24 32 48 64 128 256 512; do
	icon=$root/share/icons/hicolor/${size}x${size}/apps/$id.png
	[ -f "$icon" ] || fail "package lacks the ${size}px icon"
	got=$(png_size "$icon")
	[ "$got" = "${size}x${size}" ] || fail "${size}px icon is $got"
	cmp -s "$icon" "$repo/assets/icon/hicolor/${size}x${size}/apps/$id.png" || fail "${size}px icon differs from assets/icon"
done
# ELF magic, 64-bit class, and e_machine 0x3e (x86-64), little-endian.
[ "$(od -An -tx1 -N5 "$root/bin/briefmap" | tr -d ' \n')" = 7f454c4602 ] &&
	[ "$(od -An -tx1 -j18 -N2 "$root/bin/briefmap" | tr -d ' \n')" = 3e00 ] ||
	fail "bin/briefmap is not an x86-64 ELF executable"
if readelf -S "$root/bin/briefmap" | grep -q '\.symtab'; then
	fail "bin/briefmap is not stripped (build it with -ldflags '-s -w')"
fi
if grep -q EmojiOneColor "$root/bin/briefmap"; then
	fail "bin/briefmap embeds Fyne's emoji font (build it with the Makefile's GOFLAGS, -tags=no_emoji)"
fi

step "validating the desktop entry and the metainfo"
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate warns: $out"
out=$(appstreamcli validate --no-net "$metainfo" 2>&1) || fail "appstreamcli validate: $out"
[ "$(desktop_key "$desktop" Name)" = "$name" ] || fail "desktop Name is not FyneApp.toml's $name"
[ "$(desktop_key "$desktop" Icon)" = "$id" ] || fail "desktop Icon is not $id"
for key in GenericName Comment; do
	[ "$(desktop_key "$desktop" $key)" = "$(toml $key)" ] || fail "desktop $key differs from FyneApp.toml's"
done
exec_line=$(desktop_key "$desktop" Exec)
[ "$exec_line" = "briefmap open %f" ] || fail "desktop Exec=$exec_line, want 'briefmap open %f'"
[ "$(desktop_key "$desktop" MimeType)" = "application/vnd.briefmap.briefing+zip;" ] ||
	fail "desktop MimeType is not application/vnd.briefmap.briefing+zip;"
cmp -s "$root/share/mime/packages/$id.xml" "$repo/packaging/$id.mime.xml" || fail "the MIME type differs from packaging/$id.mime.xml"
cmp -s <(gzip -dc "$root/share/man/man1/briefmap.1.gz") <("$root/bin/briefmap" help --man) ||
	fail "share/man/man1/briefmap.1.gz is not what bin/briefmap help --man prints"
grep -q "<id>$id</id>" "$metainfo" || fail "metainfo id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "metainfo launchable is not $id.desktop"
latest=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" | head -n1)
[ "$latest" = "$version" ] || fail "metainfo's latest release is $latest, FyneApp.toml's Version is $version: add a <release>"

step "checking briefmap version"
out=$("$root/bin/briefmap" version) || fail "briefmap version failed: $out"
case $out in
"briefmap $version"*) ;;
*) fail "briefmap version printed '$out', want 'briefmap $version …'" ;;
esac

step "installing into a temporary HOME"
home=$work/home
mkdir "$home"
HOME=$home "$root/install.sh" >"$work/install.log" 2>&1 || fail "install.sh failed: $(cat "$work/install.log")"
local_=$home/.local
installed=$local_/share/applications/$id.desktop
for f in bin/briefmap "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml" \
	"share/icons/hicolor/48x48/apps/$id.png" "share/icons/hicolor/scalable/apps/$id.svg" \
	"share/mime/packages/$id.xml" share/mime/mime.cache share/applications/mimeinfo.cache \
	share/man/man1/briefmap.1.gz share/briefmap/install-manifest.txt share/briefmap/install.sh; do
	[ -f "$local_/$f" ] || fail "install did not create ~/.local/$f"
done
out=$(desktop-file-validate "$installed" 2>&1) || fail "installed desktop entry: $out"
exec_line=$(desktop_key "$installed" Exec)
[ "$exec_line" = "$local_/bin/briefmap open %f" ] || fail "installed Exec=$exec_line, want $local_/bin/briefmap open %f"
[ "$(desktop_key "$installed" TryExec)" = "$local_/bin/briefmap" ] || fail "installed TryExec is not $local_/bin/briefmap"
# The file type, with the user's MIME database: a double-click on
# libya.briefmap opens Briefmap.
mkdir -p "$work/sample"
cp -r "$repo/data/testdata/good" "$work/sample/mini"
(cd "$work/sample" && zip -qrX ../mini.briefmap mini)
xdg() {
	env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u KDE_FULL_SESSION -u GNOME_DESKTOP_SESSION_ID \
		LC_ALL=C.UTF-8 HOME="$home" XDG_DATA_HOME="$local_/share" XDG_CONFIG_HOME="$work/noconfig" XDG_DATA_DIRS=/usr/share \
		xdg-mime query "$@"
}
type=$(xdg filetype "$work/mini.briefmap")
[ "$type" = application/vnd.briefmap.briefing+zip ] || fail "after install, xdg-mime says mini.briefmap is '$type'"
app=$(xdg default application/vnd.briefmap.briefing+zip)
[ "$app" = "$id.desktop" ] || fail "after install, xdg-mime says .briefmap files open with '$app'"
nfiles=$(find "$home" -type f | wc -l)
HOME=$home "$root/install.sh" >"$work/install.log" 2>&1 || fail "reinstall failed: $(cat "$work/install.log")"
[ "$(find "$home" -type f | wc -l)" = "$nfiles" ] || fail "reinstalling changed the number of installed files"

step "refusing to overwrite a file it did not install"
mkdir -p "$work/other/bin"
echo keep >"$work/other/bin/briefmap"
if "$root/install.sh" --prefix "$work/other" >"$work/install.log" 2>&1; then
	fail "install.sh overwrote $work/other/bin/briefmap"
fi
[ "$(cat "$work/other/bin/briefmap")" = keep ] || fail "install.sh changed a file it does not own"
[ "$(find "$work/other" | wc -l)" = 3 ] || fail "a refused install left files behind: $(find "$work/other")"

step "rolling back a failed install"
mkdir -p "$work/broken/share"
echo in-the-way >"$work/broken/share/metainfo" # a file where a folder must go
if "$root/install.sh" --prefix "$work/broken" >"$work/install.log" 2>&1; then
	fail "install.sh succeeded with share/metainfo in the way"
fi
left=$(cd "$work/broken" && find . | sort | tr '\n' ' ')
[ "$left" = ". ./share ./share/metainfo " ] || fail "a failed install left: $left"

step "starting '$exec_line' (the installed desktop entry's Exec=) under Xvfb, with a .briefmap file"
start_xvfb 1280 800 "$work" || fail "cannot start Xvfb"
mkdir -p "$work/guihome"
# start_app FILE runs the desktop entry's Exec= line as a desktop does, %f
# replaced by FILE (or dropped when FILE is empty). The app's own settings
# go to a separate HOME so that the uninstall check below sees only what
# install.sh wrote.
start_app() {
	local line=${exec_line//%[FuUick]/}
	local -a cmd
	read -r -a cmd <<<"${line//%f/}"
	[ -z "$1" ] || cmd+=("$1")
	HOME=$work/guihome XDG_CONFIG_HOME=$work/guihome/.config XDG_CACHE_HOME=$work/guihome/.cache \
		XDG_DATA_HOME=$work/guihome/.local/share "${cmd[@]}" >"$work/app.log" 2>&1 &
	app_pid=$!
}
# title_of BRIEFING.yaml prints the briefing's title.
title_of() {
	local t
	t=$(sed -n 's/^title: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$1")
	[ -n "$t" ] || fail "cannot read the title of $1"
	echo "$t"
}
mini_title=$(title_of "$repo/data/testdata/good/briefing.yaml")
libya_title=$(title_of "$repo/data/libya/briefing/briefing.yaml")
start_app "$work/mini.briefmap"
wid=$(wait_window "^Briefmap .*$mini_title\$" "$window_timeout" "$work/app.log") || fail "no window for $mini_title"
step "window $wid: '$(xdotool getwindowname "$wid")'"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""

step "starting '$exec_line' as the menu does (no file)"
start_app ""
wid=$(wait_window "^Briefmap .*$libya_title\$" "$window_timeout" "$work/app.log") || fail "no window for the embedded Libya briefing"
step "window $wid: '$(xdotool getwindowname "$wid")'"
wm_class=$(xprop -id "$wid" WM_CLASS 2>/dev/null | sed -n 's/.*= //p')
wm_startup=$(desktop_key "$installed" StartupWMClass)
case $wm_class in
*"\"$wm_startup\""*) ;;
*) fail "window class is $wm_class; the desktop entry's StartupWMClass=$wm_startup would not match it" ;;
esac
# The window's icon (what the taskbar and the window switcher show) must be
# ours: 512×512 (the app sets icon.PNG), the tile blue at (256, 40). xprop
# counts -len in bytes of 64-bit longs.
icon_words=$(xprop -id "$wid" -notype -len $((8 * (2 + 41 * 512))) -f _NET_WM_ICON 32c _NET_WM_ICON 2>/dev/null |
	sed -n 's/^_NET_WM_ICON = //p' | tr -d ' ')
IFS=, read -r -a icon_px <<<"$icon_words"
[ "${#icon_px[@]}" -gt 2 ] || fail "the window has no icon (_NET_WM_ICON): the app must call SetIcon with assets/icon's PNG"
[ "${icon_px[0]}x${icon_px[1]}" = 512x512 ] || fail "the window icon is ${icon_px[0]}x${icon_px[1]}, not Briefmap's 512x512 icon"
printf -v tile '%d' 0xFF0072B2
[ "${icon_px[$((2 + 40 * 512 + 256))]:-}" = "$tile" ] || fail "the window icon is not Briefmap's icon"
stop_all

step "uninstalling"
HOME=$home "$local_/share/briefmap/install.sh" --uninstall >"$work/install.log" 2>&1 || fail "uninstall failed: $(cat "$work/install.log")"
left=$(find "$home" -mindepth 1)
[ -z "$left" ] || fail "uninstall left: $left"
if HOME=$home "$root/install.sh" --uninstall >/dev/null 2>&1; then
	fail "uninstalling twice succeeded"
fi

step "ok ($(du -h "$pkg" | cut -f1) package, $(du -h "$root/bin/briefmap" | cut -f1) binary)"
