#!/usr/bin/env bash
# Writes the machine-readable copyright file (DEP-5) of a Briefmap binary:
#
#   packaging/mkcopyright.sh [--debian] BINARY > copyright
#
# It starts with packaging/copyright.in (Briefmap's own files, the fonts, the
# basemap), adds one paragraph for the Go standard library, one for the GLFW
# C library and one for every Go module BINARY links (read from its build
# information, `go version -m`), each with the module's own LICENSE text
# from the module cache and the licence name packaging/go-licences.txt gives
# it, then the stand-alone licence texts. It fails when the binary links a
# module go-licences.txt does not classify (the list holds the modules of
# the Linux and the Windows builds). It works on Briefmap.exe as well as on
# the Linux binary. With --debian the Apache-2.0 text is not
# copied but referred to in /usr/share/common-licenses, as Debian policy
# asks (the tarball, for any distribution, carries it in full). Needs the go
# command and the module cache the binary was built from (no network). Run
# from the repository root.
set -euo pipefail

debian=no
if [ "${1:-}" = --debian ]; then
	debian=yes
	shift
fi
if [ $# -ne 1 ]; then
	echo "usage: packaging/mkcopyright.sh [--debian] BINARY" >&2
	exit 2
fi
bin=$1
fail() {
	echo "mkcopyright.sh: $*" >&2
	exit 1
}
for f in packaging/copyright.in packaging/go-licences.txt packaging/licences/Apache-2.0.txt \
	packaging/licences/OFL-1.1.txt LICENSE; do
	[ -f "$f" ] || fail "$f missing (run from the repository root)"
done

# as_field prints stdin as the continuation lines of a DEP-5 field: each line
# indented by one space, an empty line as " .", trailing blanks trimmed.
as_field() {
	sed -e 's/[[:space:]]*$//' -e 's/\t/    /g' | awk '
		{ lines[++n] = $0 }
		END {
			first = 1; while (first <= n && lines[first] == "") first++
			last = n; while (last >= first && lines[last] == "") last--
			for (i = first; i <= last; i++) print (lines[i] == "" ? " ." : " " lines[i])
		}'
}

# holders FILE… prints the copyright holders the files name ("2009 The Go
# Authors."), one a line, without the word Copyright or (c); nothing when
# they name none (an Apache licence names only a template).
holders() {
	sed -n -E 's/^[[:space:]]*Copyright[[:space:]]+((\([cC]\)|©)[[:space:]]*)?([0-9].*)$/\3/p' "$@" |
		sed -e 's/[[:space:]]*$//' | grep -v '\[yyyy\]' | awk '!seen[$0]++' || true
}

# apache_by_reference copies stdin, each full text of the Apache License 2.0
# in it (from its title to "END OF TERMS AND CONDITIONS", or to the next
# line of dashes that separates notices) replaced by a line naming
# /usr/share/common-licenses/Apache-2.0, as Debian asks.
apache_by_reference() {
	awk '
		skip && /^-----------/ { skip = 0 }
		skip { if ($0 ~ /END OF TERMS AND CONDITIONS/) skip = 0; next }
		/^[[:space:]]*Apache License[[:space:]]*$/ {
			title = $0
			if ((getline next_line) > 0 && next_line ~ /Version 2\.0, January 2004/) {
				print "[The Apache License, Version 2.0: on Debian systems in /usr/share/common-licenses/Apache-2.0.]"
				skip = 1
				next
			}
			print title
			$0 = next_line
		}
		{ print }
	'
}

# licence_files DIR prints DIR's licence files; notice_files its notices
# (NOTICE, and THIRD-PARTY-NOTICES for the code a module took from others).
licence_files() {
	find "$1" -maxdepth 1 -type f \( -iname 'LICENSE*' -o -iname 'LICENCE*' -o -iname 'COPYING*' \) | LC_ALL=C sort
}
notice_files() {
	find "$1" -maxdepth 1 -type f \( -iname 'NOTICE*' -o -iname 'THIRD-PARTY-NOTICES*' \) | LC_ALL=C sort
}

# paragraph FILES WHAT LICENCE HOLDERS DIR LICENCE-FILE… prints one Files
# paragraph for WHAT ("the Go module M v1.2.3"); HOLDERS, when not empty,
# replaces the holders read from the licence and NOTICE files.
paragraph() {
	local files=$1 what=$2 licence=$3 copyright=$4 dir=$5
	shift 5
	local notices
	notices=$(notice_files "$dir")
	if [ -z "$copyright" ]; then
		# shellcheck disable=SC2046 # file names without blanks
		copyright=$(holders "$@" $(printf '%s\n' "$notices" | grep '/NOTICE[^/]*$' || true))
	fi
	[ -n "$copyright" ] || copyright="The authors of $what"
	echo
	echo "Files: $files"
	printf 'Copyright: %s\n' "$(printf '%s\n' "$copyright" | head -n1)"
	printf '%s\n' "$copyright" | tail -n +2 | sed 's/^/ /'
	echo "License: $licence"
	# An Apache-2.0 text is given once, as a stand-alone paragraph below;
	# every other licence text names its own holders, so it stays with them.
	case $licence in
	Apache-2.0) ;;
	*)
		# A dual or triple licence (klauspost/compress: BSD, Apache-2.0
		# and MIT in one file) keeps its other texts; Debian refers to
		# the Apache text in common-licenses.
		if [ "$debian" = yes ]; then
			cat "$@" | apache_by_reference | as_field
		else
			cat "$@" | as_field
		fi
		;;
	esac
	echo "Comment: ${what^}, statically linked into the briefmap binary."
	for n in $notices; do
		echo " ."
		echo " $(basename "$n"):"
		if [ "$debian" = yes ]; then
			apache_by_reference <"$n" | as_field
		else
			as_field <"$n"
		fi
	done
}

command -v go >/dev/null || fail "the go command is not on PATH"
buildinfo=$(go version -m "$bin") || fail "$bin: no Go build information"
goversion=$(printf '%s\n' "$buildinfo" | head -n1 | awk '{print $2}')
goroot=$(go env GOROOT)
[ "$(go env GOVERSION)" = "$goversion" ] ||
	fail "$bin was built with $goversion, but go is $(go env GOVERSION): its licence texts may differ"

# The modules the binary links: "path version", sorted.
modules=$(printf '%s\n' "$buildinfo" | awk '$1 == "dep" { print $2, $3 }' | LC_ALL=C sort)
declare -A licence=() holder=()
while read -r line; do
	mod=${line%%[[:space:]]*}
	rest=${line#"$mod"}
	lic=${rest%%|*}
	lic=$(echo $lic) # trim
	licence[$mod]=$lic
	case $rest in
	*"|"*) holder[$mod]=$(echo ${rest#*|}) ;;
	esac
done < <(grep -v -e '^#' -e '^[[:space:]]*$' packaging/go-licences.txt)

missing=""
while read -r mod _; do
	[ -n "${licence[$mod]:-}" ] || missing="$missing $mod"
done <<<"$modules"
[ -z "$missing" ] || fail "packaging/go-licences.txt does not classify the linked module(s)$missing: read their LICENSE and add them"

# The modules' folders in the module cache, in one go command.
declare -A dir=()
while read -r mod d; do
	dir[$mod]=$d
done < <(go list -m -f '{{.Path}} {{.Dir}}' $(printf '%s\n' "$modules" | awk '{print $1}'))

cat packaging/copyright.in
paragraph "vendor/std/*" "the Go standard library and runtime ($goversion)" BSD-3-clause "" "$goroot" "$goroot/LICENSE"
while read -r mod ver; do
	d=${dir[$mod]:-}
	[ -n "$d" ] && [ -d "$d" ] || fail "$mod $ver is not in the module cache (go mod download $mod)"
	mapfile -t files < <(licence_files "$d")
	[ "${#files[@]}" -gt 0 ] || fail "$mod: no LICENSE file in $d"
	paragraph "vendor/$mod/*" "the Go module $mod $ver" "${licence[$mod]}" "${holder[$mod]:-}" "$d" "${files[@]}"
	if [ "$mod" = github.com/go-gl/glfw/v3.3/glfw ]; then
		[ -f "$d/glfw/LICENSE.md" ] || fail "$mod: glfw/LICENSE.md (the GLFW C library's) missing"
		paragraph "vendor/$mod/glfw/*" "the GLFW C library in $mod $ver" Zlib "" "$d/glfw" "$d/glfw/LICENSE.md"
	fi
done <<<"$modules"

echo
echo "License: Expat"
# LICENSE without its title and copyright line.
sed -n '/^Permission is hereby granted/,$p' LICENSE | as_field
echo
echo "License: OFL-1.1"
as_field <packaging/licences/OFL-1.1.txt
echo
echo "License: Apache-2.0"
if [ "$debian" = yes ]; then
	as_field <<'TEXT'
Licensed under the Apache License, Version 2.0 (the "License"); you may not
use these files except in compliance with the License. You may obtain a copy
of the License at https://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
License for the specific language governing permissions and limitations
under the License.

On Debian systems, the complete text of the Apache License, Version 2.0 can
be found in "/usr/share/common-licenses/Apache-2.0".
TEXT
else
	as_field <packaging/licences/Apache-2.0.txt
fi
