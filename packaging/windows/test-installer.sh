#!/usr/bin/env bash
# Checks the Windows installer without running it (Wine cannot run Go 1.24+
# programs here):
#
#   packaging/windows/test-installer.sh dist/Briefmap-VERSION-setup.exe dist/Briefmap.exe
#
# It is a 32-bit NSIS installer whose version resource names Briefmap's
# version; 7-Zip (which reads NSIS archives) lists exactly Briefmap.exe,
# LICENSE.txt, COPYRIGHT.txt and the uninstaller, and the Briefmap.exe
# inside is byte for byte the one given. Needs p7zip-full and binutils.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: packaging/windows/test-installer.sh SETUP.exe Briefmap.exe" >&2
	exit 2
fi
setup=$1 exe=$2
fail() {
	echo "test-installer: FAIL: $*" >&2
	exit 1
}
command -v 7z >/dev/null || fail "7z not found: install the Debian package p7zip-full (make deps-windows)"
command -v strings >/dev/null || fail "strings not found: install the Debian package binutils"
repo=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' "$repo/FyneApp.toml")
case $(basename "$setup") in
"Briefmap-$version-setup.exe") ;;
*) fail "$(basename "$setup") is not Briefmap-$version-setup.exe" ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/briefmap-nsis-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

# "MZ", then the PE header at e_lfanew: machine 0x014c (i386), the GUI
# subsystem (2).
[ "$(head -c 2 "$setup")" = MZ ] || fail "$setup is not a Windows executable"
pe=$(od -An -tu4 -j60 -N4 "$setup" | tr -d ' ')
[ "$(od -An -tx1 -j$((pe)) -N6 "$setup" | tr -d ' \n')" = 504500004c01 ] || fail "$setup is not a 32-bit PE executable"
[ "$(od -An -tu2 -j$((pe + 92)) -N2 "$setup" | tr -d ' ')" = 2 ] || fail "$setup is not a GUI program"
# The version resource (UTF-16) names the product and its version.
strings -el "$setup" >"$work/strings16"
grep -qx "Briefmap $version setup" "$work/strings16" || fail "the version resource lacks 'Briefmap $version setup'"

7z l -slt "$setup" >"$work/list" || fail "7-Zip cannot read $setup as an NSIS archive"
grep -q '^Type = Nsis' "$work/list" || fail "$setup is not an NSIS installer"
# (The entries follow the line of dashes; the archive's own Path precedes it.)
got=$(awk '/^----------/ { files = 1 } files && sub(/^Path = /, "")' "$work/list" | grep -v '^\$PLUGINSDIR/' | LC_ALL=C sort)
want=$(printf '%s\n' Briefmap.exe COPYRIGHT.txt LICENSE.txt "Uninstall Briefmap.exe" | LC_ALL=C sort)
[ "$got" = "$want" ] || fail "the installer holds: $(echo $got); want: $(echo $want)"
grep -q '^Path = \$PLUGINSDIR/System.dll' "$work/list" || fail "the System plug-in (SHChangeNotify) is missing"
7z x -y -o"$work/x" "$setup" Briefmap.exe LICENSE.txt >/dev/null || fail "7-Zip cannot extract Briefmap.exe"
cmp -s "$work/x/Briefmap.exe" "$exe" || fail "the Briefmap.exe inside differs from $exe"
grep -q $'\r$' "$work/x/LICENSE.txt" || fail "LICENSE.txt does not have Windows line ends"
echo "test-installer: ok ($(du -h "$setup" | cut -f1), Briefmap.exe $(du -h "$exe" | cut -f1))"
