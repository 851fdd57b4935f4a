package app

import (
	"log/slog"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/internal/cputime"
)

// TestOffScreenTabsFillWhenShown: at start only the Selection tab holds
// widgets; the Events, Changes and Excerpts tabs are filled the first time
// they are shown, with what the date on screen then asks for.
func TestOffScreenTabsFillWhenShown(t *testing.T) {
	tests := []struct {
		name string
		item func(w *window) *container.TabItem
		box  func(w *window) *fyne.Container
		want string // text the tab shows once shown
	}{
		{"events", func(w *window) *container.TabItem { return w.events.item },
			func(w *window) *fyne.Container { return w.events.box }, "Events around"},
		{"changes", func(w *window) *container.TabItem { return w.changesTab.item },
			func(w *window) *fyne.Container { return w.changesTab.box }, "Not comparing"},
		{"excerpts", func(w *window) *container.TabItem { return w.excerpts.item },
			func(w *window) *fyne.Container { return w.excerpts.box }, "“"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := newTestWindow(t)
			if w.tabs.Selected() != w.selection.item {
				t.Fatalf("the window starts on %q, want Selection", w.tabs.Selected().Text)
			}
			if n := len(tt.box(w).Objects); n != 0 {
				t.Fatalf("the %s tab holds %d objects before it is shown", tt.name, n)
			}
			w.SetDate(data.MustDate("2023-09-30"))
			if n := len(tt.box(w).Objects); n != 0 {
				t.Fatalf("the %s tab was filled off screen on a date change (%d objects)", tt.name, n)
			}
			w.tabs.Select(tt.item(w))
			if text := richTexts(tt.box(w)) + labelTexts(tt.box(w)); !strings.Contains(text, tt.want) {
				t.Errorf("shown, the %s tab lacks %q:\n%s", tt.name, tt.want, text)
			}
		})
	}
}

// BenchmarkNewWindow builds the main window on the embedded briefing in a
// test app and lays it out at 1280×800, the map holding its frames as it
// does until the app runs: the panels' share of start-up (the briefing and
// basemap are loaded once, outside the loop).
func BenchmarkNewWindow(b *testing.B) {
	br, err := libya.Load()
	if err != nil {
		b.Fatalf("libya.Load: %v", err)
	}
	base, err := basemap.Load()
	if err != nil {
		b.Fatalf("basemap.Load: %v", err)
	}
	log := slog.New(slog.DiscardHandler)
	a := test.NewTempApp(b)
	b.ReportAllocs()
	defer cputime.Report(b, cputime.Used())
	for b.Loop() {
		w := newWindow(a, br, base, log, windowOptions{holdFrames: true})
		w.win.Resize(fyne.NewSize(1280, 800))
		w.mapView.Close()
		w.win.Close()
	}
}
