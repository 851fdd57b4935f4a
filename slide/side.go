package slide

import (
	"math"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// sideStyles are the text styles of the side column.
type sideStyles struct {
	header, name, detail, key, quote, cite textStyle
}

func (l *layout) sideStyles() sideStyles {
	return sideStyles{
		header: l.style(bold, 18, scene.InkColour),
		name:   l.style(bold, 23, scene.InkColour),
		detail: l.style(regular, 19, scene.MutedInkColour),
		key:    l.style(regular, 20, scene.InkColour),
		quote:  l.style(regular, 21, scene.InkColour),
		cite:   l.style(regular, 21, scene.AccentColour), // same face as the quote, so wrapping measures it right
	}
}

// Line limits of the side column's entries.
const (
	nameLines     = 2
	detailLines   = 2
	keyLines      = 3
	quoteMaxLines = 8 // an excerpt longer than this is skipped, not cut
)

// sideBlock is one measured entry of the side column.
type sideBlock struct {
	h    float64
	draw func(y float64)
}

// side fits the key actors, the callout key and the excerpts into r and
// draws them; it records what it showed in l.actors, l.callouts, l.quotes
// and l.sources. Sources are numbered in the order the column cites them,
// top to bottom (rule source-numbers), and only those cited are listed
// (rule sources-cited): the blocks are measured with the numbers of all
// the content, then laid out again with those of what was kept.
func (l *layout) side(r rect, c *content) {
	st := l.sideStyles()
	hdrH := l.u(12) + l.pen.lineHeight(st.header) + l.u(8)
	sectionGap := l.u(18)

	pre := l.numbering(c.actors, c.callouts, c.excerpts)
	actorBlocks := func(n int, num *sourceNumbers) []sideBlock {
		var bs []sideBlock
		for _, a := range topActors(c.actors, n) {
			bs = append(bs, l.actorBlock(r, a, num, st))
		}
		return bs
	}
	calloutBlocks := func(n int, num *sourceNumbers) []sideBlock {
		bs := make([]sideBlock, n)
		for i, cl := range c.callouts[:n] {
			bs[i] = l.calloutBlock(r, i+1, cl, num, st)
		}
		return bs
	}
	allCallouts := calloutBlocks(len(c.callouts), pre)
	// Measured once: every actor's block, and every excerpt's height and
	// lines, whole.
	allActors := actorBlocks(len(c.actors), pre)
	preActors := func(n int) []sideBlock {
		var bs []sideBlock
		for i, a := range c.actors {
			if a.Rank < n {
				bs = append(bs, allActors[i])
			}
		}
		return bs
	}
	quoteHeights := make([]float64, len(c.excerpts))
	quoteLines := make([]int, len(c.excerpts))
	for i, e := range c.excerpts {
		b := l.quoteBlock(r, e, l.ix.cite(e, pre.number(e.Source), l.opts.Date), st, 0)
		quoteHeights[i] = b.h
		quoteLines[i] = int(math.Round((b.h - l.u(14)) / l.pen.lineHeight(st.quote)))
	}

	minA := min(len(c.actors), 2)
	minC := min(len(c.callouts), 4)
	wantQ := min(len(c.excerpts), minExcerpts)
	sum := func(bs []sideBlock) float64 {
		h := 0.0
		for _, b := range bs {
			h += b.h
		}
		return h
	}
	sectionH := func(bs []sideBlock) float64 {
		if len(bs) == 0 {
			return 0
		}
		return hdrH + sum(bs) + sectionGap
	}
	// Prefer callouts over actors: drop actors first, then callouts, until
	// at least two whole excerpts fit.
	na, nc := len(c.actors), len(c.callouts)
	var quotes []int
	fitted := false
	for nc2 := len(c.callouts); nc2 >= minC && !fitted; nc2-- {
		for na2 := len(c.actors); na2 >= minA; na2-- {
			room := r.H() - sectionH(preActors(na2)) - sectionH(allCallouts[:nc2])
			q := fitQuotes(quoteHeights, quoteLines, room-hdrH, quoteMaxLines)
			if len(q) >= wantQ && room >= 0 {
				na, nc, quotes, fitted = na2, nc2, q, true
				break
			}
		}
	}
	maxLines := quoteMaxLines
	if !fitted {
		// Not even two whole excerpts fit: keep the fewest actors and
		// callouts and shorten the first excerpts to the room left.
		na, nc = minA, minC
		room := r.H() - sectionH(preActors(na)) - sectionH(allCallouts[:nc]) - hdrH
		quotes = nil
		for i := 0; i < len(c.excerpts) && i < wantQ; i++ {
			quotes = append(quotes, i)
		}
		if len(quotes) > 0 {
			per := room / float64(len(quotes))
			maxLines = int(math.Floor((per - l.u(14)) / l.pen.lineHeight(st.quote)))
			if maxLines < 1 {
				quotes, maxLines = quotes[:1], max(1, int(math.Floor((room-l.u(14))/l.pen.lineHeight(st.quote))))
			}
		}
	}

	// Number what is kept, and lay it out again with those numbers; should
	// a line more no longer leave room, the last quote goes.
	var aBlocks, cBlocks, qBlocks []sideBlock
	for {
		l.actors = topActors(c.actors, na)
		l.callouts = c.callouts[:nc]
		l.quotes = l.quotes[:0]
		for _, qi := range quotes {
			l.quotes = append(l.quotes, c.excerpts[qi])
		}
		fin := l.numbering(l.actors, l.callouts, l.quotes)
		l.sources = fin.order
		aBlocks, cBlocks = actorBlocks(na, fin), calloutBlocks(nc, fin)
		qBlocks = qBlocks[:0]
		for _, e := range l.quotes {
			qBlocks = append(qBlocks, l.quoteBlock(r, e, l.ix.cite(e, fin.number(e.Source), l.opts.Date), st, maxLines))
		}
		if len(quotes) <= 1 || sectionH(aBlocks)+sectionH(cBlocks)+sectionH(qBlocks)-sectionGap <= r.H() {
			break
		}
		quotes = quotes[:len(quotes)-1]
	}

	y := r.Y0
	section := func(name string, bs []sideBlock) {
		if len(bs) == 0 {
			return
		}
		y = l.sectionHeader(r, y, name, st)
		for _, b := range bs {
			b.draw(y)
			y += b.h
		}
		y += sectionGap
	}
	section("KEY ACTORS", aBlocks)
	section("ON THE MAP", cBlocks)
	section("WHAT THE SOURCES SAY", qBlocks)
}

// numbering numbers the sources cited by actors, callouts and quotes, in
// that order (the column's, top to bottom).
func (l *layout) numbering(actors []actorLine, callouts []callout, quotes []*data.Excerpt) *sourceNumbers {
	sn := &sourceNumbers{}
	for _, a := range actors {
		sn.cite(a.Parts)
	}
	for _, cl := range callouts {
		sn.cite(cl.Parts)
	}
	for _, e := range quotes {
		sn.number(e.Source)
	}
	return sn
}

// sectionHeader draws a hairline and a section name at y and returns the y
// below it.
func (l *layout) sectionHeader(r rect, y float64, name string, st sideStyles) float64 {
	t := math.Max(1, math.Round(l.u(1.5)))
	l.pen.fillRect(rect{r.X0, y, r.X1, y + t}, scene.InkColour)
	l.text(r.X0, y+l.u(12), l.pen.ellipsize(name, st.header, r.W()), st.header, r)
	return y + l.u(12) + l.pen.lineHeight(st.header) + l.u(8)
}

// actorBlock lays out an actor: a chip of its side's colour (as on the
// map), its name, and a line on its side, leader and backers.
func (l *layout) actorBlock(r rect, a actorLine, num *sourceNumbers, st sideStyles) sideBlock {
	chip := l.u(14)
	indent := chip + l.u(10)
	text := rect{r.X0 + indent, r.Y0, r.X1, r.Y1}
	name, _ := l.pen.block(a.Name, st.name, text.W(), nameLines)
	detail, _ := l.pen.block(withCitations(a.Parts, num.number), st.detail, text.W(), detailLines)
	h := float64(len(name))*l.pen.lineHeight(st.name) + float64(len(detail))*l.pen.lineHeight(st.detail) + l.u(12)
	colour := scene.ActorColour(l.s.Briefing, a.ID)
	return sideBlock{h: h, draw: func(y float64) {
		top := y + (l.pen.lineHeight(st.name)-chip)/2
		l.pen.fillRect(rect{r.X0, top, r.X0 + chip, top + chip}, colour)
		y = l.lines(text.X0, y, name, st.name, text)
		l.lines(text.X0, y, detail, st.detail, text)
	}}
}

func (l *layout) calloutBlock(r rect, n int, cl callout, num *sourceNumbers, st sideStyles) sideBlock {
	d := l.u(30) // the number disc's diameter: the map's callout style, larger
	disc := scene.CalloutStyle(l.scale)
	disc.Size = d
	indent := d + l.u(12)
	label := withCitations(cl.Parts, num.number)
	text := rect{r.X0 + indent, r.Y0, r.X1, r.Y1}
	ls, _ := l.pen.block(label, st.key, text.W(), keyLines)
	lh := l.pen.lineHeight(st.key)
	h := math.Max(d, float64(len(ls))*lh) + l.u(8)
	return sideBlock{h: h, draw: func(y float64) {
		l.pen.symbol(r.X0+d/2, y+d/2, disc, n)
		top := y + (d-lh)/2 + (lh-st.key.Size*1.1)/2
		l.lines(text.X0, math.Max(y, top), ls, st.key, text)
	}}
}

// fitQuotes returns the indexes of the excerpts, in rank order, that fit
// whole (at most maxLines lines each) in room, skipping those that do not;
// at most maxExcerpts. heights and lines are the excerpts' measures.
func fitQuotes(heights []float64, lines []int, room float64, maxLines int) []int {
	var out []int
	for i, h := range heights {
		if len(out) == maxExcerpts {
			break
		}
		if lines[i] <= maxLines && h <= room {
			out = append(out, i)
			room -= h
		}
	}
	return out
}

// quoteBlock lays out “excerpt” followed by its citation cite ("[2]");
// maxLines 0 means no limit.
func (l *layout) quoteBlock(r rect, e *data.Excerpt, cite string, st sideStyles, maxLines int) sideBlock {
	body := "“" + e.Text + "”"
	ls, cut := l.pen.block(body, st.quote, r.W(), maxLines)
	last := len(ls) - 1
	switch {
	case cut:
		// Keep the citation visible: shorten the quote, not the number.
		lastW := r.W() - l.pen.measure(" "+cite, st.quote)
		rest := strings.TrimSuffix(ls[last], "…")
		ls[last] = l.pen.ellipsize(rest+"…", st.quote, lastW) + " " + cite
	case l.pen.measure(ls[last]+" "+cite, st.quote) <= r.W():
		ls[last] += " " + cite
	default:
		// The number goes to a new line with the quote's last word, never
		// alone.
		if i := strings.LastIndexByte(ls[last], ' '); i > 0 {
			word := ls[last][i+1:]
			ls[last] = ls[last][:i]
			ls = append(ls, word+" "+cite)
		} else {
			ls = append(ls, cite)
		}
	}
	lh := l.pen.lineHeight(st.quote)
	h := float64(len(ls))*lh + l.u(14)
	return sideBlock{h: h, draw: func(y float64) {
		for i, s := range ls {
			top := y + float64(i)*lh
			if i == len(ls)-1 && len(s) >= len(cite) && s[len(s)-len(cite):] == cite {
				head := s[:len(s)-len(cite)]
				l.text(r.X0, top, head, st.quote, r)
				x := r.X0 + l.pen.measure(head, st.quote)
				l.text(x, top, cite, st.cite, r)
				continue
			}
			l.text(r.X0, top, s, st.quote, r)
		}
	}}
}
