package slide

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

func newRenderer(t testing.TB, b *data.Briefing) *scene.Renderer {
	t.Helper()
	base, err := basemap.Load()
	if err != nil {
		t.Fatal(err)
	}
	return scene.NewRenderer(b, base)
}

func fixtureSpec(t testing.TB, b *data.Briefing) Spec {
	return Spec{Briefing: b, Renderer: newRenderer(t, b), Options: scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()}, Version: "test"}
}

// laidOut composes s and returns the layout, for its record of what went
// where.
func laidOut(t *testing.T, s Spec) *layout {
	t.Helper()
	l, err := newLayout(s)
	if err != nil {
		t.Fatal(err)
	}
	l.compose()
	return l
}

func TestDefaultFileName(t *testing.T) {
	b := fixture()
	for _, tc := range []struct {
		id   string
		d    data.Date
		want string
	}{
		{"libya", data.MustDate("2020-01-19"), "libya-briefing-2020-01-19.png"},
		{"libya", data.MustDate("2023-09-30"), "libya-briefing-2023-09-30.png"},
		{"testland", data.Date{}, "testland-briefing-2020-01-19.png"},
		{"", data.MustDate("2021-03-01"), "slide-briefing-2021-03-01.png"},
	} {
		b.ID = tc.id
		if got := DefaultFileName(b, tc.d); got != tc.want {
			t.Errorf("DefaultFileName(%q, %v) = %q, want %q", tc.id, tc.d, got, tc.want)
		}
	}
}

func TestComposeSizes(t *testing.T) {
	b := fixture()
	for _, tc := range []struct {
		size    image.Point
		want    image.Point
		wantErr bool
	}{
		{image.Point{}, HD, false},
		{HD, HD, false},
		{UHD, UHD, false},
		{image.Pt(1920, 1200), image.Point{}, true},
		{image.Pt(160, 90), image.Point{}, true},
	} {
		s := fixtureSpec(t, b)
		s.Size = tc.size
		img, err := Compose(s)
		if tc.wantErr {
			if err == nil {
				t.Errorf("size %v: no error", tc.size)
			}
			continue
		}
		if err != nil {
			t.Fatalf("size %v: %v", tc.size, err)
		}
		if got := img.Bounds().Size(); got != tc.want {
			t.Errorf("size %v: image is %v, want %v", tc.size, got, tc.want)
		}
	}
	if _, err := Compose(Spec{}); err == nil {
		t.Error("Compose of an empty Spec: no error")
	}
}

// assertTextFits checks that every line of text lies inside its box and the
// slide, and that no two lines overlap.
func assertTextFits(t *testing.T, l *layout) {
	t.Helper()
	slideBox := rect{0, 0, l.W, l.H}
	for i, r := range l.runs {
		if !r.Within.contains(r.Box) {
			t.Errorf("text %q (box %+v) leaves its box %+v", r.Text, r.Box, r.Within)
		}
		if !slideBox.contains(r.Box) {
			t.Errorf("text %q (box %+v) leaves the slide", r.Text, r.Box)
		}
		if r.Box.overlaps(l.mapRect) {
			t.Errorf("text %q (box %+v) overlaps the map %+v", r.Text, r.Box, l.mapRect)
		}
		for _, o := range l.runs[i+1:] {
			if r.Box.overlaps(o.Box) && !(r.Box.Y0 == o.Box.Y0 && (r.Box.X1 <= o.Box.X0+0.5 || o.Box.X1 <= r.Box.X0+0.5)) {
				t.Errorf("text %q %+v overlaps %q %+v", r.Text, r.Box, o.Text, o.Box)
			}
		}
	}
}

func runTexts(l *layout) string {
	var s []string
	for _, r := range l.runs {
		s = append(s, r.Text)
	}
	return strings.Join(s, "\n")
}

func TestLayoutFitsAtBothSizes(t *testing.T) {
	for _, size := range []image.Point{HD, UHD} {
		s := fixtureSpec(t, fixture())
		s.Size = size
		l := laidOut(t, s)
		assertTextFits(t, l)
		if len(l.quotes) < 2 || len(l.quotes) > 4 {
			t.Errorf("%v: %d excerpts shown, want 2 to 4", size, len(l.quotes))
		}
		text := runTexts(l)
		for _, want := range []string{"Testland: who holds what — as of 19 January 2020", "KEY ACTORS", "ON THE MAP", "WHAT THE SOURCES SAY", "Briefmap test", "[1]", "Natural Earth"} {
			if !strings.Contains(text, want) {
				t.Errorf("%v: slide text lacks %q:\n%s", size, want, text)
			}
		}
	}
}

// The 4K slide is the HD one at twice the scale: the same text in boxes
// twice as large.
func TestUHDIsHDAtTwiceTheScale(t *testing.T) {
	s := fixtureSpec(t, fixture())
	hd := laidOut(t, s)
	s.Size = UHD
	uhd := laidOut(t, s)
	if len(hd.runs) != len(uhd.runs) {
		t.Fatalf("HD has %d lines of text, 4K %d:\n%s\n---\n%s", len(hd.runs), len(uhd.runs), runTexts(hd), runTexts(uhd))
	}
	for i := range hd.runs {
		a, b := hd.runs[i], uhd.runs[i]
		if a.Text != b.Text {
			t.Errorf("line %d: HD %q, 4K %q", i, a.Text, b.Text)
		}
		if d := b.Box.X0 - 2*a.Box.X0; d > 2 || d < -2 {
			t.Errorf("line %d %q: 4K x %.1f, HD x %.1f", i, a.Text, b.Box.X0, a.Box.X0)
		}
	}
}

func TestLongTextWrapsOrEllipsises(t *testing.T) {
	b := fixture()
	b.Title = "Testland and its many neighbours, allies, rivals and sponsors: who holds what, who backs whom, and where the foreign forces stand"
	b.Subtitle = strings.Repeat("A subtitle far too long to fit on one line of the slide ", 4)
	b.Actors[0].Name = "The Internationally Recognised Government of National Accord and Presidential Council of the State of Testland"
	b.Actors[1].Name = "Supercalifragilisticexpialidociousandevenlongerwithoutanyspaceatallsothatitmustbebrokenapart"
	long := strings.Repeat("a very long quotation that goes on and on about the war ", 20)
	b.Excerpts[0].Text = long // about east-army and z-east: ranks high
	b.Sources[1].Title = strings.Repeat("An extremely long headline ", 12)
	b.Deployments[0].Name = strings.Repeat("Mercenaries of a company with a very long name ", 4)

	s := fixtureSpec(t, b)
	l := laidOut(t, s)
	assertTextFits(t, l)
	text := runTexts(l)
	if !strings.Contains(text, "…") {
		t.Errorf("no text was ellipsised:\n%s", text)
	}
	// The title wraps onto a second line rather than being cut at once.
	if l.runs[0].Text == b.Title || !strings.HasPrefix(b.Title, l.runs[0].Text) {
		t.Errorf("title first line %q", l.runs[0].Text)
	}
	// The over-long excerpt is not cut: it is skipped for ones that fit.
	for _, q := range l.quotes {
		if q.Text == long {
			t.Errorf("the %d-character excerpt was shown", len(long))
		}
	}
	if len(l.quotes) < 2 {
		t.Errorf("%d excerpts shown, want at least 2", len(l.quotes))
	}
	// The space-less name is broken between letters, not run off the column.
	var broken int
	for _, r := range l.runs {
		if strings.HasPrefix(b.Actors[1].Name, r.Text) || strings.Contains(b.Actors[1].Name, strings.TrimSuffix(r.Text, "…")) && len(r.Text) > 10 {
			broken++
		}
	}
	if broken < 2 {
		t.Errorf("the space-less actor name was not broken over lines:\n%s", text)
	}
}

// When no excerpt fits whole, the first two are shortened with "…" and keep
// their citation.
func TestQuotesShortenedOnlyWhenNoneFit(t *testing.T) {
	b := fixture()
	for i := range b.Excerpts {
		b.Excerpts[i].Text = strings.Repeat("words of a quotation much too long for a slide ", 30)
	}
	l := laidOut(t, fixtureSpec(t, b))
	assertTextFits(t, l)
	if len(l.quotes) != 2 {
		t.Fatalf("%d excerpts shown, want 2", len(l.quotes))
	}
	text := runTexts(l)
	if strings.Count(text, "… \n[") != 2 {
		t.Errorf("want two shortened quotes ending in \"… [n]\":\n%s", text)
	}
}

func TestChooseContent(t *testing.T) {
	b := fixture()
	ix := newIndex(b)
	o := scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()}
	c := chooseContent(ix, mapFrame{Bounds: b.BBox}, o, data.Ref{})
	var callouts []string
	for _, cl := range c.callouts {
		callouts = append(callouts, cl.Ref.ID+"="+cl.Label)
	}
	want := []string{
		"d-drones=Northern Ally drones",             // high confidence
		"d-mercs=Mercenaries — Al Jufra (hundreds)", // medium
		"d-advisers=Patron advisers†",               // low; wholly background
		"terminal=Es Sider — blockaded",             // importance 1 with a status
	}
	if !slices.Equal(callouts, want) {
		t.Errorf("callouts\n got %q\nwant %q", callouts, want)
	}
	var actors []string
	for _, a := range c.actors {
		actors = append(actors, a.ID)
	}
	// west side first, then east; the warlord folds into the army's line.
	if want := []string{"west-gov", "ally", "east-army", "mercs", "patron"}; !slices.Equal(actors, want) {
		t.Errorf("actors %q, want %q", actors, want)
	}
	if d := c.actors[2].Detail; !strings.Contains(d, "led by The Warlord") || !strings.Contains(d, "backed by Mercenary Company, Gulf Patron") || strings.Contains(d, "†") {
		t.Errorf("east-army detail %q", d)
	}
	if d := c.actors[0].Detail; !strings.HasSuffix(d, "backed by Northern Ally†") {
		t.Errorf("west-gov detail %q: unsourced backers must be marked", d)
	}
	var ex []string
	for _, e := range c.excerpts {
		ex = append(ex, e.ID)
	}
	// x-drones (ally, d-drones, west-gov) and x-east-most (east-army, the
	// warlord named in its line, z-east) back three shown records each:
	// x-drones's source is nearer the date. Then x-mercs (mercs, d-mercs),
	// x-blockade (terminal); x-later backs nothing new.
	if want := []string{"x-drones", "x-east-most", "x-mercs", "x-blockade"}; !slices.Equal(ex, want) {
		t.Errorf("excerpts %q, want %q", ex, want)
	}
}

func TestChooseContentFocus(t *testing.T) {
	b := fixture()
	ix := newIndex(b)
	o := scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()}
	c := chooseContent(ix, mapFrame{Bounds: b.BBox}, o, data.Ref{Kind: data.KindActor, ID: "mercs"})
	if c.callouts[0].Ref.ID != "d-mercs" {
		t.Errorf("first callout %v, want the focus actor's deployment", c.callouts[0].Ref)
	}
	if c.actors[0].ID != "mercs" {
		t.Errorf("first actor %q, want the focus", c.actors[0].ID)
	}
	if c.excerpts[0].ID != "x-mercs" {
		t.Errorf("first excerpt %q, want the focus's", c.excerpts[0].ID)
	}
	c = chooseContent(ix, mapFrame{Bounds: b.BBox}, o, data.Ref{Kind: data.KindPlace, ID: "airbase"})
	if c.callouts[0].Ref.ID != "airbase" {
		t.Errorf("first callout %v, want the focus place", c.callouts[0].Ref)
	}
	if got := ix.actorsOf(data.Ref{Kind: data.KindPlace, ID: "airbase"}, b.DefaultDate); !slices.Equal(got, []string{"east-army", "mercs"}) {
		t.Errorf("actors of the airbase: %q", got)
	}
}

// Records whose callouts would fall on one spot share a number and a line.
func TestCalloutsShareASpot(t *testing.T) {
	b := fixture()
	ix := newIndex(b)
	o := scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()}
	// 20 pixels a degree: the drones (13.2E) and the mercenaries' airbase
	// (16.4E) are far apart; put the advisers next to the drones.
	b.Deployments[2].Point = &orb.Point{13.25, 32.72}
	b.Reindex()
	toPixel := func(p orb.Point) (float64, float64) { return p[0] * 20, 1000 - p[1]*20 }
	c := chooseContent(ix, mapFrame{Bounds: b.BBox, ToPixel: toPixel, W: 1e4, H: 1e4, Sep: 30}, o, data.Ref{})
	var got []string
	for _, cl := range c.callouts {
		got = append(got, cl.Ref.ID+"="+cl.Label)
	}
	want := []string{
		"d-drones=Northern Ally drones; Patron advisers†",
		"d-mercs=Mercenaries — Al Jufra (hundreds)",
		"terminal=Es Sider — blockaded",
	}
	if !slices.Equal(got, want) {
		t.Errorf("callouts\n got %q\nwant %q", got, want)
	}
	if refs := c.callouts[0].Refs; len(refs) != 2 || refs[1].ID != "d-advisers" {
		t.Errorf("first callout's records %v", refs)
	}
}

// A record whose callout would fall off the map, or on its edge, gets none,
// even when another of its points is on the map.
func TestCalloutsStayOnTheMap(t *testing.T) {
	b := fixture()
	b.Deployments[1].Places = []string{"airbase"} // the drones: a point at 13.2E and the airbase at 16.4E
	b.Reindex()
	ix := newIndex(b)
	o := scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()}
	// A map of 15E-25E, 19-34.5N at 10 pixels a degree, 32-pixel margin.
	f := mapFrame{
		Bounds:  orb.Bound{Min: orb.Point{15, 19}, Max: orb.Point{25, 34.5}},
		ToPixel: func(p orb.Point) (float64, float64) { return (p[0] - 15) * 10, (34.5 - p[1]) * 10 },
		W:       100, H: 155, Margin: 32, Sep: 1,
	}
	c := chooseContent(ix, f, o, data.Ref{})
	for _, cl := range c.callouts {
		switch cl.Ref.ID {
		case "d-drones": // anchored at its point, 13.2E: off the map
			t.Errorf("callout for %s, whose anchor is off the map", cl.Ref.ID)
		case "d-mercs": // 16.4E: 14 pixels from the left edge
			t.Errorf("callout for %s, whose anchor is on the map's edge", cl.Ref.ID)
		}
	}
	if !slices.Contains(c.visible, "d-drones") {
		t.Error("the drones, with a place on the map, are not counted as shown")
	}
}

func TestCalloutsHonourLayersAndDate(t *testing.T) {
	b := fixture()
	ix := newIndex(b)
	o := scene.Options{Date: data.MustDate("2021-01-01"), Layers: scene.AllLayers()}
	c := chooseContent(ix, mapFrame{Bounds: b.BBox}, o, data.Ref{})
	for _, cl := range c.callouts {
		if cl.Ref.Kind == data.KindDeployment {
			t.Errorf("deployment %s called out after its validity", cl.Ref.ID)
		}
	}
	o = scene.Options{Date: b.DefaultDate, Layers: scene.Layers{Zones: true}}
	if c := chooseContent(ix, mapFrame{Bounds: b.BBox}, o, data.Ref{}); len(c.callouts) != 0 {
		t.Errorf("callouts with only zones shown: %+v", c.callouts)
	}
}

func TestSourceNumbering(t *testing.T) {
	l := laidOut(t, fixtureSpec(t, fixture()))
	if len(l.quotes) == 0 {
		t.Fatal("no quotes")
	}
	// The first quoted excerpt's source is [1].
	if l.sources[0] != l.quotes[0].Source {
		t.Errorf("source [1] is %q, first quote is from %q", l.sources[0], l.quotes[0].Source)
	}
	if slices.Contains(l.sources, "site-c") {
		t.Errorf("sources %q list a source that backs nothing shown", l.sources)
	}
	text := runTexts(l)
	if want := "[1] " + l.ix.citation(l.quotes[0].Source) + "."; !strings.Contains(text, want) {
		t.Errorf("footer lacks the first source:\n%s", text)
	}
}

func TestApproximateDateCited(t *testing.T) {
	b := fixture()
	ix := newIndex(b)
	if got, want := ix.citation("site-c"), "News site, “Later news”, c. 30 September 2023"; got != want {
		t.Errorf("citation %q, want %q", got, want)
	}
}

func TestExportDeterministic(t *testing.T) {
	dir := t.TempDir()
	s := fixtureSpec(t, fixture())
	var files [][]byte
	for _, name := range []string{"a.png", "b.png"} {
		p := filepath.Join(dir, name)
		if err := Export(p, s); err != nil {
			t.Fatal(err)
		}
		bs, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, bs)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two exports of the same spec differ")
	}
	if _, err := Compose(s); err != nil {
		t.Fatal(err)
	}
	// No time or text chunks: IHDR, IDAT…, IEND only.
	for _, chunk := range []string{"tIME", "tEXt", "iTXt", "zTXt"} {
		if bytes.Contains(files[0], []byte(chunk)) {
			t.Errorf("PNG holds a %s chunk", chunk)
		}
	}
}

func TestExportFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	s := fixtureSpec(t, fixture())
	notADir := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(notADir, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		filepath.Join(dir, "missing", "slide.png"), // no such folder
		filepath.Join(notADir, "slide.png"),        // the "folder" is a file
		dir,                                        // the path is a folder
	} {
		if err := Export(p, s); err == nil {
			t.Errorf("Export(%s): no error", p)
		} else if !strings.Contains(err.Error(), p) {
			t.Errorf("Export(%s): error %q does not name the path", p, err)
		}
	}
	// A spec that cannot be composed leaves an existing file untouched.
	existing := filepath.Join(dir, "slide.png")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Export(existing, Spec{Briefing: s.Briefing}); err == nil {
		t.Error("Export without a renderer: no error")
	}
	if bs, _ := os.ReadFile(existing); string(bs) != "old" {
		t.Errorf("existing file changed to %q", bs)
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"file.txt", "slide.png"}) {
		t.Errorf("folder holds %q after failed exports", names)
	}
}

// An excerpt that backs only a lifted blockade does not speak for the
// terminal after the blockade ends.
func TestBacksOnDate(t *testing.T) {
	b := fixture()
	b.Places[0].Statuses[0].Valid.To = data.MustDate("2020-09-18")
	b.Places[0].Statuses = append(b.Places[0].Statuses, data.PlaceStatus{Status: "operating", Valid: data.Period{From: data.MustDate("2020-09-19")}})
	b.Reindex()
	ix := newIndex(b)
	e := ix.excerpt("x-blockade")
	for _, tc := range []struct {
		id   string
		date string
		want bool
	}{
		{"terminal", "2020-01-19", true},
		{"terminal", "2021-01-01", false},
		{"east-army", "2021-01-01", true}, // not a place: no status to be stale
	} {
		if got := ix.backsOn(e, tc.id, data.MustDate(tc.date)); got != tc.want {
			t.Errorf("backsOn(x-blockade, %s, %s) = %v, want %v", tc.id, tc.date, got, tc.want)
		}
	}
}

func TestScaleLegendItem(t *testing.T) {
	item := geo.LegendItem{
		Kind:   geo.LegendRing,
		Marker: geo.MarkerStyle{Size: 12, StrokeWidth: 1},
		Area:   geo.AreaStyle{Stroke: geo.Stroke{Width: 1}, Hatch: geo.Hatch{Spacing: 6, Width: 1.5}},
		Ring:   geo.RingStyle{Stroke: geo.Stroke{Width: 1.4, Dash: []float64{6, 4}}},
	}
	got := scaleLegendItem(item, 2)
	if got.Marker.Size != 24 || got.Marker.StrokeWidth != 2 || got.Area.Stroke.Width != 2 ||
		got.Area.Hatch.Spacing != 12 || got.Area.Hatch.Width != 3 || got.Ring.Stroke.Width != 2.8 ||
		!slices.Equal(got.Ring.Stroke.Dash, []float64{12, 8}) {
		t.Errorf("scaled item %+v", got)
	}
	if !slices.Equal(item.Ring.Stroke.Dash, []float64{6, 4}) {
		t.Error("scaling changed the original's dashes")
	}
}

// A title too long for two lines is shortened before the date: the date
// always shows.
func TestTitleKeepsTheDate(t *testing.T) {
	b := fixture()
	b.Title = strings.Repeat("A briefing title that goes on and on ", 10)
	l := laidOut(t, fixtureSpec(t, b))
	assertTextFits(t, l)
	first, second := l.runs[0].Text, l.runs[1].Text
	if !strings.HasPrefix(b.Title, first) {
		t.Errorf("title's first line %q", first)
	}
	if !strings.HasSuffix(second, "… — as of 19 January 2020") {
		t.Errorf("title's second line %q does not end with the date", second)
	}
}
