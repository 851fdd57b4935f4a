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
// the map marks, Refs all of them, and Label names them all, each wholly
// background record marked "†".
type callout struct {
	Ref   data.Ref
	Refs  []data.Ref
	Label string
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
// focus when it is a place or a force, then the forces shown (the focus
// actors' first, then by confidence, then by number of backing excerpts,
// then id), then the importance-1 places shown that have a status on the
// date.
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
	if focus.Kind == data.KindPlace || focus.Kind == data.KindDeployment {
		add(focus)
	}
	ds := slices.Clone(shown.Deployments)
	slices.SortStableFunc(ds, func(a, b *data.Deployment) int {
		fa, fb := slices.Contains(focusActors, a.Actor), slices.Contains(focusActors, b.Actor)
		if fa != fb {
			if fa {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(confidenceRank(a.Confidence), confidenceRank(b.Confidence)),
			cmp.Compare(sourcedCount(b.Sourced), sourcedCount(a.Sourced)),
			cmp.Compare(a.ID, b.ID))
	})
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
	var labels [][]string
	for _, r := range ix.calloutCandidates(o, focus, focusActors, f.shown) {
		label, bg := ix.calloutLabel(r, o.Date)
		if label == "" {
			continue
		}
		if bg {
			label += "†"
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
					labels[i] = append(labels[i], label)
				}
				joined = true
				break
			}
		}
		if joined || len(out) == maxCallouts {
			continue
		}
		at = append(at, [2]float64{x, y})
		out = append(out, callout{Ref: r, Refs: []data.Ref{r}})
		labels = append(labels, []string{label})
	}
	for i := range out {
		out[i].Label = strings.Join(labels[i], "; ")
	}
	return out
}

// calloutLabel returns a callout's line in the key (rule callout-label:
// "Wagner Group mercenaries — Al Jufra", "Es Sider oil terminal —
// blockaded") and whether the record is wholly background (rule
// background-mark).
func (ix *index) calloutLabel(r data.Ref, d data.Date) (string, bool) {
	switch r.Kind {
	case data.KindDeployment:
		dp := ix.deployment(r.ID)
		if dp == nil {
			return "", false
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
		return label, len(dp.Sourced) == 0
	case data.KindPlace:
		p := ix.place(r.ID)
		if p == nil {
			return "", false
		}
		label := p.Name
		bg := len(p.Sourced) == 0
		if s, ok := p.StatusOn(d); ok && s.Status != "" {
			label += " — " + s.Status
			bg = bg && len(s.Sourced) == 0
		}
		return label, bg
	case data.KindZone:
		if z := ix.zone(r.ID); z != nil {
			return z.Name, len(z.Sourced) == 0
		}
	case data.KindActor:
		if a := ix.actor(r.ID); a != nil {
			return a.Name, len(a.Sourced) == 0
		}
	}
	return "", false
}
