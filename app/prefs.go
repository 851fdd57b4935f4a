package app

import (
	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
	"github.com/briefmap/briefmap/slide"
)

// Default window size in logical pixels.
const (
	defaultWidth  = 1280
	defaultHeight = 800
)

// prefs stores what the window remembers between runs: its size, the
// layers, and per briefing the as-of date and the last view.
type prefs struct{ p fyne.Preferences }

// windowSize returns the remembered window size, or 1280×800.
func (p prefs) windowSize() fyne.Size {
	w := p.p.FloatWithFallback("window.width", defaultWidth)
	h := p.p.FloatWithFallback("window.height", defaultHeight)
	if w < 640 || h < 400 {
		w, h = defaultWidth, defaultHeight
	}
	return fyne.NewSize(float32(w), float32(h))
}

func (p prefs) setWindowSize(s fyne.Size) {
	if s.Width < 640 || s.Height < 400 {
		return
	}
	p.p.SetFloat("window.width", float64(s.Width))
	p.p.SetFloat("window.height", float64(s.Height))
}

// layers returns the remembered layers (all on by default).
func (p prefs) layers() scene.Layers {
	l := scene.AllLayers()
	for _, t := range layerToggles {
		*t.flag(&l) = p.p.BoolWithFallback("layer."+t.Key, true)
	}
	return l
}

func (p prefs) setLayers(l scene.Layers) {
	for _, t := range layerToggles {
		p.p.SetBool("layer."+t.Key, *t.flag(&l))
	}
}

// date returns the remembered as-of date for briefing b when it lies in
// b's time range, or b's default date.
func (p prefs) date(b *data.Briefing) data.Date {
	s := p.p.String("date." + b.ID)
	if d, err := data.ParseDate(s); err == nil && b.CheckDate(d) == nil {
		return d
	}
	if b.DefaultDate.IsZero() && len(b.Snapshots) > 0 {
		return b.Snapshots[0].Date
	}
	return b.DefaultDate
}

func (p prefs) setDate(b *data.Briefing, d data.Date) { p.p.SetString("date."+b.ID, d.String()) }

// view returns the last view of briefing b; ok is false when there is none
// or it does not overlap b's bounding box.
func (p prefs) view(b *data.Briefing) (scene.View, bool) {
	k := "view." + b.ID + "."
	z := p.p.FloatWithFallback(k+"zoom", -1)
	if z < scene.MinZoom || z > scene.MaxZoom {
		return scene.View{}, false
	}
	c := orb.Point{p.p.Float(k + "lon"), p.p.Float(k + "lat")}
	if !b.BBox.Contains(c) {
		return scene.View{}, false
	}
	return scene.View{Centre: c, Zoom: z}, true
}

func (p prefs) setView(b *data.Briefing, v scene.View) {
	k := "view." + b.ID + "."
	p.p.SetFloat(k+"lon", v.Centre[0])
	p.p.SetFloat(k+"lat", v.Centre[1])
	p.p.SetFloat(k+"zoom", v.Zoom)
}

// exportFormat returns the slide format last exported (PNG at first).
func (p prefs) exportFormat() slide.Format {
	f, err := slide.ParseFormat(p.p.StringWithFallback("export.format", "png"))
	if err != nil {
		return slide.PNG
	}
	return f
}

func (p prefs) setExportFormat(f slide.Format) { p.p.SetString("export.format", f.String()) }
