package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/slide"
)

// TestSlideSpecIsWhatIsOnScreen checks that Ctrl+E exports the map as the
// window shows it: its bounds, date, layers and selection, without the
// hover, focused on the selection.
func TestSlideSpecIsWhatIsOnScreen(t *testing.T) {
	w, _ := newTestWindow(t)
	w.setLayer(5, false) // range rings
	w.SetDate(w.b.Snapshots[1].Date)
	zonesOnly(w)
	tapAt(t, w, nearBenghazi)
	sel := w.mapView.Selected()
	if sel.IsZero() {
		t.Fatal("nothing selected")
	}
	o := w.mapView.Options()
	o.Hovered = data.Ref{Kind: data.KindPlace, ID: "benghazi"}
	w.mapView.SetOptions(o)

	s := w.slideSpec()
	// Its own renderer (the export runs off the UI thread), of the same
	// briefing on the same basemap.
	if s.Briefing != w.b || s.Renderer == w.r || s.Renderer.Briefing() != w.b || s.Renderer.Basemap() != w.base {
		t.Fatalf("the slide draws briefing %p with renderer %p of %p on %p; the window shows %p with %p on %p",
			s.Briefing, s.Renderer, s.Renderer.Briefing(), s.Renderer.Basemap(), w.b, w.r, w.base)
	}
	if s.Bounds != w.mapView.Bounds() {
		t.Errorf("slide bounds %v, map shows %v", s.Bounds, w.mapView.Bounds())
	}
	if s.Options.Date != w.date || s.Options.Layers != w.layers {
		t.Errorf("slide options %v %+v, window %v %+v", s.Options.Date, s.Options.Layers, w.date, w.layers)
	}
	if s.Options.Selected != sel || s.Focus != sel {
		t.Errorf("slide selection %v focus %v, want %v", s.Options.Selected, s.Focus, sel)
	}
	if !s.Options.Hovered.IsZero() {
		t.Error("the slide draws the hover")
	}

	path := filepath.Join(t.TempDir(), slide.DefaultFileName(w.b, w.date))
	if err := slide.Export(path, s); err != nil {
		t.Fatalf("export: %v", err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The slide Ctrl+E writes is the HD one, whatever the window's size.
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 1920 || cfg.Height != 1080 {
		t.Errorf("exported %dx%d (%v), want a 1920x1080 PNG", cfg.Width, cfg.Height, err)
	}
}

func TestSlideSpecFocusesTheActor(t *testing.T) {
	w, _ := newTestWindow(t)
	w.SelectActor("lna")
	if s := w.slideSpec(); s.Focus != (data.Ref{Kind: data.KindActor, ID: "lna"}) || len(s.Options.Highlight) == 0 {
		t.Errorf("slide focus %v highlight %v, want actor lna and its zones", s.Focus, s.Options.Highlight)
	}
}

// Ctrl+E first asks for the format: PNG by default, then the last one
// used; the file name typed decides when its extension is a slide format.
func TestExportDialogFormats(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ExportSlide()
	if w.export == nil {
		t.Fatal("no export dialog")
	}
	if got := w.export.format(); got != slide.PNG {
		t.Errorf("default format %v, want png", got)
	}
	if n := len(w.export.choice.Options); n != len(slide.Formats()) {
		t.Errorf("%d formats offered, want %d", n, len(slide.Formats()))
	}
	w.export.choice.SetSelected(exportFormatLabels[slide.PDF])
	w.export.d.Confirm()
	w.ExportSlide()
	if got := w.export.format(); got != slide.PDF {
		t.Errorf("after a PDF export the dialog offers %v first, want pdf", got)
	}
	w.export.d.Hide()
	for _, tc := range []struct {
		path   string
		chosen slide.Format
		want   slide.Format
	}{
		{"/tmp/a.pdf", slide.PNG, slide.PDF},
		{"/tmp/a.svg", slide.PDF, slide.SVG},
		{"/tmp/a", slide.SVG, slide.SVG},
		{"/tmp/a.slide", slide.PDF, slide.PDF},
	} {
		if got := formatFor(tc.path, tc.chosen); got != tc.want {
			t.Errorf("formatFor(%q, %v) = %v, want %v", tc.path, tc.chosen, got, tc.want)
		}
	}
}
