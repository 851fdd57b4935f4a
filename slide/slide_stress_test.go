package slide

import (
	"fmt"
	"sync"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/internal/cputime"
	"github.com/briefmap/briefmap/tools/stress/stressgen"
)

// namedBriefing is a loaded briefing and the name its subtests take.
type namedBriefing struct {
	name string
	b    *data.Briefing
}

// packagesFixture is the Libya package and the stress package
// (tools/stress at scale 20, seed 1), loaded (the stress one generated)
// once per test binary: slides do not change the briefing.
var packagesFixture = sync.OnceValues(func() ([]namedBriefing, error) {
	lb, err := libya.Load()
	if err != nil {
		return nil, err
	}
	sb, err := stressgen.Load(stressgen.Options{Seed: 1, Scale: 20})
	if err != nil {
		return nil, err
	}
	return []namedBriefing{{"libya", lb}, {"stress", sb}}, nil
})

// bothPackages returns the Libya and the stress briefings, by name.
func bothPackages(tb testing.TB) []namedBriefing {
	tb.Helper()
	pkgs, err := packagesFixture()
	if err != nil {
		tb.Fatal(err)
	}
	return pkgs
}

// mapTexts returns the texts drawn on the map of vector slide v (the ops
// clipped to the map's frame, the largest clip but the page: the map's
// own labels, and the slide's callout numbers over it), their ink boxes
// (advance × ascent + descent at the baseline), and the map frame.
func mapTexts(v *geo.Vector) (texts []string, boxes []geo.Box, frame geo.Box) {
	clips := v.Clips()
	best := -1
	for i, c := range clips[1:] {
		if best < 0 || c.W()*c.H() > clips[best].W()*clips[best].H() {
			best = i + 1
		}
	}
	frame = clips[best]
	for _, op := range v.Ops() {
		if op.Kind != geo.OpText || clips[op.Clip] != frame || op.Text == "" {
			continue
		}
		w, asc, desc := v.MeasureText(op.Text, op.Style)
		texts = append(texts, op.Text)
		boxes = append(boxes, geo.Box{X0: op.X, Y0: op.Y - asc, X1: op.X + w, Y1: op.Y + desc})
	}
	return texts, boxes, frame
}

// TestSlideLabelsDoNotOverlap exports the HD slide of each package (as the
// vector display list, whose text sits where the PNG draws it) and checks
// every pair of texts the map draws, by brute force: no two ink boxes
// overlap, and none is cut by the map's frame. The stress package has
// forty times Libya's places: most are left unlabelled, none is drawn over
// another.
func TestSlideLabelsDoNotOverlap(t *testing.T) {
	for _, pkg := range bothPackages(t) {
		t.Run(pkg.name, func(t *testing.T) {
			v, _, err := ComposeVector(fixtureSpec(t, pkg.b))
			if err != nil {
				t.Fatal(err)
			}
			texts, boxes, frame := mapTexts(v)
			if len(texts) < 10 {
				t.Fatalf("the map draws %d texts: the test did not find its labels", len(texts))
			}
			for _, p := range textProblems(texts, boxes, frame) {
				t.Error(p)
			}
			names := map[string]bool{}
			for _, p := range pkg.b.Places {
				names[p.Name] = true
			}
			labelled := 0
			for _, s := range texts {
				if names[s] {
					labelled++
				}
			}
			t.Logf("%s: %d texts on the map; %d of the %d places labelled", pkg.name, len(texts), labelled, len(pkg.b.Places))
		})
	}
}

// textProblems compares every pair of boxes: it returns a line for each
// pair that overlaps and for each box not inside frame.
func textProblems(texts []string, boxes []geo.Box, frame geo.Box) []string {
	var out []string
	for i, a := range boxes {
		if a.X0 < frame.X0 || a.Y0 < frame.Y0 || a.X1 > frame.X1 || a.Y1 > frame.Y1 {
			out = append(out, fmt.Sprintf("%q %v is cut by the map's frame %v", texts[i], a, frame))
		}
		for j := i + 1; j < len(boxes); j++ {
			if b := boxes[j]; a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1 {
				out = append(out, fmt.Sprintf("%q %v overlaps %q %v", texts[i], a, texts[j], b))
			}
		}
	}
	return out
}

// TestTextProblems: the check above finds an overlap and a cut label, and
// lets boxes that only touch pass.
func TestTextProblems(t *testing.T) {
	frame := geo.Box{X1: 100, Y1: 100}
	cases := []struct {
		name  string
		boxes []geo.Box
		want  int
	}{
		{"apart", []geo.Box{{X0: 10, Y0: 10, X1: 30, Y1: 20}, {X0: 40, Y0: 10, X1: 60, Y1: 20}}, 0},
		{"touching", []geo.Box{{X0: 10, Y0: 10, X1: 30, Y1: 20}, {X0: 30, Y0: 10, X1: 60, Y1: 20}}, 0},
		{"overlapping", []geo.Box{{X0: 10, Y0: 10, X1: 30, Y1: 20}, {X0: 29, Y0: 19, X1: 60, Y1: 30}}, 1},
		{"cut by the frame", []geo.Box{{X0: 90, Y0: 10, X1: 110, Y1: 20}}, 1},
	}
	for _, c := range cases {
		texts := make([]string, len(c.boxes))
		if got := textProblems(texts, c.boxes, frame); len(got) != c.want {
			t.Errorf("%s: %q, want %d problems", c.name, got, c.want)
		}
	}
}

// BenchmarkComposeSizes composes the default HD slide (no PNG encoding) of
// each package, with CPU time per op beside the wall time.
func BenchmarkComposeSizes(b *testing.B) {
	for _, pkg := range bothPackages(b) {
		b.Run(fmt.Sprintf("%s-hd", pkg.name), func(b *testing.B) {
			s := fixtureSpec(b, pkg.b)
			b.ReportAllocs()
			defer cputime.Report(b, cputime.Used())
			for b.Loop() {
				if _, err := Compose(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
