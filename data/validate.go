package data

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"
)

// finish resolves references, links geometry to records, runs the checks
// that need the whole package, and returns the indexed Briefing, or nil when
// a problem was found.
func (l *loader) finish() *Briefing {
	l.checkRefs()
	l.checkSides()
	l.checkSourced()
	l.linkGeometry()
	l.checkBBox()
	l.checkOverlaps()
	l.checkTexts()
	if len(l.ps.list) > 0 {
		return nil
	}
	b := &l.b
	b.index = buildIndex(b)
	for id, line := range l.aboutLine {
		b.index.aboutLine[id] = line
	}
	for id, def := range l.ids {
		b.index.pos[id] = def.at
	}
	return b
}

// kindPhrase returns "an actor", "a zone", ….
func kindPhrase(kind Kind) string {
	switch kind {
	case KindActor, KindExcerpt:
		return "an " + string(kind)
	}
	return "a " + string(kind)
}

func (l *loader) checkRefs() {
	for _, r := range l.refs {
		def, ok := l.ids[r.id]
		if !ok && slices.ContainsFunc(r.kinds, func(k Kind) bool { return l.broken[kindFile[k]] }) {
			continue
		}
		switch {
		case !ok && len(r.kinds) == 1:
			l.ps.add(r.at.File, r.at.Line, r.field, "unknown %s %q", r.kinds[0], r.id)
		case !ok:
			l.ps.add(r.at.File, r.at.Line, r.field, "unknown id %q (want %s)", r.id, joinKinds(r.kinds))
		case !slices.Contains(r.kinds, def.kind):
			want := make([]string, len(r.kinds))
			for i, k := range r.kinds {
				want[i] = kindPhrase(k)
			}
			l.ps.add(r.at.File, r.at.Line, r.field, "%q is %s (%s:%d), not %s", r.id, kindPhrase(def.kind), def.at.File, def.at.Line, strings.Join(want, " or "))
		}
	}
}

func (l *loader) checkSides() {
	if l.broken[fileBriefing] {
		return
	}
	for _, r := range l.sideRefs {
		if !slices.ContainsFunc(l.b.Sides, func(s Side) bool { return s.ID == r.id }) {
			l.ps.add(r.at.File, r.at.Line, r.field, "unknown side %q (sides are listed in %s)", r.id, fileBriefing)
		}
	}
}

// checkSourced checks that each excerpt named in a sourced map exists and
// lists the record in its about.
func (l *loader) checkSourced() {
	about := make(map[string][]string, len(l.b.Excerpts))
	for _, e := range l.b.Excerpts {
		about[e.ID] = e.About
	}
	for _, c := range l.sourced {
		def, ok := l.ids[c.excerpt]
		switch {
		case !ok && l.broken[fileExcerpts]:
		case !ok:
			l.ps.add(c.at.File, c.at.Line, c.field, "unknown excerpt %q", c.excerpt)
		case def.kind != KindExcerpt:
			l.ps.add(c.at.File, c.at.Line, c.field, "%q is %s, not an excerpt", c.excerpt, kindPhrase(def.kind))
		case c.record != "" && !slices.Contains(about[c.excerpt], c.record):
			l.ps.add(c.at.File, c.at.Line, c.field, "excerpt %q does not list %q in its about (%s:%d)", c.excerpt, c.record, fileExcerpts, l.aboutLine[c.excerpt])
		}
	}
}

// linkGeometry gives each zone and area deployment its feature, and reports
// zones without geometry and features without a record.
func (l *loader) linkGeometry() {
	used := map[string]bool{}
	for i := range l.b.Zones {
		z := &l.b.Zones[i]
		if z.ID == "" {
			continue
		}
		f, ok := l.features[z.ID]
		if !ok {
			if l.geometryRead && l.ids[z.ID].kind == KindZone {
				at := l.ids[z.ID].at
				l.ps.add(at.File, at.Line, "geometry", "no feature with properties.id %q in %s", z.ID, fileGeometry)
			}
			continue
		}
		used[z.ID] = true
		if !f.bad {
			z.Geometry = f.geom
		}
	}
	for i := range l.b.Deployments {
		d := &l.b.Deployments[i]
		f, ok := l.features[d.ID]
		switch {
		case l.areas[d.ID] && !ok && l.geometryRead:
			at := l.ids[d.ID].at
			l.ps.add(at.File, at.Line, "area", "true, but no feature with properties.id %q in %s", d.ID, fileGeometry)
		case ok && !l.areas[d.ID]:
			l.ps.add(fileGeometry, f.line, "properties.id", "deployment %q has a feature but not area: true in %s", d.ID, fileDeployments)
			used[d.ID] = true
		case ok:
			used[d.ID] = true
			if !f.bad {
				d.Area = f.geom
			}
		}
	}
	for _, id := range l.featOrder {
		if used[id] {
			continue
		}
		f := l.features[id]
		if l.broken[fileZones] || l.broken[fileDeployments] {
			continue
		}
		if def, ok := l.ids[id]; ok {
			l.ps.add(fileGeometry, f.line, "properties.id", "%q is %s, not a zone or a deployment", id, kindPhrase(def.kind))
			continue
		}
		l.ps.add(fileGeometry, f.line, "properties.id", "no zone or deployment %q in %s or %s", id, fileZones, fileDeployments)
	}
}

// outsideMessage describes a point outside the bbox, and suggests swapped
// coordinates when the swapped point would be inside.
func (l *loader) outsideMessage(p orb.Point) string {
	bb := l.b.BBox
	msg := fmt.Sprintf("point (%g, %g) lies outside the briefing bbox [%g %g %g %g]", p.X(), p.Y(), bb.Min.X(), bb.Min.Y(), bb.Max.X(), bb.Max.Y())
	if bb.Contains(orb.Point{p.Y(), p.X()}) {
		msg += "; are lon and lat swapped?"
	}
	return msg
}

func (l *loader) checkBBox() {
	if !l.haveBBox {
		return
	}
	for _, c := range l.points {
		if c.offMap && !l.b.BBox.Contains(orb.Point{c.p.Y(), c.p.X()}) {
			continue // abroad, and not a swapped point of the map
		}
		if !l.b.BBox.Contains(c.p) {
			l.ps.add(c.at.File, c.at.Line, c.field, "%s", l.outsideMessage(c.p))
		}
	}
	for _, id := range l.featOrder {
		f := l.features[id]
		if f.bad {
			continue
		}
	feature:
		for _, pg := range f.geom {
			for _, r := range pg {
				for _, p := range r {
					if !l.b.BBox.Contains(p) {
						l.ps.add(fileGeometry, f.line, "geometry", "feature %q: %s", id, l.outsideMessage(p))
						break feature
					}
				}
			}
		}
	}
}

// checkOverlaps reports pairs of controlled (not contested) zones whose
// validity periods share a day and whose areas overlap. Each zone's
// polygons are indexed once (edges by latitude band), and the zones are
// compared on every core; the problems are listed in zone order.
func (l *loader) checkOverlaps() {
	zs := l.b.Zones
	bounds := make([]orb.Bound, len(zs))
	indexes := make([][]*polyIndex, len(zs))
	parallel(len(zs), func(i int) {
		if zs[i].Contested() || len(zs[i].Geometry) == 0 {
			return
		}
		for k, pg := range zs[i].Geometry {
			px := newPolyIndex(pg)
			indexes[i] = append(indexes[i], px)
			if k == 0 {
				bounds[i] = px.bound
			} else {
				bounds[i] = bounds[i].Union(px.bound)
			}
		}
	})
	found := make([][]Problem, len(zs))
	parallel(len(zs), func(i int) {
		a := &zs[i]
		if indexes[i] == nil {
			return
		}
		var ps problems
		for j := i + 1; j < len(zs); j++ {
			b := &zs[j]
			if indexes[j] == nil || !periodsOverlap(a.Valid, b.Valid) || !bounds[i].Intersects(bounds[j]) {
				continue
			}
			if p, ok := multiPolygonsOverlap(indexes[i], indexes[j]); ok {
				at := l.ids[b.ID].at
				ps.add(at.File, at.Line, "geometry", "zone %q overlaps zone %q near (%.3f, %.3f) while both are valid; neither is contested",
					b.ID, a.ID, p.X(), p.Y())
			}
		}
		found[i] = ps.list
	})
	for _, list := range found {
		l.ps.list = append(l.ps.list, list...)
	}
}

// parallel calls f(0), …, f(n-1) on every core and returns when all
// calls have returned. The calls must not write anything shared but
// their own index's results.
func parallel(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// multiPolygonsOverlap reports whether any polygon of a overlaps any of b.
func multiPolygonsOverlap(a, b []*polyIndex) (orb.Point, bool) {
	for _, pa := range a {
		for _, pb := range b {
			if p, ok := polygonsOverlapIndexed(pa, pb); ok {
				return p, true
			}
		}
	}
	return orb.Point{}, false
}
