package stressgen

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/briefmap/briefmap/data"
)

// fillers are the sentences an article puts between its excerpts.
var fillers = []string{
	"The situation remained tense for much of the week.",
	"Diplomats in the capital declined to comment on the reports.",
	"Prices of fuel and bread rose again in several towns.",
	"Power cuts lasted for up to twelve hours a day.",
	"Aid agencies said that roads to the south were often closed.",
	"Negotiations on a ceasefire made little progress.",
	"Local councils asked for more help from the central bank.",
	"Several families left their homes for safer districts.",
}

// genExcerpts writes want.Sources articles of want.Excerpts excerpts in all:
// each excerpt a sentence that names a place and the actor holding it, a
// zone's controller, or a deployment's actor, anchored at its position in
// the article's normalised text. Zones and deployments cite the excerpts
// that name their controller or actor.
func (g *gen) genExcerpts() {
	g.zoneSourced, g.depSourced = map[string][]string{}, map[string][]string{}
	span := daysBetween(firstDay, lastDay)
	n := 0
	for s := range g.want.Sources {
		date := dayAfter(firstDay, span*s/max(1, g.want.Sources-1))
		src := data.Source{
			ID: fmt.Sprintf("stress-wire-%03d", s+1), Publisher: "Stress Wire",
			Title: fmt.Sprintf("Dispatch %d from Libya", s+1), Date: date,
			File: fmt.Sprintf("stress-wire-%03d.txt", s+1),
		}
		per := g.want.Excerpts / g.want.Sources
		if s < g.want.Excerpts%g.want.Sources {
			per++
		}
		var raw strings.Builder
		runes := 0 // runes of normalised text written so far
		type quote struct {
			ex    data.Excerpt
			start int
		}
		var quotes []quote
		add := func(sentence string) int {
			if runes > 0 {
				raw.WriteString(" ")
				runes++
			}
			if raw.Len() > 0 && g.rng.IntN(4) == 0 {
				raw.WriteString("\n\n")
			}
			at := runes
			raw.WriteString(sentence)
			runes += utf8.RuneCountInString(data.NormaliseText(sentence))
			return at
		}
		for k := range per {
			n++
			add(fillers[(n+k)%len(fillers)])
			ex := g.sentence(n, src.ID, date)
			at := add(ex.Text)
			quotes = append(quotes, quote{ex: ex, start: at})
		}
		art := data.NewArticle(raw.String())
		src.SHA256 = art.Hash()
		for _, q := range quotes {
			l := utf8.RuneCountInString(data.NormaliseText(q.ex.Text))
			if art.Slice(q.start, q.start+l) != data.NormaliseText(q.ex.Text) {
				panic(fmt.Sprintf("stressgen: excerpt %s not at rune %d of its article", q.ex.ID, q.start))
			}
			a := art.AnchorAt(q.start, l)
			q.ex.Prefix, q.ex.Suffix, q.ex.Start, q.ex.End = a.Prefix, a.Suffix, a.Start, a.End
			g.exc = append(g.exc, q.ex)
		}
		g.sources = append(g.sources, src)
		g.pkg.Files["sources/"+src.File] = []byte(raw.String() + "\n")
	}
}

// sentence returns the n-th excerpt (its anchors not yet set), from an
// article of source src dated d, and records which field it backs.
func (g *gen) sentence(n int, src string, d data.Date) data.Excerpt {
	id := fmt.Sprintf("x-%04d", n)
	ex := data.Excerpt{ID: id, Source: src}
	pl := g.points[g.rng.IntN(len(g.points))]
	month := d.Time().Format("January 2006")
	switch n % 3 {
	case 0, 1:
		zi := g.controlledAt(pl.p, d)
		if zi < 0 {
			// A place of Libya's own on the coast, outside the pieces:
			// name it only.
			ex.Text = fmt.Sprintf("Residents of %s reported shortages in %s.", pl.name, month)
			ex.About = []string{pl.id}
			return ex
		}
		actor, _ := g.b.Actor(g.pieces[zi].from.Controller)
		if n%3 == 0 {
			ex.Text = fmt.Sprintf("Residents of %s said that the %s held the town in %s.", pl.name, actor.Name, month)
			ex.About = []string{pl.id, actor.ID}
			return ex
		}
		zone := g.zoneIDs[zi]
		ex.Text = fmt.Sprintf("Forces loyal to the %s controlled the country around %s, local officials said in %s.", actor.Name, pl.name, month)
		ex.About = []string{zone, actor.ID, pl.id}
		g.zoneSourced[zone] = append(g.zoneSourced[zone], id)
		return ex
	}
	dep := g.deps[g.rng.IntN(len(g.deps))]
	actor, _ := g.b.Actor(dep.Actor)
	ex.Text = fmt.Sprintf("%s sent %s to the area in %s, a report said.", actor.Name, dep.What, month)
	ex.About = []string{dep.ID, actor.ID}
	g.depSourced[dep.ID] = append(g.depSourced[dep.ID], id)
	return ex
}
