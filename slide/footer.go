package slide

import (
	"math"
	"strconv"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

// titleLines returns the title on at most two lines of width w. A title too
// long for them is shortened before " — as of <date>" (on the compare
// slide, before " — what changed, <date> to <date>"), so the dates always
// show.
func (l *layout) titleLines(st textStyle, w float64) []string {
	b := l.s.Briefing
	titleOf := func(b *data.Briefing) string {
		if l.opts.CompareOn() {
			return compareTitle(b, l.opts.Since, l.opts.Date)
		}
		return title(b, l.opts.Date)
	}
	ls, cut := l.pen.block(titleOf(b), st, w, 2)
	if !cut {
		return ls
	}
	suffix := strings.TrimPrefix(titleOf(&data.Briefing{Title: "x"}), "x")
	for room := 2 * w; room > 0; room -= w / 20 {
		t := l.pen.ellipsize(b.Title, st, room-l.pen.measure(suffix, st)) + suffix
		if ls, cut = l.pen.block(t, st, w, 2); !cut {
			return ls
		}
	}
	return ls
}

// sourceLines returns the footer's numbered list of sources ids on at most
// sourceLines lines of width w. Every source is listed: when the list is too
// long, the titles are shortened (with "…"), never the list.
func (l *layout) sourceLines(ids []string, st textStyle, w float64) []string {
	if len(ids) == 0 {
		ls, _ := l.pen.block("Sources: none cited; every fact on this slide is background knowledge (†).", st, w, sourceLines)
		return ls
	}
	var ls []string
	for titleW := w; titleW > 0; titleW -= w / 20 {
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = "[" + strconv.Itoa(i+1) + "] " + l.citation(id, st, titleW) + "."
		}
		var cut bool
		if ls, cut = l.pen.block("Sources: "+strings.Join(parts, "  "), st, w, sourceLines); !cut {
			return ls
		}
	}
	return ls
}

// citation returns source id's footer entry with its title shortened to
// titleW.
func (l *layout) citation(id string, st textStyle, titleW float64) string {
	s := l.ix.source(id)
	if s == nil || l.pen.measure(s.Title, st) <= titleW {
		return l.ix.citation(id)
	}
	c := s.Citation()
	c.Title = l.pen.ellipsize(s.Title, st, titleW)
	return c.String()
}

// footerLines returns the footer's lines: the numbered sources, then the
// notes (the briefing's data notes, what "†" means when dagger is set, the
// basemap attribution), which leave room on their last line for the
// version.
func (l *layout) footerLines(sources []string, dagger bool, st textStyle, w float64) (src, notes []string) {
	src = l.sourceLines(sources, st, w)
	n := l.s.Briefing.Notes
	if n == "" {
		n = "Boundaries approximate; background facts are marked."
	}
	if dagger {
		n += " † Background knowledge, not backed by a source excerpt."
	}
	n += " Basemap: " + basemap.Attribution + "."
	notes, _ = l.pen.block(n, st, w-l.versionWidth(st)-l.u(32), noteLines)
	return src, notes
}

func (l *layout) version() string {
	if l.s.Version == "" {
		return "Briefmap"
	}
	return "Briefmap " + l.s.Version
}

func (l *layout) versionWidth(st textStyle) float64 {
	st.Weight = bold
	return l.pen.measure(l.version(), st)
}

func (l *layout) footer(r rect, st textStyle) {
	t := math.Max(1, math.Round(l.u(1)))
	l.pen.fillRect(rect{r.X0, r.Y0, r.X1, r.Y0 + t}, scene.HairlineColour)
	src, notes := l.footerLines(l.sources, l.hasDagger(), st, r.W())
	y := l.lines(r.X0, r.Y0+l.u(12), src, st, r)
	y = l.lines(r.X0, y, notes, st, r)
	vst := st
	vst.Weight = bold
	l.text(r.X1-l.versionWidth(st), y-l.pen.lineHeight(st), l.version(), vst, r)
}

func (l *layout) hasDagger() bool {
	for _, r := range l.runs {
		if strings.Contains(r.Text, "†") {
			return true
		}
	}
	return false
}
