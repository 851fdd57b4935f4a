package icon

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/vector"
)

// designSize is the side of the square design space the paths are drawn in.
const designSize = 512

// Palette (Okabe–Ito, the app's colour-blind-safe palette, plus neutrals).
var (
	colourTile   = color.NRGBA{0x00, 0x72, 0xB2, 0xFF} // Okabe–Ito blue
	colourSea    = color.NRGBA{0x56, 0xB4, 0xE9, 0xFF} // Okabe–Ito sky blue
	colourLand   = color.NRGBA{0xF6, 0xEC, 0xD4, 0xFF} // sand
	colourZone   = color.NRGBA{0x00, 0x9E, 0x73, 0xFF} // Okabe–Ito bluish green
	colourPin    = color.NRGBA{0xD5, 0x5E, 0x00, 0xFF} // Okabe–Ito vermillion
	colourInk    = color.NRGBA{0x0B, 0x22, 0x39, 0xFF} // navy outline
	colourWhite  = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	colourShade  = color.NRGBA{0x0B, 0x22, 0x39, 0x38} // fold shading
	colourShadow = color.NRGBA{0x0B, 0x22, 0x39, 0x50} // drop shadows
)

// point is a position in the 512×512 design space, y down.
type point struct{ X, Y float64 }

// segment is one path command: 'M' move to P[0], 'L' line to P[0], 'C' cubic
// Bézier through P[0], P[1] to P[2], 'Z' close.
type segment struct {
	Op byte
	P  [3]point
}

// path is a closed outline, filled with the non-zero rule.
type path []segment

// shape is a filled path.
type shape struct {
	Fill color.NRGBA
	Path path
}

// polygon returns the closed path through pts.
func polygon(pts []point) path {
	p := make(path, 0, len(pts)+1)
	for i, q := range pts {
		op := byte('L')
		if i == 0 {
			op = 'M'
		}
		p = append(p, segment{Op: op, P: [3]point{q}})
	}
	return append(p, segment{Op: 'Z'})
}

// arc appends to p the elliptic arc around c with radii rx, ry from angle a0
// to a1 (radians, y down, any sign of sweep) as cubic Béziers of at most 90°.
// It assumes p already ends at the arc's start.
func arc(p path, c point, rx, ry, a0, a1 float64) path {
	n := int(math.Ceil(math.Abs(a1-a0) / (math.Pi / 2)))
	if n == 0 {
		return p
	}
	step := (a1 - a0) / float64(n)
	k := 4.0 / 3.0 * math.Tan(step/4)
	at := func(a float64) point { return point{c.X + rx*math.Cos(a), c.Y + ry*math.Sin(a)} }
	for i := 0; i < n; i++ {
		a, b := a0+float64(i)*step, a0+float64(i+1)*step
		p0, p3 := at(a), at(b)
		p1 := point{p0.X - k*rx*math.Sin(a), p0.Y + k*ry*math.Cos(a)}
		p2 := point{p3.X + k*rx*math.Sin(b), p3.Y - k*ry*math.Cos(b)}
		p = append(p, segment{Op: 'C', P: [3]point{p1, p2, p3}})
	}
	return p
}

// ellipse returns the closed ellipse around c.
func ellipse(c point, rx, ry float64) path {
	p := path{{Op: 'M', P: [3]point{{c.X + rx, c.Y}}}}
	return append(arc(p, c, rx, ry, 0, 2*math.Pi), segment{Op: 'Z'})
}

// roundedSquare returns the square [x0,x1]² with corner radius r.
func roundedSquare(x0, x1, r float64) path {
	p := path{{Op: 'M', P: [3]point{{x0 + r, x0}}}}
	p = append(p, segment{Op: 'L', P: [3]point{{x1 - r, x0}}})
	p = arc(p, point{x1 - r, x0 + r}, r, r, -math.Pi/2, 0)
	p = append(p, segment{Op: 'L', P: [3]point{{x1, x1 - r}}})
	p = arc(p, point{x1 - r, x1 - r}, r, r, 0, math.Pi/2)
	p = append(p, segment{Op: 'L', P: [3]point{{x0 + r, x1}}})
	p = arc(p, point{x0 + r, x1 - r}, r, r, math.Pi/2, math.Pi)
	p = append(p, segment{Op: 'L', P: [3]point{{x0, x0 + r}}})
	p = arc(p, point{x0 + r, x0 + r}, r, r, math.Pi, 3*math.Pi/2)
	return append(p, segment{Op: 'Z'})
}

// pin returns a map pin: a circle of radius r around head that narrows to
// the point tip straight below it.
func pin(head point, r float64, tip point) path {
	d := tip.Y - head.Y
	theta := math.Acos(r / d) // angle between the axis and each tangent point
	down := math.Pi / 2
	p := path{{Op: 'M', P: [3]point{tip}}}
	start := down - theta
	p = append(p, segment{Op: 'L', P: [3]point{{head.X + r*math.Cos(start), head.Y + r*math.Sin(start)}}})
	p = arc(p, head, r, r, start, down+theta-2*math.Pi)
	return append(p, segment{Op: 'Z'})
}

// The folded map: three panels between the fold lines at foldX, whose top
// edge zigzags through foldTop; every panel is mapDepth deep. Shapes on the
// map are drawn flat (x, depth below the top edge) and folded by fold.
var (
	foldX   = [4]float64{92, 201, 311, 420}
	foldTop = [4]float64{176, 144, 176, 144}
)

const mapDepth = 232

// topAt returns the y of the map's top edge at x (linear between folds).
func topAt(x float64) float64 {
	for i := 0; i < 3; i++ {
		if x <= foldX[i+1] || i == 2 {
			t := (x - foldX[i]) / (foldX[i+1] - foldX[i])
			return foldTop[i] + t*(foldTop[i+1]-foldTop[i])
		}
	}
	return foldTop[3]
}

// fold maps a flat polygon (x, depth) onto the folded map, inserting a
// vertex wherever an edge crosses a fold so that edges stay straight on
// each panel.
func fold(flat []point) []point {
	var out []point
	for i, a := range flat {
		b := flat[(i+1)%len(flat)]
		out = append(out, point{a.X, topAt(a.X) + a.Y})
		lo, hi := math.Min(a.X, b.X), math.Max(a.X, b.X)
		var cuts []float64
		for _, fx := range foldX[1:3] {
			if fx > lo && fx < hi {
				cuts = append(cuts, fx)
			}
		}
		if a.X > b.X && len(cuts) == 2 {
			cuts[0], cuts[1] = cuts[1], cuts[0]
		}
		for _, fx := range cuts {
			t := (fx - a.X) / (b.X - a.X)
			out = append(out, point{fx, topAt(fx) + a.Y + t*(b.Y-a.Y)})
		}
	}
	return out
}

// coast is the shoreline across the flat map, west to east: a gulf in the
// middle panel, like the Gulf of Sidra.
var coast = []point{
	{92, 58}, {122, 64}, {152, 74}, {182, 80}, {212, 88}, {236, 102},
	{258, 118}, {284, 120}, {306, 104}, {330, 86}, {356, 76}, {388, 68}, {420, 64},
}

// design returns the icon's shapes, back to front.
func design() []shape {
	mapRect := []point{{foldX[0], 0}, {foldX[3], 0}, {foldX[3], mapDepth}, {foldX[0], mapDepth}}
	shadow := fold(mapRect)
	for i := range shadow {
		shadow[i].X += 6
		shadow[i].Y += 12
	}
	sea := append([]point{{foldX[0], 0}, {foldX[3], 0}}, reversed(coast)...)
	zone := []point{{300, 150}, {330, 124}, {372, 116}, {420, 112}, {420, 206}, {352, 214}, {308, 196}}
	middle := []point{
		{foldX[1], foldTop[1]}, {foldX[2], foldTop[2]},
		{foldX[2], foldTop[2] + mapDepth}, {foldX[1], foldTop[1] + mapDepth},
	}
	head, tip := point{248, 196}, point{248, 356}
	return []shape{
		{colourTile, roundedSquare(16, 496, 104)},
		{colourShadow, polygon(shadow)},
		{colourLand, polygon(fold(mapRect))},
		{colourSea, polygon(fold(sea))},
		{colourZone, polygon(fold(zone))},
		{colourShade, polygon(middle)},
		{colourShadow, ellipse(point{tip.X + 6, tip.Y + 2}, 34, 10)},
		{colourInk, pin(point{head.X, head.Y}, 94, point{tip.X, tip.Y + 14})},
		{colourPin, pin(head, 80, tip)},
		{colourWhite, ellipse(head, 32, 32)},
	}
}

func reversed(pts []point) []point {
	out := make([]point, len(pts))
	for i, p := range pts {
		out[len(pts)-1-i] = p
	}
	return out
}

// Draw returns the icon rasterised at size×size pixels (anti-aliased,
// premultiplied, on a transparent background). It assumes size > 0.
func Draw(size int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float32(size) / designSize
	z := vector.NewRasterizer(size, size)
	for _, sh := range design() {
		z.Reset(size, size)
		for _, seg := range sh.Path {
			p := seg.P
			switch seg.Op {
			case 'M':
				z.MoveTo(float32(p[0].X)*s, float32(p[0].Y)*s)
			case 'L':
				z.LineTo(float32(p[0].X)*s, float32(p[0].Y)*s)
			case 'C':
				z.CubeTo(float32(p[0].X)*s, float32(p[0].Y)*s, float32(p[1].X)*s, float32(p[1].Y)*s, float32(p[2].X)*s, float32(p[2].Y)*s)
			case 'Z':
				z.ClosePath()
			}
		}
		z.Draw(dst, dst.Bounds(), image.NewUniform(sh.Fill), image.Point{})
	}
	return dst
}

// SVG returns the icon as a standalone SVG document (viewBox 0 0 512 512),
// the same paths Draw rasterises.
func SVG() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`+"\n",
		designSize, designSize, designSize, designSize)
	b.WriteString("<title>Briefmap</title>\n")
	for _, sh := range design() {
		fmt.Fprintf(&b, `<path stroke="none" fill="#%02x%02x%02x"`, sh.Fill.R, sh.Fill.G, sh.Fill.B)
		if sh.Fill.A != 0xFF {
			fmt.Fprintf(&b, ` fill-opacity="%s"`, num(float64(sh.Fill.A)/255))
		}
		b.WriteString(` d="`)
		for i, seg := range sh.Path {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte(seg.Op)
			n := map[byte]int{'M': 1, 'L': 1, 'C': 3}[seg.Op]
			for j := 0; j < n; j++ {
				fmt.Fprintf(&b, " %s %s", num(seg.P[j].X), num(seg.P[j].Y))
			}
		}
		b.WriteString("\"/>\n")
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// num formats v with at most two decimals and no trailing zeros.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
