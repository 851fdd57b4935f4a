# Sourced by the packaging scripts (mkdeb.sh, mktarball.sh, test-deb.sh,
# test-package.sh, screenshot.sh), first thing, as
#
#   . "$(dirname "$0")/lib.sh" FAIL_PREFIX [ME]
#
# with what starts the script's error lines (e.g. "test-deb: FAIL: ") and
# its name in step lines: what they share. It sets errexit, nounset and
# pipefail, and repo (the repository root).
set -euo pipefail
fail_prefix=$1
me=${2:-}
repo=$(cd "$(dirname "$0")/.." && pwd)

# fail MESSAGE prints $fail_prefix MESSAGE on stderr and exits 1.
fail() {
	echo "$fail_prefix$*" >&2
	exit 1
}

# step MESSAGE prints "$me: [SECONDS s] MESSAGE".
step() { echo "$me: [${SECONDS}s] $*"; }

# want_args N USAGE ARG... exits 2 after "usage: USAGE" on stderr unless
# exactly N ARGs follow.
want_args() {
	local n=$1 usage=$2
	shift 2
	if [ $# -ne "$n" ]; then
		echo "usage: $usage" >&2
		exit 2
	fi
}

# need_tools HINT COMMAND:PACKAGE... fails unless every COMMAND is on PATH,
# naming the Debian PACKAGE that has it and HINT (the make target).
need_tools() {
	local hint=$1 need
	shift
	for need; do
		command -v "${need%%:*}" >/dev/null ||
			fail "${need%%:*} not found: install the Debian package ${need#*:} ($hint)"
	done
}

# toml KEY prints the string value of KEY in $repo/FyneApp.toml.
toml() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" "$repo/FyneApp.toml"; }

# make_work NAME makes the temporary folder $work, removed on exit (after
# stop_all of xvfb.sh, when the script sourced it); INT and TERM exit 130.
make_work() {
	work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
	trap cleanup_work EXIT
	trap 'exit 130' INT TERM
}

# cleanup_work stops what xvfb.sh started, if anything, and removes $work.
cleanup_work() {
	if declare -F stop_all >/dev/null; then
		stop_all
	fi
	rm -rf "$work"
}

# package_args OUT ARG... reads the arguments of the package builders,
#   BINARY MANPAGE COPYRIGHT VERSION OUT
# (OUT is the usage's name of the package written), into bin, manpage,
# copyright, version and out, and sets id, the application id. It exits 2
# on a wrong number of arguments, and fails unless BINARY is an executable,
# MANPAGE and COPYRIGHT are not empty, and the packaged files of the
# repository exist (the packages are built from its root).
package_args() {
	local f
	want_args 5 "packaging/$(basename "$0") BINARY MANPAGE COPYRIGHT VERSION $1" "${@:2}"
	bin=$2 manpage=$3 copyright=$4 version=$5 out=$6
	id=io.github.briefmap.briefmap
	[ -x "$bin" ] || fail "$bin: not an executable"
	[ -s "$manpage" ] || fail "$manpage: missing or empty"
	[ -s "$copyright" ] || fail "$copyright: missing or empty"
	for f in packaging/$id.desktop packaging/$id.metainfo.xml packaging/$id.mime.xml assets/icon/hicolor data/FORMAT.md; do
		[ -e "$f" ] || fail "$f missing (run from the repository root)"
	done
}

# make_stage NAME makes the staging folder $stage and sets tmp=""; both are
# removed on exit. It exports SOURCE_DATE_EPOCH (default: the last commit's
# time) as $epoch, the time every packaged file carries.
make_stage() {
	epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
	export SOURCE_DATE_EPOCH=$epoch
	stage=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
	tmp=""
	trap 'rm -rf "$stage" ${tmp:+"$tmp"}' EXIT
}
