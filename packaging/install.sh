#!/bin/sh
# Installs Briefmap from this unpacked package, by default for the current
# user (~/.local), so that it appears in the desktop's application menu and
# opens on a double-click; --uninstall removes exactly what was installed.
#
#   ./install.sh [--prefix DIR]      install (DIR defaults to ~/.local)
#   ./install.sh --uninstall [--prefix DIR]
#
# Every file and folder the install creates is listed in
# DIR/share/briefmap/install-manifest.txt ("f PATH" or "d PATH"), and a copy
# of this script is kept beside it, so ~/.local/share/briefmap/install.sh
# --uninstall works after the package folder is gone. A file that is already
# there and was not installed by this script is never overwritten. The
# desktop's caches are refreshed where their tools are installed:
# update-mime-database registers the *.briefmap file type
# (application/vnd.briefmap.briefing+zip) and update-desktop-database
# records that Briefmap opens it; uninstalling refreshes them again, and
# removes the caches outright when Briefmap created their folder and was
# the only thing in it.
set -eu

usage() {
	echo "usage: install.sh [--prefix DIR] [--uninstall]   (DIR defaults to \$HOME/.local)"
}

prefix=""
mode=install
while [ $# -gt 0 ]; do
	case $1 in
	--prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix=$2; shift 2 ;;
	--prefix=*) prefix=${1#--prefix=}; shift ;;
	--uninstall) mode=uninstall; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "install.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
	esac
done
if [ -z "$prefix" ]; then
	[ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set; pass --prefix DIR" >&2; exit 2; }
	prefix=$HOME/.local
fi
case $prefix in
/*) ;;
*) prefix=$(pwd)/$prefix ;;
esac
prefix=${prefix%/}

state=$prefix/share/briefmap
manifest=$state/install-manifest.txt

# refresh_caches ENTRIES brings the shared MIME database and the desktop
# entries' MIME cache under $prefix/share up to date with what is installed
# now. ENTRIES are the manifest's lines: after an uninstall, a cache in a
# folder the install created ("d DIR") whose sources are all gone is
# removed, so that the folder can go too.
refresh_caches() {
	mime=$prefix/share/mime
	apps=$prefix/share/applications
	if [ -d "$mime" ]; then
		if ls "$mime"/packages/*.xml >/dev/null 2>&1; then
			if command -v update-mime-database >/dev/null 2>&1; then
				update-mime-database "$mime" || echo "install.sh: update-mime-database $mime failed" >&2
			fi
		elif printf '%s\n' "$1" | grep -Fqx "d $mime"; then
			find "$mime" -mindepth 1 -maxdepth 1 ! -name packages -exec rm -rf -- {} +
		elif command -v update-mime-database >/dev/null 2>&1; then
			update-mime-database "$mime" || true
		fi
	fi
	if [ -d "$apps" ]; then
		if ls "$apps"/*.desktop >/dev/null 2>&1 || ! printf '%s\n' "$1" | grep -Fqx "d $apps"; then
			if command -v update-desktop-database >/dev/null 2>&1; then
				update-desktop-database -q "$apps" || echo "install.sh: update-desktop-database $apps failed" >&2
			fi
		else
			rm -f -- "$apps/mimeinfo.cache"
		fi
	fi
}

# uninstall removes the files the manifest lists, then the manifest, then
# refreshes the caches, then removes the folders it lists that are empty,
# deepest first.
uninstall() {
	if [ ! -f "$manifest" ]; then
		echo "install.sh: Briefmap is not installed in $prefix ($manifest not found)" >&2
		return 1
	fi
	entries=$(cat "$manifest")
	n=0
	while IFS= read -r line; do
		case $line in
		"f "*) rm -f -- "${line#f }"; n=$((n + 1)) ;;
		esac
	done <<LIST
$entries
LIST
	rm -f -- "$manifest"
	refresh_caches "$entries"
	printf '%s\n' "$entries" | sed -n 's/^d //p' | sort -r | while IFS= read -r dir; do
		rmdir -- "$dir" 2>/dev/null || true
	done
	echo "Briefmap uninstalled from $prefix ($n files removed)"
}

if [ "$mode" = uninstall ]; then
	uninstall
	exit $?
fi

here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$here/bin/briefmap" ]; then
	echo "install.sh: $here/bin/briefmap not found: run install.sh from the unpacked package" >&2
	exit 1
fi
if [ -f "$manifest" ]; then
	echo "Removing the previous install from $prefix"
	uninstall
fi

# The files to install, relative to the package folder.
files=$(cd "$here" && find bin share -type f | LC_ALL=C sort)

for f in $files; do
	if [ -e "$prefix/$f" ]; then
		echo "install.sh: $prefix/$f already exists and was not installed by this script; remove it or choose another --prefix" >&2
		exit 1
	fi
done
if [ -e "$state/install.sh" ]; then
	echo "install.sh: $state/install.sh already exists and was not installed by this script" >&2
	exit 1
fi

# mkdirs creates the folder $1 and its missing parents, recording each one.
mkdirs() {
	missing=""
	d=$1
	while [ ! -d "$d" ]; do
		missing="$d
$missing"
		d=$(dirname "$d")
	done
	while IFS= read -r d; do
		[ -n "$d" ] || continue
		mkdir -- "$d"
		echo "d $d" >>"$manifest"
	done <<LIST
$missing
LIST
}

# The manifest is written as the install goes, so that a failed install is
# rolled back to exactly what was there before.
done_ok=no
rollback() {
	if [ "$done_ok" != yes ] && [ -f "$manifest" ]; then
		echo "install.sh: install failed; rolling back" >&2
		uninstall >/dev/null || true
	fi
}
trap rollback EXIT

missing=""
d=$state
while [ ! -d "$d" ]; do
	missing="$d
$missing"
	d=$(dirname "$d")
done
mkdir -p -- "$state"
: >"$manifest"
printf '%s' "$missing" | while IFS= read -r d; do
	[ -n "$d" ] && echo "d $d" >>"$manifest"
done
echo "f $manifest" >>"$manifest"

bin=$prefix/bin/briefmap
exec_bin=$bin
case $bin in
*[[:space:]]*) exec_bin="\"$bin\"" ;; # the desktop entry spec quotes such paths
esac
for f in $files; do
	dst=$prefix/$f
	mkdirs "$(dirname "$dst")"
	echo "f $dst" >>"$manifest"
	case $f in
	bin/*) cp -- "$here/$f" "$dst"; chmod 0755 "$dst" ;;
	*.desktop)
		# The menu must find the binary even when $prefix/bin is not on
		# the desktop session's PATH.
		sed -e "s|^Exec=briefmap|Exec=$exec_bin|" -e "s|^TryExec=briefmap\$|TryExec=$bin|" "$here/$f" >"$dst"
		chmod 0644 "$dst"
		;;
	*) cp -- "$here/$f" "$dst"; chmod 0644 "$dst" ;;
	esac
done
echo "f $state/install.sh" >>"$manifest"
cp -- "$here/install.sh" "$state/install.sh"
chmod 0755 "$state/install.sh"
refresh_caches "$(cat "$manifest")"
done_ok=yes

echo "Briefmap installed in $prefix: $bin"
echo "It is in the application menu; to remove it: $state/install.sh --uninstall --prefix $prefix"
case ":${PATH:-}:" in
*":$prefix/bin:"*) ;;
*) echo "Note: $prefix/bin is not on your PATH; the menu entry works anyway." ;;
esac
