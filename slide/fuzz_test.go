package slide

import (
	"strings"
	"testing"

	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

// FuzzSlideText puts arbitrary text in the title, an actor's name, a
// callout's name, an excerpt and a source title: whatever it is, every line
// stays inside its box, none overlaps another, and the slide still quotes
// two excerpts.
func FuzzSlideText(f *testing.F) {
	for _, seed := range []string{
		"",
		"Libya",
		strings.Repeat("word ", 80),
		strings.Repeat("x", 300),
		"Ḩaftar — “quoted” ‘text’ … ﷽ 漢字 emoji 🚀 tab\there\nnewline",
		"   leading and trailing   ",
	} {
		f.Add(seed)
	}
	base, err := basemap.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8Valid(s) || len(s) > 2000 {
			return
		}
		b := fixture()
		b.Title = s
		b.Actors[0].Name = s
		b.Deployments[1].Name = s
		b.Excerpts[2].Text = s + " " + b.Excerpts[2].Text
		b.Sources[0].Title = s
		b.Reindex()
		spec := Spec{Briefing: b, Options: scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()}, Version: "fuzz"}
		spec.Renderer = scene.NewRenderer(b, base)
		l := laidOut(t, spec)
		assertTextFits(t, l)
		if len(l.quotes) < 2 {
			t.Errorf("%d excerpts shown", len(l.quotes))
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
