package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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

// exportFormatLabels name the formats in the export dialog, saying what
// each is good for.
var exportFormatLabels = [...]string{
	slide.PNG: "PNG image (1920×1080)",
	slide.PDF: "PDF document: sharp at any size, text searchable",
	slide.SVG: "SVG drawing: sharp at any size, editable",
}

// exportDialog is the first step of Ctrl+E: the choice of format (PNG by
// default, then the last one used), then "Save as…" opens the file
// dialog.
type exportDialog struct {
	d      *dialog.ConfirmDialog
	choice *widget.RadioGroup
}

// format returns the format chosen.
func (e *exportDialog) format() slide.Format {
	for f, l := range exportFormatLabels {
		if l == e.choice.Selected {
			return slide.Format(f)
		}
	}
	return slide.PNG
}

// ExportSlide asks in which format and where to save the slide of what is
// on screen and writes it (off the UI thread); in compare mode, the "what
// changed" slide.
func (w *window) ExportSlide() {
	spec := w.slideSpec()
	e := &exportDialog{choice: widget.NewRadioGroup(exportFormatLabels[:], nil)}
	e.choice.Required = true
	e.choice.SetSelected(exportFormatLabels[w.prefs.exportFormat()])
	e.d = w.confirm("Export slide", "Save as…", fyne.Size{}, func() {
		f := e.format()
		w.prefs.setExportFormat(f)
		w.saveSlide(spec, f)
	}, widget.NewLabel("Save the slide of what the map shows as:"), e.choice)
	w.export = e
}

// saveSlide asks where to save the slide of spec in format f and writes
// it there. A name typed with another known extension (".pdf" while PNG
// was chosen) is written in that extension's format.
func (w *window) saveSlide(spec slide.Spec, f slide.Format) {
	name := slide.DefaultFileName(w.b, w.date)
	if spec.Options.CompareOn() {
		name = slide.CompareFileName(w.b, spec.Options.Since, spec.Options.Date)
	}
	w.chooseSaveFile(strings.TrimSuffix(name, filepath.Ext(name))+f.Ext(), f.Ext(), func(path string) {
		format := formatFor(path, f)
		go func() {
			err := slide.ExportAs(path, spec, format)
			fyne.Do(func() {
				if err != nil {
					removeIfEmpty(path)
					w.log.Warn("export slide", "path", path, "format", format.String(), "err", err.Error())
					dialog.ShowError(fmt.Errorf("export slide: %w", err), w.win)
					return
				}
				w.log.Info("slide exported", "path", path, "format", format.String())
				w.status.say("Slide saved to " + path)
			})
		}()
	}, nil)
}

// formatFor returns the format to write path in: that of its extension
// when it is one of the slide's, else the one chosen.
func formatFor(path string, chosen slide.Format) slide.Format {
	if f, err := slide.FormatOf(path); err == nil {
		return f
	}
	return chosen
}
