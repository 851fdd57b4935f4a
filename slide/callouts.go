package slide

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// callout is one numbered mark on the map and its line in the key. Records
// whose marks would fall on the same spot share one number: Ref is the one
// the map marks, Refs all of them, and Label names them all, each
// background fact marked "†" (rule background-mark) and each other one
// citing the sources that back it (rule sources-cited).
type callout struct {
	Ref   data.Ref
	Refs  []data.Ref
	Parts []cited // the label, fact by fact
	Label string  // the label as plain text (its parts' texts)
}

func confidenceRank(c data.Confidence) int {
	switch c {
	case data.High:
		return 0
	case data.Medium:
		return 1
	}
	return 2
}

// calloutCandidates returns the records that may be called out, in order
// (rule callout-order): the caller's own o.Callouts when given; else the
// focus when it is a place, a force or an event, then the focus actors'
// forces shown, then the recent events drawn (rule callout-events), then
// the other forces shown (each group by confidence, then by number of
// backing excerpts, then id), then the importance-1 places shown that have
// a status on the date.
func (ix *index) calloutCandidates(o scene.Options, focus data.Ref, focusActors []string, shown scene.InView) []data.Ref {
	var refs []data.Ref
	seen := map[string]bool{}
	add := func(r data.Ref) {
		if !seen[r.ID] {
			seen[r.ID] = true
			refs = append(refs, r)
		}
	}
	if len(o.Callouts) > 0 {
		for _, r := range o.Callouts {
			add(r)
		}
		return refs
	}
	if focus.Kind == data.KindPlace || focus.Kind == data.KindDeployment || focus.Kind == data.KindEvent {
		add(focus)
	}
	// The focus actors' forces, then the recent events, then the other
	// forces, each by confidence, then backing, then id.
	var mine, ds []*data.Deployment
	for _, dp := range shown.Deployments {
		if slices.Contains(focusActors, dp.Actor) {
			mine = append(mine, dp)
		} else {
			ds = append(ds, dp)
		}
	}
	sortForces := func(ds []*data.Deployment) {
		slices.SortStableFunc(ds, func(a, b *data.Deployment) int {
			return cmp.Or(
				cmp.Compare(confidenceRank(a.Confidence), confidenceRank(b.Confidence)),
				cmp.Compare(sourcedCount(b.Sourced), sourcedCount(a.Sourced)),
				cmp.Compare(a.ID, b.ID))
		})
	}
	sortForces(mine)
	for _, dp := range mine {
		add(data.Ref{Kind: data.KindDeployment, ID: dp.ID})
	}
	for _, e := range recentEvents(shown.Events, o.Date) {
		add(data.Ref{Kind: data.KindEvent, ID: e.ID})
	}
	sortForces(ds)
	for _, dp := range ds {
		add(data.Ref{Kind: data.KindDeployment, ID: dp.ID})
	}
	var ps []*data.Place
	for _, p := range shown.Places {
		if _, ok := p.StatusOn(o.Date); ok && p.Importance == 1 {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(a, b *data.Place) int {
		return cmp.Or(cmp.Compare(sourcedCount(b.Sourced), sourcedCount(a.Sourced)), cmp.Compare(a.ID, b.ID))
	})
	for _, p := range ps {
		add(data.Ref{Kind: data.KindPlace, ID: p.ID})
	}
	return refs
}

// chooseCallouts returns the numbered callouts: the candidates in order
// that have a label and whose callout shows whole on the map (rule
// callout-on-map), at most maxCallouts (rule callout-limit). A record whose
// anchor lies within f.sep pixels of an earlier callout's joins that
// callout's line in the key, two records at most a line (rule
// callout-shared-spot), instead of taking a number whose disc would cover
// the other's.
func (ix *index) chooseCallouts(o scene.Options, focus data.Ref, focusActors []string, f mapFrame) []callout {
	var out []callout
	var at [][2]float64 // anchor pixel of each callout
	for _, r := range ix.calloutCandidates(o, focus, focusActors, f.shown) {
		parts := ix.calloutLabel(r, o.Date)
		if len(parts) == 0 {
			continue
		}
		x, y, ok := f.anchor(r)
		if !ok {
			continue
		}
		joined := false
		for i, a := range at {
			if math.Hypot(x-a[0], y-a[1]) < f.sep {
				if len(out[i].Refs) < 2 {
					out[i].Refs = append(out[i].Refs, r)
					out[i].Parts = append(append(out[i].Parts, cited{Text: "; "}), parts...)
				}
				joined = true
				break
			}
		}
		if joined || len(out) == maxCallouts {
			continue
		}
		at = append(at, [2]float64{x, y})
		out = append(out, callout{Ref: r, Refs: []data.Ref{r}, Parts: parts})
	}
	for i := range out {
		out[i].Label = plainText(out[i].Parts)
	}
	return out
}

// calloutLabel returns a callout's line in the key as the facts it states
// (rule callout-label: "Wagner Group mercenaries — Al Jufra", "Es Sider —
// LNA-held, blockaded", "The LNA takes Sirte (6 Jan 2020)"), each
// background fact marked "†" (rule background-mark) and each other one
// with the sources of the excerpts that back it; nil when ref names
// nothing that can be called out.
func (ix *index) calloutLabel(r data.Ref, d data.Date) []cited {
	switch r.Kind {
	case data.KindDeployment:
		dp := ix.deployment(r.ID)
		if dp == nil {
			return nil
		}
		label := dp.Name
		var where []string
		if dp.Point != nil {
			// An unnamed point: name the front line it lies on, if any.
			for _, z := range ix.b.ZonesAt(*dp.Point, d) {
				if z.Contested() && !slices.Contains(where, z.Name) {
					where = append(where, z.Name)
				}
			}
		}
		for _, id := range dp.Places {
			if p := ix.place(id); p != nil && !strings.Contains(strings.ToLower(label), strings.ToLower(p.Name)) {
				where = append(where, p.Name)
			}
		}
		if len(where) > 0 {
			label += " — " + strings.Join(where, ", ")
		}
		if st := strings.ToLower(dp.Strength); st != "" && st != "not stated" && st != "unknown" {
			label += " (" + dp.Strength + ")"
		}
		// A force is one claim: who is where, how strong; sourced when an
		// excerpt backs any of its fields.
		return []cited{ix.fact(label, allExcerpts(dp.Sourced), d)}
	case data.KindPlace:
		p := ix.place(r.ID)
		if p == nil {
			return nil
		}
		// The name, who holds the place, its status: the place itself (its
		// location) is a claim only when nothing else is said of it.
		var parts []cited
		h := ix.b.HolderAt(p.Point, d)
		st, hasStatus := p.StatusOn(d)
		hasStatus = hasStatus && st.Status != ""
		switch {
		case h.Known():
			parts = append(parts, ix.fact(p.Name+" — "+ix.holderPhrase(h), ix.holderExcerpts(p, h, d), d))
		case hasStatus:
			parts = append(parts, cited{Text: p.Name})
		default:
			parts = append(parts, ix.fact(p.Name, allExcerpts(p.Sourced), d))
		}
		if hasStatus {
			sep := " — "
			if h.Known() {
				sep = ", "
			}
			parts = append(parts, ix.fact(sep+st.Status, allExcerpts(st.Sourced), d))
		}
		return parts
	case data.KindEvent:
		e, ok := ix.b.Event(r.ID)
		if !ok {
			return nil
		}
		when := " (" + scene.EventDate(e, true) + ")"
		dates := append(slices.Clone(e.Sourced["date"]), e.Sourced["date_to"]...)
		if len(e.Sourced["title"])+len(dates) == 0 {
			return []cited{ix.fact(e.Title+when, nil, d)} // one mark for the whole
		}
		return []cited{ix.fact(e.Title, e.Sourced["title"], d), ix.fact(when, dates, d)}
	case data.KindZone:
		if z := ix.zone(r.ID); z != nil {
			return []cited{ix.fact(z.Name, allExcerpts(z.Sourced), d)}
		}
	case data.KindActor:
		if a := ix.actor(r.ID); a != nil {
			return []cited{ix.fact(a.Name, allExcerpts(a.Sourced), d)}
		}
	}
	return nil
}

// recentDays is how many days before the as-of date an event may have
// begun and still be called out without being the focus.
const recentDays = 31

// maxEventCallouts is how many events the slide calls out unasked.
const maxEventCallouts = 2

// recentEvents returns the events of es that began at most recentDays
// before d (rule callout-events): newest first, at most maxEventCallouts.
func recentEvents(es []*data.Event, d data.Date) []*data.Event {
	var out []*data.Event
	for _, e := range es {
		if !e.Date.After(d) && d.Time().Sub(e.Date.Time()).Hours() <= recentDays*24 {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b *data.Event) int { return b.Date.Compare(a.Date) })
	return out[:min(len(out), maxEventCallouts)]
}

// holderPhrase says who holds a place in a callout: "LNA-held" (the
// holder's acronym when it has one), "held by South Protection Force",
// "contested by GNA and LNA"; the holder when both.
func (ix *index) holderPhrase(h data.Holding) string {
	if h.Holder != "" {
		if s := ix.acronym(h.Holder); s != "" {
			return s + "-held"
		}
		return "held by " + ix.actorName(h.Holder)
	}
	names := make([]string, len(h.ContestedBy))
	for i, id := range h.ContestedBy {
		if names[i] = ix.acronym(id); names[i] == "" {
			names[i] = ix.actorName(id)
		}
	}
	if len(names) > 1 {
		return "contested by " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return "contested by " + strings.Join(names, "")
}

// holderExcerpts returns the excerpts that back who holds place p on d:
// the controller of the zone that answers (or the contesters of the
// contested zones it lies in).
func (ix *index) holderExcerpts(p *data.Place, h data.Holding, d data.Date) []string {
	if h.Holder != "" {
		return h.Zone.Sourced["controller"]
	}
	var out []string
	for _, z := range ix.b.ZonesAt(p.Point, d) {
		if z.Contested() {
			out = append(out, z.Sourced["contested_by"]...)
		}
	}
	if len(out) == 0 && h.Zone != nil {
		out = h.Zone.Sourced["contested_by"]
	}
	return out
}

// acronym returns the short name of actor id when one of its aliases is
// an acronym of two to five capitals ("LNA", "GNU"); "" otherwise.
func (ix *index) acronym(id string) string {
	a := ix.actor(id)
	if a == nil {
		return ""
	}
	for _, s := range a.Aliases {
		if n := len(s); n >= 2 && n <= 5 && strings.ToUpper(s) == s && !strings.ContainsFunc(s, func(r rune) bool { return r < 'A' || r > 'Z' }) {
			return s
		}
	}
	return ""
}
