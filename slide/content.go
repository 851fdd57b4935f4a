package slide

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// Limits of what one slide shows.
const (
	maxCallouts = 8
	maxActors   = 5
	minExcerpts = 2
	maxExcerpts = 4
)

// content is what the slide says, chosen from the briefing by the rules of
// the package doc, before layout decides how much of it fits.
type content struct {
	b        *data.Briefing
	date     data.Date
	focus    data.Ref
	visible  []string    // ids of the zones, places and deployments shown, in briefing order
	callouts []callout   // numbered 1..n in this order
	actors   []actorLine // most important first
	excerpts []*data.Excerpt
}

// callout is one numbered mark on the map and its line in the key. Records
// whose marks would fall on the same spot share one number: Ref is the one
// the map marks, Refs all of them, and Label names them all, each wholly
// background record marked "†".
type callout struct {
	Ref   data.Ref
	Refs  []data.Ref
	Label string
}

// calloutSeparation is how far apart (design pixels) two callouts' anchors
// must be to get numbers of their own: the map's callout discs are 22
// pixels wide.
const calloutSeparation = 30.0

// calloutMargin is how far inside the map's frame (design pixels) a
// callout's anchor must lie: the disc is drawn up and to the right of it.
const calloutMargin = 32.0

// actorLine is one entry of the key-actors list.
type actorLine struct {
	ID     string
	Leader string // the person named in Detail as leading the actor
	Name   string
	Detail string
	Side   int // index in Briefing.Sides; len(Sides) when none
	Rank   int // 0 for the most important; fewer actors keep the lowest ranks
}

// topActors returns the n most important of ls, in ls's order.
func topActors(ls []actorLine, n int) []actorLine {
	var out []actorLine
	for _, a := range ls {
		if a.Rank < n {
			out = append(out, a)
		}
	}
	return out
}

// index answers the slide's questions about a briefing through the
// briefing's own queries, with nil for a missing record.
type index struct {
	b *data.Briefing
}

func newIndex(b *data.Briefing) *index { return &index{b: b} }

func (ix *index) actor(id string) *data.Actor           { a, _ := ix.b.Actor(id); return a }
func (ix *index) zone(id string) *data.Zone             { z, _ := ix.b.Zone(id); return z }
func (ix *index) place(id string) *data.Place           { p, _ := ix.b.Place(id); return p }
func (ix *index) deployment(id string) *data.Deployment { d, _ := ix.b.Deployment(id); return d }
func (ix *index) excerpt(id string) *data.Excerpt       { e, _ := ix.b.Excerpt(id); return e }
func (ix *index) source(id string) *data.Source         { s, _ := ix.b.Source(id); return s }

// ref returns the Ref of the record with id, and whether there is one.
func (ix *index) ref(id string) (data.Ref, bool) {
	switch k := ix.b.KindOf(id); k {
	case data.KindZone, data.KindPlace, data.KindDeployment, data.KindActor, data.KindExcerpt:
		return data.Ref{Kind: k, ID: id}, true
	}
	return data.Ref{}, false
}

func (ix *index) actorName(id string) string {
	if a := ix.actor(id); a != nil {
		return a.Name
	}
	return id
}

// deploymentPoints returns where a deployment is: its point, its places and
// the centre of its area.
func (ix *index) deploymentPoints(dp *data.Deployment) []orb.Point {
	pts := ix.b.DeploymentPoints(dp)
	if len(dp.Area) > 0 {
		pts = append(pts, dp.Area.Bound().Center())
	}
	return pts
}

func anyInside(pts []orb.Point, b orb.Bound) bool {
	for _, p := range pts {
		if b.Contains(p) {
			return true
		}
	}
	return false
}

// placeLayerOn reports whether the layer that draws places of kind k is on.
func placeLayerOn(l scene.Layers, k data.PlaceKind) bool {
	switch k {
	case data.OilTerminal, data.OilField:
		return l.Oil
	case data.Airbase:
		return l.Airbases
	default:
		return l.Cities
	}
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

func sourcedCount(s data.Sourced) int {
	n := 0
	for _, ids := range s {
		n += len(ids)
	}
	return n
}

// chooseContent applies the selection rules of the package doc to the
// records visible in bounds on o.Date.
// mapFrame is the map the content is chosen for: the bounds it shows and,
// when ToPixel is set, where a point falls on its W×H pixels, so that
// callouts keep Margin pixels inside the frame and callouts whose anchors lie
// within Sep pixels share a number.
type mapFrame struct {
	Bounds            orb.Bound
	ToPixel           func(orb.Point) (x, y float64)
	W, H, Margin, Sep float64
}

// holds reports whether a callout anchored at p shows whole on the map.
func (f mapFrame) holds(p orb.Point) bool {
	if f.ToPixel == nil {
		return f.Bounds.Contains(p)
	}
	x, y := f.ToPixel(p)
	return x >= f.Margin && x <= f.W-f.Margin && y >= f.Margin && y <= f.H-f.Margin
}

func chooseContent(ix *index, f mapFrame, o scene.Options, focus data.Ref) *content {
	bounds := f.Bounds
	b := ix.b
	c := &content{b: b, date: o.Date, focus: focus}
	var zones []*data.Zone
	var deps []*data.Deployment
	var places []*data.Place
	if o.Layers.Zones {
		for i := range b.Zones {
			z := &b.Zones[i]
			if z.Valid.Contains(o.Date) && z.Geometry.Bound().Intersects(bounds) {
				zones = append(zones, z)
				c.visible = append(c.visible, z.ID)
			}
		}
	}
	for i := range b.Places {
		p := &b.Places[i]
		if placeLayerOn(o.Layers, p.Kind) && bounds.Contains(p.Point) {
			places = append(places, p)
			c.visible = append(c.visible, p.ID)
		}
	}
	if o.Layers.Deployments {
		for i := range b.Deployments {
			dp := &b.Deployments[i]
			if dp.Valid.Contains(o.Date) && anyInside(ix.deploymentPoints(dp), bounds) {
				deps = append(deps, dp)
				c.visible = append(c.visible, dp.ID)
			}
		}
	}
	focusActors := ix.actorsOf(focus, o.Date)
	c.callouts = ix.chooseCallouts(o, focus, focusActors, deps, places, f)
	c.actors = ix.chooseActors(o.Date, focus, focusActors, zones, deps)
	c.excerpts = ix.rankExcerpts(c, focus)
	return c
}

// chooseCallouts returns the numbered callouts: the caller's own
// o.Callouts when given; else the focus (a place or deployment), then the
// deployments shown (the focus actors' first, then by confidence, then by
// number of backing excerpts, then id), then the importance-1 places shown
// that have a status on the date (e.g. a blockaded terminal); at most
// maxCallouts. A record whose callout would not show whole on the map (its
// anchor outside the frame or too near its edge) gets none. A record whose
// anchor lies within f.Sep pixels of an earlier callout's joins that
// callout's line in the key (two records at most per line) instead of
// taking a number whose disc would cover the other's.
func (ix *index) chooseCallouts(o scene.Options, focus data.Ref, focusActors []string, deps []*data.Deployment, places []*data.Place, f mapFrame) []callout {
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
	} else {
		if focus.Kind == data.KindPlace || focus.Kind == data.KindDeployment {
			add(focus)
		}
		ds := slices.Clone(deps)
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
		for _, p := range places {
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
	}
	var out []callout
	var at [][2]float64 // anchor pixel of each callout
	var labels [][]string
	for _, r := range refs {
		label, bg := ix.calloutLabel(r, o.Date)
		if label == "" {
			continue
		}
		if bg {
			label += "†"
		}
		p, ok := ix.anchor(r, o.Date)
		if !ok || !f.holds(p) {
			continue
		}
		joined := false
		if f.ToPixel != nil {
			x, y := f.ToPixel(p)
			for i, a := range at {
				if math.Hypot(x-a[0], y-a[1]) < f.Sep {
					if len(out[i].Refs) < 2 {
						out[i].Refs = append(out[i].Refs, r)
						labels[i] = append(labels[i], label)
					}
					joined = true
					break
				}
			}
			if !joined && len(out) < maxCallouts {
				at = append(at, [2]float64{x, y})
			}
		}
		if joined || len(out) == maxCallouts {
			continue
		}
		out = append(out, callout{Ref: r, Refs: []data.Ref{r}})
		labels = append(labels, []string{label})
	}
	for i := range out {
		out[i].Label = strings.Join(labels[i], "; ")
	}
	return out
}

// anchor returns the point a callout for r marks (as scene anchors it):
// a place's point, a deployment's point or first place or area, a zone's
// interior point.
func (ix *index) anchor(r data.Ref, d data.Date) (orb.Point, bool) {
	switch r.Kind {
	case data.KindPlace:
		if p := ix.place(r.ID); p != nil {
			return p.Point, true
		}
	case data.KindDeployment:
		if dp := ix.deployment(r.ID); dp != nil {
			if pts := ix.b.DeploymentPoints(dp); len(pts) > 0 {
				return pts[0], true
			}
			if len(dp.Area) > 0 {
				return scene.InteriorPoint(dp.Area), true
			}
		}
	case data.KindZone:
		if z := ix.zone(r.ID); z != nil {
			return scene.InteriorPoint(z.Geometry), true
		}
	}
	return orb.Point{}, false
}

// calloutLabel returns a callout's line in the key ("Wagner Group
// mercenaries — Al Jufra", "Es Sider oil terminal — blockaded") and whether
// the record is wholly background.
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

// actorsOf returns the actors a focus is about on date d: an actor itself,
// a zone's controller or contenders, a deployment's actor and the side it
// supports, the controllers of the zones holding a place and the actors
// deployed there, an excerpt's actors.
func (ix *index) actorsOf(f data.Ref, d data.Date) []string {
	var out []string
	add := func(ids ...string) {
		for _, id := range ids {
			if id != "" && ix.actor(id) != nil && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	switch f.Kind {
	case data.KindActor:
		add(f.ID)
	case data.KindZone:
		if z := ix.zone(f.ID); z != nil {
			add(z.Controller)
			add(z.ContestedBy...)
		}
	case data.KindDeployment:
		if dp := ix.deployment(f.ID); dp != nil {
			add(dp.Actor, dp.Supports)
		}
	case data.KindPlace:
		if p := ix.place(f.ID); p != nil {
			for _, z := range ix.b.ZonesAt(p.Point, d) {
				add(z.Controller)
				add(z.ContestedBy...)
			}
			for _, dp := range ix.b.DeploymentsOn(d) {
				if slices.Contains(dp.Places, p.ID) {
					add(dp.Actor, dp.Supports)
				}
			}
		}
	case data.KindExcerpt:
		if e := ix.excerpt(f.ID); e != nil {
			for _, id := range e.About {
				if ix.actor(id) != nil {
					add(id)
				} else if r, ok := ix.ref(id); ok {
					add(ix.actorsOf(r, d)...)
				}
			}
		}
	}
	return out
}

// chooseActors returns the key actors. With a focus: the focus's actors,
// then the actors they lead or are led by, then their backers. Without one:
// actors weighted by what they hold on the map (3 per zone controlled, 1 per
// zone contested, 2 per deployment, 1 per deployment supported). A person
// who leads a listed actor is named in that actor's line instead of on
// their own. At most maxActors, ordered by side, then weight, then id.
func (ix *index) chooseActors(d data.Date, focus data.Ref, focusActors []string, zones []*data.Zone, deps []*data.Deployment) []actorLine {
	weight := map[string]float64{}
	var order []string // first-seen order, for determinism
	bump := func(id string, w float64) {
		if id == "" || ix.actor(id) == nil {
			return
		}
		if _, ok := weight[id]; !ok {
			order = append(order, id)
		}
		weight[id] += w
	}
	if !focus.IsZero() {
		for i, id := range focusActors {
			bump(id, 1000-float64(i))
		}
		for i, id := range focusActors {
			a := ix.actor(id)
			bump(a.Leads, 500-float64(i))
			for _, other := range ix.b.Actors {
				if other.Leads == id {
					bump(other.ID, 500-float64(i))
				}
			}
			for j, bk := range a.Backers {
				bump(bk, 100-float64(i)-float64(j)/100)
			}
		}
	} else {
		for _, z := range zones {
			bump(z.Controller, 3)
			for _, id := range z.ContestedBy {
				bump(id, 1)
			}
		}
		for _, dp := range deps {
			bump(dp.Actor, 2)
			bump(dp.Supports, 1)
		}
	}
	// A person who leads a ranked actor folds into that actor's line.
	leaderOf := map[string]string{} // led actor -> person
	for _, a := range ix.b.Actors {
		if a.Kind == data.Person && a.Leads != "" && leaderOf[a.Leads] == "" {
			if _, ok := weight[a.Leads]; ok {
				leaderOf[a.Leads] = a.ID
			}
		}
	}
	var ranked []string
	for _, id := range order {
		if a := ix.actor(id); a.Kind == data.Person && leaderOf[a.Leads] == id {
			continue
		}
		ranked = append(ranked, id)
	}
	slices.SortStableFunc(ranked, func(a, b string) int {
		return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b))
	})
	if len(ranked) > maxActors {
		ranked = ranked[:maxActors]
	}
	lines := make([]actorLine, 0, len(ranked))
	for i, id := range ranked {
		al := ix.actorLine(id, leaderOf[id])
		al.Rank = i
		lines = append(lines, al)
	}
	if focus.IsZero() {
		slices.SortStableFunc(lines, func(a, b actorLine) int {
			return cmp.Or(cmp.Compare(a.Side, b.Side), cmp.Compare(weight[b.ID], weight[a.ID]), cmp.Compare(a.ID, b.ID))
		})
	}
	return lines
}

// actorLine describes actor id: its side, its leader and its backers; a
// background fact (backers no excerpt backs) is marked "†".
func (ix *index) actorLine(id, leader string) actorLine {
	a := ix.actor(id)
	l := actorLine{ID: id, Leader: leader, Name: a.Name, Side: len(ix.b.Sides)}
	var parts []string
	for i, s := range ix.b.Sides {
		if s.ID == a.Side {
			l.Side = i
			parts = append(parts, s.Name)
		}
	}
	if leader != "" {
		mark := ""
		if len(ix.actor(leader).Sourced) == 0 && len(a.Sourced["leads"]) == 0 {
			mark = "†"
		}
		parts = append(parts, "led by "+ix.actorName(leader)+mark)
	}
	if len(a.Backers) > 0 {
		names := make([]string, len(a.Backers))
		for i, bk := range a.Backers {
			names[i] = ix.actorName(bk)
		}
		mark := ""
		if len(a.Sourced["backers"]) == 0 {
			mark = "†"
		}
		parts = append(parts, "backed by "+strings.Join(names, ", ")+mark)
	}
	if len(parts) == 0 && a.Description != "" {
		parts = append(parts, a.Description)
	}
	l.Detail = capitalise(strings.Join(parts, " · "))
	return l
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

// rankExcerpts orders the candidate excerpts: with a focus, the excerpts
// about the focus first (contemporary sources first, then newest first);
// then, greedily, the excerpt that backs the most shown records (callouts,
// key actors, visible zones, places and deployments) not yet backed by an
// earlier pick, taking those from contemporary sources (dated within a year
// of the as-of date) before any other; ties go to the source nearest the
// as-of date, then the newest source, then briefing order.
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

// title returns the slide title: "Libya: who holds what — as of 19 January
// 2020".
func title(b *data.Briefing, d data.Date) string {
	t := b.Title
	if t == "" {
		t = "Briefing"
	}
	return fmt.Sprintf("%s — as of %s", t, d.Long())
}
