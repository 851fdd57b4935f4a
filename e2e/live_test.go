package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/pkgedit"
)

// reloadTimeout bounds the wait for a reload after an edit on disk: the
// app reloads within a second; the rest is margin for a busy machine.
const reloadTimeout = 60 * time.Second

// e2eSetup builds the binary, starts Xvfb and makes a fresh HOME.
func e2eSetup(t *testing.T) (bin, display, home string) {
	t.Helper()
	needTools(t, "Xvfb", "xdotool", "import")
	tmp := t.TempDir()
	bin = buildBinary(t, tmp)
	display = startXvfb(t, screenW, screenH)
	home = filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	return bin, display, home
}

// waitForAll returns the first log record of each of msgs, in whatever
// order they come, failing after timeout or when the app exits.
func (a *app) waitForAll(t *testing.T, timeout time.Duration, msgs ...string) map[string]logRecord {
	t.Helper()
	got := map[string]logRecord{}
	deadline := time.After(timeout)
	what := fmt.Sprintf("log line of each of %q after %v", msgs, timeout)
	for len(got) < len(msgs) {
		r := a.next(t, deadline, what, func(r logRecord) bool {
			_, dup := got[r.str("msg")]
			return !dup && slices.Contains(msgs, r.str("msg"))
		})
		got[r.str("msg")] = r
	}
	return got
}

// windowNamed reports whether a window whose title contains name is on
// display.
func windowNamed(t *testing.T, display, name string) bool {
	t.Helper()
	out := xdotool(t, display, "search", "--name", "Briefmap")
	for _, id := range strings.Fields(out) {
		if strings.Contains(xdotool(t, display, "getwindowname", id), name) {
			return true
		}
	}
	return false
}

// TestLiveReloadInRealWindow opens a package folder, edits a file on disk
// as a text editor would, and waits for the app's "reloaded" line; then
// breaks the file (a "reload failed" line: the problems bar) and fixes it.
func TestLiveReloadInRealWindow(t *testing.T) {
	bin, display, home := e2eSetup(t)
	dir := filepath.Join(t.TempDir(), "libya")
	if err := pkgedit.CopyTo(libya.FS(), dir); err != nil {
		t.Fatal(err)
	}
	a := startApp(t, bin, display, home, "open", dir)
	a.waitFor(t, "map ready", readyTimeout)
	path := filepath.Join(dir, "zones.yaml")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	edit(strings.Replace(string(orig), `name: "`, `name: "Edited: `, 1))
	r := a.waitFor(t, "reloaded", reloadTimeout)
	t.Logf("edit to reloaded: %v (%v)", time.Since(start).Round(time.Millisecond), r)
	edit(strings.Replace(string(orig), "controller: lna", "controller: lnaa", 1))
	bad := a.waitFor(t, "reload failed", reloadTimeout)
	if bad.num(t, "problems") < 1 {
		t.Errorf("reload failed line: %v", bad)
	}
	screenshotAs(t, display, "problems-bar.png")
	edit(string(orig))
	a.waitFor(t, "reloaded", reloadTimeout)
}

// TestOpenBriefmapFile opens a .briefmap file: the window shows that
// briefing's title.
func TestOpenBriefmapFile(t *testing.T) {
	bin, display, home := e2eSetup(t)
	file := filepath.Join(t.TempDir(), "vostria.briefmap")
	if err := pkgedit.WriteBriefmap(os.DirFS(filepath.Join(repoRoot(t), "pkgedit", "testdata", "vostria")), file, false); err != nil {
		t.Fatal(err)
	}
	a := startApp(t, bin, display, home, "open", file)
	a.waitFor(t, "map ready", readyTimeout)
	if !windowNamed(t, display, "Briefmap — Vostria: the northern war") {
		t.Errorf("no window titled with the briefing of %s", file)
	}
}

// TestOpenCorruptBriefmapFile opens a .briefmap file that is not a zip:
// the app shows the problems in one dialog over the embedded briefing.
func TestOpenCorruptBriefmapFile(t *testing.T) {
	bin, display, home := e2eSetup(t)
	file := filepath.Join(t.TempDir(), "corrupt.briefmap")
	if err := os.WriteFile(file, []byte("PK\x03\x04 this is not a zip file"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := startApp(t, bin, display, home, "open", file)
	seen := a.waitForAll(t, readyTimeout, "map ready", "problems shown")
	shown := seen["problems shown"]
	if shown.str("path") != file || shown.num(t, "problems") < 1 {
		t.Errorf("problems shown: %v", shown)
	}
	b, err := libya.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !windowNamed(t, display, "Briefmap — "+b.Title) {
		t.Error("the window does not show the embedded briefing")
	}
	screenshotAs(t, display, "corrupt-briefmap.png")
}
