package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// changeDates returns the briefing's change dates, from briefmap timeline
// --json (the snapshots on which nothing changes left out).
func changeDates(t *testing.T, bin string) []string {
	t.Helper()
	out, err := exec.Command(bin, "timeline", "--json").Output()
	if err != nil {
		t.Fatalf("briefmap timeline --json: %v", err)
	}
	var tl []struct {
		Date    string
		Changes []json.RawMessage
	}
	if err := json.Unmarshal(out, &tl); err != nil {
		t.Fatalf("briefmap timeline --json: %v", err)
	}
	var dates []string
	for i, d := range tl {
		if len(d.Changes) > 0 || i == 0 {
			dates = append(dates, d.Date)
		}
	}
	return dates
}

// zoneOn returns the id of the controlled zone (else the first zone) that
// holds lon, lat on date, from briefmap info --date D --json.
func zoneOn(t *testing.T, bin, date string, lon, lat float64) string {
	t.Helper()
	cmd := exec.Command(bin, "info", "--date", date, "--json", fmt.Sprintf("%.4f,%.4f", lat, lon))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("briefmap info: %v\n%s", err, stderr.String())
	}
	var r infoResult
	if err := json.Unmarshal(out, &r); err != nil || len(r.Zones) == 0 {
		t.Fatalf("briefmap info --date %s: no zone at %.4f,%.4f (%v)", date, lat, lon, err)
	}
	return r.Zones[0].ID
}

// nextOf returns the next record whose msg is one of msgs.
func (a *app) nextOf(t *testing.T, timeout time.Duration, msgs ...string) logRecord {
	t.Helper()
	return a.next(t, time.After(timeout), fmt.Sprintf("%q log line after %v", msgs, timeout), func(r logRecord) bool {
		return slices.Contains(msgs, r.str("msg"))
	})
}

// TestTimelineStepFollowsSelection selects a zone with a real click, steps
// the date with ] (the next change: the zone is still valid, the selection
// is kept) and with End (the last change: the zone at the same spot on
// that date is selected), and checks the log: a "date" line with the new
// date, then the selection as it now stands.
func TestTimelineStepFollowsSelection(t *testing.T) {
	needTools(t, "Xvfb", "xdotool", "import")
	tmp := t.TempDir()
	bin := buildBinary(t, tmp)
	dates := changeDates(t, bin)
	if len(dates) < 3 || dates[0] > "2020-01-19" || dates[len(dates)-1] < "2023-09-30" {
		t.Fatalf("change dates %v", dates)
	}
	next := ""
	for _, d := range dates {
		if d > "2020-01-19" {
			next = d
			break
		}
	}
	last := dates[len(dates)-1]

	display := startXvfb(t, screenW, screenH)
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	a := startApp(t, bin, display, home)
	ready := a.waitFor(t, "map ready", readyTimeout)
	winX, winY := windowPosition(t, display)

	// A zone near Tarhuna: the LNA's salient in January 2020.
	x, y, zone, ok := zoneTarget(t, a, bin, display, ready, winX, winY, 13.75, 32.2)
	if !ok {
		return
	}
	plon, plat := mapPoint(t, ready, float64(x), float64(y))
	sx, sy := winX+int(ready.num(t, "map_x"))+x, winY+int(ready.num(t, "map_y"))+y
	xdotool(t, display, "mousemove", strconv.Itoa(sx), strconv.Itoa(sy), "click", "1")
	if sel := a.waitFor(t, "selected", selectTimeout); sel.str("kind") != "zone" || sel.str("id") != zone {
		t.Fatalf("the click selected %s %q, want zone %q", sel.str("kind"), sel.str("id"), zone)
	}

	for _, step := range []struct {
		key, date, zone string
	}{
		{"bracketright", next, zoneOn(t, bin, next, plon, plat)},
		{"End", last, zoneOn(t, bin, last, plon, plat)},
	} {
		xdotool(t, display, "key", step.key)
		d := a.waitFor(t, "date", selectTimeout)
		if d.str("date") != step.date {
			t.Errorf("%s: date %q, want %q", step.key, d.str("date"), step.date)
		}
		sel := a.nextOf(t, selectTimeout, "selected", "selection cleared")
		if sel.str("msg") != "selected" || sel.str("kind") != "zone" || sel.str("id") != step.zone {
			t.Errorf("%s: after the date, %v; want zone %q selected (the zone at the clicked spot on %s)", step.key, sel, step.zone, step.date)
		} else {
			t.Logf("%s: %s, zone %q selected", step.key, step.date, step.zone)
		}
	}
	if zoneOn(t, bin, last, plon, plat) == zone {
		t.Errorf("zone %q is valid on both dates: the test does not exercise the follow", zone)
	}
	// Wait for the frame of the last date with its selection, then keep a
	// picture of it.
	for {
		f := a.waitFor(t, "map frame", selectTimeout)
		if f.str("selected") == zoneOn(t, bin, last, plon, plat) {
			break
		}
	}
	path := filepath.Join(artifacts(t), "timeline.png")
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("screenshot: %v\n%s", err, out)
	}
}
