# Sourced by test-package.sh and screenshot.sh: helpers to run Briefmap on
# a private Xvfb display. The caller must call stop_all in an EXIT trap.

xvfb_pid=""
app_pid=""

# start_xvfb WIDTH HEIGHT DIR starts Xvfb on a free display number (Xvfb
# picks it and writes it to DIR/display) and exports DISPLAY.
start_xvfb() {
	local w=$1 h=$2 dir=$3 deadline
	Xvfb -displayfd 3 -screen 0 "${w}x${h}x24" -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
	xvfb_pid=$!
	deadline=$((SECONDS + 30))
	until [ -s "$dir/display" ]; do
		if ! kill -0 "$xvfb_pid" 2>/dev/null; then
			echo "Xvfb exited: $(cat "$dir/xvfb.log")" >&2
			return 1
		fi
		if [ "$SECONDS" -ge "$deadline" ]; then
			echo "Xvfb did not start within 30 s" >&2
			return 1
		fi
		sleep 0.1
	done
	export DISPLAY=":$(head -n1 "$dir/display")"
}

# wait_window NAME_REGEX TIMEOUT LOG prints the id of the first visible
# window whose name matches, waiting up to TIMEOUT seconds; it fails at once
# if the app ($app_pid) exits first, showing its LOG.
wait_window() {
	local re=$1 timeout=$2 log=$3 out search_pid
	out=$(mktemp)
	timeout "$timeout" xdotool search --sync --onlyvisible --name "$re" >"$out" 2>/dev/null &
	search_pid=$!
	while kill -0 "$search_pid" 2>/dev/null; do
		if [ -n "$app_pid" ] && ! kill -0 "$app_pid" 2>/dev/null; then
			kill "$search_pid" 2>/dev/null
			wait "$search_pid" 2>/dev/null
			rm -f "$out"
			echo "the app exited before a window named $re showed; its output:" >&2
			sed 's/^/    /' "$log" >&2
			return 1
		fi
		sleep 0.2
	done
	if ! wait "$search_pid"; then
		rm -f "$out"
		echo "no window named $re within $timeout s; the app's output:" >&2
		sed 's/^/    /' "$log" >&2
		return 1
	fi
	head -n1 "$out"
	rm -f "$out"
}

# stop_all kills the app and Xvfb if they run, and waits for them.
stop_all() {
	# (wait returns the killed process's status: never let errexit see it)
	if [ -n "$app_pid" ]; then
		kill "$app_pid" 2>/dev/null || true
		wait "$app_pid" 2>/dev/null || true
		app_pid=""
	fi
	if [ -n "$xvfb_pid" ]; then
		kill "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true
		xvfb_pid=""
	fi
	return 0
}
