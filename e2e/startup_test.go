package e2e

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// startupPhases are the start-up log lines, in the order their work
// finishes when nothing runs concurrently; the loads and the fonts run on
// goroutines while the (empty) window opens, so only the order of the
// groups is fixed: the window is built (filled) once all of them are done.
var startupPhases = [][]string{
	{"process start"},
	{"briefing loaded", "basemap decoded", "fonts loaded", "window shown"},
	{"window built"},
	{"first frame"},
	{"map ready"},
}

// waitForReadyPhases reads the app's log up to "map ready" and checks the
// start-up phases: each logged once with elapsed_ms (milliseconds since the
// process started), the groups in order and their times not decreasing. It
// returns the "map ready" record.
func (a *app) waitForReadyPhases(t *testing.T, timeout time.Duration) logRecord {
	t.Helper()
	at := map[string]float64{}
	ready := a.next(t, time.After(timeout), fmt.Sprintf(`"map ready" log line after %v`, timeout), func(r logRecord) bool {
		msg := r.str("msg")
		for _, group := range startupPhases {
			if slices.Contains(group, msg) {
				if _, dup := at[msg]; dup {
					t.Errorf("%q logged twice", msg)
				}
				at[msg] = r.num(t, "elapsed_ms")
			}
		}
		// The window is made without depth and stencil buffers, which
		// Fyne does not use (internal/glfwhints; the GL side is checked
		// by TestNoDepthOrStencilHints).
		if msg == "window shown" {
			if ds, ok := r["depth_stencil"].(bool); !ok || ds {
				t.Errorf(`"window shown" has depth_stencil %v, want false (the window asked for no depth and stencil buffers)`, r["depth_stencil"])
			}
		}
		return msg == "map ready"
	})
	last, lastName := 0.0, ""
	for _, group := range startupPhases {
		groupMax := last
		for _, p := range group {
			ms, ok := at[p]
			if !ok {
				t.Errorf("no %q line before map ready", p)
				continue
			}
			if ms < last {
				t.Errorf("%q at %.1f ms, before %q at %.1f ms", p, ms, lastName, last)
			}
			groupMax = max(groupMax, ms)
		}
		last, lastName = groupMax, group[len(group)-1]
	}
	t.Logf("start-up phases (ms since the process started): %v", at)
	return ready
}
