package app

import (
	"fmt"
	"image/color"
	"log/slog"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

// statusHint is the status line when the pointer is not on the map.
const statusHint = "Click a zone, terminal or deployment on the map to see who holds it and the sources"

// swatchPaper is the light background legend swatches are shown on, close
// to the map's land colour.
var swatchPaper = color.NRGBA{R: 0xf2, G: 0xef, B: 0xe9, A: 0xff}

// Panel widths in logical pixels: the map takes the rest.
const (
	leftWidth  = 250
	rightWidth = 390
	swatchSize = 18
)

// layerToggle is one layer check box: its label and the flag it sets.
type layerToggle struct {
	Key   string // preference key
	Label string
	flag  func(*scene.Layers) *bool
}

// layerToggles are the left panel's check boxes, in order.
var layerToggles = []layerToggle{
	{"zones", "Control zones", func(l *scene.Layers) *bool { return &l.Zones }},
	{"oil", "Oil terminals and fields", func(l *scene.Layers) *bool { return &l.Oil }},
	{"airbases", "Airbases", func(l *scene.Layers) *bool { return &l.Airbases }},
	{"cities", "Cities", func(l *scene.Layers) *bool { return &l.Cities }},
	{"deployments", "Foreign deployments", func(l *scene.Layers) *bool { return &l.Deployments }},
	{"ranges", "Range rings", func(l *scene.Layers) *bool { return &l.Ranges }},
	{"labels", "Labels", func(l *scene.Layers) *bool { return &l.Labels }},
}

// window is the Briefmap main window and its state: the briefing, the
// as-of date, the layers and the panels.
type window struct {
	app  fyne.App
	win  fyne.Window
	log  *slog.Logger
	base *basemap.Basemap
	sync bool // render on the UI thread (tests)

	b      *data.Briefing
	r      *scene.Renderer
	date   data.Date
	layers scene.Layers

	mapView *MapView

	// left panel
	checks      []*widget.Check
	legendBox   *fyne.Container
	dateButtons []*widget.Button
	dateBox     *fyne.Container
	dateNote    *widget.Label

	// right panel
	tabs          *container.AppTabs
	selTab        *container.TabItem
	actorsTab     *container.TabItem
	excerptsTab   *container.TabItem
	selCard       *widget.RichText
	selScroll     *container.Scroll
	actorSearch   *widget.Entry
	actorList     *widget.List
	actorIDs      []string
	actorCard     *widget.RichText
	actorScroll   *container.Scroll
	excerptSource *widget.Select
	excerptAbout  *widget.Select
	excerptBox    *fyne.Container
	excerptScroll *container.Scroll
	aboutIDs      map[string]string // excerpt "about" filter label → record id
	excerptsStale bool              // the Excerpts tab must be rebuilt when shown

	// status line
	status     *widget.Label
	statusDate *widget.Label

	menu       *fyne.MainMenu
	layerItems []*fyne.MenuItem

	shown    data.Ref // what the Selection tab shows
	problems string   // the last bad package's problems (tests)
	prefs    prefs
}

// windowOptions are how a window renders its map.
type windowOptions struct {
	sync       bool // render on the calling goroutine (tests)
	holdFrames bool // draw nothing until MapView.AllowReady (the app runs)
}

// newWindow builds the main window for briefing b on basemap base in app a.
func newWindow(a fyne.App, b *data.Briefing, base *basemap.Basemap, log *slog.Logger, opt windowOptions) *window {
	w := &window{app: a, log: log, base: base, sync: opt.sync, prefs: prefs{a.Preferences()}}
	w.win = a.NewWindow("Briefmap")
	w.layers = w.prefs.layers()
	w.b = b
	w.r = scene.NewRenderer(b, base)
	w.date = w.prefs.date(b)
	w.mapView = NewMapView(w.r, w.options(), log, opt.sync)
	w.mapView.holdReady = opt.holdFrames
	if v, ok := w.prefs.view(b); ok {
		w.mapView.SetView(v)
	}
	w.mapView.OnSelect = w.onMapSelect
	w.mapView.OnHover = w.onHover
	w.mapView.OnViewChange = func(v scene.View) { w.prefs.setView(w.b, v) }

	left := w.buildLeft()
	right := w.buildRight()
	w.status = widget.NewLabel(statusHint)
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.statusDate = widget.NewLabel("")
	statusBar := container.NewBorder(nil, nil, nil, w.statusDate, w.status)

	content := container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), statusBar),
		fixedWidth(left, leftWidth), fixedWidth(right, rightWidth), w.mapView)
	w.win.SetContent(content)
	w.buildMenu()
	w.addShortcuts()
	w.win.SetCloseIntercept(func() {
		w.savePrefs()
		w.mapView.Close()
		w.win.Close()
	})
	w.win.Resize(w.prefs.windowSize())
	w.applyBriefing()
	return w
}

// fixedWidth returns o in a container at least width wide.
func fixedWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(width, 0))
	return container.NewStack(spacer, o)
}

// options returns the scene options for the current date and layers,
// keeping the map's selection, highlight and hover.
func (w *window) options() scene.Options {
	var o scene.Options
	if w.mapView != nil {
		o = w.mapView.Options()
	}
	o.Date, o.Layers, o.ScaleBar = w.date, w.layers, true
	return o
}

// applyBriefing refreshes everything that depends on the briefing.
func (w *window) applyBriefing() {
	w.win.SetTitle("Briefmap — " + w.b.Title)
	w.rebuildDates()
	w.rebuildExcerptFilters()
	w.filterActors(w.actorSearch.Text)
	w.applyDate()
}

// applyDate refreshes everything that depends on the as-of date.
func (w *window) applyDate() {
	w.mapView.SetOptions(w.options())
	w.rebuildLegend()
	for i, s := range w.b.Snapshots {
		imp := widget.MediumImportance
		if s.Date == w.date {
			imp = widget.HighImportance
		}
		if i < len(w.dateButtons) && w.dateButtons[i].Importance != imp {
			w.dateButtons[i].Importance = imp
			w.dateButtons[i].Refresh()
		}
	}
	label := w.date.Long()
	for _, s := range w.b.Snapshots {
		if s.Date == w.date && s.Label != "" {
			label += " (" + s.Label + ")"
		}
	}
	w.statusDate.SetText("As of " + label)
	w.showCard(w.shown)
	if id := w.selectedActor(); id != "" {
		w.showActor(id)
	}
	w.rebuildExcerpts()
}

// buildLeft returns the left panel: layers, legend and as-of date.
func (w *window) buildLeft() fyne.CanvasObject {
	for _, t := range layerToggles {
		t := t
		c := widget.NewCheck(t.Label, func(on bool) {
			if *t.flag(&w.layers) == on {
				return
			}
			*t.flag(&w.layers) = on
			w.layersChanged()
		})
		c.Checked = *t.flag(&w.layers)
		w.checks = append(w.checks, c)
	}
	layers := container.NewVBox()
	for _, c := range w.checks {
		layers.Add(c)
	}
	w.legendBox = container.NewVBox()
	w.dateBox = container.NewVBox()
	w.dateNote = widget.NewLabel("")
	w.dateNote.Wrapping = fyne.TextWrapWord
	w.dateNote.SizeName = theme.SizeNameCaptionText
	col := container.NewVBox(
		heading("As of"), w.dateBox,
		widget.NewSeparator(),
		heading("Layers"), layers,
		widget.NewSeparator(),
		heading("Legend"), w.legendBox,
		widget.NewSeparator(),
		w.dateNote,
	)
	return container.NewVScroll(col)
}

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}

// layersChanged applies the check boxes' layers.
func (w *window) layersChanged() {
	for i, t := range layerToggles {
		on := *t.flag(&w.layers)
		if w.checks[i].Checked != on {
			w.checks[i].SetChecked(on)
		}
		if i < len(w.layerItems) {
			w.layerItems[i].Checked = on
		}
	}
	if w.menu != nil {
		w.menu.Refresh()
	}
	w.prefs.setLayers(w.layers)
	w.mapView.SetOptions(w.options())
	w.rebuildLegend()
}

// setLayer switches one layer on or off.
func (w *window) setLayer(i int, on bool) {
	*layerToggles[i].flag(&w.layers) = on
	w.layersChanged()
}

// rebuildDates makes one button per snapshot of the briefing.
func (w *window) rebuildDates() {
	w.dateBox.RemoveAll()
	w.dateButtons = nil
	for _, s := range w.b.Snapshots {
		s := s
		text := s.Date.Long()
		btn := widget.NewButton(text, func() { w.SetDate(s.Date) })
		btn.Alignment = widget.ButtonAlignLeading
		w.dateButtons = append(w.dateButtons, btn)
		w.dateBox.Add(btn)
		if s.Label != "" {
			l := widget.NewLabel(s.Label)
			l.Wrapping = fyne.TextWrapWord
			l.SizeName = theme.SizeNameCaptionText
			w.dateBox.Add(l)
		}
	}
	w.dateNote.SetText(w.b.Notes)
}

// SetDate changes the as-of date: the map, the legend and the panels follow.
func (w *window) SetDate(d data.Date) {
	if d == w.date {
		return
	}
	w.date = d
	w.prefs.setDate(w.b, d)
	w.applyDate()
}

// rebuildLegend shows the legend of what the map shows now.
func (w *window) rebuildLegend() {
	var objs []fyne.CanvasObject
	px := int(swatchSize * w.canvasScale())
	for _, e := range w.r.Legend(w.options()) {
		img := canvas.NewImageFromImage(scene.Swatch(e, px))
		img.SetMinSize(fyne.NewSize(swatchSize, swatchSize))
		img.FillMode = canvas.ImageFillContain
		// Swatches are translucent like the map's fills: show them on the
		// map's light paper, not on the (possibly dark) panel.
		paper := canvas.NewRectangle(swatchPaper)
		paper.SetMinSize(fyne.NewSize(swatchSize+4, swatchSize+4))
		paper.CornerRadius = 2
		l := widget.NewLabel(e.Label)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, container.NewBorder(nil, nil, container.NewCenter(container.NewStack(paper, container.NewCenter(img))), nil, l))
	}
	w.legendBox.Objects = objs
	w.legendBox.Refresh()
}

func (w *window) canvasScale() float32 {
	if c := w.win.Canvas(); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// buildRight returns the right panel: Selection, Actors and Excerpts tabs.
func (w *window) buildRight() fyne.CanvasObject {
	w.selCard = widget.NewRichText()
	w.selCard.Wrapping = fyne.TextWrapWord
	w.selScroll = container.NewVScroll(w.selCard)
	w.selTab = container.NewTabItem("Selection", w.selScroll)

	w.actorSearch = widget.NewEntry()
	w.actorSearch.SetPlaceHolder("Filter actors (any spelling)")
	w.actorSearch.OnChanged = w.filterActors
	w.actorList = widget.NewList(
		func() int { return len(w.actorIDs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(w.actorIDs) {
				o.(*widget.Label).SetText(w.actorLine(w.actorIDs[i]))
			}
		})
	w.actorList.OnSelected = func(i widget.ListItemID) {
		if i < len(w.actorIDs) {
			w.SelectActor(w.actorIDs[i])
		}
	}
	w.actorCard = widget.NewRichText(&widget.TextSegment{
		Text:  "Pick an actor above to see its aliases, side, backers and deployments, and to highlight what it holds on the map.",
		Style: widget.RichTextStyleParagraph})
	w.actorCard.Wrapping = fyne.TextWrapWord
	w.actorScroll = container.NewVScroll(w.actorCard)
	split := container.NewVSplit(w.actorList, w.actorScroll)
	split.SetOffset(0.35)
	w.actorsTab = container.NewTabItem("Actors", container.NewBorder(w.actorSearch, nil, nil, nil, split))

	w.excerptSource = widget.NewSelect(nil, func(string) { w.rebuildExcerpts() })
	w.excerptAbout = widget.NewSelect(nil, func(string) { w.rebuildExcerpts() })
	w.excerptBox = container.NewVBox()
	w.excerptScroll = container.NewVScroll(w.excerptBox)
	filters := container.New(layout.NewFormLayout(),
		widget.NewLabel("Source"), w.excerptSource,
		widget.NewLabel("About"), w.excerptAbout)
	w.excerptsTab = container.NewTabItem("Excerpts", container.NewBorder(filters, nil, nil, nil, w.excerptScroll))

	w.tabs = container.NewAppTabs(w.selTab, w.actorsTab, w.excerptsTab)
	w.tabs.OnSelected = func(t *container.TabItem) {
		if t == w.excerptsTab && w.excerptsStale {
			w.rebuildExcerpts()
		}
	}
	return w.tabs
}

// actorLine is an actor's line in the Actors list.
func (w *window) actorLine(id string) string {
	a, ok := w.b.Actor(id)
	if !ok {
		return id
	}
	if k := actorKinds[a.Kind]; k != "" {
		return a.Name + " · " + strings.ToLower(k)
	}
	return a.Name
}

// filterActors lists the actors whose name or alias matches q (all when q
// is empty).
func (w *window) filterActors(q string) {
	w.actorIDs = w.actorIDs[:0]
	q = strings.TrimSpace(q)
	if q == "" {
		for _, a := range w.b.Actors {
			w.actorIDs = append(w.actorIDs, a.ID)
		}
	} else {
		seen := map[string]bool{}
		for _, m := range w.b.Search(q) {
			if m.Kind == data.KindActor && !seen[m.ID] {
				seen[m.ID] = true
				w.actorIDs = append(w.actorIDs, m.ID)
			}
		}
	}
	w.actorList.UnselectAll()
	w.actorList.Refresh()
}

// selectedActor returns the actor the map highlights, or "".
func (w *window) selectedActor() string {
	if w.shown.Kind == data.KindActor {
		return w.shown.ID
	}
	return ""
}

// showCard fills the Selection tab with ref's card (an invitation to click
// when ref is zero).
func (w *window) showCard(ref data.Ref) {
	w.shown = ref
	c, ok := buildCard(w.b, ref, w.date)
	if !ok {
		w.selCard.Segments = []widget.RichTextSegment{
			&widget.TextSegment{Text: "Nothing selected", Style: widget.RichTextStyleSubHeading},
			&widget.TextSegment{Text: "Click a zone, an oil terminal or a deployment on the map to see who holds it and which sources say so. " +
				"Pick an actor in the Actors tab, or an excerpt in the Excerpts tab, to highlight what it concerns. " +
				"Scroll to zoom, drag to pan, 0 resets the view, Ctrl+F searches.", Style: widget.RichTextStyleParagraph},
		}
		w.selCard.Refresh()
		return
	}
	w.selCard.Segments = cardSegments(w.b, c, w.ShowExcerpt)
	w.selCard.Refresh()
	w.selScroll.ScrollToTop()
}

// cardText returns the Selection tab's card as plain text (tests).
func (w *window) cardText() string {
	c, ok := buildCard(w.b, w.shown, w.date)
	if !ok {
		return ""
	}
	return c.text(w.b)
}

// onMapSelect is called when a click on the map changes the selection.
func (w *window) onMapSelect(ref data.Ref) {
	w.log.Info("selected", "kind", ref.Kind, "id", ref.ID)
	w.showCard(ref)
	if !ref.IsZero() {
		w.tabs.Select(w.selTab)
	}
}

// Select selects a zone, place or deployment: outlines it, shows its card
// and pans to it when it is off screen.
func (w *window) Select(ref data.Ref) {
	w.mapView.Select(ref)
	w.onMapSelect(ref)
	if !ref.IsZero() {
		w.panTo(ref)
	}
}

// SelectActor highlights all the actor's zones and deployments and shows
// its card in the Actors and Selection tabs.
func (w *window) SelectActor(id string) {
	if _, ok := w.b.Actor(id); !ok {
		return
	}
	o := w.mapView.Options()
	o.Selected = data.Ref{}
	o.Highlight = w.actorRefs(id)
	w.mapView.SetOptions(o)
	w.log.Info("selected", "kind", data.KindActor, "id", id)
	w.showCard(data.Ref{Kind: data.KindActor, ID: id})
	w.showActor(id)
	w.panTo(data.Ref{Kind: data.KindActor, ID: id})
}

// actorRefs returns the refs of an actor's zones and deployments on the
// as-of date.
func (w *window) actorRefs(id string) []data.Ref {
	var refs []data.Ref
	for _, z := range w.b.ActorZones(id, w.date) {
		refs = append(refs, data.Ref{Kind: data.KindZone, ID: z.ID})
	}
	for _, d := range w.b.ActorDeployments(id, w.date) {
		refs = append(refs, data.Ref{Kind: data.KindDeployment, ID: d.ID})
	}
	return refs
}

// showActor shows the actor's card in the Actors tab.
func (w *window) showActor(id string) {
	c, ok := buildCard(w.b, data.Ref{Kind: data.KindActor, ID: id}, w.date)
	if !ok {
		return
	}
	w.actorCard.Segments = cardSegments(w.b, c, w.ShowExcerpt)
	w.actorCard.Refresh()
	w.actorScroll.ScrollToTop()
	o := w.mapView.Options()
	if w.shown.Kind == data.KindActor && w.shown.ID == id {
		o.Highlight = w.actorRefs(id)
		w.mapView.SetOptions(o)
	}
}

// ShowExcerpt highlights what an excerpt backs and pans to it when it is
// off screen.
func (w *window) ShowExcerpt(e *data.Excerpt) {
	o := w.mapView.Options()
	o.Selected = data.Ref{}
	o.Highlight = nil
	for _, id := range e.About {
		switch k := w.b.KindOf(id); k {
		case data.KindZone, data.KindPlace, data.KindDeployment:
			o.Highlight = append(o.Highlight, data.Ref{Kind: k, ID: id})
		case data.KindActor:
			o.Highlight = append(o.Highlight, w.actorRefs(id)...)
		}
	}
	w.mapView.SetOptions(o)
	ref := data.Ref{Kind: data.KindExcerpt, ID: e.ID}
	w.log.Info("selected", "kind", ref.Kind, "id", ref.ID)
	w.showCard(ref)
	w.panTo(ref)
}

// panTo moves the map to what ref names when it is not all on screen,
// zooming out if it does not fit (never in).
func (w *window) panTo(ref data.Ref) {
	ext, ok := w.r.Extent(ref, w.date)
	if !ok {
		return
	}
	dw, dh := w.mapView.DeviceSize()
	if dw <= 0 || dh <= 0 {
		return
	}
	view := w.mapView.View()
	vb := view.Bounds(dw, dh)
	if vb.Contains(ext.Min) && vb.Contains(ext.Max) {
		return
	}
	fit := scene.FitView(ext, dw, dh, 40)
	nv := scene.View{Centre: ext.Center(), Zoom: view.Zoom}
	if fit.Zoom < view.Zoom {
		nv.Zoom = fit.Zoom
	}
	w.mapView.SetView(nv)
	w.prefs.setView(w.b, nv)
}

// onHover updates the status line with what is under the pointer.
func (w *window) onHover(p orb.Point, ref data.Ref, ok, inside bool) {
	if !inside {
		w.status.SetText(statusHint)
		return
	}
	coord := fmt.Sprintf("%.3f°%s %.3f°%s", abs(p[1]), ns(p[1]), abs(p[0]), ew(p[0]))
	if !ok {
		w.status.SetText(coord)
		return
	}
	w.status.SetText(w.b.Name(ref.ID) + " (" + string(ref.Kind) + ") · " + coord)
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func ns(lat float64) string {
	if lat < 0 {
		return "S"
	}
	return "N"
}

func ew(lon float64) string {
	if lon < 0 {
		return "W"
	}
	return "E"
}

const (
	allSources    = "All sources"
	allRecords    = "Everything"
	excerptsLimit = 0 // no limit
)

// rebuildExcerptFilters fills the Excerpts tab's filters from the briefing.
func (w *window) rebuildExcerptFilters() {
	opts := []string{allSources}
	for _, s := range w.b.Sources {
		opts = append(opts, sourceLabel(s))
	}
	w.excerptSource.Options = opts
	w.excerptSource.Selected = allSources
	w.excerptSource.Refresh()

	w.aboutIDs = map[string]string{}
	var labels []string
	for _, e := range w.b.Excerpts {
		for _, id := range e.About {
			label := w.b.Name(id) + " (" + string(w.b.KindOf(id)) + ")"
			if _, ok := w.aboutIDs[label]; !ok {
				w.aboutIDs[label] = id
				labels = append(labels, label)
			}
		}
	}
	sort.Strings(labels)
	w.excerptAbout.Options = append([]string{allRecords}, labels...)
	w.excerptAbout.Selected = allRecords
	w.excerptAbout.Refresh()
}

func sourceLabel(s data.Source) string {
	return s.Publisher + " (" + s.Date.Long() + ")"
}

// filteredExcerpts returns the excerpts the Excerpts tab's filters let
// through.
func (w *window) filteredExcerpts() []*data.Excerpt {
	var out []*data.Excerpt
	about := w.aboutIDs[w.excerptAbout.Selected]
	for i := range w.b.Excerpts {
		e := &w.b.Excerpts[i]
		if sel := w.excerptSource.Selected; sel != "" && sel != allSources {
			s, ok := w.b.Source(e.Source)
			if !ok || sourceLabel(*s) != sel {
				continue
			}
		}
		if about != "" && !contains(e.About, about) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// rebuildExcerpts lists the filtered excerpts, each with its citation, what
// it is about and a link that shows it on the map.
func (w *window) rebuildExcerpts() {
	if w.excerptBox == nil {
		return
	}
	// Laying out dozens of wrapped quotes is the costliest part of the
	// window: do it only when the tab is shown.
	if w.tabs == nil || w.tabs.Selected() != w.excerptsTab {
		w.excerptsStale = true
		return
	}
	w.excerptsStale = false
	// Build the list, then set it once: Add lays the box out each time.
	list := w.filteredExcerpts()
	var objs []fyne.CanvasObject
	if len(list) == 0 {
		objs = append(objs, widget.NewLabel("No excerpt matches these filters."))
	}
	for _, e := range list {
		segs := quoteSegments(w.b, e, w.ShowExcerpt)
		about := &widget.TextSegment{Text: "About: " + names(w.b, e.About), Style: muted(widget.RichTextStyleParagraph)}
		segs = append(segs[:2], append([]widget.RichTextSegment{about}, segs[2:]...)...)
		rt := widget.NewRichText(segs...)
		rt.Wrapping = fyne.TextWrapWord
		objs = append(objs, rt, widget.NewSeparator())
	}
	w.excerptBox.Objects = objs
	w.excerptBox.Refresh()
}

// addShortcuts registers the keyboard shortcuts and forwards keys to the
// map when nothing else has the focus.
func (w *window) addShortcuts() {
	c := w.win.Canvas()
	for _, s := range []struct {
		key fyne.KeyName
		fn  func()
	}{
		{fyne.KeyF, w.ShowSearch},
		{fyne.KeyE, w.ExportSlide},
		{fyne.KeyO, w.ShowOpen},
	} {
		fn := s.fn
		c.AddShortcut(&desktop.CustomShortcut{KeyName: s.key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
	c.SetOnTypedKey(w.mapView.TypedKey)
	c.SetOnTypedRune(w.mapView.TypedRune)
}

// ResetView frames the whole briefing.
func (w *window) ResetView() { w.mapView.ResetView() }

// savePrefs stores the window size (the rest is stored as it changes).
func (w *window) savePrefs() {
	w.prefs.setWindowSize(w.win.Canvas().Size())
}
