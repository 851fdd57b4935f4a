package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/pkgtest"
	"github.com/paulmach/orb"
)

func TestInfoGolden(t *testing.T) {
	checkGoldenRuns(t, []goldenRun{
		{"info-tripoli.json", []string{"info", "--json", "32.89,13.19"}},
		{"info-tripoli-front.json", []string{"info", "32.704,13.196", "--json"}},
		{"info-benghazi-2023.json", []string{"info", "--date", "2023-09-30", "--json", "32.12,20.09"}},
		{"info-sea.json", []string{"info", "--json", "34.0,18.0"}},
		// A terminal on the coastline: held through the nearest zone, with its status.
		{"info-brega.json", []string{"info", "--json", "30.4089,19.5733"}},
		{"info-es-sider-2023.json", []string{"info", "--json", "--date", "2023-09-30", "30.6294,18.3503"}},
	})
}

func TestInfoJSONShape(t *testing.T) {
	code, out, errs := run("info", "--json", "32.704,13.196")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Point  []float64        `json:"point"`
		Date   string           `json:"date"`
		Zones  []map[string]any `json:"zones"`
		Places []map[string]any `json:"places"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(res.Point) != 2 || res.Point[0] != 13.196 || res.Point[1] != 32.704 {
		t.Errorf("point = %v, want [lon, lat] = [13.196, 32.704]", res.Point)
	}
	if res.Date != "2020-01-19" {
		t.Errorf("date = %q, want the default 2020-01-19", res.Date)
	}
	if len(res.Zones) < 2 {
		t.Fatalf("zones = %v, want the Tripoli zone and the front", res.Zones)
	}
	last := res.Zones[len(res.Zones)-1]
	if last["controller"] != "" || last["contested_by"] == nil {
		t.Errorf("last zone = %v, want a contested zone (controller \"\", contested_by)", last)
	}
	for _, z := range res.Zones {
		for _, k := range []string{"id", "name", "controller", "controller_name", "valid_from", "valid_to", "confidence", "sources"} {
			if _, ok := z[k]; !ok {
				t.Errorf("zone %v lacks %q", z["id"], k)
			}
		}
	}
}

func TestInfoOnPackage(t *testing.T) {
	b := pkgtest.Load(t, good)
	res := info(b, orb.Point{13.2, 32.7}, b.DefaultDate)
	var ids []string
	for _, z := range res.Zones {
		ids = append(ids, z.ID+"/"+z.Controller+"/"+strings.Join(z.Sources, "+"))
	}
	if got, want := strings.Join(ids, " "), "z-west/gna/economist-2020 z-front//"; got != want {
		t.Errorf("zones = %s, want %s", got, want)
	}
	if len(res.Places) != 1 || res.Places[0].ID != "tripoli" || res.Places[0].DistanceKM != 21.2 {
		t.Errorf("places = %+v, want Tripoli at 21.2 km", res.Places)
	}
}

func TestInfoHolders(t *testing.T) {
	b := pkgtest.Load(t, good)
	d := data.MustDate("2020-01-20")
	// Es Sider: an LNA-held terminal, blockaded, with the blockade event.
	res := info(b, orb.Point{18.35, 30.63}, d)
	if len(res.Places) != 1 {
		t.Fatalf("places = %+v", res.Places)
	}
	p := res.Places[0]
	if p.Holder == nil || *p.Holder != "lna" || *p.HolderName != "Libyan National Army" || p.Status != "blockaded" || p.NearestKM != nil {
		t.Errorf("Es Sider = %+v", p)
	}
	if len(res.Events) != 1 || res.Events[0].ID != "e-blockade" || res.Events[0].DateTo != "2020-01-18" {
		t.Errorf("events = %+v, want the blockade", res.Events)
	}
	// The text writes the event's days as the cards and the slide do, an
	// approximate date with "c.".
	blockade, ok := b.Event("e-blockade")
	if !ok {
		t.Fatal("no event e-blockade")
	}
	blockade.DateApproximate = true
	var text strings.Builder
	if err := writeInfoText(&text, b, res); err != nil {
		t.Fatal(err)
	}
	if want := "Event: Oil ports blockaded (blockade, c. 17–18 January 2020), "; !strings.Contains(text.String(), want) {
		t.Errorf("text lacks %q:\n%s", want, text.String())
	}
	// Forty days on, the blockade (shown for 30 days) is gone.
	if res := info(b, orb.Point{18.35, 30.63}, data.MustDate("2020-02-27")); len(res.Events) != 0 {
		t.Errorf("events on 27 February = %+v, want none", res.Events)
	}
	// Al Jufra, an airbase: no status key at all.
	res = info(b, orb.Point{15.95, 29.15}, d)
	if len(res.Places) != 1 || res.Places[0].Status != nil {
		t.Errorf("Al Jufra = %+v, want no status", res.Places)
	}
	// Off the map: the zones end at 26°E; a place 3 km beyond is held
	// through the nearest zone, 2000 km away nothing is.
	b.Places[3].Point = orb.Point{26.03, 29.15}
	b.Reindex()
	res = info(b, b.Places[3].Point, d)
	p = res.Places[0]
	if p.Holder == nil || *p.Holder != "lna" || p.HolderZone != "z-east" || p.NearestKM == nil || *p.NearestKM < 2.5 || *p.NearestKM > 3.2 {
		t.Errorf("a place 3 km outside z-east = %+v", p)
	}
	var sb strings.Builder
	if err := writeInfoText(&sb, b, res); err != nil {
		t.Fatal(err)
	}
	if want := "held by Libyan National Army (in no zone; the nearest, East and south, is 2.9 km away)"; !strings.Contains(sb.String(), want) {
		t.Errorf("text lacks %q:\n%s", want, sb.String())
	}
	b.Places[3].Point = orb.Point{40, 29}
	b.Reindex()
	res = info(b, b.Places[3].Point, d)
	if p := res.Places[0]; p.Holder != nil || p.HolderName != nil || len(p.ContestedBy) != 0 || p.HolderZone != "" {
		t.Errorf("a place far from every zone = %+v", p)
	}
}

func TestInfoText(t *testing.T) {
	code, out, errs := run("info", "32.704,13.196")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"32.7040 N, 13.1960 E on 19 January 2020", "held by Government of National Accord", "contested by",
		"Place: Tripoli (city), 20.4 km — held by Government of National Accord\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestInfoErrors(t *testing.T) {
	checkExits(t, []exitCase{
		{[]string{"info"}, ExitUsage, "briefmap: info takes one LAT,LON point"},
		{[]string{"info", "1,2", "3,4"}, ExitUsage, "briefmap: info takes one LAT,LON point"},
		{[]string{"info", "--bogus", "1,2"}, ExitUsage, "briefmap: info: flag provided but not defined: -bogus"},
		{[]string{"info", "tripoli"}, ExitInput, `briefmap: info: bad point "tripoli": want LAT,LON in degrees, e.g. 32.89,13.19`},
		{[]string{"info", "32.89;13.19"}, ExitInput, `briefmap: info: bad point "32.89;13.19": want LAT,LON in degrees, e.g. 32.89,13.19`},
		{[]string{"info", "132.89,13.19"}, ExitInput, `briefmap: info: bad point "132.89,13.19": latitude must be within ±90 and longitude within ±180`},
		{[]string{"info", "--date", "2020-02-30", "32.89,13.19"}, ExitInput, `briefmap: info: --date: date "2020-02-30" does not exist`},
		{[]string{"info", "32.89,13.19", "--date", "19/01/2020"}, ExitInput, `briefmap: info: --date: date "19/01/2020" is not YYYY-MM-DD`},
		{[]string{"info", "-33.9,18.4", "--json"}, ExitOK, ""},
		{[]string{"info", "--briefing", "nowhere", "32.89,13.19"}, ExitInput, "briefmap: info: load briefing: stat nowhere: no such file or directory"},
		{[]string{"info", "--briefing", "../data/testdata/good", "32.89,13.19"}, ExitOK, ""},
	})
}

func TestParsePoint(t *testing.T) {
	cases := []struct {
		in   string
		want orb.Point
		ok   bool
	}{
		{"32.89,13.19", orb.Point{13.19, 32.89}, true},
		{" 32.89 , 13.19 ", orb.Point{13.19, 32.89}, true},
		{"-33.9,-18.4", orb.Point{-18.4, -33.9}, true},
		{"90,180", orb.Point{180, 90}, true},
		{"91,0", orb.Point{}, false},
		{"0,181", orb.Point{}, false},
		{"NaN,1", orb.Point{}, false},
		{"1", orb.Point{}, false},
		{"", orb.Point{}, false},
	}
	for _, c := range cases {
		got, err := parsePoint(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("parsePoint(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

// FuzzParsePoint checks that parsePoint never accepts a point outside the
// globe and never panics.
func FuzzParsePoint(f *testing.F) {
	for _, s := range []string{"32.89,13.19", "-33.9,18.4", "1e3,1", "NaN,NaN", "Inf,0", ",", "1,2,3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePoint(s)
		if err == nil && (p.Lat() < -90 || p.Lat() > 90 || p.Lon() < -180 || p.Lon() > 180 || p != p) {
			t.Fatalf("parsePoint(%q) = %v", s, p)
		}
	})
}
