package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
	"github.com/briefmap/briefmap/slide"
	"github.com/briefmap/briefmap/version"
)

// slideSpec returns the slide of what the map shows now.
func (w *window) slideSpec() slide.Spec {
	o := w.mapView.Options()
	o.Hovered = data.Ref{}
	o.PixelRatio = 0 // the slide sets its own for its size
	focus := o.Selected
	if focus.IsZero() && w.shown.Kind == data.KindActor {
		focus = w.shown
	}
	if o.CompareOn() { // the "what changed" slide frames the whole map
		focus, o.Selected, o.Highlight = data.Ref{}, data.Ref{}, nil
	}
	// An event selected on another date is not on this slide's map: the
	// slide does not describe it as if it were.
	if e, ok := w.b.Event(focus.ID); ok && focus.Kind == data.KindEvent && !e.ShownOn(o.Date) {
		focus, o.Selected = data.Ref{}, data.Ref{}
	}
	return slide.Spec{
		Briefing: w.b,
		Renderer: scene.NewRenderer(w.b, w.base),
		Bounds:   w.mapView.Bounds(),
		Options:  o,
		Focus:    focus,
		Size:     slide.HD,
		Version:  version.String(),
	}
}

// ExportSlide asks where to save the slide of what is on screen and writes
// it (off the UI thread); in compare mode, the "what changed" slide.
func (w *window) ExportSlide() {
	spec := w.slideSpec()
	fd := dialog.NewFileSave(func(wr fyne.URIWriteCloser, err error) {
		if err != nil || wr == nil {
			return
		}
		path := wr.URI().Path()
		wr.Close()
		go func() {
			err := slide.Export(path, spec)
			fyne.Do(func() {
				if err != nil {
					// The save dialog created the file: do not leave it empty.
					if st, serr := os.Stat(path); serr == nil && st.Size() == 0 {
						os.Remove(path)
					}
					w.log.Warn("export slide", "path", path, "err", err.Error())
					dialog.ShowError(fmt.Errorf("export slide: %w", err), w.win)
					return
				}
				w.log.Info("slide exported", "path", path)
				w.status.say("Slide saved to " + path)
			})
		}()
	}, w.win)
	name := slide.DefaultFileName(w.b, w.date)
	if spec.Options.CompareOn() {
		name = slide.CompareFileName(w.b, spec.Options.Since, spec.Options.Date)
	}
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	fd.Resize(fyne.NewSize(800, 560))
	fd.Show()
}
