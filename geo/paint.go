package geo

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
)

// coverageTable holds, for each 8-bit coverage m, the 8.8 fixed-point
// factors of compositing a colour at that coverage: a channel v becomes
// (v·keep + add) >> 8, computed two channels at a time (R and B, then G and
// A, in the lanes of a uint32). Tables make the per-pixel work two
// multiplies and two adds, with no division.
type coverageTable struct {
	keep   [256]uint32
	addRB  [256]uint32 // R in bits 0–15, B in bits 16–31
	addGA  [256]uint32 // G in bits 0–15, A in bits 16–31
	opaque [256]bool   // the result is the colour itself
}

func (t *coverageTable) set(col color.NRGBA) {
	// Premultiplied colour, 8 bits.
	pr := uint32(col.R) * uint32(col.A) / 255
	pg := uint32(col.G) * uint32(col.A) / 255
	pb := uint32(col.B) * uint32(col.A) / 255
	for m := range 256 {
		k := uint32(col.A) * uint32(m) // alpha·coverage, 0…255²
		// keep is rounded and the colour terms round down then add
		// 127/256, so v·keep + add stays below 255·256 + 255: no lane
		// overflows into the next.
		t.keep[m] = 256 - (k*256+32512)/65025
		r := pr*uint32(m)*256/255 + 127
		g := pg*uint32(m)*256/255 + 127
		b := pb*uint32(m)*256/255 + 127
		a := k*256/255 + 127
		t.addRB[m] = r | b<<16
		t.addGA[m] = g | a<<16
		t.opaque[m] = k == 255*255
	}
}

// coverageTables keeps the tables of the last colours a canvas painted:
// setting one up costs about as much as painting a marker's pixels, and a
// map paints its thousand markers in a dozen colours. Tables are allocated
// as colours come (3 kB each), up to maxCoverageTables.
type coverageTables struct {
	cols []color.NRGBA
	tabs []*coverageTable
	next int // the entry to replace when full, round robin
}

const maxCoverageTables = 16

// get returns the table of col, set up on first use.
func (ts *coverageTables) get(col color.NRGBA) *coverageTable {
	for i, c := range ts.cols {
		if c == col {
			return ts.tabs[i]
		}
	}
	if len(ts.cols) < maxCoverageTables {
		ts.cols, ts.tabs = append(ts.cols, col), append(ts.tabs, new(coverageTable))
		ts.tabs[len(ts.tabs)-1].set(col)
		return ts.tabs[len(ts.tabs)-1]
	}
	i := ts.next
	ts.next = (ts.next + 1) % maxCoverageTables
	ts.cols[i] = col
	ts.tabs[i].set(col)
	return ts.tabs[i]
}

// blendPixel composites table entry m over pixel p (RGBA, little-endian
// bytes). An opaque pixel stays opaque.
func (t *coverageTable) blendPixel(p uint32, m uint8) uint32 {
	k := t.keep[m]
	rb := ((p&0x00ff00ff)*k + t.addRB[m]) >> 8 & 0x00ff00ff
	ga := (((p>>8)&0x00ff00ff)*k + t.addGA[m]) & 0xff00ff00
	out := rb | ga
	if p >= 0xff000000 {
		out |= 0xff000000
	}
	return out
}

// paintCoverage composites col (whose table is t) through the scratch
// mask onto the image rectangle r (absolute coordinates), skipping
// uncovered pixels eight at a time.
func (c *Canvas) paintCoverage(r image.Rectangle, col color.NRGBA, t *coverageTable) {
	solid := uint32(col.R) | uint32(col.G)<<8 | uint32(col.B)<<16 | 0xff000000
	solid2 := uint64(solid) | uint64(solid)<<32
	// Two fully covered pixels at a time, in the four 16-bit lanes of a
	// uint64.
	k2 := uint64(t.keep[255])
	rb2 := uint64(t.addRB[255]&0xffff) | uint64(t.addRB[255]>>16)<<16
	rb2 |= rb2 << 32
	ga2 := uint64(t.addGA[255]&0xffff) | uint64(t.addGA[255]>>16)<<16
	ga2 |= ga2 << 32
	const lanes = 0x00ff00ff00ff00ff
	w := r.Dx()
	for y := 0; y < r.Dy(); y++ {
		mrow := c.mask.Pix[y*c.mask.Stride : y*c.mask.Stride+w]
		off := c.dst.PixOffset(r.Min.X, r.Min.Y+y)
		drow := c.dst.Pix[off : off+4*w]
		for x := 0; x < w; x++ {
			if x+8 <= w {
				switch binary.LittleEndian.Uint64(mrow[x : x+8]) {
				case 0:
					x += 7
					continue
				case ^uint64(0):
					// Eight fully covered pixels: the fastest path.
					px := drow[4*x : 4*x+32 : 4*x+32]
					if t.opaque[0xff] {
						for i := 0; i < 32; i += 8 {
							binary.LittleEndian.PutUint64(px[i:i+8], solid2)
						}
					} else {
						for i := 0; i < 32; i += 8 {
							q := binary.LittleEndian.Uint64(px[i : i+8])
							out := ((q&lanes)*k2+rb2)>>8&lanes | (((q>>8)&lanes)*k2+ga2)&^lanes
							// Opaque alpha bytes stay opaque.
							if q&0xff000000 == 0xff000000 {
								out |= 0xff000000
							}
							if q>>56 == 0xff {
								out |= 0xff << 56
							}
							binary.LittleEndian.PutUint64(px[i:i+8], out)
						}
					}
					x += 7
					continue
				}
			}
			if x+2 <= w && mrow[x] == 0xff && mrow[x+1] == 0xff {
				px := drow[4*x : 4*x+8 : 4*x+8]
				if t.opaque[0xff] {
					binary.LittleEndian.PutUint64(px, solid2)
				} else {
					q := binary.LittleEndian.Uint64(px)
					out := ((q&lanes)*k2+rb2)>>8&lanes | (((q>>8)&lanes)*k2+ga2)&^lanes
					if q&0xff000000 == 0xff000000 {
						out |= 0xff000000
					}
					if q>>56 == 0xff {
						out |= 0xff << 56
					}
					binary.LittleEndian.PutUint64(px, out)
				}
				x++
				continue
			}
			m := mrow[x]
			if m == 0 {
				continue
			}
			px := drow[4*x : 4*x+4 : 4*x+4]
			if t.opaque[m] {
				binary.LittleEndian.PutUint32(px, solid)
				continue
			}
			binary.LittleEndian.PutUint32(px, t.blendPixel(binary.LittleEndian.Uint32(px), m))
		}
	}
}

// paintHatch draws hatch h through the scratch mask onto the image
// rectangle r (absolute coordinates).
func (c *Canvas) paintHatch(r image.Rectangle, h Hatch) {
	a := h.Angle * math.Pi / 180
	// d = x·nx + y·ny is the position across the lines (direction
	// (cos a, −sin a) on screen); line k lies at d = k·sp.
	nx, ny := math.Sin(a), math.Cos(a)
	half := h.Width / 2
	sp := h.Spacing
	reach := math.Min(half+0.5, sp/2) // a pixel takes its nearest line only
	cr, cg, cb, ca := premul(h.Color)
	local := r.Sub(c.dst.Rect.Min).Add(c.hatchOrigin)
	w := r.Dx()
	// Pixels are sampled at their top-left corners rather than their
	// centres: a horizontal or vertical line then falls on a pixel row or
	// column, crisp, instead of straddling two.
	x0 := float64(local.Min.X)
	for y := 0; y < r.Dy(); y++ {
		py := float64(local.Min.Y + y)
		mrow := c.mask.Pix[y*c.mask.Stride : y*c.mask.Stride+w]
		drow := c.dst.Pix[c.dst.PixOffset(r.Min.X, r.Min.Y+y):]
		dy := py * ny
		if math.Abs(nx) < 1e-9 {
			// Horizontal lines: one coverage for the whole row.
			f := dy - sp*math.Floor(dy/sp)
			cov := half + 0.5 - math.Min(f, sp-f)
			if cov <= 0 {
				continue
			}
			cov = math.Min(cov, 1)
			for x, m := range mrow {
				if m != 0 {
					blend(drow[4*x:4*x+4], cr, cg, cb, ca, uint32(cov*float64(m)*257))
				}
			}
			continue
		}
		// Visit only the pixels near each line crossing the row.
		da, db := x0*nx+dy, (x0+float64(w-1))*nx+dy
		kmin := int(math.Ceil((math.Min(da, db) - reach) / sp))
		kmax := int(math.Floor((math.Max(da, db) + reach) / sp))
		span := reach / math.Abs(nx)
		for k := kmin; k <= kmax; k++ {
			centre := float64(k) * sp
			xc := (centre-dy)/nx - x0 // the line's crossing, in row pixels
			xa := max(0, int(math.Ceil(xc-span)))
			xb := min(w-1, int(math.Floor(xc+span)))
			for x := xa; x <= xb; x++ {
				m := mrow[x]
				if m == 0 {
					continue
				}
				dd := (x0+float64(x))*nx + dy - centre
				if dd < -sp/2 || dd >= sp/2 {
					continue
				}
				cov := half + 0.5 - math.Abs(dd)
				if cov <= 0 {
					continue
				}
				blend(drow[4*x:4*x+4], cr, cg, cb, ca, uint32(math.Min(cov, 1)*float64(m)*257))
			}
		}
	}
}

// premul returns col premultiplied, 16 bits per channel.
func premul(col color.NRGBA) (r, g, b, a uint32) { return col.RGBA() }

// blend composites a premultiplied 16-bit colour with coverage k (0…0xffff)
// over the RGBA pixel px (the formula of x/image/vector).
func blend(px []uint8, sr, sg, sb, sa, k uint32) {
	a := 0xffff - (sa * k / 0xffff)
	px[0] = uint8(((uint32(px[0])*0x101*a + sr*k) / 0xffff) >> 8)
	px[1] = uint8(((uint32(px[1])*0x101*a + sg*k) / 0xffff) >> 8)
	px[2] = uint8(((uint32(px[2])*0x101*a + sb*k) / 0xffff) >> 8)
	px[3] = uint8(((uint32(px[3])*0x101*a + sa*k) / 0xffff) >> 8)
}
