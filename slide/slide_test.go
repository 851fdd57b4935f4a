package slide

import (
	"image"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
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
	l, err := newLayout(s, false)
	if err != nil {
		t.Fatal(err)
	}
	l.compose()
	return l
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

// layoutOf lays out the slide of the fixture briefing after edit (when not
// nil) changed it, checks that its text fits (rule text-fits) and returns
// the briefing and the layout.
func layoutOf(t *testing.T, edit func(b *data.Briefing)) (*data.Briefing, *layout) {
	t.Helper()
	b := fixture()
	if edit != nil {
		edit(b)
		b.Reindex()
	}
	l := laidOut(t, fixtureSpec(t, b))
	assertTextFits(t, l)
	return b, l
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
func TestRuleUHDIsHDScaled(t *testing.T) {
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

func TestRuleTextFits(t *testing.T) {
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
func TestRuleQuotesShortened(t *testing.T) {
	_, l := layoutOf(t, func(b *data.Briefing) {
		for i := range b.Excerpts {
			b.Excerpts[i].Text = strings.Repeat("words of a quotation much too long for a slide ", 30)
		}
	})
	if len(l.quotes) != 2 {
		t.Fatalf("%d excerpts shown, want 2", len(l.quotes))
	}
	text := runTexts(l)
	if strings.Count(text, "… \n[") != 2 {
		t.Errorf("want two shortened quotes ending in \"… [n]\":\n%s", text)
	}
}

func TestRuleSourceNumbers(t *testing.T) {
	l := laidOut(t, fixtureSpec(t, fixture()))
	if len(l.quotes) == 0 || len(l.sources) < 2 {
		t.Fatalf("%d quotes, %d sources", len(l.quotes), len(l.sources))
	}
	// Read top to bottom, the side column cites [1] first, then [2], …:
	// each number is first cited after the ones before it.
	next := 1
	for _, n := range sideCitations(l) {
		if n > next {
			t.Errorf("[%d] cited before [%d]: %v", n, next, sideCitations(l))
			break
		}
		if n == next {
			next++
		}
	}
	// The fixture's first cited fact is the eastern army's leader, backed
	// by The Weekly.
	if l.sources[0] != "paper-b" {
		t.Errorf("source [1] is %q, want paper-b (cited by the first actor fact backed)", l.sources[0])
	}
	text := runTexts(l)
	if want := "[1] " + l.ix.citation(l.sources[0]) + "."; !strings.Contains(text, want) {
		t.Errorf("footer lacks the first source:\n%s", text)
	}
}

// sideCitations returns the source numbers the side column cites, in
// reading order ("[2]", "[1, 3]", "[2, January 2020]").
func sideCitations(l *layout) []int {
	var out []int
	in := false
	for _, r := range l.runs {
		switch r.Text {
		case "KEY ACTORS", "ON THE MAP", "WHAT THE SOURCES SAY":
			in = true
			continue
		case "MAP KEY":
			in = false
		}
		if !in {
			continue
		}
		for _, m := range citationRE.FindAllStringSubmatch(r.Text, -1) {
			for _, f := range strings.Split(m[1], ", ") {
				if n, err := strconv.Atoi(f); err == nil {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

var citationRE = regexp.MustCompile(`\[([0-9]+(?:, [0-9]+)*)(?:, [^\]]*)?\]`)

// A title too long for two lines is shortened before the date: the date
// always shows.
func TestRuleTitleKeepsDate(t *testing.T) {
	b, l := layoutOf(t, func(b *data.Briefing) { b.Title = strings.Repeat("A briefing title that goes on and on ", 10) })
	first, second := l.runs[0].Text, l.runs[1].Text
	if !strings.HasPrefix(b.Title, first) {
		t.Errorf("title's first line %q", first)
	}
	if !strings.HasSuffix(second, "… — as of 19 January 2020") {
		t.Errorf("title's second line %q does not end with the date", second)
	}
}
