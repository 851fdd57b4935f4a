package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb"
)

func TestEvents(t *testing.T) {
	b, err := Load(packageFS(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Events) != 3 {
		t.Fatalf("%d events, want 3", len(b.Events))
	}
	e, ok := b.Event("e-blockade")
	if !ok || e.Kind != Blockade || e.Date != MustDate("2020-01-17") || e.LastDay() != MustDate("2020-01-18") ||
		e.ShowDays != 30 || e.Place != "es-sider" || e.Point != nil || e.Sourced["place"][0] != "econ-ports" {
		t.Errorf("e-blockade = %+v", e)
	}
	if b.KindOf("e-blockade") != KindEvent || b.Name("e-blockade") != "Oil ports blockaded" {
		t.Errorf("KindOf/Name of an event = %q %q", b.KindOf("e-blockade"), b.Name("e-blockade"))
	}
	sirte, _ := b.Event("e-sirte-taken")
	if sirte.ShowDays != DefaultShowDays || sirte.LastDay() != sirte.Date {
		t.Errorf("e-sirte-taken: show %d days, last day %v", sirte.ShowDays, sirte.LastDay())
	}
	clash, _ := b.Event("e-tripoli-clash")
	if !clash.DateApproximate || clash.Point == nil || clash.ShowDays != 0 {
		t.Errorf("e-tripoli-clash = %+v", clash)
	}
	if p, ok := b.EventPoint(clash); !ok || p != (orb.Point{13.2, 32.7}) {
		t.Errorf("EventPoint(clash) = %v, %v", p, ok)
	}
	if p, ok := b.EventPoint(e); !ok || p != (orb.Point{18.35, 30.63}) {
		t.Errorf("EventPoint(blockade) = %v (its place's), %v", p, ok)
	}
	ids := func(es []*Event) string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		date string
		want string
	}{
		{"2019-11-30", ""},
		{"2019-12-01", "e-tripoli-clash"}, // shown on its day only (show_days: 0)
		{"2019-12-02", ""},
		{"2020-01-06", "e-sirte-taken"},
		{"2020-01-17", "e-sirte-taken e-blockade"},
		{"2020-02-17", "e-sirte-taken e-blockade"}, // 30 days after the last day
		{"2020-02-18", "e-sirte-taken"},
		{"2020-03-06", "e-sirte-taken"}, // 60 days after
		{"2020-03-07", ""},
	} {
		if got := ids(b.EventsOn(MustDate(c.date))); got != c.want {
			t.Errorf("EventsOn(%s) = %q, want %q", c.date, got, c.want)
		}
	}
	if got := ids(b.EventsOf("es-sider")); got != "e-blockade" {
		t.Errorf("EventsOf(es-sider) = %q", got)
	}
	if got := ids(b.EventsOf("tripoli")); got != "" {
		t.Errorf("EventsOf(tripoli) = %q (the clash has a point, not a place)", got)
	}
	near := b.EventsNear(orb.Point{16.6, 31.2}, 25, MustDate("2020-01-20"))
	if len(near) != 1 || near[0].Event.ID != "e-sirte-taken" || near[0].KM > 2 {
		t.Errorf("EventsNear(Sirte) = %+v", near)
	}
	if exs := b.ExcerptsFor("e-blockade"); len(exs) != 1 || exs[0].ID != "econ-ports" {
		t.Errorf("ExcerptsFor(e-blockade) = %v", exs)
	}
	if f, l, ok := b.Where("e-tripoli-clash"); !ok || f != "events.yaml" || l != 21 {
		t.Errorf("Where(e-tripoli-clash) = %s:%d", f, l)
	}
}

func TestEventsFileOptional(t *testing.T) {
	m := packageFS(t, "")
	delete(m, "events.yaml")
	m["excerpts.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(m["excerpts.yaml"].Data), ", e-blockade]", "]", 1))}
	b, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Events) != 0 || len(b.EventsOn(b.DefaultDate)) != 0 {
		t.Errorf("events without events.yaml: %v", b.Events)
	}
}

// FuzzLoadEvents loads the good package with any events.yaml: Load must
// not panic and must return a briefing or problems, each on one line; the
// events of a loaded briefing answer queries.
func FuzzLoadEvents(f *testing.F) {
	good := packageFS(f, "")
	f.Add(good["events.yaml"].Data)
	f.Add(packageFS(f, "testdata/bad/events-bad")["events.yaml"].Data)
	f.Add([]byte("events:\n  - {id: e, title: T, kind: vote, date: 2020-01-01, lonlat: [13, 32], confidence: low, show_days: 1e9}\n"))
	f.Add([]byte("events: [{id: e, date: [2020], place: {x: 1}, actors: 3}]"))
	f.Fuzz(func(t *testing.T, events []byte) {
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = v
		}
		m["events.yaml"] = &fstest.MapFile{Data: events}
		b, err := Load(m)
		if (b == nil) == (err == nil) {
			t.Fatalf("Load returned briefing %v and error %v", b != nil, err)
		}
		var ve *ValidationError
		if err != nil {
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error %v is not a list of problems", err)
			}
			for _, p := range ve.Problems {
				if strings.ContainsAny(p.String(), "\r\n") || p.File == "" {
					t.Fatalf("problem %q", p)
				}
			}
			return
		}
		for i := range b.Events {
			e := &b.Events[i]
			if e.Date.IsZero() || e.LastDay().Before(e.Date) || e.ShowDays < 0 {
				t.Fatalf("loaded a bad event %+v", e)
			}
			if _, ok := b.EventPoint(e); !ok {
				t.Fatalf("event %s has no point", e.ID)
			}
			b.EventsOn(e.Date)
			b.EventsOf(e.Place)
		}
		readBack(t, b, m) // Encode writes what loaded, and it loads back the same
	})
}

// TestEventAbroad: an event's point may lie outside the bbox (a conference
// in Berlin), is shown by EventsOn and has a point, but a point whose swap
// lies inside the bbox is refused as swapped.
func TestEventAbroad(t *testing.T) {
	abroad := `
  - id: e-berlin
    title: "A conference in Berlin"
    kind: conference
    date: 2020-01-19
    lonlat: [13.405, 52.52]
    actors: [lna]
    confidence: high
    note: "Made up for the tests."
`
	m := packageFS(t, "")
	m["events.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, m["events.yaml"].Data...), abroad...)}
	b, err := Load(m)
	if err != nil {
		t.Fatalf("an event abroad is refused: %v", err)
	}
	e, ok := b.Event("e-berlin")
	if !ok || !e.ShownOn(MustDate("2020-01-20")) {
		t.Fatalf("e-berlin not loaded or not shown the day after")
	}
	if p, ok := b.EventPoint(e); !ok || p != (orb.Point{13.405, 52.52}) {
		t.Errorf("EventPoint(e-berlin) = %v, %v", p, ok)
	}
	swapped := strings.Replace(abroad, "[13.405, 52.52]", "[32.7, 13.2]", 1)
	m["events.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, packageFS(t, "")["events.yaml"].Data...), swapped...)}
	_, err = Load(m)
	if err == nil || !strings.Contains(err.Error(), "are lon and lat swapped?") {
		t.Errorf("a swapped event point: err = %v, want the swapped-point problem", err)
	}
}
