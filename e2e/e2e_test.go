// Package e2e runs the real briefmap binary under Xvfb and drives it with
// real clicks (xdotool): the "map ready" and "selected" log lines
// (BRIEFMAP_LOG=debug) tell the test where the map is and what a click
// selected, and `briefmap info --json` says what it should have selected.
package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefmap/briefmap/internal/appenv"
)

// Timeouts: a cold start under Xvfb with software GL on a busy 2-core
// machine can be slow, so they are generous; the test never sleeps for a
// fixed time.
const (
	readyTimeout  = 180 * time.Second
	selectTimeout = 30 * time.Second
	screenW       = 1600
	screenH       = 1000
)

// logRecord is one JSON log line of the app.
type logRecord map[string]any

func (r logRecord) num(t *testing.T, k string) float64 {
	t.Helper()
	v, ok := r[k].(float64)
	if !ok {
		t.Fatalf("log line %v: %q is not a number", r, k)
	}
	return v
}

func (r logRecord) str(k string) string { s, _ := r[k].(string); return s }

// app is a running briefmap process and its log.
type app struct {
	cmd     *exec.Cmd
	records chan logRecord
	mu      chan struct{} // closed when stderr ends
	stderr  *bytes.Buffer
}

// next returns the next log record match accepts, failing when deadline
// fires ("no WHAT") or when the app exits first.
func (a *app) next(t *testing.T, deadline <-chan time.Time, what string, match func(logRecord) bool) logRecord {
	t.Helper()
	for {
		select {
		case r, ok := <-a.records:
			if !ok {
				t.Fatalf("the app exited before %s; its stderr:\n%s", what, a.stderr)
			}
			if match(r) {
				return r
			}
		case <-deadline:
			t.Fatalf("no %s; stderr so far:\n%s", what, a.stderr)
		}
	}
}

// waitFor returns the next log record whose msg is msg, failing after
// timeout or when the app exits.
func (a *app) waitFor(t *testing.T, msg string, timeout time.Duration) logRecord {
	t.Helper()
	return a.nextOf(t, timeout, msg)
}

// repoRoot returns the module root (the parent of e2e/).
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

// needTools fails the test when a program it needs is missing.
func needTools(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Fatalf("%s is required by the end-to-end test and was not found (make deps installs it): %v", n, err)
		}
	}
}

// buildBinary builds briefmap into dir with the test's own build flags
// (GOFLAGS is inherited), so it shares the build cache.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "briefmap")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/briefmap/briefmap")
	cmd.Dir = repoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// killGroup stops a process group started with Setpgid: SIGTERM, then
// SIGKILL if it is still there after a while.
func killGroup(cmd *exec.Cmd, done <-chan struct{}) {
	if cmd.Process == nil {
		return
	}
	pgid := cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-done
	}
}

// startXvfb starts Xvfb on a free display (it picks one and reports it on
// -displayfd) and returns the DISPLAY value. It is stopped at cleanup.
func startXvfb(t *testing.T, w, h int) string {
	t.Helper()
	r, wpipe, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wpipe}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	wpipe.Close()
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() { killGroup(cmd, done) })

	line := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(r)
		if s.Scan() {
			line <- s.Text()
		}
		close(line)
		r.Close()
	}()
	select {
	case l, ok := <-line:
		if !ok || strings.TrimSpace(l) == "" {
			t.Fatalf("Xvfb did not report its display; stderr:\n%s", errOut.String())
		}
		return ":" + strings.TrimSpace(l)
	case <-done:
		t.Fatalf("Xvfb exited at start; stderr:\n%s", errOut.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("Xvfb did not report its display in 60 s; stderr:\n%s", errOut.String())
	}
	return ""
}

// startApp runs the binary with args on display with debug logging and
// fresh Preferences (a temporary HOME and XDG folders).
func startApp(t *testing.T, bin, display, home string, args ...string) *app {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = appenv.Env(display, home)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	a := &app{cmd: cmd, records: make(chan logRecord, 1024), mu: make(chan struct{}), stderr: &bytes.Buffer{}}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start briefmap: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		defer close(a.records)
		s := bufio.NewScanner(pipe)
		s.Buffer(make([]byte, 64*1024), 1024*1024)
		for s.Scan() {
			line := s.Bytes()
			a.stderr.Write(line) // only this goroutine writes; readers read after a failure
			a.stderr.WriteByte('\n')
			var r logRecord
			if json.Unmarshal(line, &r) == nil {
				a.records <- r
			}
		}
		io.Copy(io.Discard, pipe)
	}()
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { killGroup(cmd, exited) })
	return a
}

// mercatorY returns the Web Mercator y (unscaled, growing south) of lat.
func mercatorY(lat float64) float64 {
	s := math.Sin(lat * math.Pi / 180)
	return 0.5 - math.Log((1+s)/(1-s))/(4*math.Pi)
}

// screenPoint converts lon/lat to a screen pixel from the "map ready"
// record and the window's position on screen.
func screenPoint(t *testing.T, ready logRecord, winX, winY int, lon, lat float64) (int, int) {
	t.Helper()
	west, east := ready.num(t, "west"), ready.num(t, "east")
	south, north := ready.num(t, "south"), ready.num(t, "north")
	fx := (lon - west) / (east - west)
	fy := (mercatorY(lat) - mercatorY(north)) / (mercatorY(south) - mercatorY(north))
	x := float64(winX) + ready.num(t, "map_x") + fx*ready.num(t, "map_w")
	y := float64(winY) + ready.num(t, "map_y") + fy*ready.num(t, "map_h")
	return int(math.Round(x)), int(math.Round(y))
}

// windowPosition returns the position on screen of the window named
// Briefmap.
func windowPosition(t *testing.T, display string) (int, int) {
	t.Helper()
	out := xdotool(t, display, "search", "--name", "Briefmap")
	ids := strings.Fields(out)
	if len(ids) == 0 {
		t.Fatalf("no window named Briefmap")
	}
	geo := xdotool(t, display, "getwindowgeometry", "--shell", ids[len(ids)-1])
	vals := map[string]int{}
	for _, l := range strings.Split(geo, "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(l), "="); ok {
			n, err := strconv.Atoi(v)
			if err == nil {
				vals[k] = n
			}
		}
	}
	x, okx := vals["X"]
	y, oky := vals["Y"]
	if !okx || !oky {
		t.Fatalf("cannot read the window geometry from %q", geo)
	}
	return x, y
}

func xdotool(t *testing.T, display string, args ...string) string {
	t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// infoResult is the part of `briefmap info --json` the test uses.
type infoResult struct {
	Zones []struct {
		ID         string `json:"id"`
		Controller string `json:"controller"`
	} `json:"zones"`
	Places []struct {
		ID         string  `json:"id"`
		DistanceKM float64 `json:"distance_km"`
	} `json:"places"`
}

func info(t *testing.T, bin string, lon, lat float64) infoResult {
	t.Helper()
	cmd := exec.Command(bin, "info", "--json", fmt.Sprintf("%.4f,%.4f", lat, lon))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("briefmap info --json %.4f,%.4f: %v\n%s", lat, lon, err, stderr.String())
	}
	var r infoResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("briefmap info --json: %v\n%s", err, out)
	}
	return r
}

// inverseMercatorLat returns the latitude of Web Mercator y (unscaled).
func inverseMercatorLat(y float64) float64 {
	n := math.Pi - 2*math.Pi*y
	return 180 / math.Pi * math.Atan(math.Sinh(n))
}

// mapPoint returns the lon/lat under map pixel (x, y) (relative to the map
// widget) from the "map ready" record.
func mapPoint(t *testing.T, ready logRecord, x, y float64) (lon, lat float64) {
	t.Helper()
	west, east := ready.num(t, "west"), ready.num(t, "east")
	yn, ys := mercatorY(ready.num(t, "north")), mercatorY(ready.num(t, "south"))
	lon = west + x/ready.num(t, "map_w")*(east-west)
	lat = inverseMercatorLat(yn + y/ready.num(t, "map_h")*(ys-yn))
	return lon, lat
}

// zoneTarget finds, near a city, a map pixel where the app's hit-test
// finds a zone (hovering reports it) and `briefmap info` reports exactly
// one zone: markers and labels sit on and beside the city, so the pixel is
// a little way off it. It returns the map pixel and the zone info reports.
func zoneTarget(t *testing.T, a *app, bin, display string, ready logRecord, winX, winY int, lon, lat float64) (mx, my int, zone string, found bool) {
	t.Helper()
	mapX, mapY := int(ready.num(t, "map_x")), int(ready.num(t, "map_y"))
	sx, sy := screenPoint(t, ready, winX, winY, lon, lat)
	cx, cy := sx-winX-mapX, sy-winY-mapY // the city in map pixels
	for r := 6; r <= 60; r += 6 {
		for a8 := 0; a8 < 16; a8++ {
			ang := float64(a8) * math.Pi / 8
			x := cx + int(math.Round(float64(r)*math.Cos(ang)))
			y := cy + int(math.Round(float64(r)*math.Sin(ang)))
			if x < 0 || y < 0 || float64(x) >= ready.num(t, "map_w") || float64(y) >= ready.num(t, "map_h") {
				continue
			}
			xdotool(t, display, "mousemove", strconv.Itoa(winX+mapX+x), strconv.Itoa(winY+mapY+y))
			h := a.waitForHover(t, x, y)
			if h.str("kind") != "zone" {
				if testing.Verbose() {
					t.Logf("map pixel %d,%d: the app finds %s %q", x, y, h.str("kind"), h.str("id"))
				}
				continue
			}
			plon, plat := mapPoint(t, ready, float64(x), float64(y))
			res := info(t, bin, plon, plat)
			if len(res.Zones) != 1 || res.Zones[0].ID != h.str("id") {
				t.Logf("map pixel %d,%d: the app finds zone %q, info %v", x, y, h.str("id"), res.Zones)
				continue
			}
			return x, y, res.Zones[0].ID, true
		}
	}
	t.Errorf("no pixel within 60 px of %.2fN %.2fE is a zone both for the app and for info", lat, lon)
	return 0, 0, "", false
}

// waitForHover returns the app's "hover" record for map pixel (x, y).
func (a *app) waitForHover(t *testing.T, x, y int) logRecord {
	t.Helper()
	return a.next(t, time.After(selectTimeout), fmt.Sprintf("hover line for map pixel %d,%d", x, y), func(r logRecord) bool {
		return r.str("msg") == "hover" && math.Abs(r.num(t, "x")-float64(x)) < 0.5 && math.Abs(r.num(t, "y")-float64(y)) < 0.5
	})
}

func TestClickSelectsZones(t *testing.T) {
	needTools(t, "Xvfb", "xdotool", "import")
	tmp := t.TempDir()
	bin := buildBinary(t, tmp)

	display := startXvfb(t, screenW, screenH)
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	a := startApp(t, bin, display, home)
	ready := a.waitForReadyPhases(t, readyTimeout)
	firstFrame := time.Since(start)
	// The app hands start-up garbage back to the system after the first
	// frame and logs it: measure the resident set after that.
	a.waitFor(t, "memory after start-up", readyTimeout)
	rss := rssMB(a.cmd.Process.Pid)
	t.Logf("launch to first frame: %v; RSS after start-up: %.1f MB", firstFrame.Round(time.Millisecond), rss)
	t.Logf("map ready: %v", ready)

	winX, winY := windowPosition(t, display)
	for _, c := range []struct {
		name     string
		lon, lat float64
		ctrl     string // the controller the zone must have ("" = any)
	}{{"Tripoli", 13.19, 32.89, ""}, {"Benghazi", 20.07, 32.12, "lna"}} {
		x, y, want, ok := zoneTarget(t, a, bin, display, ready, winX, winY, c.lon, c.lat)
		if !ok {
			continue
		}
		plon, plat := mapPoint(t, ready, float64(x), float64(y))
		res := info(t, bin, plon, plat)
		if c.ctrl != "" && res.Zones[0].Controller != c.ctrl {
			t.Errorf("info: the zone near %s is held by %q, want %q", c.name, res.Zones[0].Controller, c.ctrl)
		}
		sx := winX + int(ready.num(t, "map_x")) + x
		sy := winY + int(ready.num(t, "map_y")) + y
		xdotool(t, display, "mousemove", strconv.Itoa(sx), strconv.Itoa(sy), "click", "1")
		sel := a.waitFor(t, "selected", selectTimeout)
		if sel.str("kind") != "zone" || sel.str("id") != want {
			t.Errorf("click near %s at %.3fN %.3fE (screen %d,%d) selected %s %q, want zone %q",
				c.name, plat, plon, sx, sy, sel.str("kind"), sel.str("id"), want)
		} else {
			t.Logf("click near %s at %.3fN %.3fE selected zone %q, as info reports", c.name, plat, plon, want)
		}
		// Wait until a frame outlining the selection is on screen.
		for {
			f := a.waitFor(t, "map frame", selectTimeout)
			if f.str("selected") == sel.str("id") {
				break
			}
		}
	}
	screenshot(t, display)
	writeFigures(t, firstFrame, rss)
}

// rssMB returns the resident set size of process pid in MB (0 if unknown).
func rssMB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// artifacts returns artifacts/e2e under the repository root (git-ignored).
func artifacts(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "artifacts", "e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshot saves the whole screen to artifacts/e2e/screen.png.
func screenshot(t *testing.T, display string) { screenshotAs(t, display, "screen.png") }

// screenshotAs saves the whole screen to artifacts/e2e/name.
func screenshotAs(t *testing.T, display, name string) {
	t.Helper()
	path := filepath.Join(artifacts(t), name)
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("screenshot: %v\n%s", err, out)
		return
	}
	t.Logf("screenshot: %s", path)
}

// writeFigures records the start-up figures next to the screenshot.
func writeFigures(t *testing.T, firstFrame time.Duration, rss float64) {
	t.Helper()
	s := fmt.Sprintf("launch_to_first_frame_ms %d\nrss_after_startup_mb %.1f\n", firstFrame.Milliseconds(), rss)
	if err := os.WriteFile(filepath.Join(artifacts(t), "figures.txt"), []byte(s), 0o644); err != nil {
		t.Error(err)
	}
}
