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
// app logs JSON lines (log/slog) to stderr: "map ready" with the map's
// rectangle and bounds once the first frame is shown, and "selected" on
// every selection.
package app

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/briefmap/briefmap/assets/icon"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
)

// ID is the app's identifier (FyneApp.toml), which keys its Preferences.
const ID = "io.github.briefmap.briefmap"

// Main runs the desktop app with the command-line arguments (none, or
// "open PATH") and returns the process exit code: 0 after the window
// closes, 1 when the embedded briefing cannot be loaded, 2 on bad usage. A
// package at PATH that is missing or bad is reported in one dialog with
// every problem, over the embedded briefing.
func Main(args []string, stderr io.Writer) int {
	path, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "briefmap: %v\nusage: briefmap [open PATH]\n", err)
		return 2
	}
	start := time.Now()
	log := newLogger(stderr, os.Getenv("BRIEFMAP_LOG"))
	b, openErr, err := loadStart(path)
	if err != nil {
		fmt.Fprintf(stderr, "briefmap: %v\n", oneLine(err))
		return 1
	}
	if openErr != nil {
		fmt.Fprintf(stderr, "briefmap: %s: %v; showing the embedded briefing\n", path, oneLine(openErr))
	}
	base, err := basemap.Load()
	if err != nil {
		fmt.Fprintf(stderr, "briefmap: basemap: %v\n", err)
		return 1
	}
	loaded := time.Since(start)
	a := fyneapp.NewWithID(ID)
	a.SetIcon(fyne.NewStaticResource("briefmap.png", icon.PNG))
	// "map ready" describes the first frame at the window's real size: the
	// map draws nothing until the app runs (the window is shown).
	appReady := time.Since(start)
	w := newWindow(a, b, base, log, windowOptions{holdFrames: true})
	// X11 takes the window's class (WM_CLASS) from its title when the window
	// is created, and the desktop entry's StartupWMClass=Briefmap must match
	// it so the desktop groups the window under our icon: create it as
	// "Briefmap", then name the briefing.
	w.win.SetTitle("Briefmap")
	if openErr == nil {
		w.setPath(path)
	}
	a.Lifecycle().SetOnStarted(func() {
		w.win.SetTitle("Briefmap — " + w.b.Title)
		w.mapView.AllowReady()
		if openErr != nil {
			w.problems = openErr.Error()
			w.showProblemsThen(path, openErr, "Briefmap shows its embedded briefing, “"+w.b.Title+"”, instead.")
			w.log.Warn("problems shown", "path", path, "problems", problemCount(openErr))
		}
	})
	// Loading the briefing and the basemap leaves garbage: hand it back to
	// the system once the map is up, off the UI thread.
	w.mapView.OnReady = func() {
		go func() {
			debug.FreeOSMemory()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			log.Debug("memory after start-up", "go_heap_mb", float64(ms.HeapAlloc)/(1<<20), "go_sys_mb", float64(ms.Sys)/(1<<20),
				"go_released_mb", float64(ms.HeapReleased)/(1<<20))
		}()
	}
	log.Debug("window built", "briefing", b.ID, "date", w.date.String(),
		"load_ms", loaded.Milliseconds(), "fyne_app_ms", appReady.Milliseconds(), "since_start_ms", time.Since(start).Milliseconds())
	w.win.ShowAndRun()
	return 0
}

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
