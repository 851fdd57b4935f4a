# Sourced by the packaging scripts (mkdeb.sh, mktarball.sh, test-deb.sh,
# test-package.sh, screenshot.sh): what they share. The script sets, before
# it calls these: fail_prefix (what starts its error lines, e.g.
# "test-deb: FAIL: "), me (its name in step lines) and, where it reads
# FyneApp.toml, repo (the repository root).

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

# check_inputs BINARY MANPAGE COPYRIGHT FILE... fails unless BINARY is an
# executable, MANPAGE and COPYRIGHT are not empty and every FILE of the
# repository exists (the packages are built from the repository root).
check_inputs() {
	local f
	[ -x "$1" ] || fail "$1: not an executable"
	[ -s "$2" ] || fail "$2: missing or empty"
	[ -s "$3" ] || fail "$3: missing or empty"
	shift 3
	for f; do
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
