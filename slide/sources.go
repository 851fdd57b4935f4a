package slide

import (
	"cmp"
	"slices"

	"github.com/briefmap/briefmap/data"
)

// sourceNumbers numbers sources for citation: the sources of the cited
// excerpts in order of citation, then every other source that backs a
// record shown (its date, then id).
type sourceNumbers struct {
	ix    *index
	order []string
}

func (sn *sourceNumbers) number(sourceID string) int {
	if i := slices.Index(sn.order, sourceID); i >= 0 {
		return i + 1
	}
	sn.order = append(sn.order, sourceID)
	return len(sn.order)
}

// addBacking appends the sources of the excerpts about any of ids.
func (sn *sourceNumbers) addBacking(ids []string) {
	var rest []*data.Source
	for _, id := range ids {
		for _, e := range sn.ix.b.ExcerptsFor(id) {
			s := sn.ix.source(e.Source)
			if s != nil && !slices.Contains(sn.order, s.ID) && !slices.Contains(rest, s) {
				rest = append(rest, s)
			}
		}
	}
	slices.SortStableFunc(rest, func(a, b *data.Source) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	for _, s := range rest {
		sn.order = append(sn.order, s.ID)
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
