package slide

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// The "what changed between A and B" slide: its rules ([changes-order],
// [changes-cited], [changes-fit], [changes-chip]) are in the package doc.

// compareTitle returns "Libya: who holds what — what changed, 19 January
// 2020 to 30 September 2023".
func compareTitle(b *data.Briefing, from, to data.Date) string {
	t := b.Title
	if t == "" {
		t = "Briefing"
	}
	return fmt.Sprintf("%s — what changed, %s to %s", t, from.Long(), to.Long())
}

// CompareFileName returns the compare slide's default file name:
// "libya-changes-2020-01-19-2023-09-30.png".
func CompareFileName(b *data.Briefing, from, to data.Date) string {
	id := b.ID
	if id == "" {
		id = "slide"
	}
	return id + "-changes-" + from.String() + "-" + to.String() + ".png"
}

// composeCompare lays out the compare slide (see the rules above).
func (l *layout) composeCompare() {
	d, err := l.s.Renderer.Diff(l.opts.Since, l.opts.Date)
	if err != nil {
		// Compose checked the dates; a diff that fails here has nothing to show.
		d = &data.Diff{From: l.opts.Since, To: l.opts.Date}
	}
	items := l.s.Briefing.DiffItems(*d)
	bodyTop := l.header(fmt.Sprintf("Areas that changed side are hatched in the colour of the side that lost them; the map shows %s.", l.opts.Date.Long()))
	footSt, footerTop := l.footerSpace()
	mapCol, keyCol, side := l.columns(bodyTop, footerTop-l.u(18))
	_, entries := l.placeMap(mapCol, keyCol)
	l.changes(side, d, items)
	l.mapKeyFooter(keyCol, entries, rect{l.u(margin), footerTop, l.W - l.u(margin), l.H - l.u(20)}, footSt)
}

// changeLine is one entry of the changes column, for tests.
type changeLine struct {
	Item  data.DiffItem
	Cites []int // source numbers; none: background ("†")
}

// changes fills the side column with the changes (see the rules), and
// numbers the sources they cite in l.sources.
func (l *layout) changes(r rect, d *data.Diff, items []data.DiffItem) {
	st := l.sideStyles()
	numbers := &sourceNumbers{}
	var events int
	var shown []data.DiffItem
	for _, it := range items {
		if it.Kind == data.KindEvent {
			events++
			continue
		}
		shown = append(shown, it)
	}
	shown = groupPlaces(l.s.Briefing, shown)
	y := l.sectionHeader(r, r.Y0, "WHAT CHANGED", st)
	tail := func(left int) string {
		var parts []string
		if left > 0 {
			parts = append(parts, plural(left, "more change", "more changes"))
		}
		if events > 0 {
			parts = append(parts, plural(events, "event", "events")+" between the dates")
		}
		if len(parts) == 0 {
			return ""
		}
		return "Not shown: " + strings.Join(parts, " and ") + "."
	}
	tailH := func(left int) float64 {
		if s := tail(left); s != "" {
			ls, _ := l.pen.block(s, st.detail, r.W(), 2)
			return float64(len(ls))*l.pen.lineHeight(st.detail) + l.u(6)
		}
		return 0
	}
	if len(shown) == 0 {
		l.text(r.X0, y, l.pen.ellipsize("Nothing on the map changed between these dates.", st.key, r.W()), st.key, r)
		y += l.pen.lineHeight(st.key) + l.u(8)
	}
	for i, it := range shown {
		cites := citesOf(numbers, it)
		b := l.changeBlock(r, d, it, cites, st)
		if y+b.h+tailH(len(shown)-i-1) > r.Y1 {
			l.lines(r.X0, y, l.blockLines(tail(len(shown)-i), st.detail, r.W()), st.detail, r)
			break
		}
		b.draw(y)
		y += b.h
		l.changeLines = append(l.changeLines, changeLine{Item: it, Cites: cites})
	}
	if s := tail(0); s != "" && len(l.changeLines) == len(shown) {
		l.lines(r.X0, y, l.blockLines(s, st.detail, r.W()), st.detail, r)
	}
	l.sources = numbers.order
}

// groupPlaces merges the items of places that changed the same way
// ("Es Sider: from blockaded to operating", "Brega: from blockaded to
// operating") into one ("Es Sider and Brega: from blockaded to
// operating"), at the first one's rank; the excerpts of all back it, and
// the dates of each (its before and after) are dropped.
func groupPlaces(b *data.Briefing, items []data.DiffItem) []data.DiffItem {
	var out []data.DiffItem
	names := map[int][]string{} // index in out → the places' names
	first := map[string]int{}   // the change ("from blockaded to operating") → index in out
	for _, it := range items {
		name, change, ok := strings.Cut(it.Title, ": ")
		if it.Kind != data.KindPlace || !ok {
			out = append(out, it)
			continue
		}
		if i, seen := first[change]; seen {
			names[i] = append(names[i], name)
			g := &out[i]
			g.BeforeBy = append(g.BeforeBy, it.BeforeBy...)
			g.AfterBy = append(g.AfterBy, it.AfterBy...)
			g.Before, g.After = "", ""
			g.Title = data.AndList(names[i]) + ": " + change
			continue
		}
		first[change] = len(out)
		names[len(out)] = []string{name}
		out = append(out, it)
	}
	return out
}

// plural returns "1 event" or "2 events".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// blockLines wraps s to at most two lines of width w.
func (l *layout) blockLines(s string, st textStyle, w float64) []string {
	ls, _ := l.pen.block(s, st, w, 2)
	return ls
}

// citesOf returns the numbers of the sources of the excerpts that back
// either side of it, in the order they are first cited.
func citesOf(numbers *sourceNumbers, it data.DiffItem) []int {
	var out []int
	for _, e := range append(slices.Clone(it.BeforeBy), it.AfterBy...) {
		if n := numbers.number(e.Source); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// changeBlock lays out one change: its map mark, its title (bold, two
// lines at most) ending in the citations or "†", and for a place "was …;
// now …".
func (l *layout) changeBlock(r rect, d *data.Diff, it data.DiffItem, cites []int, st sideStyles) sideBlock {
	chip := l.u(22)
	indent := chip + l.u(12)
	text := rect{r.X0 + indent, r.Y0, r.X1, r.Y1}
	title := it.Title
	if it.AreaKM2 > 0 {
		title += " (" + data.AreaText(it.AreaKM2) + ")"
	}
	mark := " †"
	if len(cites) > 0 {
		var ns []string
		for _, n := range cites {
			ns = append(ns, "["+strconv.Itoa(n)+"]")
		}
		mark = " " + strings.Join(ns, "")
	}
	keyBold := st.key
	keyBold.Weight = bold
	// The mark ends the title's last line, never a line of its own.
	name, _ := l.pen.block(title, keyBold, text.W()-l.pen.measure(mark, keyBold), nameLines)
	name[len(name)-1] += mark
	// A status tells its dates; an area's or a force's title says it all.
	var detail []string
	if it.Kind == data.KindPlace && it.Before != "" && it.After != "" {
		detail, _ = l.pen.block("was "+it.Before+"; now "+it.After, st.detail, text.W(), detailLines)
	}
	h := float64(len(name))*l.pen.lineHeight(st.key) + float64(len(detail))*l.pen.lineHeight(st.detail) + l.u(10)
	h = math.Max(h, chip+l.u(8))
	return sideBlock{h: h, draw: func(y float64) {
		item := l.s.Renderer.ChangeSwatch(d, it, l.scale)
		geo.DrawLegendSwatch(l.pen.c, item, geo.Box{X0: r.X0, Y0: y + l.u(2), X1: r.X0 + chip, Y1: y + l.u(2) + chip})
		y = l.lines(text.X0, y, name, keyBold, text)
		l.lines(text.X0, y, detail, st.detail, text)
	}}
}
