package data

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestDiffRefusesBadDates(t *testing.T) {
	b := timeBriefing()
	cases := []struct {
		from, to, want string
	}{
		{"2020-01-10", "2020-01-10", "both dates are 2020-01-10: compare two different dates"},
		{"2020-03-01", "2020-01-10", "2020-01-10 is before 2020-03-01: give the earlier date first"},
		{"2019-01-01", "2020-01-10", "2019-01-01 is outside the briefing's time range, 2020-01-01 to 2020-03-01"},
		{"2020-01-10", "2021-01-01", "2021-01-01 is outside the briefing's time range, 2020-01-01 to 2020-03-01"},
	}
	for _, c := range cases {
		_, err := b.Diff(MustDate(c.from), MustDate(c.to))
		if err == nil || err.Error() != c.want {
			t.Errorf("Diff(%s, %s) = %v, want %q", c.from, c.to, err, c.want)
		}
	}
}

func TestDiff(t *testing.T) {
	b := timeBriefing()
	d, err := b.Diff(MustDate("2020-01-10"), MustDate("2020-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	// The strip 15°E–16°E passed from the LNA to the GNU (a side change,
	// first), where the front lay over it (14°E–16°E, 31°N–32°N) it also
	// stopped being contested; the west passed from the GNA to the GNU
	// (same side, last).
	type zc struct {
		from, to, fromC, toC string
		contested            bool
		areaDeg2             float64
		sideChanged          bool
		places               []string
	}
	var got []zc
	for _, z := range d.Zones {
		got = append(got, zc{z.FromZone, z.ToZone, z.FromController, z.ToController, len(z.FromContested) > 0, planarMP(z), z.SideChanged(), z.Places})
	}
	want := []zc{
		{"east1", "west2", "lna", "gnu", false, 2, true, []string{"town"}},
		{"east1", "west2", "lna", "gnu", true, 1, true, nil},
		{"west1", "west2", "gna", "gnu", true, 1, true, nil},
		{"west1", "west2", "gna", "gnu", false, 14, false, nil},
	}
	if len(got) != len(want) {
		t.Fatalf("zones:\n got %+v\nwant %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.from != w.from || g.to != w.to || g.fromC != w.fromC || g.toC != w.toC || g.contested != w.contested ||
			math.Abs(g.areaDeg2-w.areaDeg2) > 1e-6 || g.sideChanged != w.sideChanged || !slices.Equal(g.places, w.places) {
			t.Errorf("zones[%d] = %+v, want %+v", i, g, w)
		}
	}
	if lost := b.LostBy(d.Zones[0]); lost != "e" {
		t.Errorf("LostBy(east→west) = %q, want the east side", lost)
	}
	if lost := b.LostBy(d.Zones[1]); lost != "e" {
		t.Errorf("LostBy(the front ended under the west) = %q, want the east side (the other contester)", lost)
	}
	// 1°×3° at 31.5°N less the 1°×1° under the front: about 21,100 km².
	if d.Zones[0].AreaKM2 < 20800 || d.Zones[0].AreaKM2 > 21400 {
		t.Errorf("a 1°×2° strip at 31.5°N: %g km², want about 21,100", d.Zones[0].AreaKM2)
	}

	var places []string
	for _, p := range d.Places {
		places = append(places, p.ID+":"+p.HolderFrom+"→"+p.HolderTo+":"+p.StatusFrom+"→"+p.StatusTo)
	}
	if want := []string{"port:lna→lna:blockaded→operating", "town:lna→gnu:→"}; !slices.Equal(places, want) {
		t.Errorf("places = %q, want %q", places, want)
	}
	if !slices.Equal(d.Arrived, []string{"w2"}) || !slices.Equal(d.Left, []string{"w1"}) {
		t.Errorf("arrived %v, left %v; want [w2], [w1]", d.Arrived, d.Left)
	}
	var spots []string
	for _, s := range d.Spots {
		spots = append(spots, s.Deployment+"@"+s.Place+map[bool]string{true: "+", false: "-"}[s.Arrived])
	}
	// Wagner stays at the port, leaves its point, arrives in the town.
	if want := []string{"w1@-", "w2@town+"}; !slices.Equal(spots, want) {
		t.Errorf("spots = %q, want %q", spots, want)
	}
	if !slices.Equal(d.Events, []string{"ev"}) {
		t.Errorf("events = %v, want [ev]", d.Events)
	}
}

// planarMP returns the area of a change's geometry in square degrees.
func planarMP(z ZoneChange) float64 {
	a := 0.0
	for _, pg := range z.Geometry {
		for _, r := range pg {
			a += planarArea(r)
		}
	}
	return math.Abs(a)
}

// TestLibyaDiff checks the facts between the Berlin conference and
// September 2023 against the embedded briefing: Tarhuna and the west coast
// pass to the Tripoli side, al-Watiya changes hands, Sirte does not, the
// terminals reopen, Wagner's and Turkey's deployments change.
func TestLibyaDiff(t *testing.T) {
	b := loadLibya(t)
	d, err := b.Diff(MustDate("2020-01-19"), MustDate("2023-09-30"))
	if err != nil {
		t.Fatal(err)
	}
	zoneOf := map[string]ZoneChange{}
	for _, z := range d.Zones {
		for _, p := range z.Places {
			zoneOf[p] = z
		}
	}
	for _, id := range []string{"tarhuna", "sabratha", "al-watiya"} {
		z, ok := zoneOf[id]
		if !ok || z.FromController != "lna" || z.ToController != "gnu" || !z.SideChanged() || b.LostBy(z) != "haftar" {
			t.Errorf("%s: change %+v, want LNA → GNU, lost by Haftar's side", id, z)
		}
	}
	if _, ok := zoneOf["sirte"]; ok {
		t.Errorf("Sirte is in a change of hands: %+v", zoneOf["sirte"])
	}
	place := map[string]PlaceChange{}
	for _, p := range d.Places {
		place[p.ID] = p
	}
	if _, ok := place["sirte"]; ok {
		t.Errorf("Sirte's holding changed: %+v", place["sirte"])
	}
	if p := place["al-watiya"]; p.HolderFrom != "lna" || p.HolderTo != "gnu" {
		t.Errorf("al-Watiya: %+v, want LNA → GNU", p)
	}
	for _, id := range []string{"es-sider", "ras-lanuf", "brega", "zueitina", "hariga"} {
		if p := place[id]; p.StatusFrom != "blockaded" || p.StatusTo != "operating" {
			t.Errorf("%s: %+v, want blockaded → operating", id, p)
		}
	}
	for _, c := range []struct {
		list []string
		id   string
	}{{d.Left, "d2020-wagner"}, {d.Arrived, "d2023-wagner"}, {d.Left, "d2020-turkey-drones"}, {d.Left, "d2020-turkey-troops"}, {d.Arrived, "d2023-turkey"}} {
		if !slices.Contains(c.list, c.id) {
			t.Errorf("%s missing from the deployments that arrived or left: %v / %v", c.id, d.Arrived, d.Left)
		}
	}
	var spots []string
	for _, s := range d.Spots {
		if s.Actor == "wagner" || s.Actor == "turkey" {
			spots = append(spots, s.Actor+"@"+s.Place+map[bool]string{true: "+", false: "-"}[s.Arrived])
		}
	}
	// Wagner leaves the Tripoli front (a point) and arrives at
	// al-Qardabiya, Brak and al-Khadim; Turkey leaves Tripoli and arrives
	// at al-Watiya.
	want := []string{"wagner@-", "turkey@tripoli-", "wagner@al-qardabiya+", "wagner@brak+", "wagner@al-khadim+", "turkey@al-watiya+"}
	if !slices.Equal(spots, want) {
		t.Errorf("Wagner and Turkey spots = %q, want %q", spots, want)
	}
	if !slices.Contains(d.Events, "e2020-ceasefire") || slices.Contains(d.Events, "e2020-berlin-conference") {
		t.Errorf("events between = %v: want the ceasefire, not the conference of the first day", d.Events)
	}
}

func TestLibyaDiffEveryPairOfSnapshots(t *testing.T) {
	b := loadLibya(t)
	for i, a := range b.Snapshots {
		for _, c := range b.Snapshots[i+1:] {
			d, err := b.Diff(a.Date, c.Date)
			if err != nil {
				t.Errorf("Diff(%s, %s): %v", a.Date, c.Date, err)
				continue
			}
			for _, z := range d.Zones {
				if z.AreaKM2 < minChangeKM2 || len(z.Geometry) == 0 {
					t.Errorf("Diff(%s, %s): %s→%s: area %g km², %d polygons", a.Date, c.Date, z.FromZone, z.ToZone, z.AreaKM2, len(z.Geometry))
				}
				if strings.Contains(z.FromZone+z.ToZone, " ") {
					t.Errorf("bad ids %q %q", z.FromZone, z.ToZone)
				}
			}
		}
	}
}

func BenchmarkDiff(b *testing.B) {
	br := loadLibya(b)
	from, to := MustDate("2020-01-19"), MustDate("2023-09-30")
	for b.Loop() {
		if _, err := br.Diff(from, to); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChangeDates(b *testing.B) {
	br := loadLibya(b)
	for b.Loop() {
		br.ChangeDates()
	}
}

func TestDiffItems(t *testing.T) {
	b := timeBriefing()
	d, err := b.Diff(MustDate("2020-01-10"), MustDate("2020-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range b.DiffItems(d) {
		got = append(got, it.Ref.String()+" | "+it.Title+" | "+it.Before+" | "+it.After)
	}
	want := []string{
		// Side changes, the largest first.
		"zone:west2 | Town: from LNA to GNU | held by LNA (East) | held by GNU (West)",
		"zone:west2 | Front (LNA's part): from LNA, contested by GNA, to GNU | held by LNA, contested by GNA (East) | held by GNU (West)",
		"zone:west2 | Front (GNA's part): from GNA, contested by LNA, to GNU | held by GNA, contested by LNA (West) | held by GNU (West)",
		// A status; the town's holder is told by its zone.
		"place:port | Port: from blockaded to operating | blockaded (5 January 2020 – 9 February 2020) | operating (from 10 February 2020)",
		// A force per actor.
		"deployment:w2 | Wagner: arrived at Town; left 31.50°N 17.50°E | left 31.50°N 17.50°E | arrived at Town",
		// A change within a side, then the events.
		"zone:west2 | West: from GNA to GNU | held by GNA (West) | held by GNU (West)",
		": | 20 January 2020: Battle |  | Battle",
	}
	if !slices.Equal(got, want) {
		t.Errorf("DiffItems:\n got %q\nwant %q", got, want)
	}
}
