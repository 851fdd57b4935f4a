#!/usr/bin/env bash
# Checks that the Linux packages are reproducible: the same commit gives the
# same bytes.
#
#   packaging/test-reproducible.sh
#
# It clones HEAD twice into different temporary folders (so the build paths
# differ too), runs `make package-linux package-deb` in each with its own
# dist folder, and compares the tarballs and the .deb files byte for byte.
# On a difference it shows which files inside differ. The Go build cache is
# shared, so each build links the binary anew but compiles nothing; the two
# builds run side by side, about a minute on 2 cores. Uncommitted changes
# are not tested.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/briefmap-repro.XXXXXX")
cleanup() {
	local pids
	pids=$(jobs -p)
	[ -z "$pids" ] || kill $pids 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() {
	echo "test-reproducible: FAIL: $*" >&2
	exit 1
}
step() { echo "test-reproducible: [${SECONDS}s] $*"; }

head=$(git -C "$repo" rev-parse HEAD)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
	echo "test-reproducible: note: the work tree has uncommitted changes; testing HEAD ($head) only"
fi
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' "$repo/FyneApp.toml")
tarball=briefmap-$version-linux-amd64.tar.xz
deb=briefmap_${version}_amd64.deb

# The two builds run at the same time (xz and the linker use one core each).
pids=()
for n in 1 2; do
	step "build $n: clone of $head in $work/src$n"
	git clone -q --no-checkout "$repo" "$work/src$n"
	git -C "$work/src$n" checkout -q --detach "$head"
	make -C "$work/src$n" --no-print-directory package-linux package-deb DIST="$work/dist$n" >"$work/build$n.log" 2>&1 &
	pids+=($!)
done
for n in 1 2; do
	wait "${pids[$((n - 1))]}" || fail "build $n failed: $(tail -n 20 "$work/build$n.log")"
done
step "built twice"

# listing ARCHIVE prints "md5 path" for every file inside.
listing() {
	local d=$work/x.$RANDOM
	mkdir "$d"
	case $1 in
	*.deb) dpkg-deb -x "$1" "$d/data" && dpkg-deb -e "$1" "$d/DEBIAN" ;;
	*) tar -xJf "$1" -C "$d" ;;
	esac
	(cd "$d" && find . -type f -exec md5sum {} + | LC_ALL=C sort -k2)
	rm -rf "$d"
}
ok=yes
for f in "$tarball" "$deb"; do
	a=$work/dist1/$f b=$work/dist2/$f
	if cmp -s "$a" "$b"; then
		step "$f: identical, sha256 $(sha256sum "$a" | cut -d' ' -f1)"
	else
		ok=no
		echo "test-reproducible: $f differs between the two builds; files inside that differ:" >&2
		diff <(listing "$a") <(listing "$b") >&2 || true
	fi
done
[ "$ok" = yes ] || fail "the packages are not reproducible"
step "ok: the same commit gives byte-identical packages"
