package geo

import (
	"image/color"
	"math"
	"strconv"

	"github.com/briefmap/briefmap/geo/basemap"
)

// furniture is where the map's attribution and scale bar go.
type furniture struct {
	attr      string
	attrStyle TextStyle
	attrX     float64
	attrY     float64
	attrBox   Box
	scale     bool
	scaleX    float64
	scaleY    float64
	scaleBox  Box
}

func (f furniture) boxes() []Box {
	var b []Box
	if f.attr != "" {
		b = append(b, f.attrBox)
	}
	if f.scale {
		b = append(b, f.scaleBox)
	}
	return b
}

// furniture lays out the attribution (bottom right) and the scale bar
// (bottom left) without drawing them.
func (m *Map) furniture(c Surface, t *Transformer) furniture {
	var f furniture
	k := m.ratio()
	margin := 10 * k
	w, h := t.Size()
	attr := m.Attribution
	if attr == "" && m.Basemap != nil {
		attr = basemap.Attribution
	}
	if attr != "" && !m.NoAttribution {
		st := TextStyle{Size: 10 * k, Color: MutedTextColor, Halo: WithAlpha(color.NRGBA{0xff, 0xff, 0xff, 0xff}, 0.7), HaloWidth: 1.5 * k}
		maxW := float64(w) - 2*margin
		if m.ScaleBar {
			maxW = float64(w)/2 - margin
		}
		attr = c.Ellipsize(attr, st, maxW)
		tw, _, _ := c.MeasureText(attr, st)
		x, y := float64(w)-margin-tw, float64(h)-margin
		f.attr, f.attrStyle, f.attrX, f.attrY = attr, st, x, y
		f.attrBox = Box{x - st.HaloWidth, y - st.Size*0.76 - st.HaloWidth, x + tw + st.HaloWidth, y + st.Size*0.25 + st.HaloWidth}
	}
	if m.ScaleBar {
		f.scaleX, f.scaleY = margin, float64(h)-margin
		f.scaleBox, f.scale = scaleBar(c, t, f.scaleX, f.scaleY, k, false)
	}
	return f
}

// drawFurniture draws the attribution and the scale bar laid out in f.
func (m *Map) drawFurniture(c Surface, t *Transformer, f furniture) {
	if f.attr != "" {
		c.Text(f.attrX, f.attrY, f.attr, f.attrStyle)
	}
	if f.scale {
		scaleBar(c, t, f.scaleX, f.scaleY, m.ratio(), true)
	}
}

// ScaleLength returns the round length in km (1, 2 or 5 × 10ⁿ) of the
// longest scale bar no longer than maxPixels at t's centre latitude, and
// its length in pixels; ok is false when no length from 1 m fits.
func ScaleLength(t *Transformer, maxPixels float64) (km, pixels float64, ok bool) {
	mpp := t.MetresPerPixel()
	if !(mpp > 0) || !(maxPixels > 0) {
		return 0, 0, false
	}
	maxKm := maxPixels * mpp / 1000
	p := math.Pow(10, math.Floor(math.Log10(maxKm)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= maxKm {
			km = f * p
			break
		}
	}
	if km < 0.001 {
		return 0, 0, false
	}
	return km, km * 1000 / mpp, true
}

// DrawScaleBar draws a scale bar for t with its left end at (x, y) (its
// label above it), sized by ratio (1 for ordinary screens), and returns its
// box; ok is false when no round length fits.
func DrawScaleBar(c Surface, t *Transformer, x, y, ratio float64) (b Box, ok bool) {
	return scaleBar(c, t, x, y, ratio, true)
}

// scaleBar lays out (and when draw is set, draws) a scale bar.
func scaleBar(c Surface, t *Transformer, x, y, ratio float64, draw bool) (Box, bool) {
	w, _ := t.Size()
	km, px, ok := ScaleLength(t, math.Min(float64(w)*0.22, 220*ratio))
	if !ok {
		return Box{}, false
	}
	ink := InkColor
	halo := color.NRGBA{0xff, 0xff, 0xff, 0xc0}
	lw := 1.5 * ratio
	tick := 5 * ratio
	y = math.Round(y-2*ratio) + 0.5
	label := formatKm(km)
	st := TextStyle{Size: 11 * ratio, Color: ink, Halo: halo, HaloWidth: 1.5 * ratio}
	tw, _, _ := c.MeasureText(label, st)
	tx := x + px/2 - tw/2
	ty := y - 4*ratio
	if draw {
		var p PixelPath
		p.MoveTo(x, y-tick)
		p.LineTo(x, y)
		p.LineTo(x+px, y)
		p.LineTo(x+px, y-tick)
		c.StrokePath(&p, Stroke{Color: halo, Width: lw + 3*ratio, Round: true})
		c.StrokePath(&p, Stroke{Color: ink, Width: lw})
		c.Text(tx, ty, label, st)
	}
	top := ty - st.Size*0.76 - st.HaloWidth
	return Box{x - 3*ratio, top, math.Max(x+px, tx+tw) + 3*ratio, y + 3*ratio}, true
}

func formatKm(km float64) string {
	if km < 1 {
		return strconv.FormatFloat(km*1000, 'f', -1, 64) + " m"
	}
	return strconv.FormatFloat(km, 'f', -1, 64) + " km"
}
