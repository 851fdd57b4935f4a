package slide

import (
	"slices"
	"strconv"
	"strings"

	"github.com/briefmap/briefmap/data"
)

// cited is a piece of text the slide states, and the ids of the sources
// of the excerpts that back it. A fact no excerpt backs ends in "†" (rule
// background-mark) and has no sources.
type cited struct {
	Text    string
	Sources []string
}

// fact returns text as a fact backed by the excerpts excerptIDs as of date
// d: citing their sources dated within a year of d (contemporaryDays),
// else the one nearest d, in the order first named; or marked "†" when
// there are none (rule background-mark). A fact that a 2020 and a 2023
// article both state cites, on a 2020 slide, the 2020 one.
func (ix *index) fact(text string, excerptIDs []string, d data.Date) cited {
	var all []*data.Source
	for _, id := range excerptIDs {
		if e := ix.excerpt(id); e != nil {
			if s := ix.source(e.Source); s != nil && !slices.Contains(all, s) {
				all = append(all, s)
			}
		}
	}
	if len(all) == 0 {
		return cited{Text: text + "†"}
	}
	var srcs []string
	for _, s := range all {
		if dayGap(s.Date, d) <= contemporaryDays*24 {
			srcs = append(srcs, s.ID)
		}
	}
	if len(srcs) == 0 {
		nearest := all[0]
		for _, s := range all[1:] {
			if dayGap(s.Date, d) < dayGap(nearest.Date, d) {
				nearest = s
			}
		}
		srcs = []string{nearest.ID}
	}
	return cited{Text: text, Sources: srcs}
}

// allExcerpts returns every excerpt id of s, field by field in name order,
// without repeats.
func allExcerpts(s data.Sourced) []string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		for _, id := range s[k] {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// plainText returns the texts of ps run together, without citations.
func plainText(ps []cited) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString(p.Text)
	}
	return sb.String()
}

// withCitations returns the texts of ps run together, each fact followed
// by the numbers of its sources: "Es Sider — LNA-held [2], blockaded†".
func withCitations(ps []cited, num func(sourceID string) int) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString(p.Text)
		if len(p.Sources) > 0 {
			ns := make([]int, len(p.Sources))
			for i, id := range p.Sources {
				ns[i] = num(id)
			}
			slices.Sort(ns)
			sb.WriteString(" [")
			for i, n := range slices.Compact(ns) {
				if i > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString(strconv.Itoa(n))
			}
			sb.WriteString("]")
		}
	}
	return sb.String()
}

// sourceNumbers numbers the sources the slide cites, in the order it cites
// them (rule source-numbers): the first source cited is [1].
type sourceNumbers struct {
	order []string
}

// number returns the number of source id, giving it the next one when it
// has none yet.
func (sn *sourceNumbers) number(id string) int {
	if i := slices.Index(sn.order, id); i >= 0 {
		return i + 1
	}
	sn.order = append(sn.order, id)
	return len(sn.order)
}

// cite numbers the sources of ps in order.
func (sn *sourceNumbers) cite(ps []cited) {
	for _, p := range ps {
		for _, id := range p.Sources {
			sn.number(id)
		}
	}
}

// citation returns the footer entry of source id (see data.Citation), or
// id when the briefing has no such source.
func (ix *index) citation(id string) string {
	if s := ix.source(id); s != nil {
		return s.Citation().String()
	}
	return id
}
