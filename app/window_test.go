package app

import (
	"archive/zip"
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

// Points the tests click: a few km off the city markers, inside the zones
// around the cities.
var (
	nearTripoli  = orb.Point{13.0, 32.70}
	nearBenghazi = orb.Point{20.3, 31.95}
)

// libyaPackage is the folder of the embedded Libya briefing.
const libyaPackage = "../data/libya/briefing"

// newTestWindow opens the window on the embedded Libya briefing in a test
// app, rendering synchronously, at 1280×800.
func newTestWindow(t testing.TB) (*window, *bytes.Buffer) {
	t.Helper()
	a := test.NewTempApp(t)
	b, err := libya.Load()
	if err != nil {
		t.Fatalf("libya.Load: %v", err)
	}
	base, err := basemap.Load()
	if err != nil {
		t.Fatalf("basemap.Load: %v", err)
	}
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	w := newWindow(a, b, base, log, windowOptions{sync: true})
	t.Cleanup(func() { w.mapView.Close(); w.win.Close() })
	w.win.Resize(fyne.NewSize(1280, 800))
	if dw, dh := w.mapView.DeviceSize(); dw < 400 || dh < 400 {
		t.Fatalf("map is %dx%d in a 1280x800 window", dw, dh)
	}
	return w, &logs
}

// zonesOnly switches every layer off but the zones, so a click can only
// hit a zone.
func zonesOnly(w *window) {
	for i, t := range layerToggles {
		w.setLayer(i, t.Key == "zones")
	}
}

// tapAt clicks the map at lon/lat p.
func tapAt(t *testing.T, w *window, p orb.Point) {
	t.Helper()
	pos := pixelOf(w.mapView, p)
	dw, dh := w.mapView.DeviceSize()
	if pos.X < 0 || pos.Y < 0 || int(pos.X) >= dw || int(pos.Y) >= dh {
		t.Fatalf("%v is off the map (%v)", p, pos)
	}
	test.TapAt(w.mapView, pos)
}

func zoneIDs(zs []*data.Zone) []string {
	var ids []string
	for _, z := range zs {
		ids = append(ids, z.ID)
	}
	return ids
}

func TestWindowTitleAndDefaults(t *testing.T) {
	w, _ := newTestWindow(t)
	if got, want := w.win.Title(), "Briefmap — "+w.b.Title; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if w.date != w.b.DefaultDate {
		t.Errorf("date %v, want the default %v", w.date, w.b.DefaultDate)
	}
	if got := len(w.left.snapshots.sel.Options); got != len(w.b.Snapshots) || got < 2 {
		t.Fatalf("%d snapshot choices for %d snapshots", got, len(w.b.Snapshots))
	}
	if w.left.legendBox.Objects == nil || len(w.left.legendBox.Objects) == 0 {
		t.Error("the legend is empty")
	}
	if !strings.Contains(w.status.date.Text, w.date.Long()) {
		t.Errorf("status %q does not give the as-of date %s", w.status.date.Text, w.date.Long())
	}
	if w.mapView.FramesShown() == 0 {
		t.Error("no map frame")
	}
}

// TestClickZoneAtTripoliPerDate clicks the zone at Tripoli on each
// snapshot: the selection is a zone that contains the point on that date,
// its card names it and its controller, and the cards differ between dates.
func TestClickZoneAtTripoliPerDate(t *testing.T) {
	w, logs := newTestWindow(t)
	zonesOnly(w)
	cards := map[string]string{}
	for i, snap := range w.b.Snapshots {
		w.left.snapshots.sel.SetSelectedIndex(i)
		if w.date != snap.Date {
			t.Fatalf("after choosing %q the date is %v", w.left.snapshots.sel.Selected, w.date)
		}
		if w.mapView.Options().Date != snap.Date {
			t.Fatalf("the map draws %v, want %v", w.mapView.Options().Date, snap.Date)
		}
		w.tabs.Select(w.excerpts.item)
		tapAt(t, w, nearTripoli)
		sel := w.mapView.Selected()
		want := zoneIDs(w.b.ZonesAt(nearTripoli, snap.Date))
		if sel.Kind != data.KindZone || !slices.Contains(want, sel.ID) {
			t.Fatalf("%v: click at Tripoli selected %v, want one of zones %v", snap.Date, sel, want)
		}
		if w.tabs.Selected() != w.selection.item {
			t.Error("the Selection tab is not shown after a click")
		}
		z, _ := w.b.Zone(sel.ID)
		text := w.cardText()
		if !strings.Contains(text, z.Name) {
			t.Errorf("card does not name the zone %q:\n%s", z.Name, text)
		}
		if !z.Contested() && !strings.Contains(text, w.b.Name(z.Controller)) {
			t.Errorf("card does not name the controller %q:\n%s", w.b.Name(z.Controller), text)
		}
		if !strings.Contains(text, "[SOURCED]") && !strings.Contains(text, "[BACKGROUND]") {
			t.Errorf("card tags no field as sourced or background:\n%s", text)
		}
		if rt := richText(w.selection.card); !strings.Contains(rt, z.Name) {
			t.Errorf("the Selection tab shows %q, not the zone", rt)
		}
		sels := logLines(t, logs, "selected")
		if last := sels[len(sels)-1]; last["kind"] != "zone" || last["id"] != sel.ID {
			t.Errorf("last selected log line %v, want zone %s", last, sel.ID)
		}
		cards[snap.Date.String()] = text
	}
	if cards[w.b.Snapshots[0].Date.String()] == cards[w.b.Snapshots[1].Date.String()] {
		t.Errorf("the card of the zone at Tripoli is the same on both dates:\n%s", cards[w.b.Snapshots[0].Date.String()])
	}
}

func TestClickBenghaziSelectsLNAZone(t *testing.T) {
	w, _ := newTestWindow(t)
	zonesOnly(w)
	tapAt(t, w, nearBenghazi)
	sel := w.mapView.Selected()
	z, ok := w.b.Zone(sel.ID)
	if sel.Kind != data.KindZone || !ok {
		t.Fatalf("click at Benghazi selected %v, want a zone", sel)
	}
	if z.Controller != "lna" {
		t.Errorf("zone %s at Benghazi is held by %q, want lna", z.ID, z.Controller)
	}
}

func TestEscClearsSelection(t *testing.T) {
	w, logs := newTestWindow(t)
	zonesOnly(w)
	tapAt(t, w, nearTripoli)
	if w.mapView.Selected().IsZero() {
		t.Fatal("nothing selected")
	}
	w.win.Canvas().Unfocus()
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !w.mapView.Selected().IsZero() || !w.shown.IsZero() {
		t.Errorf("Esc left %v selected", w.mapView.Selected())
	}
	sels := logLines(t, logs, "selected")
	if last := sels[len(sels)-1]; last["kind"] != "" || last["id"] != "" {
		t.Errorf("last selected line %v, want empty kind and id", last)
	}
}

func TestHoverShowsNameInStatusLine(t *testing.T) {
	w, _ := newTestWindow(t)
	zonesOnly(w)
	// The test driver's absolute positions leave out its canvas inset.
	inset, _ := w.win.Canvas().InteractiveArea()
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.mapView).Add(inset)
	test.MoveMouse(w.win.Canvas(), abs.Add(pixelOf(w.mapView, nearTripoli)))
	h := w.mapView.Hovered()
	if h.Kind != data.KindZone {
		t.Fatalf("hovering Tripoli: hovered %v, want a zone", h)
	}
	if !strings.Contains(w.status.status.Text, w.b.Name(h.ID)) || !strings.Contains(w.status.status.Text, "°N") {
		t.Errorf("status line %q lacks the zone name %q or the coordinates", w.status.status.Text, w.b.Name(h.ID))
	}
}

func TestSelectActorFillsCardAndHighlights(t *testing.T) {
	w, logs := newTestWindow(t)
	i := -1
	for j, id := range w.actors.ids {
		if id == "haftar" {
			i = j
		}
	}
	if i < 0 {
		t.Fatalf("haftar is not in the Actors list %v", w.actors.ids)
	}
	w.tabs.Select(w.actors.item)
	w.actors.list.Select(i)
	card := richText(w.actors.card)
	a, _ := w.b.Actor("haftar")
	for _, want := range append([]string{a.Name, "Hifter"}, tagSourced) {
		if !strings.Contains(card, want) {
			t.Errorf("actor card lacks %q:\n%s", want, card)
		}
	}
	hl := w.mapView.Options().Highlight
	if len(hl) == 0 {
		t.Fatal("selecting Haftar highlights nothing on the map")
	}
	for _, z := range w.b.ActorZones("haftar", w.date) {
		if !slices.Contains(hl, data.Ref{Kind: data.KindZone, ID: z.ID}) {
			t.Errorf("zone %s of Haftar is not highlighted", z.ID)
		}
	}
	sels := logLines(t, logs, "selected")
	if last := sels[len(sels)-1]; last["kind"] != "actor" || last["id"] != "haftar" {
		t.Errorf("last selected line %v, want actor haftar", last)
	}
}

func TestActorFilterByAlias(t *testing.T) {
	w, _ := newTestWindow(t)
	test.Type(w.actors.search, "Hifter")
	if !slices.Contains(w.actors.ids, "haftar") {
		t.Errorf("filtering actors by Hifter lists %v, want haftar among them", w.actors.ids)
	}
	if len(w.actors.ids) >= len(w.b.Actors) {
		t.Errorf("the filter let every actor through")
	}
}

// TestSearchShortcutFindsHaftarByHifter presses Ctrl+F, types "Hifter" and
// chooses the first result: Haftar is selected.
func TestSearchShortcutFindsHaftarByHifter(t *testing.T) {
	w, _ := newTestWindow(t)
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+F opened nothing")
	}
	entry, ok := findObject[*escEntry](top)
	if !ok {
		t.Fatal("the search has no entry")
	}
	test.Type(entry, "Hifter")
	list, ok := findObject[*widget.List](top)
	if !ok {
		t.Fatal("the search has no result list")
	}
	if n := list.Length(); n == 0 {
		t.Fatal("no result for Hifter")
	}
	matches := w.search("Hifter")
	if matches[0].ID != "haftar" || matches[0].Kind != data.KindActor {
		t.Fatalf("first result for Hifter is %+v, want actor haftar", matches[0])
	}
	list.Select(0)
	if w.shown != (data.Ref{Kind: data.KindActor, ID: "haftar"}) {
		t.Errorf("choosing the first result shows %v, want actor haftar", w.shown)
	}
	if w.win.Canvas().Overlays().Top() != nil {
		t.Error("the search stays open after a choice")
	}

	// Esc closes the search.
	w.ShowSearch()
	entry, _ = findObject[*escEntry](w.win.Canvas().Overlays().Top())
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc does not close the search")
	}
}

func TestSearchPlaceByAliasSelectsAndPans(t *testing.T) {
	w, _ := newTestWindow(t)
	var place *data.Place
	for i := range w.b.Places {
		if len(w.b.Places[i].Aliases) > 0 {
			place = &w.b.Places[i]
			break
		}
	}
	if place == nil {
		t.Fatal("no place with an alias")
	}
	// Zoom in far away so the place is off screen.
	w.mapView.SetView(scene.View{Centre: orb.Point{10, 20}, Zoom: 8})
	ms := w.search(place.Aliases[0])
	if len(ms) == 0 {
		t.Fatalf("searching %q finds nothing", place.Aliases[0])
	}
	var m data.Match
	for _, x := range ms {
		if x.ID == place.ID {
			m = x
		}
	}
	if m.ID == "" {
		t.Fatalf("searching %q does not find %s: %v", place.Aliases[0], place.ID, ms)
	}
	w.ChooseMatch(m)
	if w.mapView.Selected() != (data.Ref{Kind: data.KindPlace, ID: place.ID}) {
		t.Errorf("selected %v, want place %s", w.mapView.Selected(), place.ID)
	}
	if !w.mapView.Bounds().Contains(place.Point) {
		t.Errorf("the map did not pan to %s at %v: it shows %v", place.ID, place.Point, w.mapView.Bounds())
	}
}

func TestShowExcerptHighlightsWhatItBacks(t *testing.T) {
	w, _ := newTestWindow(t)
	var ex *data.Excerpt
	var zone string
	for i := range w.b.Excerpts {
		for _, id := range w.b.Excerpts[i].About {
			if z, ok := w.b.Zone(id); ok && z.Valid.Contains(w.date) {
				ex, zone = &w.b.Excerpts[i], id
			}
		}
	}
	if ex == nil {
		t.Fatal("no excerpt about a zone of the default date")
	}
	w.ShowExcerpt(ex)
	if !slices.Contains(w.mapView.Options().Highlight, data.Ref{Kind: data.KindZone, ID: zone}) {
		t.Errorf("excerpt %s: zone %s is not highlighted (%v)", ex.ID, zone, w.mapView.Options().Highlight)
	}
	if !strings.Contains(richText(w.selection.card), ex.Text) {
		t.Error("the Selection tab does not quote the excerpt")
	}
}

func TestExcerptFilters(t *testing.T) {
	w, _ := newTestWindow(t)
	if len(w.excerpts.box.Objects) != 0 {
		t.Error("the Excerpts tab was built before it was shown")
	}
	w.tabs.Select(w.excerpts.item)
	if n := len(w.excerpts.box.Objects); n != 2*len(w.b.Excerpts) {
		t.Errorf("the Excerpts tab shows %d objects for %d excerpts", n, len(w.b.Excerpts))
	}
	all := len(w.excerpts.filtered())
	if all != len(w.b.Excerpts) {
		t.Fatalf("unfiltered: %d excerpts, want %d", all, len(w.b.Excerpts))
	}
	src := w.b.Sources[0]
	w.excerpts.source.SetSelected(sourceLabel(src))
	for _, e := range w.excerpts.filtered() {
		if e.Source != src.ID {
			t.Errorf("source filter %s let %s (from %s) through", src.ID, e.ID, e.Source)
		}
	}
	w.excerpts.source.SetSelected(allSources)
	w.excerpts.about.SetSelected(w.b.Name("haftar") + " (actor)")
	got := w.excerpts.filtered()
	if len(got) == 0 || len(got) == all {
		t.Errorf("about filter Haftar: %d of %d excerpts", len(got), all)
	}
	for _, e := range got {
		if !slices.Contains(e.About, "haftar") {
			t.Errorf("about filter haftar let %s through", e.ID)
		}
	}
	// The list shows one rich text and one separator per excerpt.
	if n := len(w.excerpts.box.Objects); n != 2*len(got) {
		t.Errorf("Excerpts tab shows %d objects for %d excerpts", n, len(got))
	}
}

// copyPackage copies the Libya package folder to a temporary folder.
func copyPackage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(libyaPackage)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(libyaPackage, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestOpenBadPackageKeepsCurrent(t *testing.T) {
	w, _ := newTestWindow(t)
	before, title := w.b, w.win.Title()
	dir := copyPackage(t)
	zones := filepath.Join(dir, "zones.yaml")
	b, _ := os.ReadFile(zones)
	broken := strings.Replace(string(b), "controller:", "controler:", 1) + "\n  - id: Bad Id\n"
	if err := os.WriteFile(zones, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	err := w.OpenPath(dir)
	if err == nil {
		t.Fatal("a broken zones.yaml was accepted")
	}
	if w.b != before || w.win.Title() != title {
		t.Error("a bad package replaced the current briefing")
	}
	if !strings.Contains(w.problems, "zones.yaml") || strings.Count(strings.TrimSpace(w.problems), "\n") < 1 {
		t.Errorf("problems do not list both zones.yaml problems:\n%s", w.problems)
	}
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog reports the problems")
	}
	var said, listed bool
	for _, l := range findObjects[*widget.Label](top) {
		said = said || strings.Contains(l.Text, "not a valid briefing package")
		listed = listed || l.Text == w.problems
	}
	if !said || !listed {
		t.Errorf("the dialog does not say the package is invalid (%v) or does not list its problems (%v)", said, listed)
	}
}

func TestOpenGoodPackage(t *testing.T) {
	w, logs := newTestWindow(t)
	dir := copyPackage(t)
	w.Select(data.Ref{Kind: data.KindZone, ID: w.b.Zones[0].ID})
	before := w.b
	if err := w.OpenPath(dir); err != nil {
		t.Fatalf("open a copy of the Libya package: %v", err)
	}
	if w.b == before {
		t.Fatal("the briefing was not replaced")
	}
	if !w.mapView.Selected().IsZero() || !w.shown.IsZero() {
		t.Error("the old selection survived the new briefing")
	}
	if len(logLines(t, logs, "briefing opened")) != 1 {
		t.Error("no briefing opened line")
	}
}

func TestPreferencesRemembered(t *testing.T) {
	w, _ := newTestWindow(t)
	w.setLayer(1, false) // oil
	other := w.b.Snapshots[1].Date
	w.SetDate(other)
	w.mapView.SetView(scene.View{Centre: orb.Point{15, 30}, Zoom: 6})
	w.mapView.notifyView()

	w2 := newWindow(w.app, w.b, w.base, slog.New(slog.DiscardHandler), windowOptions{sync: true})
	t.Cleanup(func() { w2.mapView.Close(); w2.win.Close() })
	if w2.layers.Oil || !w2.layers.Zones {
		t.Errorf("layers not remembered: %+v", w2.layers)
	}
	if w2.date != other {
		t.Errorf("date %v, want the remembered %v", w2.date, other)
	}
	if v := w2.mapView.View(); v.Zoom != 6 || !near(v.Centre, orb.Point{15, 30}, 1e-9) {
		t.Errorf("view %v, want the remembered one", v)
	}
}

func TestAboutNamesVersionSourcesAndLicences(t *testing.T) {
	w, _ := newTestWindow(t)
	text := w.aboutText()
	for _, want := range []string{"Briefmap ", basemap.Attribution, "Open Font License", "public domain"} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q", want)
		}
	}
	for _, s := range w.b.Sources {
		if !strings.Contains(text, s.Citation().String()) {
			t.Errorf("About lacks source %s (%s)", s.Publisher, s.Citation())
		}
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args    []string
		want    string
		wantErr bool
	}{
		{nil, "", false},
		{[]string{"open", "pkg.zip"}, "pkg.zip", false},
		{[]string{"open"}, "", true},
		{[]string{"open", "a", "b"}, "", true},
		{[]string{"frobnicate"}, "", true},
	}
	for _, tt := range tests {
		got, err := parseArgs(tt.args)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseArgs(%q) = %q, %v", tt.args, got, err)
		}
	}
}

// TestStartOnBadPackageShowsEmbedded: "briefmap open PATH" on a missing or
// bad package starts on the embedded briefing with the problems to show
// (the real window shows them: see e2e), never an error exit.
func TestStartOnBadPackageShowsEmbedded(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.briefmap")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	for _, path := range []string{filepath.Join(t.TempDir(), "missing"), bad} {
		b, openErr, err := loadStart(path)
		if err != nil || openErr == nil || b == nil || b.ID != "libya" {
			t.Errorf("loadStart(%s) = %v, %v, %v; want the embedded briefing and the problems", path, b, openErr, err)
		}
	}
	if b, openErr, err := loadStart(libyaPackage); err != nil || openErr != nil || b == nil {
		t.Errorf("loadStart(a good package) = %v, %v, %v", b, openErr, err)
	}
	var stderr bytes.Buffer
	if code := Main([]string{"open"}, &stderr); code != 2 {
		t.Errorf("exit %d for a missing PATH, want 2", code)
	}
}

// FuzzParseArgs checks that any command line either gives a package path
// (only for "open PATH") or an error, and never panics.
func FuzzParseArgs(f *testing.F) {
	f.Add("", "")
	f.Add("open", "pkg.zip")
	f.Add("open", "")
	f.Add("frobnicate", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, args := range [][]string{nil, {a}, {a, b}, {a, b, a}} {
			path, err := parseArgs(args)
			if err == nil && path != "" && (len(args) != 2 || args[0] != "open" || path != args[1]) {
				t.Errorf("parseArgs(%q) = %q without error", args, path)
			}
			if err != nil && path != "" {
				t.Errorf("parseArgs(%q) returned a path %q with an error", args, path)
			}
		}
	})
}

func TestOpenZipPackage(t *testing.T) {
	w, _ := newTestWindow(t)
	dir := copyPackage(t)
	zipPath := filepath.Join(t.TempDir(), "libya.zip")
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fw, err := zw.Create(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := w.b
	if err := w.OpenPath(zipPath); err != nil {
		t.Fatalf("open %s: %v", zipPath, err)
	}
	if w.b == before || w.b.ID != before.ID {
		t.Errorf("the zip's briefing (%q) did not replace the current one", w.b.ID)
	}
	if w.mapView.FramesShown() == 0 || w.win.Title() != "Briefmap — "+w.b.Title {
		t.Error("the window does not show the new briefing")
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	w, _ := newTestWindow(t)
	w.win.Resize(fyne.NewSize(1100, 700))
	want := w.win.Canvas().Size()
	w.savePrefs()
	if got := w.prefs.windowSize(); got != want {
		t.Errorf("remembered size %v, want %v", got, want)
	}
	w.win.Resize(fyne.NewSize(300, 200)) // too small to be worth remembering
	w.savePrefs()
	if got := w.prefs.windowSize(); got != want {
		t.Errorf("a tiny window replaced the remembered size: %v", got)
	}
}

// TestMenuShortcutsRunTheirCommand: every menu item that shows a shortcut
// runs the same command when its shortcut is pressed on the canvas (the
// shortcuts are bound once, in commands.go).
func TestMenuShortcutsRunTheirCommand(t *testing.T) {
	w, _ := newTestWindow(t)
	ran := map[string]int{}
	cmds := w.commands()
	for _, c := range []*command{&cmds.open, &cmds.importArticle, &cmds.undo, &cmds.export, &cmds.search} {
		label := c.label
		c.run = func() { ran[label]++ }
	}
	w.buildMenu(cmds)
	w.addShortcuts(cmds)
	n := 0
	for _, m := range w.menu.Items {
		for _, it := range m.Items {
			sc, ok := it.Shortcut.(*desktop.CustomShortcut)
			if !ok {
				continue
			}
			n++
			before := ran[it.Label]
			w.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
			if ran[it.Label] != before+1 {
				t.Errorf("%s: pressing %s ran %v", it.Label, sc.ShortcutName(), ran)
			}
			it.Action()
			if ran[it.Label] != before+2 {
				t.Errorf("%s: the menu item does not run its command", it.Label)
			}
		}
	}
	if n != 5 {
		t.Errorf("%d menu items show a shortcut, want 5 (open, import, undo, export, search)", n)
	}
}
