package slide

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/briefmap/briefmap/data"
)

// rankExcerpts orders the candidate excerpts: with a focus, the excerpts
// about the focus first (contemporary sources first, then newest first);
// then, greedily, the excerpt that backs the most shown records (callouts,
// key actors, visible zones, places, deployments and events) not yet
// backed by an earlier pick, leaving out those about a record of another
// time (rule quotes-current) and taking those from contemporary sources
// (dated within a year of the as-of date) before any other; ties go to the
// source nearest the as-of date, then the newest source, then briefing
// order.
func (ix *index) rankExcerpts(c *content, focus data.Ref) []*data.Excerpt {
	var out []*data.Excerpt
	used := map[string]bool{}
	if !focus.IsZero() {
		fe := ix.b.ExcerptsFor(focus.ID)
		if focus.Kind == data.KindExcerpt {
			if e := ix.excerpt(focus.ID); e != nil {
				fe = append([]*data.Excerpt{e}, fe...)
			}
		}
		slices.SortStableFunc(fe, func(a, b *data.Excerpt) int {
			return cmp.Or(cmp.Compare(ix.tier(a, c.date), ix.tier(b, c.date)), ix.sourceDate(b).Compare(ix.sourceDate(a)))
		})
		for _, e := range fe {
			if !used[e.ID] {
				used[e.ID] = true
				out = append(out, e)
			}
		}
	}
	shown := map[string]bool{}
	for _, id := range c.visible {
		shown[id] = true
	}
	for _, cl := range c.callouts {
		for _, r := range cl.Refs {
			shown[r.ID] = true
		}
	}
	for _, a := range c.actors {
		shown[a.ID] = true
		if a.Leader != "" {
			shown[a.Leader] = true
		}
	}
	covered := map[string]bool{}
	for _, e := range out {
		for _, id := range e.About {
			covered[id] = true
		}
	}
	for {
		var best *data.Excerpt
		bestGain, bestTier := 0, 0
		for i := range ix.b.Excerpts {
			e := &ix.b.Excerpts[i]
			if used[e.ID] {
				continue
			}
			if ix.aboutAnotherTime(e, c.date) {
				continue // it would read as current (rule quotes-current)
			}
			gain := 0
			for _, id := range e.About {
				if shown[id] && !covered[id] && ix.backsOn(e, id, c.date) {
					gain++
				}
			}
			if gain == 0 {
				continue
			}
			tier := ix.tier(e, c.date)
			if best == nil || tier < bestTier || tier == bestTier && (gain > bestGain || gain == bestGain && ix.closer(e, best, c.date)) {
				best, bestGain, bestTier = e, gain, tier
			}
		}
		if best == nil {
			break
		}
		used[best.ID] = true
		out = append(out, best)
		for _, id := range best.About {
			covered[id] = true
		}
	}
	return out
}

// aboutAnotherTime reports whether excerpt e is about a record not valid
// on d: a zone or force of another period, an event not shown on d, an
// actor of another time (see pastActor). Quoted beside the map of d it
// would read as current (rule quotes-current).
func (ix *index) aboutAnotherTime(e *data.Excerpt, d data.Date) bool {
	for _, id := range e.About {
		switch ix.b.KindOf(id) {
		case data.KindZone:
			if z := ix.zone(id); z != nil && !z.Valid.Contains(d) {
				return true
			}
		case data.KindDeployment:
			if dp := ix.deployment(id); dp != nil && !dp.Valid.Contains(d) {
				return true
			}
		case data.KindEvent:
			if ev, ok := ix.b.Event(id); ok && !ev.ShownOn(d) {
				return true
			}
		case data.KindActor:
			if ix.pastActor(id, d) {
				return true
			}
		}
	}
	return false
}

// pastActor reports whether actor id (or the actor it leads) held or
// contested ground at some date of the briefing but holds none and has no
// force on d: a government of another time (the GNA in 2023, the GNU in
// 2020) and the person who led it.
func (ix *index) pastActor(id string, d data.Date) bool {
	k := pastKey{id, d}
	if past, ok := ix.past[k]; ok {
		return past
	}
	if ix.past == nil {
		ix.past = map[pastKey]bool{}
	}
	past := ix.heldOnlyAtOtherTimes(id, d)
	ix.past[k] = past
	return past
}

// heldOnlyAtOtherTimes is pastActor without its memory.
func (ix *index) heldOnlyAtOtherTimes(id string, d data.Date) bool {
	ids := []string{id}
	if a := ix.actor(id); a != nil && a.Leads != "" {
		ids = append(ids, a.Leads)
	}
	if len(ix.b.ActorZones(id, d)) > 0 || len(ix.b.ActorDeployments(id, d)) > 0 {
		return false
	}
	for i := range ix.b.Zones {
		z := &ix.b.Zones[i]
		for _, a := range ids {
			if z.Controller == a || slices.Contains(z.ContestedBy, a) {
				return true
			}
		}
	}
	return false
}

// datedCitationDays is how far from the as-of date a quote's source may be
// dated before its citation gives the date (rule dated-citation).
const datedCitationDays = 92

// cite returns the citation after a quote of e with source number n:
// "[2]", or "[2, January 2020]" when e's source is dated more than
// datedCitationDays from d, so that an older (or later) quote never reads
// as if it spoke of d.
func (ix *index) cite(e *data.Excerpt, n int, d data.Date) string {
	num := strconv.Itoa(max(n, 1))
	sd := ix.sourceDate(e)
	if sd.IsZero() || dayGap(sd, d) <= datedCitationDays*24 {
		return "[" + num + "]"
	}
	when := sd.Time().Month().String() + " " + strconv.Itoa(sd.Year)
	if s := ix.source(e.Source); s != nil && s.DateApproximate {
		when = "c. " + when
	}
	return "[" + num + ", " + when + "]"
}

// backsOn reports whether excerpt e speaks for record id as it stood on d:
// an excerpt that backs only a place's status of another period (a
// blockade since lifted) does not.
func (ix *index) backsOn(e *data.Excerpt, id string, d data.Date) bool {
	p := ix.place(id)
	if p == nil {
		return true
	}
	cites := func(s data.Sourced) bool {
		for _, ids := range s {
			if slices.Contains(ids, e.ID) {
				return true
			}
		}
		return false
	}
	if cites(p.Sourced) {
		return true
	}
	stale := false
	for _, st := range p.Statuses {
		if cites(st.Sourced) {
			if st.Valid.Contains(d) {
				return true
			}
			stale = true
		}
	}
	return !stale
}

// contemporaryDays is how near the as-of date a source must be for its
// excerpts to come first.
const contemporaryDays = 366

// tier returns 0 when e's source is dated within contemporaryDays of d,
// else 1: a 2020 article is poor evidence for a 2023 map, and the reverse.
func (ix *index) tier(e *data.Excerpt, d data.Date) int {
	if dayGap(ix.sourceDate(e), d) <= contemporaryDays*24 {
		return 0
	}
	return 1
}

func (ix *index) sourceDate(e *data.Excerpt) data.Date {
	if s := ix.source(e.Source); s != nil {
		return s.Date
	}
	return data.Date{}
}

// closer reports whether a's source is nearer the as-of date d than b's
// (newer on a tie).
func (ix *index) closer(a, b *data.Excerpt, d data.Date) bool {
	da, db := ix.sourceDate(a), ix.sourceDate(b)
	ga, gb := dayGap(da, d), dayGap(db, d)
	if ga != gb {
		return ga < gb
	}
	return da.After(db)
}

func dayGap(a, b data.Date) float64 {
	if a.IsZero() || b.IsZero() {
		return math.Inf(1)
	}
	return math.Abs(a.Time().Sub(b.Time()).Hours())
}
