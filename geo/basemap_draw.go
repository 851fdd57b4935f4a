package geo

import (
	"math"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/geo/basemap"
)

// drawBasemap draws view v of a basemap in style st: land, neighbours and
// the focus country each in one fill pass, then borders, the focus
// outline and the coastline. It returns the label requests of the
// neighbours' names (centred on their label points, at the lowest
// priorities) for the map's label pass, so they keep off markers and
// overlay labels.
func drawBasemap(c Surface, t *Transformer, v *basemap.View, st BasemapStyle, ratio float64) []LabelRequest {
	var p PixelPath
	addMultiPolygon(&p, t, v.Land)
	c.FillPath(&p, st.Land)

	var focus *basemap.Country
	if st.Neighbour != st.Land {
		p.Reset()
		for i := range v.Countries {
			if v.Countries[i].ISO3 != st.FocusISO3 {
				addMultiPolygon(&p, t, v.Countries[i].Geometry)
			}
		}
		c.FillPath(&p, st.Neighbour)
	}
	for i := range v.Countries {
		if st.FocusISO3 != "" && v.Countries[i].ISO3 == st.FocusISO3 {
			focus = &v.Countries[i]
		}
	}
	if focus != nil {
		p.Reset()
		addMultiPolygon(&p, t, focus.Geometry)
		c.FillPath(&p, st.Focus)
	}

	p.Reset()
	addMultiLineString(&p, t, v.Borders)
	c.StrokePath(&p, st.Border.Scaled(ratio))
	if focus != nil && st.FocusBorder.Visible() {
		p.Reset()
		addMultiPolygon(&p, t, focus.Geometry)
		// Along the coast the coastline is drawn over it next.
		c.StrokePath(&p, st.FocusBorder.Scaled(ratio))
	}
	p.Reset()
	addMultiLineString(&p, t, v.Coastline)
	c.StrokePath(&p, st.Coastline.Scaled(ratio))

	if !st.CountryNames {
		return nil
	}
	ls := st.CountryLabel.Scaled(ratio)
	var reqs []LabelRequest
	frame := t.Frame()
	for _, ct := range v.Countries {
		if ct.ISO3 == st.FocusISO3 || ct.Name == "" {
			continue
		}
		x, y := t.ToPixel(ct.Label)
		if !frame.ContainsPoint(x, y) {
			continue
		}
		text := strings.ToUpper(ct.Name)
		w, _, _ := c.MeasureText(text, ls)
		if w == 0 {
			continue
		}
		area := math.Abs(pixelArea(t, ct.Geometry))
		bw, bh := w+2*ls.HaloWidth, ls.Size*labelInk+2*ls.HaloWidth
		if area < 2*bw*bh {
			continue // a country too small on screen to carry its name
		}
		reqs = append(reqs, LabelRequest{Text: text, Style: ls, X: x, Y: y,
			W: bw, H: bh,
			Priority: countryNamePriority + int(math.Min(area, 1<<29)), Positions: []Position{Centre}})
	}
	return reqs
}

// countryNamePriority is the base priority of the basemap's country
// names: below any overlay label's (bigger countries first).
const countryNamePriority = -1 << 30

// addMultiPolygon adds mp (lon/lat) to p in t's pixels, rings as they
// wind.
func addMultiPolygon(p *PixelPath, t *Transformer, mp orb.MultiPolygon) {
	for _, poly := range mp {
		for _, r := range poly {
			p.addProjectedRing(r, t.ToPixel, true, 3)
		}
	}
}

// addMultiLineString adds mls (lon/lat) to p in t's pixels as open
// subpaths.
func addMultiLineString(p *PixelPath, t *Transformer, mls orb.MultiLineString) {
	for _, ls := range mls {
		p.addProjected(ls, t.ToPixel, true)
	}
}

// pixelArea returns the signed area of mp's outer rings in t's pixels.
func pixelArea(t *Transformer, mp orb.MultiPolygon) float64 {
	var a float64
	for _, poly := range mp {
		if len(poly) == 0 {
			continue
		}
		r := make([]orb.Point, len(poly[0]))
		for i, q := range poly[0] {
			x, y := t.ToPixel(q)
			r[i] = orb.Point{x, y}
		}
		a += math.Abs(shoelace(r)) / 2
	}
	return a
}
