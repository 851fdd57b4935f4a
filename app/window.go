package app

import (
	"image/color"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

// Panel widths in logical pixels: the map takes the rest.
const (
	leftWidth  = 250
	rightWidth = 390
)

// window is the Briefmap main window: the briefing, the as-of date and
// the layers it shows, and its panels, each a type of its own that owns
// its widgets: the left panel (leftpanel.go), the map (MapView), the
// Selection, Actors and Excerpts tabs and the status line.
type window struct {
	app  fyne.App
	win  fyne.Window
	log  *slog.Logger
	base *basemap.Basemap

	b      *data.Briefing
	r      *scene.Renderer
	date   data.Date
	layers scene.Layers
	// since is the date compare mode compares date with (zero: off);
	// changes caches the briefing's change dates (timeline_window.go).
	since   data.Date
	changes []data.Date

	left       *leftPanel
	timeline   *timelinePanel
	mapView    *MapView
	tabs       *container.AppTabs
	selection  *selectionTab
	actors     *actorsTab
	excerpts   *excerptsTab
	events     *eventsTab
	changesTab *changesTab
	status     *statusBar

	menu       *fyne.MainMenu
	layerItems []*fyne.MenuItem

	shown    data.Ref // what the Selection tab shows
	problems string   // the last bad package's problems (tests)
	prefs    prefs
	ed       *editor       // the package's files: path, watcher, problems bar, edits (editor.go)
	export   *exportDialog // the last export dialog opened (Ctrl+E)
}

// windowOptions are how a window renders its map.
type windowOptions struct {
	sync       bool        // render on the calling goroutine (tests)
	holdFrames bool        // draw nothing until MapView.AllowReady (the app runs)
	win        fyne.Window // the window to fill (already shown, at start-up); nil: a new one
}

// newWindow builds the main window for briefing b on basemap base in app a.
func newWindow(a fyne.App, b *data.Briefing, base *basemap.Basemap, log *slog.Logger, opt windowOptions) *window {
	w := &window{app: a, log: log, base: base, prefs: prefs{a.Preferences()}, ed: newEditor()}
	w.win = opt.win
	if w.win == nil {
		w.win = a.NewWindow("Briefmap")
	}
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
	w.mapView.OnHover = func(p orb.Point, ref data.Ref, ok, inside bool) { w.status.hover(w.b, p, ref, ok, inside) }
	w.mapView.OnViewChange = func(v scene.View) { w.prefs.setView(w.b, v) }

	w.left = newLeftPanel(w.layers, w.setLayer, w.SetDate)
	w.timeline = newTimelinePanel(w.timelineCallbacks())
	w.left.setTimeline(w.timeline.content)
	w.selection = newSelectionTab(w.SelectRecord)
	w.actors = newActorsTab(w.SelectActor)
	w.excerpts = newExcerptsTab(w.ShowExcerpt, func() bool { return w.tabs != nil && w.tabs.Selected() == w.excerpts.item })
	w.events = newEventsTab(w.Select)
	w.changesTab = newChangesTab(w.SelectChange)
	w.events.fill.isShown = func() bool { return w.tabs != nil && w.tabs.Selected() == w.events.item }
	w.changesTab.fill.isShown = func() bool { return w.tabs != nil && w.tabs.Selected() == w.changesTab.item }
	w.tabs = container.NewAppTabs(w.selection.item, w.actors.item, w.excerpts.item, w.events.item, w.changesTab.item)
	// Only the tab on screen is filled: the others fill when first shown
	// (deferredFill), so the first frame measures the Selection tab alone.
	w.tabs.OnSelected = func(t *container.TabItem) {
		switch t {
		case w.excerpts.item:
			w.excerpts.showing()
		case w.events.item:
			w.events.showing()
		case w.changesTab.item:
			w.changesTab.showing()
		}
	}
	w.status = newStatusBar()

	w.win.SetContent(container.NewBorder(nil, w.status.content,
		fixedWidth(w.left.content, leftWidth), fixedWidth(w.tabs, rightWidth), w.ed.bar.above(w.mapView)))
	cmds := w.commands()
	w.buildMenu(cmds)
	w.addShortcuts(cmds)
	w.win.SetCloseIntercept(func() {
		w.stopWatching()
		w.savePrefs()
		w.mapView.Close()
		w.win.Close()
	})
	if opt.win == nil {
		w.win.Resize(w.prefs.windowSize())
	}
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
	o.Date, o.Layers, o.ScaleBar, o.Since = w.date, w.layers, true, w.since
	return o
}

// applyBriefing refreshes everything that depends on the briefing.
func (w *window) applyBriefing() {
	w.win.SetTitle("Briefmap — " + w.b.Title)
	w.left.showBriefing(w.b)
	w.setTimelineBriefing()
	w.excerpts.setBriefing(w.b)
	w.actors.setBriefing(w.b)
	w.applyDate()
}

// applyDate refreshes everything that depends on the as-of date.
func (w *window) applyDate() {
	w.mapView.SetOptions(w.options())
	w.showLegend()
	w.left.showDate(w.date)
	w.timeline.showDate(w.b, w.changes, w.date, w.since)
	w.showChanges()
	w.status.showDate(w.b, w.date)
	w.showCard(w.shown)
	if w.shown.Kind == data.KindActor {
		w.showActor(w.shown.ID)
	}
	w.excerpts.refresh()
	w.events.show(w.r, w.date)
}

// SetDate changes the as-of date: the map, the legend and the panels
// follow, and so does the selection (followSelection). It logs "date",
// then the selection as it now stands or why it was cleared. In compare
// mode, a date not after the one compared with ends compare mode.
func (w *window) SetDate(d data.Date) {
	if d == w.date {
		return
	}
	from := w.date
	w.date = d
	w.prefs.setDate(w.b, d)
	w.log.Info("date", "date", d.String())
	if !w.since.IsZero() && !w.since.Before(d) {
		w.since = data.Date{}
		w.log.Info("compare ended")
	}
	w.followSelection(from, d)
	w.applyDate()
}

// setLayer switches layerToggles[i] on or off: the map, the legend, the
// check boxes and the View menu follow.
func (w *window) setLayer(i int, on bool) {
	if *layerToggles[i].flag(&w.layers) == on {
		return
	}
	*layerToggles[i].flag(&w.layers) = on
	w.left.showLayers(w.layers)
	for i, t := range layerToggles {
		if i < len(w.layerItems) {
			w.layerItems[i].Checked = *t.flag(&w.layers)
		}
	}
	if w.menu != nil {
		w.menu.Refresh()
	}
	w.prefs.setLayers(w.layers)
	w.mapView.SetOptions(w.options())
	w.showLegend()
}

// showLegend shows the legend of what the map shows now, at the canvas's
// pixel ratio.
func (w *window) showLegend() {
	scale := w.canvasScale()
	o := w.options()
	o.PixelRatio = float64(scale)
	w.left.showLegend(w.r.Legend(o), scale)
}

func (w *window) canvasScale() float32 {
	if c := w.win.Canvas(); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// showCard fills the Selection tab with ref's card (an invitation to click
// when ref is zero).
//
// The card never shows a record that is not on the map on the date on
// screen: such a ref shows no card.
func (w *window) showCard(ref data.Ref) {
	if !ref.IsZero() && !w.b.ValidOn(ref, w.date) {
		ref = data.Ref{}
	}
	w.shown = ref
	c, ok := buildCard(w.r, ref, w.date)
	w.selection.show(w.b, c, ok, w.ShowExcerpt)
}

// cardText returns the Selection tab's card as plain text (tests).
func (w *window) cardText() string {
	c, ok := buildCard(w.r, w.shown, w.date)
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
		w.tabs.Select(w.selection.item)
	}
}

// SelectRecord selects what ref names: an actor as SelectActor does, any
// other record as Select does.
func (w *window) SelectRecord(ref data.Ref) {
	if ref.Kind == data.KindActor {
		w.SelectActor(ref.ID)
		return
	}
	w.Select(ref)
}

// Select selects a zone, place, deployment or event: outlines it (an
// event off the map has no outline: its card says where it happened),
// shows its card and pans to it when it is off screen.
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
	ref := data.Ref{Kind: data.KindActor, ID: id}
	w.log.Info("selected", "kind", ref.Kind, "id", ref.ID)
	w.showCard(ref)
	w.showActor(id)
	w.panTo(ref)
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

// showActor shows the actor's card in the Actors tab and, when it is what
// the Selection tab shows, highlights what it holds on the as-of date.
func (w *window) showActor(id string) {
	c, ok := buildCard(w.r, data.Ref{Kind: data.KindActor, ID: id}, w.date)
	if !ok {
		return
	}
	w.actors.show(w.b, c, w.ShowExcerpt)
	if w.shown == (data.Ref{Kind: data.KindActor, ID: id}) {
		o := w.mapView.Options()
		o.Selected, o.Highlight = data.Ref{}, w.actorRefs(id)
		w.mapView.SetOptions(o)
	}
}

// ShowExcerpt highlights what an excerpt backs and pans to it when it is
// off screen.
func (w *window) ShowExcerpt(e *data.Excerpt) {
	w.highlightRecords(e.About)
	ref := data.Ref{Kind: data.KindExcerpt, ID: e.ID}
	w.log.Info("selected", "kind", ref.Kind, "id", ref.ID)
	w.showCard(ref)
	w.panTo(ref)
}

// panTo moves the map to what ref names when it is not all on screen,
// zooming out if it does not fit (never in).
func (w *window) panTo(ref data.Ref) {
	if ext, ok := w.r.Extent(ref, w.date); ok {
		w.panToBounds(ext)
	}
}

// panToBounds moves the map to ext when it is not all on screen, zooming
// out if it does not fit (never in).
func (w *window) panToBounds(ext orb.Bound) {
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
	nv := scene.View{Centre: ext.Center(), Zoom: min(view.Zoom, fit.Zoom)}
	w.mapView.SetView(nv)
	w.prefs.setView(w.b, nv)
}

// ResetView frames the whole briefing.
func (w *window) ResetView() { w.mapView.ResetView() }

// savePrefs stores the window size (the rest is stored as it changes).
func (w *window) savePrefs() {
	w.prefs.setWindowSize(w.win.Canvas().Size())
}
