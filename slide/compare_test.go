package slide

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// compareSpec returns the spec of the embedded Libya briefing's compare
// slide between from and to.
func compareSpec(t testing.TB, from, to string) Spec {
	t.Helper()
	s := libyaSpec(t, to, data.Ref{})
	s.Options.Since = data.MustDate(from)
	return s
}

// TestGoldenCompareSlide: what changed between the Berlin conference and
// September 2023. Look at it after -update.
func TestGoldenCompareSlide(t *testing.T) {
	l := laidOut(t, compareSpec(t, "2020-01-19", "2023-09-30"))
	assertTextFits(t, l)
	if !strings.Contains(runTexts(l), "what changed, 19 January 2020 to 30") {
		t.Errorf("the title lacks both dates:\n%s", runTexts(l))
	}
	compareGolden(t, filepath.Join("testdata", "libya-changes-2020-01-19-2023-09-30.png"), l.dst)
}

func TestCompareSlideFitsAtBothSizesAndEveryPairOfSnapshots(t *testing.T) {
	b := libyaSpec(t, "", data.Ref{}).Briefing
	for i, a := range b.Snapshots {
		for _, c := range b.Snapshots[i+1:] {
			s := compareSpec(t, a.Date.String(), c.Date.String())
			l := laidOut(t, s)
			assertTextFits(t, l)
			if len(l.changeLines) == 0 {
				t.Errorf("%s to %s: no change shown", a.Date, c.Date)
			}
		}
	}
	s := compareSpec(t, "2020-01-19", "2023-09-30")
	s.Size = UHD
	assertTextFits(t, laidOut(t, s))
}

func TestRuleChangesOrder(t *testing.T) {
	l := laidOut(t, compareSpec(t, "2020-01-19", "2023-09-30"))
	var kinds []data.Kind
	lastArea := -1.0
	for _, c := range l.changeLines {
		kinds = append(kinds, c.Item.Kind)
		if c.Item.Kind == data.KindEvent {
			t.Errorf("event %q listed: events are counted, not listed", c.Item.Title)
		}
		if c.Item.Kind == data.KindZone && c.Item.Major && c.Item.AreaKM2 >= 1000 {
			if lastArea >= 0 && c.Item.AreaKM2 > lastArea {
				t.Errorf("%q (%g km²) after a smaller change (%g km²)", c.Item.Title, c.Item.AreaKM2, lastArea)
			}
			lastArea = c.Item.AreaKM2
		}
	}
	if len(kinds) < 3 || kinds[0] != data.KindZone {
		t.Fatalf("changes %v: want the largest change of hands first", kinds)
	}
	if first := l.changeLines[0].Item.Title; !strings.HasPrefix(first, "Tarhuna") {
		t.Errorf("first change %q, want Tarhuna's (the largest with places)", first)
	}
	if i, j := slices.Index(kinds, data.KindPlace), slices.Index(kinds, data.KindDeployment); i < 0 || j < 0 || i > j {
		t.Errorf("changes %v: want the places' changes, then the forces'", kinds)
	}
	texts := runTexts(l)
	if !strings.Contains(texts, "Es Sider, Ras Lanuf, Brega, Zueitina and") {
		t.Errorf("the terminals that reopened are not one line:\n%s", texts)
	}
	if !strings.Contains(texts, "13 events between the dates") {
		t.Errorf("the events are not counted:\n%s", texts)
	}
}

func TestRuleChangesCited(t *testing.T) {
	l := laidOut(t, compareSpec(t, "2020-01-19", "2023-09-30"))
	for _, c := range l.changeLines {
		backed := len(c.Item.BeforeBy)+len(c.Item.AfterBy) > 0
		if backed != (len(c.Cites) > 0) {
			t.Errorf("%q: cites %v, backed %v", c.Item.Title, c.Cites, backed)
		}
		for _, n := range c.Cites {
			if n < 1 || n > len(l.sources) {
				t.Errorf("%q cites [%d]; the footer lists %d sources", c.Item.Title, n, len(l.sources))
			}
		}
	}
	texts := runTexts(l)
	if !strings.Contains(texts, "airbase [1]") || !strings.Contains(texts, "(17,578 km²) †") {
		t.Errorf("want a cited force and a background area:\n%s", texts)
	}
	if !strings.Contains(texts, "† Background knowledge") {
		t.Error("the footer does not say what † means")
	}
}

func TestRuleChangesFit(t *testing.T) {
	s := compareSpec(t, "2019-07-01", "2023-09-30")
	l := laidOut(t, s)
	assertTextFits(t, l)
	d, err := s.Briefing.Diff(s.Options.Since, s.Options.Date)
	if err != nil {
		t.Fatal(err)
	}
	items := groupPlaces(s.Briefing, slices.DeleteFunc(s.Briefing.DiffItems(d), func(it data.DiffItem) bool { return it.Kind == data.KindEvent }))
	if left := len(items) - len(l.changeLines); left > 0 && !strings.Contains(runTexts(l), "Not shown: ") {
		t.Errorf("%d changes left out without a word", left)
	}
}

func TestCompareSlideRefusesBadDates(t *testing.T) {
	for _, c := range [][2]string{{"2023-09-30", "2020-01-19"}, {"2020-01-19", "2020-01-19"}, {"2010-01-01", "2020-01-19"}} {
		s := compareSpec(t, c[0], c[1])
		if _, err := Compose(s); err == nil || !strings.HasPrefix(err.Error(), "slide: compare: ") {
			t.Errorf("%v: err %v, want a compare error", c, err)
		}
	}
}

func TestCompareSlideSameBytes(t *testing.T) {
	var out [2]bytes.Buffer
	for i := range out {
		img, err := Compose(compareSpec(t, "2020-01-19", "2023-09-30"))
		if err != nil {
			t.Fatal(err)
		}
		if err := Encode(&out[i], img); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two compositions of the same spec differ")
	}
}

func TestRuleChangesChip(t *testing.T) {
	s := compareSpec(t, "2020-01-19", "2023-09-30")
	l := laidOut(t, s)
	d, err := s.Renderer.Diff(s.Options.Since, s.Options.Date)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range l.changeLines {
		it := s.Renderer.ChangeSwatch(d, c.Item, 1)
		var want geo.LegendKind
		var sym geo.Symbol
		switch {
		case c.Item.Kind == data.KindZone && c.Item.Major:
			want = geo.LegendHatch
		case c.Item.Kind == data.KindZone:
			want = geo.LegendSwatch
		case c.Item.Kind == data.KindPlace:
			want, sym = geo.LegendSymbol, geo.SymbolCircle
		case c.Item.Kind == data.KindDeployment:
			want, sym = geo.LegendSymbol, geo.SymbolMinus
			if strings.Contains(c.Item.Title, "arrived") {
				sym = geo.SymbolPlus
			}
		}
		if it.Kind != want || (want == geo.LegendSymbol && it.Marker.Symbol != sym) {
			t.Errorf("%q: chip %v/%v, want %v/%v", c.Item.Title, it.Kind, it.Marker.Symbol, want, sym)
		}
	}
}
