package data

import (
	"io/fs"
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

// loadGood loads testdata/good.
func loadGood(t testing.TB) *Briefing {
	t.Helper()
	b, err := Load(packageFS(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func zoneIDs(zs []*Zone) []string {
	var ids []string
	for _, z := range zs {
		ids = append(ids, z.ID)
	}
	return ids
}

func TestLookups(t *testing.T) {
	b := loadGood(t)
	cases := []struct {
		id   string
		kind Kind
		name string
	}{
		{"haftar", KindActor, "Khalifa Haftar"},
		{"z-east", KindZone, "East and south"},
		{"es-sider", KindPlace, "Es Sider"},
		{"d-wagner", KindDeployment, "Wagner Group mercenaries"},
		{"nyt-hifter-backers", KindExcerpt, "General Hifter is backed by Russia"},
		{"econ-haftar-controls-most", KindExcerpt, "Khalifa Haftar, the warlord who controls most of the country"},
		{"econ-wagner", KindExcerpt, "hundreds of Russian mercenaries from the Wagner Group"},
		{"nyt-2020", KindSource, "The New York Times"},
		{"nothing", "", ""},
	}
	for _, c := range cases {
		if got := b.KindOf(c.id); got != c.kind {
			t.Errorf("KindOf(%q) = %q, want %q", c.id, got, c.kind)
		}
		if got := b.Name(c.id); got != c.name {
			t.Errorf("Name(%q) = %q, want %q", c.id, got, c.name)
		}
	}
	if a, ok := b.Actor("lna"); !ok || a.Name != "Libyan National Army" {
		t.Errorf("Actor(lna) = %v, %v", a, ok)
	}
	if _, ok := b.Actor("z-east"); ok {
		t.Error("Actor(z-east) found a zone")
	}
	if z, ok := b.Zone("z-front"); !ok || !z.Contested() {
		t.Errorf("Zone(z-front) = %v, %v", z, ok)
	}
	if p, ok := b.Place("sirte"); !ok || p.Point != (orb.Point{16.59, 31.21}) {
		t.Errorf("Place(sirte) = %v, %v", p, ok)
	}
	if d, ok := b.Deployment("d-wagner"); !ok || d.Actor != "wagner" {
		t.Errorf("Deployment(d-wagner) = %v, %v", d, ok)
	}
	if e, ok := b.Excerpt("econ-ports"); !ok || e.Source != "economist-2020" {
		t.Errorf("Excerpt(econ-ports) = %v, %v", e, ok)
	}
	if s, ok := b.Source("economist-2020"); !ok || s.Title != "The spoiler" {
		t.Errorf("Source(economist-2020) = %v, %v", s, ok)
	}
	for _, c := range []struct {
		id, file string
		line     int
	}{{"haftar", "actors.yaml", 2}, {"z-front", "zones.yaml", 18}, {"econ-ports", "excerpts.yaml", 26}, {"d-wagner", "deployments.yaml", 2}, {"e-blockade", "events.yaml", 10}} {
		if f, l, ok := b.Where(c.id); !ok || f != c.file || l != c.line {
			t.Errorf("Where(%q) = %s:%d, %v; want %s:%d", c.id, f, l, ok, c.file, c.line)
		}
	}
	if _, _, ok := b.Where("nobody"); ok {
		t.Error("Where(nobody) found something")
	}
	// A hand-built briefing answers too, with or without Reindex.
	hand := &Briefing{Actors: []Actor{{ID: "x", Name: "X"}}}
	if hand.Name("x") != "X" {
		t.Error("hand-built briefing: Name(x) failed")
	}
	hand.Reindex()
	hand.Actors = append(hand.Actors, Actor{ID: "y", Name: "Y"})
	hand.Reindex()
	if hand.Name("y") != "Y" {
		t.Error("after Reindex: Name(y) failed")
	}
}

func TestShorten(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 60, "short"},
		{"the warlord who controls most of the country", 20, "the warlord who…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"Şirte és Sidra", 8, "Şirte…"},
	}
	for _, c := range cases {
		if got := shorten(c.in, c.n); got != c.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// zonesAtCase is a ZonesAt query, at point p on date d, and the zones it
// must return, in order, each as checkZonesAt's describe gives it.
type zonesAtCase struct {
	name string
	p    orb.Point
	d    Date
	want []string
}

// checkZonesAt asks b for the zones of each case and reports a case whose
// zones, each given by describe (its id, its controller), differ from
// want.
func checkZonesAt(t *testing.T, b *Briefing, describe func(*Zone) string, cases []zonesAtCase) {
	t.Helper()
	for _, c := range cases {
		var got []string
		for _, z := range b.ZonesAt(c.p, c.d) {
			got = append(got, describe(z))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: ZonesAt(%v, %s) = %q, want %q", c.name, c.p, c.d, got, c.want)
		}
	}
}

func TestZonesAt(t *testing.T) {
	jan := MustDate("2020-01-19")
	checkZonesAt(t, loadGood(t), func(z *Zone) string { return z.ID }, []zonesAtCase{
		{"east", orb.Point{22, 30}, jan, []string{"z-east"}},
		{"in the hole", orb.Point{20.1, 25.1}, jan, nil},
		{"island in the hole", orb.Point{20.5, 25.5}, jan, []string{"z-east"}},
		{"front: controlled first, then contested", orb.Point{13.2, 32.7}, jan, []string{"z-west", "z-front"}},
		{"outside every zone", orb.Point{8, 30}, jan, nil},
		{"before the period", orb.Point{22, 30}, MustDate("2019-01-01"), nil},
		{"last day is inclusive", orb.Point{22, 30}, MustDate("2020-06-04"), []string{"z-east"}},
		{"after the period", orb.Point{22, 30}, MustDate("2020-06-05"), nil},
	})
}

func TestPlacesNear(t *testing.T) {
	b := loadGood(t)
	got := b.PlacesNear(orb.Point{13.2, 32.9}, 25)
	if len(got) != 1 || got[0].Place.ID != "tripoli" || got[0].KM > 1.5 {
		t.Fatalf("PlacesNear(Tripoli) = %+v", got)
	}
	got = b.PlacesNear(orb.Point{16, 29.5}, 400)
	var ids []string
	for i, pd := range got {
		ids = append(ids, pd.Place.ID)
		if i > 0 && pd.KM < got[i-1].KM {
			t.Errorf("not sorted by distance: %v", got)
		}
	}
	if want := []string{"al-jufra", "sirte", "es-sider"}; !slices.Equal(ids, want) {
		t.Errorf("PlacesNear(Jufra, 400) = %v, want %v", ids, want)
	}
	// Sirte (16.59, 31.21) – Es Sider (18.35, 30.63) is about 180 km.
	d := b.PlacesNear(orb.Point{16.59, 31.21}, 1000)
	for _, pd := range d {
		if pd.Place.ID == "es-sider" && math.Abs(pd.KM-180) > 3 {
			t.Errorf("Sirte → Es Sider = %.1f km, want about 180", pd.KM)
		}
	}
}

func TestDatedQueries(t *testing.T) {
	b := loadGood(t)
	es, _ := b.Place("es-sider")
	cases := []struct {
		date       string
		zones      int
		deps       int
		status     string
		haveStatus bool
	}{
		{"2020-01-17", 3, 1, "", false},
		{"2020-01-18", 3, 1, "blockaded", true},
		{"2020-09-19", 0, 1, "operating", true},
		{"2021-01-01", 0, 0, "operating", true},
	}
	for _, c := range cases {
		d := MustDate(c.date)
		if got := len(b.ZonesOn(d)); got != c.zones {
			t.Errorf("ZonesOn(%s) = %d zones, want %d", d, got, c.zones)
		}
		if got := len(b.DeploymentsOn(d)); got != c.deps {
			t.Errorf("DeploymentsOn(%s) = %d, want %d", d, got, c.deps)
		}
		st, ok := es.StatusOn(d)
		if ok != c.haveStatus || st.Status != c.status {
			t.Errorf("StatusOn(%s) = %q, %v; want %q, %v", d, st.Status, ok, c.status, c.haveStatus)
		}
	}
}

func TestExcerptsFor(t *testing.T) {
	b := loadGood(t)
	cases := []struct {
		id   string
		want []string
	}{
		{"haftar", []string{"econ-haftar-controls-most", "nyt-hifter-backers", "econ-ports"}},
		{"es-sider", []string{"econ-ports"}},
		{"z-east", []string{"econ-haftar-controls-most"}},
		{"d-wagner", []string{"econ-wagner"}},
		{"lna", nil},
		{"unknown", nil},
	}
	for _, c := range cases {
		var got []string
		for _, e := range b.ExcerptsFor(c.id) {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("ExcerptsFor(%q) = %v, want %v", c.id, got, c.want)
		}
	}
}

func TestActorQueries(t *testing.T) {
	b := loadGood(t)
	jan := MustDate("2020-01-19")
	cases := []struct {
		actor string
		d     Date
		zones []string
		deps  []string
	}{
		{"lna", jan, []string{"z-east", "z-front"}, []string{"d-wagner"}},
		{"haftar", jan, []string{"z-east", "z-front"}, []string{"d-wagner"}},
		{"sarraj", jan, []string{"z-west", "z-front"}, nil},
		{"wagner", jan, nil, []string{"d-wagner"}},
		{"russia", jan, nil, nil},
		{"lna", MustDate("2020-07-01"), nil, []string{"d-wagner"}},
	}
	for _, c := range cases {
		if got := zoneIDs(b.ActorZones(c.actor, c.d)); !slices.Equal(got, c.zones) {
			t.Errorf("ActorZones(%s, %s) = %v, want %v", c.actor, c.d, got, c.zones)
		}
		var deps []string
		for _, d := range b.ActorDeployments(c.actor, c.d) {
			deps = append(deps, d.ID)
		}
		if !slices.Equal(deps, c.deps) {
			t.Errorf("ActorDeployments(%s, %s) = %v, want %v", c.actor, c.d, deps, c.deps)
		}
	}
	dep, _ := b.Deployment("d-wagner")
	want := []orb.Point{{15.9, 29.2}, {15.95, 29.15}}
	if got := b.DeploymentPoints(dep); !slices.Equal(got, want) {
		t.Errorf("DeploymentPoints = %v, want %v", got, want)
	}
	if s := b.SnapshotFor(jan); s.Label != "Berlin conference" {
		t.Errorf("SnapshotFor(%s) = %+v", jan, s)
	}
	if s := b.SnapshotFor(MustDate("2020-02-02")); s.Label != "" || s.Date != MustDate("2020-02-02") {
		t.Errorf("SnapshotFor(unknown) = %+v", s)
	}
}

func TestPolygonsOverlap(t *testing.T) {
	sq := func(x0, y0, x1, y1 float64) orb.Polygon {
		return orb.Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}
	}
	cases := []struct {
		name string
		a, b orb.Polygon
		want bool
	}{
		{"apart", sq(0, 0, 1, 1), sq(2, 2, 3, 3), false},
		{"shared edge", sq(0, 0, 1, 1), sq(1, 0, 2, 1), false},
		{"shared corner", sq(0, 0, 1, 1), sq(1, 1, 2, 2), false},
		{"edges cross", sq(0, 0, 2, 2), sq(1, 1, 3, 3), true},
		{"inside", sq(0, 0, 4, 4), sq(1, 1, 2, 2), true},
		{"identical", sq(0, 0, 1, 1), sq(0, 0, 1, 1), true},
		{"T-junction on shared border", sq(0, 0, 1, 2), orb.Polygon{{{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}}}, false},
		{"in a hole", orb.Polygon{sq(0, 0, 4, 4)[0], {{1, 1}, {1, 3}, {3, 3}, {3, 1}, {1, 1}}}, sq(1, 1, 3, 3), false},
		{"slanted shared edge (rounding)",
			orb.Polygon{{{17, 28.3}, {19.5, 27.5}, {19.5, 29}, {17, 28.3}}},
			orb.Polygon{{{19.5, 27.5}, {17, 28.3}, {17, 27}, {19.5, 27.5}}}, false},
	}
	for _, c := range cases {
		if _, got := polygonsOverlap(c.a, c.b); got != c.want {
			t.Errorf("%s: polygonsOverlap = %v, want %v", c.name, got, c.want)
		}
		if _, got := polygonsOverlap(c.b, c.a); got != c.want {
			t.Errorf("%s (swapped): polygonsOverlap = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRingProblem(t *testing.T) {
	cases := []struct {
		name string
		r    orb.Ring
		want string
	}{
		{"square", orb.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, ""},
		{"too few", orb.Ring{{0, 0}, {1, 0}, {0, 0}}, "3 positions: a ring needs at least 4"},
		{"open", orb.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, "not closed: first position [0 0] differs from last [0 1]"},
		{"bow tie", orb.Ring{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}, "self-intersecting: edge 0 ([0 0]–[1 1]) meets edge 2 ([1 0]–[0 1])"},
		{"touching itself", orb.Ring{{0, 0}, {2, 0}, {2, 2}, {1, 0}, {0, 2}, {0, 0}}, "self-intersecting: edge 0 ([0 0]–[2 0]) meets edge 2 ([2 2]–[1 0])"},
		{"spike", orb.Ring{{0, 0}, {2, 0}, {1, 0}, {1, 1}, {0, 0}}, "edges 0 and 1 fold back on each other at [2 0]"},
		{"repeated", orb.Ring{{0, 0}, {1, 0}, {1, 0}, {1, 1}, {0, 0}}, "repeated position [1 0]"},
	}
	for _, c := range cases {
		if got := ringProblem(c.r); got != c.want {
			t.Errorf("%s: ringProblem = %q, want %q", c.name, got, c.want)
		}
	}
}

// benchLoad measures Load of the package in fsys, which must be valid.
func benchLoad(b *testing.B, fsys fs.FS) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// benchZonesAt measures ZonesAt of point p on br's default date, where
// exactly two zones must hold p.
func benchZonesAt(b *testing.B, br *Briefing, p orb.Point) {
	d := br.DefaultDate
	b.ReportAllocs()
	for b.Loop() {
		if len(br.ZonesAt(p, d)) != 2 {
			b.Fatal("wrong zones")
		}
	}
}

func BenchmarkLoad(b *testing.B) { benchLoad(b, packageFS(b, "")) }

func BenchmarkZonesAt(b *testing.B) { benchZonesAt(b, loadGood(b), orb.Point{13.2, 32.7}) }
