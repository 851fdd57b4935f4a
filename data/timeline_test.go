package data

import (
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// timeBriefing is a small briefing whose records start and end on known
// days: two periods of zones, a place with statuses, a force that moves
// and an event.
func timeBriefing() *Briefing {
	p1 := Period{From: MustDate("2020-01-01"), To: MustDate("2020-01-31")}
	p2 := Period{From: MustDate("2020-02-01")}
	pt := orb.Point{17.5, 31.5}
	b := &Briefing{
		DefaultDate: MustDate("2020-01-10"),
		Snapshots:   []Snapshot{{Date: MustDate("2020-01-10"), Label: "Early"}, {Date: MustDate("2020-03-01"), Label: "Late"}},
		Sides:       []Side{{ID: "w"}, {ID: "e"}},
		Actors: []Actor{{ID: "gna", Name: "GNA", Side: "w"}, {ID: "gnu", Name: "GNU", Side: "w"},
			{ID: "lna", Name: "LNA", Side: "e"}, {ID: "wagner", Name: "Wagner", Side: "e"}},
		Zones: []Zone{
			{ID: "west1", Name: "West", Controller: "gna", Valid: p1, Geometry: square(10, 30, 15, 33)},
			{ID: "east1", Name: "East", Controller: "lna", Valid: p1, Geometry: square(15, 30, 20, 33)},
			{ID: "front1", Name: "Front", ContestedBy: []string{"gna", "lna"}, Valid: p1, Geometry: square(14, 31, 16, 32)},
			{ID: "west2", Name: "West", Controller: "gnu", Valid: p2, Geometry: square(10, 30, 16, 33)},
			{ID: "east2", Name: "East", Controller: "lna", Valid: p2, Geometry: square(16, 30, 20, 33)},
		},
		Places: []Place{
			{ID: "port", Name: "Port", Kind: OilTerminal, Point: orb.Point{18, 31}, Statuses: []PlaceStatus{
				{Status: "blockaded", Valid: Period{From: MustDate("2020-01-05"), To: MustDate("2020-02-09")}},
				{Status: "operating", Valid: Period{From: MustDate("2020-02-10")}},
			}},
			{ID: "town", Name: "Town", Kind: City, Point: orb.Point{15.5, 30.5}},
		},
		Deployments: []Deployment{
			{ID: "w1", Name: "Wagner 1", Actor: "wagner", Places: []string{"port"}, Point: &pt, Valid: Period{From: MustDate("2020-01-01"), To: MustDate("2020-02-14")}},
			{ID: "w2", Name: "Wagner 2", Actor: "wagner", Places: []string{"port", "town"}, Valid: Period{From: MustDate("2020-02-15")}},
		},
		Events: []Event{{ID: "ev", Title: "Battle", Date: MustDate("2020-01-20"), ShowDays: 5, Point: &pt}},
	}
	b.Reindex()
	return b
}

func dates(ss ...string) []Date {
	out := make([]Date, len(ss))
	for i, s := range ss {
		out[i] = MustDate(s)
	}
	return out
}

func TestDateAddDays(t *testing.T) {
	cases := []struct {
		d    string
		n    int
		want string
	}{
		{"2020-01-31", 1, "2020-02-01"}, {"2020-03-01", -1, "2020-02-29"}, {"2021-12-31", 1, "2022-01-01"}, {"2020-06-04", 0, "2020-06-04"},
	}
	for _, c := range cases {
		if got := MustDate(c.d).AddDays(c.n); got != MustDate(c.want) {
			t.Errorf("%s + %d days = %s, want %s", c.d, c.n, got, c.want)
		}
		if got := MustDate(c.d).DaysTo(MustDate(c.want)); got != c.n {
			t.Errorf("%s to %s: %d days, want %d", c.d, c.want, got, c.n)
		}
	}
}

func TestRange(t *testing.T) {
	b := timeBriefing()
	// From the first zone's start; to the last change (the event leaves
	// the map on 26 January, Wagner moves on 15 February, the last
	// snapshot is 1 March).
	want := Period{From: MustDate("2020-01-01"), To: MustDate("2020-03-01")}
	if got := b.Range(); got != want {
		t.Errorf("Range = %v, want %v", got, want)
	}
	for _, c := range []struct {
		d  string
		ok bool
	}{{"2019-12-31", false}, {"2020-01-01", true}, {"2020-03-01", true}, {"2020-03-02", false}} {
		if err := b.CheckDate(MustDate(c.d)); (err == nil) != c.ok {
			t.Errorf("CheckDate(%s) = %v, want ok %v", c.d, err, c.ok)
		}
	}
	if err := b.CheckDate(MustDate("2030-01-01")); err == nil || !strings.Contains(err.Error(), "outside the briefing's time range, 2020-01-01 to 2020-03-01") {
		t.Errorf("CheckDate(2030-01-01) = %v, want the range named", err)
	}
}

func TestChangeDates(t *testing.T) {
	b := timeBriefing()
	want := dates(
		"2020-01-01", // zones, Wagner 1 start
		"2020-01-05", // the port is blockaded
		"2020-01-20", // the event
		"2020-01-26", // the event leaves the map (5 days after)
		"2020-02-01", // the second period of zones
		"2020-02-10", // the port operates again
		"2020-02-15", // Wagner moves
	)
	if got := b.ChangeDates(); !slices.Equal(got, want) {
		t.Errorf("ChangeDates = %v, want %v", got, want)
	}
}

func TestChangesOn(t *testing.T) {
	b := timeBriefing()
	cases := []struct {
		day  string
		want []string // "kind:id +/-: what"
	}{
		{"2020-01-05", []string{"place:port +: Port: blockaded"}},
		{"2020-02-01", []string{
			"zone:west1 -: zone ends: West, held by GNA",
			"zone:east1 -: zone ends: East, held by LNA",
			"zone:front1 -: zone ends: Front, contested by GNA, LNA",
			"zone:west2 +: zone begins: West, held by GNU",
			"zone:east2 +: zone begins: East, held by LNA",
		}},
		{"2020-02-10", []string{"place:port +: Port: operating (was blockaded)"}},
		{"2020-02-15", []string{"deployment:w1 -: force leaves: Wagner 1", "deployment:w2 +: force arrives: Wagner 2"}},
		{"2020-01-26", []string{"event:ev -: event leaves the map: Battle"}},
		{"2020-01-27", nil},
	}
	for _, c := range cases {
		var got []string
		for _, ch := range b.ChangesOn(MustDate(c.day)) {
			sign := "-"
			if ch.Starts {
				sign = "+"
			}
			got = append(got, ch.Ref.String()+" "+sign+": "+ch.What)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("ChangesOn(%s):\n got %q\nwant %q", c.day, got, c.want)
		}
	}
}

func TestTimelineNamesSnapshots(t *testing.T) {
	b := timeBriefing()
	tl := b.Timeline()
	var got []string
	for _, d := range tl {
		s := d.Date.String()
		if d.Snapshot {
			s += " [" + d.Label + "]"
		}
		got = append(got, s)
	}
	want := []string{"2020-01-01", "2020-01-05", "2020-01-10 [Early]", "2020-01-20", "2020-01-26", "2020-02-01", "2020-02-10", "2020-02-15", "2020-03-01 [Late]"}
	if !slices.Equal(got, want) {
		t.Errorf("Timeline dates:\n got %q\nwant %q", got, want)
	}
	if tl[2].Changes != nil {
		t.Errorf("a snapshot on which nothing changes lists changes: %v", tl[2].Changes)
	}
}

func TestStepChange(t *testing.T) {
	b := timeBriefing()
	cases := []struct {
		from string
		dir  int
		want string // "" when there is none
	}{
		{"2020-01-01", 1, "2020-01-05"},
		{"2020-01-10", 1, "2020-01-20"}, // from a day between changes
		{"2020-01-10", -1, "2020-01-05"},
		{"2020-01-05", -1, "2020-01-01"},
		{"2020-01-01", -1, ""},
		{"2020-02-15", 1, ""},
		{"2020-03-01", -1, "2020-02-15"},
	}
	for _, c := range cases {
		got, ok := b.StepChange(MustDate(c.from), c.dir)
		if (c.want == "") == ok || (ok && got != MustDate(c.want)) {
			t.Errorf("StepChange(%s, %d) = %s, %v; want %q", c.from, c.dir, got, ok, c.want)
		}
	}
}

func TestValidOn(t *testing.T) {
	b := timeBriefing()
	cases := []struct {
		ref  Ref
		day  string
		want bool
	}{
		{Ref{KindZone, "west1"}, "2020-01-31", true},
		{Ref{KindZone, "west1"}, "2020-02-01", false},
		{Ref{KindDeployment, "w2"}, "2020-02-14", false},
		{Ref{KindDeployment, "w2"}, "2020-02-15", true},
		{Ref{KindEvent, "ev"}, "2020-01-25", true},
		{Ref{KindEvent, "ev"}, "2020-01-26", false},
		{Ref{KindPlace, "port"}, "1999-01-01", true},
		{Ref{KindActor, "gna"}, "2020-02-01", true},
		{Ref{KindZone, "port"}, "2020-01-10", false}, // a place is not a zone
		{Ref{KindZone, "nowhere"}, "2020-01-10", false},
	}
	for _, c := range cases {
		if got := b.ValidOn(c.ref, MustDate(c.day)); got != c.want {
			t.Errorf("ValidOn(%v, %s) = %v, want %v", c.ref, c.day, got, c.want)
		}
	}
}

// TestLibyaTimeline checks the embedded briefing's time axis: its range
// runs from the first zones (27 June 2019) past the last snapshot; every
// snapshot is on the timeline, named; the change dates include the days
// the periods of zones begin.
func TestLibyaTimeline(t *testing.T) {
	b := loadLibya(t)
	r := b.Range()
	if r.From != MustDate("2019-06-27") || r.To.Before(MustDate("2023-09-30")) {
		t.Errorf("Range = %v, want from 2019-06-27 to at least 2023-09-30", r)
	}
	changes := b.ChangeDates()
	for _, d := range dates("2019-06-27", "2020-01-06", "2020-04-13", "2020-05-18", "2020-06-05", "2021-03-10") {
		if !slices.Contains(changes, d) {
			t.Errorf("change dates lack %s, when a period of zones begins", d)
		}
	}
	tl := b.Timeline()
	for _, s := range b.Snapshots {
		i := slices.IndexFunc(tl, func(td TimelineDate) bool { return td.Date == s.Date })
		if i < 0 || !tl[i].Snapshot || tl[i].Label != s.Label {
			t.Errorf("snapshot %s %q is not on the timeline as a bookmark", s.Date, s.Label)
		}
	}
	for _, td := range tl {
		if !td.Snapshot && len(td.Changes) == 0 && td.Date != r.From {
			t.Errorf("%s is on the timeline with no change", td.Date)
		}
	}
}
