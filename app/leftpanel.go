package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// swatchSize is the side of a legend swatch, in logical pixels.
const swatchSize = 18

// layerToggle is one layer switch: its preference key, its label in the
// View menu, its shorter label beside its check box in the left panel (two
// columns of them must fit the panel's width, leftWidth) and the flag it
// sets.
type layerToggle struct {
	Key   string // preference key
	Label string // the View menu's
	Short string // the left panel's
	flag  func(*scene.Layers) *bool
}

// layerToggles are the layer switches of the left panel and the View menu,
// in order.
var layerToggles = []layerToggle{
	{"zones", "Control zones", "Zones", func(l *scene.Layers) *bool { return &l.Zones }},
	{"oil", "Oil terminals and fields", "Oil sites", func(l *scene.Layers) *bool { return &l.Oil }},
	{"airbases", "Airbases", "Airbases", func(l *scene.Layers) *bool { return &l.Airbases }},
	{"cities", "Cities", "Cities", func(l *scene.Layers) *bool { return &l.Cities }},
	{"deployments", "Foreign deployments", "Forces", func(l *scene.Layers) *bool { return &l.Deployments }},
	{"ranges", "Range rings", "Ranges", func(l *scene.Layers) *bool { return &l.Ranges }},
	{"events", "Events", "Events", func(l *scene.Layers) *bool { return &l.Events }},
	{"labels", "Labels", "Labels", func(l *scene.Layers) *bool { return &l.Labels }},
}

// leftPanel is the window's left column: the as-of date (the timeline and
// the snapshot picker), the layer check boxes, the legend of what the map
// shows and the briefing's notes. It owns these widgets; the window tells it
// what to show, and it reports the user's choices through the callbacks it
// was built with.
type leftPanel struct {
	checks    []*widget.Check
	legendBox *fyne.Container
	snapshots *snapshotPicker
	timeline  *fyne.Container // holds the timeline panel (timeline.go)
	dateNote  *widget.Label
	// layersHead and legendHead are the headings of the layers and the
	// legend (the window test checks they are above the fold).
	layersHead, legendHead *widget.Label
	scroll                 *container.Scroll
	content                fyne.CanvasObject
}

// newLeftPanel returns the panel with its check boxes set to layers; it
// calls onLayer(i, on) when the user switches layerToggles[i] and onDate
// when they pick a date.
func newLeftPanel(layers scene.Layers, onLayer func(i int, on bool), onDate func(data.Date)) *leftPanel {
	p := &leftPanel{snapshots: newSnapshotPicker(onDate)}
	checks := container.NewGridWithColumns(2)
	for i, t := range layerToggles {
		c := widget.NewCheck(t.Short, func(on bool) { onLayer(i, on) })
		c.Checked = *t.flag(&layers)
		p.checks = append(p.checks, c)
		checks.Add(c)
	}
	p.legendBox = container.NewVBox()
	p.timeline = container.NewStack()
	p.dateNote = caption("")
	p.layersHead, p.legendHead = heading("Layers"), heading("Legend")
	p.scroll = container.NewVScroll(container.NewVBox(
		heading("As of"), p.timeline, p.snapshots.sel,
		widget.NewSeparator(),
		p.layersHead, checks,
		widget.NewSeparator(),
		p.legendHead, p.legendBox,
		widget.NewSeparator(),
		p.dateNote,
	))
	p.content = p.scroll
	return p
}

// setTimeline puts the timeline panel under the "As of" heading, above the
// snapshot picker (its bookmarks).
func (p *leftPanel) setTimeline(o fyne.CanvasObject) {
	p.timeline.Objects = []fyne.CanvasObject{o}
	p.timeline.Refresh()
}

// showBriefing lists b's snapshots in the picker and shows b's notes.
func (p *leftPanel) showBriefing(b *data.Briefing) {
	p.snapshots.showBriefing(b)
	p.dateNote.SetText(b.Notes)
}

// showDate chooses the snapshot of date d in the picker, or none when d is
// no snapshot's date.
func (p *leftPanel) showDate(d data.Date) {
	p.snapshots.showDate(d)
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
		objs = append(objs, container.NewBorder(nil, nil, container.NewCenter(container.NewStack(paper, container.NewCenter(img))), nil, wrappedLabel(e.Label)))
	}
	p.legendBox.Objects = objs
	p.legendBox.Refresh()
}
