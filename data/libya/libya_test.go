package libya

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"github.com/briefmap/briefmap/data"
)

// Snapshot dates and one date in the interval between them.
var (
	berlin   = data.MustDate("2020-01-19")
	interval = data.MustDate("2020-09-01")
	moscow   = data.MustDate("2023-09-30")
)

func load(t testing.TB) *data.Briefing {
	t.Helper()
	b, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

// findPlace returns b's place id; when b has none it reports "no place
// ID" (the test goes on) and returns nil.
func findPlace(t *testing.T, b *data.Briefing, id string) *data.Place {
	t.Helper()
	p, ok := b.Place(id)
	if !ok {
		t.Errorf("no place %s", id)
	}
	return p
}

func TestFS(t *testing.T) {
	for _, name := range []string{"briefing.yaml", "sources.yaml", "excerpts.yaml", "actors.yaml",
		"zones.yaml", "zones.geojson", "places.yaml", "deployments.yaml"} {
		if _, err := fs.Stat(FS(), name); err != nil {
			t.Errorf("FS has no %s at its root: %v", name, err)
		}
	}
	if _, err := fs.Stat(FS(), "briefing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("FS still has the briefing/ folder (err %v)", err)
	}
}

func TestLoadIsFresh(t *testing.T) {
	a, b := load(t), load(t)
	if a == b {
		t.Fatal("Load returned the same *Briefing twice")
	}
	a.Actors[0].Name = "changed"
	if b.Actors[0].Name == "changed" {
		t.Fatal("two loads share their records")
	}
}

func TestBriefingHeader(t *testing.T) {
	b := load(t)
	if b.ID != "libya" || b.Title != "Libya: who holds what" || b.Region != "Libya" || b.CountryISO != "LBY" {
		t.Errorf("header = %q %q %q %q", b.ID, b.Title, b.Region, b.CountryISO)
	}
	if b.DefaultDate != berlin {
		t.Errorf("default date = %v, want %v", b.DefaultDate, berlin)
	}
	var dates []data.Date
	for i, s := range b.Snapshots {
		dates = append(dates, s.Date)
		if s.Label == "" {
			t.Errorf("snapshot %v has no label", s.Date)
		}
		if i > 0 && !b.Snapshots[i-1].Date.Before(s.Date) {
			t.Errorf("snapshots not in date order: %v then %v", b.Snapshots[i-1].Date, s.Date)
		}
	}
	if !slices.Contains(dates, berlin) || !slices.Contains(dates, moscow) {
		t.Errorf("snapshots = %v, want %v and %v among them", dates, berlin, moscow)
	}
	// Libya spans about 9.3-25.2°E, 19.5-33.2°N.
	libya := orb.Bound{Min: orb.Point{9.3, 19.5}, Max: orb.Point{25.2, 33.2}}
	if !b.BBox.Contains(libya.Min) || !b.BBox.Contains(libya.Max) {
		t.Errorf("bbox %v does not contain Libya %v", b.BBox, libya)
	}
	var sides []string
	for _, s := range b.Sides {
		sides = append(sides, s.ID)
	}
	if !slices.Equal(sides, []string{"tripoli", "haftar", "other"}) {
		t.Errorf("sides = %v", sides)
	}
}

func TestSources(t *testing.T) {
	b := load(t)
	want := map[string]struct {
		publisher   string
		approximate bool
	}{
		"economist-2020":  {"The Economist", false},
		"nyt-2020":        {"The New York Times", false},
		"aggregator-2023": {"News aggregator (publisher not named)", true},
	}
	if len(b.Sources) != len(want) {
		t.Errorf("%d sources, want %d", len(b.Sources), len(want))
	}
	for _, s := range b.Sources {
		w, ok := want[s.ID]
		if !ok {
			t.Errorf("unexpected source %q", s.ID)
			continue
		}
		if s.Publisher != w.publisher || s.DateApproximate != w.approximate {
			t.Errorf("%s: publisher %q approximate %v, want %q %v", s.ID, s.Publisher, s.DateApproximate, w.publisher, w.approximate)
		}
	}
	agg, _ := b.Source("aggregator-2023")
	if d := agg.Date; d != data.MustDate("2023-09-29") && d != data.MustDate("2023-09-30") {
		t.Errorf("aggregator date %v, want 2023-09-29 or -30", d)
	}
}

// chrome is the aggregator page's site furniture: never part of an excerpt.
var chrome = []string{"No time to read?", "Get a summary", "Previous Article", "Next Article", "Eldense", "Pascal Pérez", "Tupac", "Keff D"}

// sourcesEnv names the folder of the three article texts. The package does
// not ship them (they are not ours to redistribute); `make test
// SOURCES=DIR` sets it.
const sourcesEnv = "BRIEFMAP_SOURCES"

// articles returns the folder of the article texts, or skips the test,
// saying why, when BRIEFMAP_SOURCES is not set.
func articles(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(sourcesEnv)
	if dir == "" {
		t.Skipf("article check not run: %s is not set (make test SOURCES=DIR runs it against the three article texts)", sourcesEnv)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		t.Fatalf("%s=%s is not a folder of article texts", sourcesEnv, dir)
	}
	return dir
}

// TestExcerptsVerbatim loads the embedded package against the article
// texts: every source's hash, and every excerpt's quote, offsets and
// context, must match (data.LoadWith refuses the package otherwise).
func TestExcerptsVerbatim(t *testing.T) {
	dir := articles(t)
	b, err := data.LoadWith(FS(), data.LoadOptions{Sources: os.DirFS(dir), SourcesName: dir})
	if err != nil {
		t.Fatalf("the embedded package does not match the article texts in %s:\n%v", dir, err)
	}
	checked := 0
	for _, c := range b.TextChecks {
		if !c.Checked {
			t.Errorf("source %s (%d excerpts) not checked: %s", c.Source, c.Excerpts, c.Why)
		}
		checked += c.Excerpts
	}
	if checked != len(b.Excerpts) {
		t.Errorf("%d of %d excerpts checked", checked, len(b.Excerpts))
	}
}

// TestChangedWordIsCaught copies a real article, changes one word inside
// a quoted excerpt, and checks that the package is refused with the
// messages of data/FORMAT.md.
func TestChangedWordIsCaught(t *testing.T) {
	dir := articles(t)
	b := load(t)
	// The first excerpt written exactly as in its article: change its
	// longest word there.
	var e *data.Excerpt
	var src *data.Source
	var raw []byte
	for i := range b.Excerpts {
		s, _ := b.Source(b.Excerpts[i].Source)
		text, err := os.ReadFile(filepath.Join(dir, s.File))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(text), b.Excerpts[i].Text) {
			e, src, raw = &b.Excerpts[i], s, text
			break
		}
	}
	if e == nil {
		t.Fatal("no excerpt is written exactly as in its article")
	}
	word := ""
	for _, w := range strings.Fields(e.Text) {
		if len(w) > len(word) && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
			word = w
		}
	}
	at := strings.Index(string(raw), e.Text)
	other := "altered"
	if word == other {
		other = "changed"
	}
	changedQuote := strings.Replace(e.Text, word, other, 1)
	changed := string(raw[:at]) + changedQuote + string(raw[at+len(e.Text):])
	t.Logf("changing %q to %q in %s (excerpt %s)", e.Text, changedQuote, src.File, e.ID)
	tmp := t.TempDir()
	for _, s := range b.Sources {
		text := []byte(changed)
		if s.File != src.File {
			var err error
			if text, err = os.ReadFile(filepath.Join(dir, s.File)); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(tmp, s.File), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := data.LoadWith(FS(), data.LoadOptions{Sources: os.DirFS(tmp)})
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("LoadWith with a changed article: %v, want a validation error", err)
	}
	_, line, _ := b.Where(e.ID)
	wantHash := src.File + ": text differs from the one the excerpts were taken from (sha256 "
	var sawHash, sawQuote bool
	for _, p := range ve.Problems {
		switch {
		case strings.HasPrefix(p.String(), wantHash):
			sawHash = true
		case p.File == "excerpts.yaml" && p.Field == "text" && strings.HasPrefix(p.Message, "not found verbatim in "+src.File) && p.Line > line && p.Line < line+8:
			sawQuote = true
		}
	}
	if !sawHash || !sawQuote {
		t.Errorf("problems do not name both the changed text and the excerpt (hash %v, quote %v):\n%v", sawHash, sawQuote, err)
	}
}

func TestExcerptsQuoteNoChrome(t *testing.T) {
	b := load(t)
	for _, e := range b.Excerpts {
		for _, c := range chrome {
			if strings.Contains(e.Text, c) {
				t.Errorf("%s: quotes the aggregator's site chrome %q", e.ID, c)
			}
		}
		if len(e.About) == 0 {
			t.Errorf("%s: about is empty", e.ID)
		}
	}
}

func TestLintClean(t *testing.T) {
	b := load(t)
	for _, p := range b.Lint() {
		t.Errorf("lint: %v", p)
	}
}

func TestRequiredContent(t *testing.T) {
	b := load(t)
	if n := len(b.Excerpts); n < 30 {
		t.Errorf("%d excerpts, want at least 30", n)
	}
	for _, id := range []string{"gna", "gnu", "lna", "haftar", "sarraj", "russia", "wagner", "turkey",
		"syrian-fighters", "uae", "egypt", "france", "italy", "germany", "usa", "un"} {
		if _, ok := b.Actor(id); !ok {
			t.Errorf("no actor %q", id)
		}
	}
	leads := map[string]string{"haftar": "lna", "sarraj": "gna"}
	for person, faction := range leads {
		if a, ok := b.Actor(person); ok && a.Leads != faction {
			t.Errorf("%s leads %q, want %q", person, a.Leads, faction)
		}
	}
	haftar, _ := b.Actor("haftar")
	for _, alias := range []string{"Haftar", "Hifter", "General Haftar", "General Hifter", "Khalifa Haftar", "Khalifa Hifter"} {
		if !slices.Contains(haftar.Aliases, alias) {
			t.Errorf("haftar has no alias %q", alias)
		}
	}
	if got := haftar.Sourced["backers"]; !slices.Contains(got, "nyt-backers-of-hifter") {
		t.Errorf("haftar's backers are not sourced by nyt-backers-of-hifter: %v", got)
	}

	places := map[string]data.PlaceKind{
		"es-sider": data.OilTerminal, "ras-lanuf": data.OilTerminal, "brega": data.OilTerminal,
		"zueitina": data.OilTerminal, "hariga": data.OilTerminal, "zawiya-terminal": data.OilTerminal,
		"mellitah": data.OilTerminal, "sharara": data.OilField, "el-feel": data.OilField,
		"al-jufra": data.Airbase, "al-watiya": data.Airbase, "mitiga": data.Airbase, "al-khadim": data.Airbase,
	}
	cities := 0
	for _, p := range b.Places {
		if p.Kind == data.City {
			cities++
		}
		if p.Importance < 1 || p.Importance > 3 {
			t.Errorf("%s: importance %d", p.ID, p.Importance)
		}
	}
	if cities < 20 {
		t.Errorf("%d cities, want about 20", cities)
	}
	for id, kind := range places {
		p := findPlace(t, b, id)
		if p == nil {
			continue
		}
		if p.Kind != kind {
			t.Errorf("%s: kind %q, want %q", id, p.Kind, kind)
		}
	}
	for _, id := range []string{"es-sider", "ras-lanuf", "brega", "zueitina", "hariga"} {
		p, ok := b.Place(id)
		if !ok {
			continue
		}
		st, ok := p.StatusOn(berlin)
		if !ok || st.Status != "blockaded" {
			t.Errorf("%s on %v: status %q, want blockaded", id, berlin, st.Status)
		}
		// The Economist names no port ("Libya's main ports"): which ports
		// were closed is background, from the NOC's declaration.
		if len(st.Sourced) != 0 || !strings.Contains(st.Note, "econ-ports-cut-off") {
			t.Errorf("%s: blockade should be background citing econ-ports-cut-off in its note: sourced %v, note %q", id, st.Sourced, st.Note)
		}
		if st.Valid.From != data.MustDate("2020-01-18") {
			t.Errorf("%s: blockade from %v, want 2020-01-18", id, st.Valid.From)
		}
	}
	for id, kind := range places {
		if kind != data.OilTerminal {
			continue
		}
		p, ok := b.Place(id)
		if !ok {
			continue
		}
		if st, ok := p.StatusOn(moscow); !ok || st.Status != "operating" {
			t.Errorf("%s on %v: status %q, want operating", id, moscow, st.Status)
		}
	}

	for _, d := range []data.Date{berlin, interval, moscow} {
		actors := map[string]bool{}
		for _, dep := range b.DeploymentsOn(d) {
			actors[dep.Actor] = true
		}
		for _, a := range []string{"wagner", "turkey", "syrian-fighters", "uae", "egypt"} {
			if !actors[a] {
				t.Errorf("no %s deployment on %v", a, d)
			}
		}
	}
	drones, ok := b.Deployment("d2020-turkey-drones")
	if !ok || drones.RangeKM != 200 || !slices.Contains(drones.Sourced["range_km"], "econ-turkish-drones-range") {
		t.Errorf("d2020-turkey-drones: want a sourced range of 200 km, got %+v", drones)
	}
	syrians, ok := b.Deployment("d2020-syrian-fighters")
	if !ok || syrians.Strength != "up to 2,000" || syrians.Supports != "gna" {
		t.Errorf("d2020-syrian-fighters: want up to 2,000 supporting gna, got %+v", syrians)
	}
}

// TestTopics checks that each topic the briefing must cover has an excerpt,
// by id, and that the excerpt says what the topic needs.
func TestTopics(t *testing.T) {
	b := load(t)
	topics := []struct {
		topic, id, says string
	}{
		{"Berlin conference of 19 January", "econ-berlin-conference", "January 19th"},
		{"communiqué: arms embargo", "econ-embargo-promise", "arms embargo"},
		{"communiqué: arms embargo (NYT)", "nyt-embargo-respect", "arms embargo"},
		{"communiqué: no ceasefire, no sanctions", "econ-no-ceasefire-no-sanctions", "sanctions"},
		{"cargo flights resuming", "econ-cargo-planes", "cargo planes"},
		{"Salamé on foreign meddling", "econ-salame-meddling", "foreign meddling"},
		{"Wagner backing Haftar", "econ-wagner-hundreds", "Wagner Group"},
		{"up to 2,000 Syrian fighters", "econ-syrians-defend-tripoli", "up to 2,000"},
		{"Moscow walk-out (Economist)", "econ-moscow-walkout", "January 13th"},
		{"Moscow walk-out (NYT)", "nyt-moscow-walkout", "left without signing"},
		{"UAE Chinese-made drones", "econ-uae-chinese-drones", "Chinese-made drones"},
		{"UAE air defence", "econ-uae-air-defence", "air-defence systems"},
		{"Turkish-made drones under 200 km", "econ-turkish-drones-range", "less than 200km"},
		{"oil ports blockade", "econ-ports-cut-off", "cut off oil shipments"},
		{"oil over 90% of the budget", "econ-oil-budget", "more than 90%"},
		{"siege of Tripoli", "nyt-siege-of-capital", "laying siege"},
		{"Geneva follow-up talks", "nyt-geneva-talks", "Geneva"},
		{"Russia, UAE, Egypt back Haftar", "nyt-backers-of-hifter", "Egypt"},
		{"Turkey defends the government", "nyt-turkey-defends-government", "Turkey is defending"},
		{"France and Italy", "nyt-france-italy", "Italy"},
		{"2023 US warning over Moscow visit", "agg-us-cautions-haftar", "ties with Russia"},
		{"2023 Moscow visit", "agg-moscow-visit", "Moscow"},
		{"Haftar's warning on mercenaries", "agg-mercenaries-warning", "foreign mercenaries"},
		{"the warlord who controls most of the country", "econ-haftar-controls-most", "controls most of the country"},
	}
	for _, tc := range topics {
		e, ok := b.Excerpt(tc.id)
		if !ok {
			t.Errorf("%s: no excerpt %q", tc.topic, tc.id)
			continue
		}
		if !strings.Contains(e.Text, tc.says) {
			t.Errorf("%s: excerpt %s does not say %q: %q", tc.topic, tc.id, tc.says, e.Text)
		}
	}
}

// TestBackgroundExplained checks the rule that a record with background
// fields says what they rest on.
func TestBackgroundExplained(t *testing.T) {
	b := load(t)
	for _, z := range b.Zones {
		if strings.TrimSpace(z.Note) == "" {
			t.Errorf("zone %s: no note on the basis of its boundary", z.ID)
		}
		if !z.Approximate {
			t.Errorf("zone %s: not marked approximate", z.ID)
		}
	}
	for _, p := range b.Places {
		if !strings.Contains(p.Note, "background") {
			t.Errorf("place %s: note does not mark its coordinates as background: %q", p.ID, p.Note)
		}
		for _, s := range p.Statuses {
			if len(s.Sourced) == 0 && strings.TrimSpace(s.Note) == "" {
				t.Errorf("place %s: status %q from %v is background without a note", p.ID, s.Status, s.Valid.From)
			}
		}
	}
	for _, d := range b.Deployments {
		if strings.TrimSpace(d.Note) == "" {
			t.Errorf("deployment %s: no note", d.ID)
		}
	}
	for _, a := range b.Actors {
		if len(a.Sourced) == 0 && strings.TrimSpace(a.Note) == "" {
			t.Errorf("actor %s: nothing sourced and no note", a.ID)
		}
	}
}

func TestSpotChecks(t *testing.T) {
	b := load(t)
	coords := []struct {
		id       string
		lat, lon float64
	}{
		{"tripoli", 32.89, 13.19},
		{"benghazi", 32.12, 20.07},
	}
	for _, c := range coords {
		p := findPlace(t, b, c.id)
		if p == nil {
			continue
		}
		if km := geo.Distance(p.Point, orb.Point{c.lon, c.lat}) / 1000; km > 10 {
			t.Errorf("%s is %.1f km from %.2fN %.2fE", c.id, km, c.lat, c.lon)
		}
	}

	holders := []struct {
		place      string
		date       data.Date
		zone       string
		controller string
	}{
		{"tripoli", berlin, "z2020-gna-west", "gna"},
		{"misrata", berlin, "z2020-gna-west", "gna"},
		{"zawiya", berlin, "z2020-gna-west", "gna"},
		{"gharyan", berlin, "z2020-gna-west", "gna"},
		{"benghazi", berlin, "z2020-lna-east", "lna"},
		{"sirte", berlin, "z2020-lna-east", "lna"},
		{"es-sider", berlin, "z2020-lna-east", "lna"},
		{"hun", berlin, "z2020-lna-east", "lna"},
		{"tarhuna", berlin, "z2020-lna-tarhuna", "lna"},
		{"sabratha", berlin, "z2020-lna-west-coast", "lna"},
		{"sabha", berlin, "z2020-lna-south", "lna"},
		{"al-watiya", berlin, "z2020-lna-west-coast", "lna"},
		{"zuwara", berlin, "z2020-gna-west", "gna"},
		{"zintan", berlin, "z2020-gna-west", "gna"},
		{"ghadames", berlin, "z2020-gna-west", "gna"},
		{"bani-walid", berlin, "z2020-lna-tarhuna", "lna"},
		{"mitiga", berlin, "z2020-gna-west", "gna"},
		{"sharara", berlin, "z2020-lna-south", "lna"},
		{"sirte", data.MustDate("2019-10-01"), "z2019-gna-west", "gna"},
		{"al-qardabiya", data.MustDate("2020-01-05"), "z2019-gna-west", "gna"},
		{"es-sider", data.MustDate("2019-10-01"), "z2019-lna-east", "lna"},
		{"tarhuna", interval, "z2020jun-gna-west", "gna"},
		{"sirte", interval, "z2020jun-lna-east", "lna"},
		{"tripoli", moscow, "z2021-gnu-west", "gnu"},
		{"misrata", moscow, "z2021-gnu-west", "gnu"},
		{"bani-walid", moscow, "z2021-gnu-west", "gnu"},
		{"ghadames", moscow, "z2021-gnu-west", "gnu"},
		{"benghazi", moscow, "z2021-lna-east", "lna"},
		{"sirte", moscow, "z2021-lna-east", "lna"},
		{"al-jufra", moscow, "z2021-lna-east", "lna"},
		{"sabha", moscow, "z2021-lna-south", "lna"},
		{"kufra", moscow, "z2021-lna-south", "lna"},
		{"al-watiya", moscow, "z2021-gnu-west", "gnu"},
		{"al-qardabiya", moscow, "z2021-lna-east", "lna"},
		{"brak", moscow, "z2021-lna-south", "lna"},
	}
	for _, h := range holders {
		p := findPlace(t, b, h.place)
		if p == nil {
			continue
		}
		zones := b.ZonesAt(p.Point, h.date)
		var held []*data.Zone
		for _, z := range zones {
			if !z.Contested() {
				held = append(held, z)
			}
		}
		if len(held) != 1 || held[0].ID != h.zone || held[0].Controller != h.controller {
			var ids []string
			for _, z := range zones {
				ids = append(ids, z.ID+"("+z.Controller+")")
			}
			t.Errorf("%s on %v: zones %v, want only %s (%s)", h.place, h.date, ids, h.zone, h.controller)
		}
	}

	// The southern Tripoli front on the Berlin date: the old airport lies in
	// the contested zone, the city centre does not.
	airport := orb.Point{13.16, 32.66}
	if !containsZone(b.ZonesAt(airport, berlin), "z2020-tripoli-front") {
		t.Errorf("old Tripoli airport is not in the contested front on %v", berlin)
	}
	tripoli, _ := b.Place("tripoli")
	if containsZone(b.ZonesAt(tripoli.Point, berlin), "z2020-tripoli-front") {
		t.Errorf("central Tripoli is in the contested front on %v", berlin)
	}
	if zs := b.ZonesAt(airport, moscow); containsZone(zs, "z2020-tripoli-front") {
		t.Errorf("the 2020 front is still there on %v", moscow)
	}
}

func containsZone(zs []*data.Zone, id string) bool {
	return slices.ContainsFunc(zs, func(z *data.Zone) bool { return z.ID == id })
}

// LoadPath opens the embedded briefing without a path and a package folder
// with one, and reports a path that is no package.
func TestLoadPath(t *testing.T) {
	b, err := LoadPath("")
	if err != nil || b.ID != "libya" {
		t.Fatalf("LoadPath(\"\") = %v, %v; want the embedded Libya briefing", b, err)
	}
	b, err = LoadPath("../testdata/good")
	if err != nil || b.ID != "mini" {
		t.Fatalf("LoadPath(../testdata/good) = %v, %v; want the mini package", b, err)
	}
	if _, err := LoadPath(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("LoadPath of a missing folder: no error")
	}
}
