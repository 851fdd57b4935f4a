#!/usr/bin/env bash
# Takes Briefmap's screenshot for the README and the AppStream metainfo:
#
#   packaging/screenshot.sh BINARY OUT.png
#
# It starts BINARY on a private 1280×800 Xvfb display with BRIEFMAP_LOG=debug,
# waits for the window and for the app's "map ready" log line (the first
# frame is drawn), sizes the window to 1280×800, waits until two captures a
# second apart are identical, and writes the window's image to OUT.png.
# Before that it clicks the map at BRIEFMAP_SCREENSHOT_CLICK="LON,LAT"
# (default: the Es Sider oil terminal, so the picture shows a selection card
# and its excerpts; set it empty for no click) and waits for the app's
# "selected" log line.
# Needs: xvfb, xdotool, imagemagick.
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/lib.sh" "screenshot: "
want_args 2 "packaging/screenshot.sh BINARY OUT.png" "$@"
bin=$(realpath "$1")
out=$2
timeout=${BRIEFMAP_WINDOW_TIMEOUT:-180}
click=${BRIEFMAP_SCREENSHOT_CLICK-18.3503,30.6294}

# shellcheck source=packaging/xvfb.sh
. "$repo/packaging/xvfb.sh"

make_work briefmap-screenshot

start_xvfb 1280 800 "$work" || fail "cannot start Xvfb"
mkdir -p "$work/home"
HOME=$work/home LANG=en_US.UTF-8 BRIEFMAP_LOG=debug "$bin" >"$work/app.log" 2>&1 &
app_pid=$!
wid=$(wait_window '^Briefmap' "$timeout" "$work/app.log") || fail "no Briefmap window"
xdotool windowmove --sync "$wid" 0 0 windowsize --sync "$wid" 1280 800 || fail "cannot size the window"

# Wait for the first drawn frame, then for the picture to settle.
deadline=$((SECONDS + timeout))
until grep -q '"msg":"map ready"' "$work/app.log"; do
	kill -0 "$app_pid" 2>/dev/null || fail "the app exited: $(cat "$work/app.log")"
	[ "$SECONDS" -lt "$deadline" ] || fail "no \"map ready\" log line within $timeout s"
	sleep 0.2
done

# json_num KEY prints the number KEY holds in the "map ready" log line.
json_num() {
	grep -m1 '"msg":"map ready"' "$work/app.log" | sed -n "s/.*\"$1\":\(-\{0,1\}[0-9.eE+-]*\).*/\1/p"
}
if [ -n "$click" ]; then
	read -r px py < <(awk -v lonlat="$click" -v x="$(json_num map_x)" -v y="$(json_num map_y)" \
		-v w="$(json_num map_w)" -v h="$(json_num map_h)" -v west="$(json_num west)" -v south="$(json_num south)" \
		-v east="$(json_num east)" -v north="$(json_num north)" '
		function merc(lat) { lat = lat * 3.141592653589793 / 180; return log((1 + sin(lat)) / cos(lat)) }
		BEGIN {
			split(lonlat, p, ",")
			if (w == "" || h == "" || east == west || north == south) exit 1
			printf "%d %d\n", x + (p[1] - west) / (east - west) * w + 0.5,
				y + (merc(north) - merc(p[2])) / (merc(north) - merc(south)) * h + 0.5
		}') || fail "cannot place $click on the map: $(grep -m1 '"msg":"map ready"' "$work/app.log")"
	xdotool mousemove --window "$wid" "$px" "$py" click 1
	until grep -q '"msg":"selected"' "$work/app.log"; do
		kill -0 "$app_pid" 2>/dev/null || fail "the app exited: $(cat "$work/app.log")"
		[ "$SECONDS" -lt "$deadline" ] || fail "clicking ($px,$py) for $click selected nothing within $timeout s"
		sleep 0.2
	done
	# Move the pointer off the map so that no hover outline shows.
	xdotool mousemove --window "$wid" 1279 799
fi
import -window "$wid" "$work/a.png"
while :; do
	sleep 1
	import -window "$wid" "$work/b.png"
	if [ "$(compare -metric AE "$work/a.png" "$work/b.png" null: 2>&1 || true)" = 0 ]; then
		break
	fi
	[ "$SECONDS" -lt "$deadline" ] || fail "the window did not stop changing within $timeout s"
	mv "$work/b.png" "$work/a.png"
done
size=$(identify -format '%wx%h' "$work/b.png")
[ "$size" = 1280x800 ] || fail "the window is $size, want 1280x800"
mkdir -p "$(dirname "$out")"
# Strip time stamps so the same picture gives the same bytes.
convert "$work/b.png" -strip "$out"
echo "$out: $size"
