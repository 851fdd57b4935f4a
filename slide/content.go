package slide

import (
	"fmt"

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

// mapFrame is what the scene says about the slide's map: what it shows in
// its view, and where a callout for a record would point.
type mapFrame struct {
	shown scene.InView
	// anchor returns the map pixel a callout for ref points at; ok is false
	// when ref has no anchor or its disc would not show whole on the map.
	anchor func(ref data.Ref) (x, y float64, ok bool)
	sep    float64 // anchors nearer than this (pixels) share one number
}

// newMapFrame returns the frame of the w×h map of view v that r draws with
// options o: what it shows inside bounds, and its callout anchors.
func newMapFrame(r *scene.Renderer, w, h int, v scene.View, o scene.Options) mapFrame {
	return mapFrame{
		shown:  r.InView(o, v.Bounds(w, h)),
		anchor: func(ref data.Ref) (float64, float64, bool) { return r.CalloutAnchor(w, h, v, o, ref) },
		sep:    scene.CalloutSpacing(o.Ratio()),
	}
}

// chooseContent applies the rules of the package doc to what the map of f
// shows on o.Date.
func chooseContent(ix *index, f mapFrame, o scene.Options, focus data.Ref) *content {
	c := &content{b: ix.b, date: o.Date, focus: focus, visible: f.shown.IDs()}
	focusActors := ix.actorsOf(focus, o.Date)
	c.callouts = ix.chooseCallouts(o, focus, focusActors, f)
	c.actors = ix.chooseActors(o.Date, focus, focusActors, f.shown.Zones, f.shown.Deployments)
	c.excerpts = ix.rankExcerpts(c, focus)
	return c
}

// index answers the slide's questions about a briefing through the
// briefing's own queries, with nil for a missing record.
type index struct {
	b    *data.Briefing
	past map[pastKey]bool // pastActor's answers, computed once each
}

type pastKey struct {
	id string
	d  data.Date
}

func newIndex(b *data.Briefing) *index { return &index{b: b} }

func (ix *index) actor(id string) *data.Actor           { a, _ := ix.b.Actor(id); return a }
func (ix *index) zone(id string) *data.Zone             { z, _ := ix.b.Zone(id); return z }
func (ix *index) place(id string) *data.Place           { p, _ := ix.b.Place(id); return p }
func (ix *index) deployment(id string) *data.Deployment { d, _ := ix.b.Deployment(id); return d }
func (ix *index) excerpt(id string) *data.Excerpt       { e, _ := ix.b.Excerpt(id); return e }
func (ix *index) source(id string) *data.Source         { s, _ := ix.b.Source(id); return s }

func (ix *index) actorName(id string) string {
	if a := ix.actor(id); a != nil {
		return a.Name
	}
	return id
}

func sourcedCount(s data.Sourced) int {
	n := 0
	for _, ids := range s {
		n += len(ids)
	}
	return n
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
