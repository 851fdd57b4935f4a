package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// swatchSize is the side of a legend swatch, in logical pixels.
const swatchSize = 18

// layerToggle is one layer switch: its preference key, its label and the
// flag it sets.
type layerToggle struct {
	Key   string // preference key
	Label string
	flag  func(*scene.Layers) *bool
}

// layerToggles are the layer switches of the left panel and the View menu,
// in order.
var layerToggles = []layerToggle{
	{"zones", "Control zones", func(l *scene.Layers) *bool { return &l.Zones }},
	{"oil", "Oil terminals and fields", func(l *scene.Layers) *bool { return &l.Oil }},
	{"airbases", "Airbases", func(l *scene.Layers) *bool { return &l.Airbases }},
	{"cities", "Cities", func(l *scene.Layers) *bool { return &l.Cities }},
	{"deployments", "Foreign deployments", func(l *scene.Layers) *bool { return &l.Deployments }},
	{"ranges", "Range rings", func(l *scene.Layers) *bool { return &l.Ranges }},
	{"events", "Events", func(l *scene.Layers) *bool { return &l.Events }},
	{"labels", "Labels", func(l *scene.Layers) *bool { return &l.Labels }},
}

// leftPanel is the window's left column: the as-of dates, the layer check
// boxes, the legend of what the map shows and the briefing's notes. It owns
// these widgets; the window tells it what to show, and it reports the
// user's choices through the callbacks it was built with.
type leftPanel struct {
	checks      []*widget.Check
	legendBox   *fyne.Container
	dateButtons []*widget.Button
	dateBox     *fyne.Container
	timeline    *fyne.Container // holds the timeline panel (timeline.go)
	dateNote    *widget.Label
	onDate      func(data.Date)
	content     fyne.CanvasObject
}

// newLeftPanel returns the panel with its check boxes set to layers; it
// calls onLayer(i, on) when the user switches layerToggles[i] and onDate
// when they pick a date.
func newLeftPanel(layers scene.Layers, onLayer func(i int, on bool), onDate func(data.Date)) *leftPanel {
	p := &leftPanel{onDate: onDate}
	checks := container.NewVBox()
	for i, t := range layerToggles {
		c := widget.NewCheck(t.Label, func(on bool) { onLayer(i, on) })
		c.Checked = *t.flag(&layers)
		p.checks = append(p.checks, c)
		checks.Add(c)
	}
	p.legendBox = container.NewVBox()
	p.dateBox = container.NewVBox()
	p.timeline = container.NewStack()
	p.dateNote = caption("")
	p.content = container.NewVScroll(container.NewVBox(
		heading("As of"), p.timeline, p.dateBox,
		widget.NewSeparator(),
		heading("Layers"), checks,
		widget.NewSeparator(),
		heading("Legend"), p.legendBox,
		widget.NewSeparator(),
		p.dateNote,
	))
	return p
}

func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// caption returns a small wrapped label.
func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// setTimeline puts the timeline panel under the "As of" heading, above the
// snapshots' buttons (its bookmarks).
func (p *leftPanel) setTimeline(o fyne.CanvasObject) {
	p.timeline.Objects = []fyne.CanvasObject{o}
	p.timeline.Refresh()
}

// showBriefing makes one button per snapshot of b, and shows b's notes.
func (p *leftPanel) showBriefing(b *data.Briefing) {
	p.dateBox.RemoveAll()
	p.dateButtons = nil
	for _, s := range b.Snapshots {
		btn := widget.NewButton(s.Date.Long(), func() { p.onDate(s.Date) })
		btn.Alignment = widget.ButtonAlignLeading
		p.dateButtons = append(p.dateButtons, btn)
		p.dateBox.Add(btn)
		if s.Label != "" {
			p.dateBox.Add(caption(s.Label))
		}
	}
	p.dateNote.SetText(b.Notes)
}

// showDate marks the button of date d (one of b's snapshots).
func (p *leftPanel) showDate(b *data.Briefing, d data.Date) {
	for i, s := range b.Snapshots {
		imp := widget.MediumImportance
		if s.Date == d {
			imp = widget.HighImportance
		}
		if i < len(p.dateButtons) && p.dateButtons[i].Importance != imp {
			p.dateButtons[i].Importance = imp
			p.dateButtons[i].Refresh()
		}
	}
}

// showLayers sets the check boxes to l.
func (p *leftPanel) showLayers(l scene.Layers) {
	for i, t := range layerToggles {
		if on := *t.flag(&l); p.checks[i].Checked != on {
			p.checks[i].SetChecked(on)
		}
	}
}

// showLegend lists entries, their swatches drawn at scale device pixels
// per logical pixel (build the entries at that pixel ratio).
func (p *leftPanel) showLegend(entries []scene.LegendEntry, scale float32) {
	var objs []fyne.CanvasObject
	px := int(swatchSize * scale)
	for _, e := range entries {
		img := canvas.NewImageFromImage(scene.Swatch(e, px))
		img.SetMinSize(fyne.NewSize(swatchSize, swatchSize))
		img.FillMode = canvas.ImageFillContain
		// Swatches are translucent like the map's fills: show them on the
		// map's land, not on the (possibly dark) panel.
		paper := canvas.NewRectangle(scene.SwatchPaper)
		paper.SetMinSize(fyne.NewSize(swatchSize+4, swatchSize+4))
		paper.CornerRadius = 2
		l := widget.NewLabel(e.Label)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, container.NewBorder(nil, nil, container.NewCenter(container.NewStack(paper, container.NewCenter(img))), nil, l))
	}
	p.legendBox.Objects = objs
	p.legendBox.Refresh()
}
