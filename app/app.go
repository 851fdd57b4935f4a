// Package app is Briefmap's Fyne desktop UI: the main window with the
// interactive map (MapView) in the centre, layer toggles, legend and as-of
// date on the left, the Selection, Actors and Excerpts tabs on the right and
// a status line at the bottom.
//
// Each panel is a small type in its own file that owns its widgets:
// leftPanel (leftpanel.go), MapView (mapview*.go), selectionTab,
// actorsTab and excerptsTab, statusBar; window.go holds the state they
// share (the briefing, the date, the layers, the selection) and wires them
// together. The commands and their shortcuts are bound once, in
// commands.go. The cards the tabs show are built in card.go and set as
// rich text in richcard.go.
//
// The app draws nothing of its own: the map renders off the UI thread
// through package scene, the same code the CLI and the slide draw with, and
// every colour comes from scene's style table. With BRIEFMAP_LOG=debug the
// app logs JSON lines (log/slog) to stderr: the start-up phases with the
// milliseconds since the process started (elapsed_ms: "process start",
// "briefing loaded", "basemap decoded", "fonts loaded", "window shown" —
// the window opens, empty, while those three load — "window built" when
// its panels are in it, "first frame"), "map ready" with the map's rectangle and
// bounds once the first frame at the window's size is shown, and
// "selected" on every selection.
package app

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"

	"github.com/briefmap/briefmap/assets/icon"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/internal/glfwhints"
)

// ID is the app's identifier (FyneApp.toml), which keys its Preferences.
const ID = "io.github.briefmap.briefmap"

// Main runs the desktop app with the command-line arguments (none, or
// "open PATH") and returns the process exit code: 0 after the window
// closes, 1 when the embedded briefing cannot be loaded, 2 on bad usage. A
// package at PATH that is missing or bad is reported in one dialog with
// every problem, over the embedded briefing.
func Main(args []string, stderr io.Writer) int {
	clock := newStartClock(time.Now())
	path, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "briefmap: %v\nusage: briefmap [open PATH]\n", err)
		return 2
	}
	log := newLogger(stderr, os.Getenv("BRIEFMAP_LOG"))
	phase := func(msg string, attrs ...any) {
		log.Debug(msg, append([]any{"elapsed_ms", clock.ms()}, attrs...)...)
	}
	phase("process start", "main_ms", clock.ms())
	// Start-up makes garbage that is dropped once the map is up: collect
	// more often until then, so the heap does not grow to twice it.
	gc := debug.SetGCPercent(startupGCPercent)

	// The briefing and the basemap load on their own goroutines while the
	// Fyne app starts and its fonts are parsed.
	type briefingResult struct {
		b            *data.Briefing
		openErr, err error
	}
	type basemapResult struct {
		base *basemap.Basemap
		err  error
	}
	briefingDone, basemapDone := make(chan briefingResult, 1), make(chan basemapResult, 1)
	go func() {
		b, openErr, err := loadStart(path)
		phase("briefing loaded")
		briefingDone <- briefingResult{b, openErr, err}
	}()
	go func() {
		base, err := basemap.Load()
		phase("basemap decoded")
		basemapDone <- basemapResult{base, err}
	}()
	a := fyneapp.NewWithID(ID)
	fontsDone := make(chan struct{})
	go func() {
		warmFonts()
		phase("fonts loaded")
		close(fontsDone)
	}()
	a.SetIcon(fyne.NewStaticResource("briefmap.png", icon.PNG))
	// Opening the GL window (GLFW, the GL context, Mesa's drivers) takes
	// hundreds of milliseconds on the main thread: it opens, empty, at the
	// remembered size, while the briefing, the basemap and the fonts load,
	// and is filled once they are in. X11 takes the window's class
	// (WM_CLASS) from its title when the window is created, and the desktop
	// entry's StartupWMClass=Briefmap must match it so the desktop groups
	// the window under our icon: create it as "Briefmap", then name the
	// briefing.
	win := a.NewWindow("Briefmap")
	// Fyne uses no depth or stencil buffer: asking for none saves a
	// window-sized buffer and its clear on every frame.
	plain := glfwhints.NoDepthOrStencil()
	win.Resize(prefs{a.Preferences()}.windowSize())
	var code atomic.Int32
	fill := func(b *data.Briefing, base *basemap.Basemap, openErr error) {
		w := newWindow(a, b, base, log, windowOptions{holdFrames: true, win: win})
		w.mapView.clock = clock.ms
		if openErr == nil {
			w.setPath(path)
		}
		w.win.SetTitle("Briefmap — " + w.b.Title)
		// Loading the briefing and the basemap leaves garbage: hand it
		// back to the system once the map is up, off the UI thread, and
		// collect at the usual pace from then on.
		w.mapView.OnReady = func() {
			go func() {
				debug.SetGCPercent(gc)
				debug.FreeOSMemory()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				log.Debug("memory after start-up", "elapsed_ms", clock.ms(), "go_heap_mb", float64(ms.HeapAlloc)/(1<<20), "go_sys_mb", float64(ms.Sys)/(1<<20),
					"go_released_mb", float64(ms.HeapReleased)/(1<<20), "vmrss_mb", vmRSSMB())
			}()
		}
		phase("window built", "briefing", b.ID, "date", w.date.String())
		// "map ready" describes the first frame at the window's real size.
		w.mapView.AllowReady()
		if openErr != nil {
			w.problems = openErr.Error()
			w.showProblemsThen(path, openErr, "Briefmap shows its embedded briefing, “"+w.b.Title+"”, instead.")
			w.log.Warn("problems shown", "path", path, "problems", problemCount(openErr))
		}
	}
	a.Lifecycle().SetOnStarted(func() {
		phase("window shown", "depth_stencil", !plain)
		go func() {
			br := <-briefingDone
			bm := <-basemapDone
			<-fontsDone
			switch {
			case br.err != nil:
				fmt.Fprintf(stderr, "briefmap: %v\n", oneLine(br.err))
			case bm.err != nil:
				fmt.Fprintf(stderr, "briefmap: basemap: %v\n", bm.err)
			default:
				if br.openErr != nil {
					fmt.Fprintf(stderr, "briefmap: %s: %v; showing the embedded briefing\n", path, oneLine(br.openErr))
				}
				fyne.Do(func() { fill(br.b, bm.base, br.openErr) })
				return
			}
			code.Store(1)
			fyne.Do(a.Quit)
		}()
	})
	win.ShowAndRun()
	return int(code.Load())
}

// startupGCPercent is the GOGC of start-up (see Main).
const startupGCPercent = 50

// loadStart returns the briefing the app starts on: the package at path
// (the embedded briefing for ""), or, when that is missing or bad, the
// embedded briefing and openErr, the problems to show. err is set only
// when the embedded briefing itself cannot be loaded.
func loadStart(path string) (b *data.Briefing, openErr, err error) {
	b, openErr = libya.LoadPath(path)
	if openErr == nil {
		return b, nil, nil
	}
	if path == "" {
		return nil, nil, openErr
	}
	b, err = libya.Load()
	return b, openErr, err
}

// parseArgs returns the package path of "open PATH", or "" for none.
func parseArgs(args []string) (string, error) {
	switch {
	case len(args) == 0:
		return "", nil
	case args[0] != "open":
		return "", fmt.Errorf("unknown command %q", args[0])
	case len(args) != 2 || args[1] == "":
		return "", fmt.Errorf("open needs exactly one PATH (a briefing folder or .zip)")
	}
	return args[1], nil
}

// oneLine returns err's message with its lines joined by "; ".
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " ; ")), " ")
}

// newLogger returns the app's logger: JSON lines on stderr at debug level
// when level is "debug", warnings and errors only otherwise.
func newLogger(stderr io.Writer, level string) *slog.Logger {
	l := slog.LevelWarn
	switch strings.ToLower(level) {
	case "debug":
		l = slog.LevelDebug
	case "info":
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: l}))
}

// startClock tells the time since the process started.
type startClock struct{ t0 time.Time }

// newStartClock returns the clock of this process, now being the time
// Main was entered: the process's start is read from /proc/self/stat
// (Linux, to a hundredth of a second); elsewhere the clock starts now.
func newStartClock(now time.Time) startClock {
	stat, err1 := os.ReadFile("/proc/self/stat")
	uptime, err2 := os.ReadFile("/proc/uptime")
	if err1 != nil || err2 != nil {
		return startClock{now}
	}
	// Fields after the command name (which may hold spaces): the 22nd
	// field of the line, starttime, is the 20th of them, in clock ticks
	// since boot (USER_HZ, 100 on Linux).
	s := string(stat)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	u := strings.Fields(string(uptime))
	if len(f) < 20 || len(u) < 1 {
		return startClock{now}
	}
	ticks, err1 := strconv.ParseFloat(f[19], 64)
	up, err2 := strconv.ParseFloat(u[0], 64)
	if err1 != nil || err2 != nil || up*100 < ticks {
		return startClock{now}
	}
	return startClock{now.Add(-time.Duration((up - ticks/100) * float64(time.Second)))}
}

// ms returns the milliseconds since the process started.
func (c startClock) ms() float64 { return float64(time.Since(c.t0).Microseconds()) / 1000 }

// warmFonts parses the theme's regular and bold fonts (and has Fyne scan
// the system's fonts for its fallbacks) by measuring a text in each, so
// that building the window finds them parsed. Only the styles the window
// shows at start: each face parsed holds megabytes.
func warmFonts() {
	for _, st := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Briefmap", theme.TextSize(), st)
	}
}

// vmRSSMB returns this process's resident memory (VmRSS) in MB, or -1
// where /proc does not tell it.
func vmRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				if kb, err := strconv.Atoi(f[0]); err == nil {
					return float64(kb) / 1024
				}
			}
		}
	}
	return -1
}
