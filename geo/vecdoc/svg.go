package vecdoc

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"strconv"

	"github.com/briefmap/briefmap/geo"
)

// Why glyph outlines in the SVG: rsvg-convert (librsvg 2.54, what GNOME,
// ImageMagick and most converters use) ignores @font-face, data URLs
// included: a text element set in an embedded Noto Sans came out in the
// system's DejaVu Sans, wider, so labels overran their places. The SVG
// therefore draws every text as outlines of the embedded font (each glyph
// defined once and placed with <use>), and beside it keeps the text itself
// in a transparent <text> element stretched to the same length, so a
// browser can select and search it and a parser finds it.

// WriteSVG writes v as an SVG 1.1 document the size of the surface in
// pixels: vector shapes, text as glyph outlines beside a transparent text
// copy (see above), the title and subject as <title> and <desc>. The
// output depends only on v and m.
func WriteSVG(w io.Writer, v *geo.Vector, m Meta) error {
	pw, ph := v.PageSize()
	if !(pw > 0 && ph > 0) {
		return fmt.Errorf("svg: empty page %gx%g", pw, ph)
	}
	s := &svgWriter{fs: newFontSet(v.Faces().Fonts()), faces: v.Faces()}
	clips := v.Clips()
	clip := 0
	for i := range v.Ops() {
		op := &v.Ops()[i]
		if op.Clip != clip {
			if clip != 0 {
				s.body.WriteString("</g>\n")
			}
			if op.Clip != 0 {
				fmt.Fprintf(&s.body, "<g clip-path=\"url(#c%d)\">\n", op.Clip)
			}
			clip = op.Clip
		}
		if err := s.draw(op); err != nil {
			return fmt.Errorf("svg: %w", err)
		}
	}
	if clip != 0 {
		s.body.WriteString("</g>\n")
	}

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"+
		"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\">\n",
		appendNum(nil, pw, 2), appendNum(nil, ph, 2), appendNum(nil, pw, 2), appendNum(nil, ph, 2))
	bw.WriteString("<title>" + escape(m.Title) + "</title>\n")
	bw.WriteString("<desc>" + escape(m.Subject) + "</desc>\n")
	bw.WriteString("<metadata>" + escape("Created by "+m.Creator) + "</metadata>\n<defs>\n")
	for i := 1; i < len(clips); i++ {
		b := clips[i]
		fmt.Fprintf(bw, "<clipPath id=\"c%d\"><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/></clipPath>\n", i,
			appendNum(nil, b.X0, 2), appendNum(nil, b.Y0, 2), appendNum(nil, b.W(), 2), appendNum(nil, b.H(), 2))
	}
	for _, f := range s.fs.order {
		for id := 1; id < len(f.sub.olds); id++ {
			if segs := s.fs.outline(f, uint16(id)); len(segs) > 0 {
				fmt.Fprintf(bw, "<path id=\"%s\" d=\"%s\"/>\n", glyphID(f, uint16(id)), glyphPath(segs))
			}
		}
	}
	bw.Write(s.defs.Bytes())
	bw.WriteString("</defs>\n")
	bw.Write(s.body.Bytes())
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

type svgWriter struct {
	fs    *fontSet
	faces *geo.FaceCache
	defs  bytes.Buffer // hatched paths, their clips and haloed runs
	body  bytes.Buffer
	n     int // counter for ids in defs
}

// glyphID names glyph id of f in the SVG: r12, b12 or i12.
func glyphID(f *docFont, id uint16) string {
	p := "r"
	switch f.weight {
	case geo.Bold:
		p = "b"
	case geo.Italic:
		p = "i"
	}
	return p + strconv.Itoa(int(id))
}

// glyphPath returns a glyph outline as path data in font units.
func glyphPath(segs []pseg) string {
	var b []byte
	for _, s := range segs {
		b = append(b, s.op)
		n := map[byte]int{'M': 1, 'L': 1, 'Q': 2, 'C': 3}[s.op]
		for i := 0; i < n; i++ {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendNum(b, s.pts[i][0], 1)
			if s.pts[i][1] >= 0 {
				b = append(b, ' ')
			}
			b = appendNum(b, s.pts[i][1], 1)
		}
	}
	return string(append(b, 'Z'))
}

// pathData returns p as SVG path data; every subpath closed when fill.
func pathData(p *geo.PixelPath, fill bool) []byte {
	var b []byte
	i := 0
	for pts := range p.Subpaths() {
		for j, q := range pts {
			if j == 0 {
				b = append(b, 'M')
			} else {
				b = append(b, 'L')
			}
			b = appendNum(b, q[0], 2)
			if q[1] >= 0 {
				b = append(b, ' ')
			}
			b = appendNum(b, q[1], 2)
		}
		if fill || p.Closed(i) {
			b = append(b, 'Z')
		}
		i++
	}
	return b
}

// paint returns the attributes that paint with col: "fill" or "stroke".
func paint(attr string, col color.NRGBA) string {
	s := fmt.Sprintf(` %s="#%02x%02x%02x"`, attr, col.R, col.G, col.B)
	if col.A < 0xff {
		s += fmt.Sprintf(` %s-opacity="%s"`, attr, appendNum(nil, float64(col.A)/255, 3))
	}
	return s
}

// strokeAttrs returns the attributes of stroke st.
func strokeAttrs(st geo.Stroke) string {
	s := paint("stroke", st.Color) + ` stroke-width="` + string(appendNum(nil, st.Width, 3)) + `"`
	if st.Round {
		s += ` stroke-linejoin="round" stroke-linecap="round"`
	} else {
		s += ` stroke-linejoin="bevel"`
	}
	if len(st.Dash) > 0 {
		var d []byte
		for i, v := range st.Dash {
			if i > 0 {
				d = append(d, ' ')
			}
			d = appendNum(d, v, 2)
		}
		s += ` stroke-dasharray="` + string(d) + `"`
	}
	return s
}

func (s *svgWriter) draw(op *geo.VectorOp) error {
	switch op.Kind {
	case geo.OpFill:
		if !op.Hatch.Visible() {
			fmt.Fprintf(&s.body, "<path d=\"%s\"%s/>\n", pathData(op.Path, true), paint("fill", op.Fill))
			return nil
		}
		s.n++
		fmt.Fprintf(&s.defs, "<path id=\"p%d\" d=\"%s\"/>\n<clipPath id=\"h%d\"><use xlink:href=\"#p%d\"/></clipPath>\n", s.n, pathData(op.Path, true), s.n, s.n)
		if op.Fill.A > 0 {
			fmt.Fprintf(&s.body, "<use xlink:href=\"#p%d\"%s/>\n", s.n, paint("fill", op.Fill))
		}
		var lines []byte
		for _, l := range hatchLines(op) {
			lines = append(lines, 'M')
			lines = appendNum(lines, l[0], 2)
			lines = append(lines, ' ')
			lines = appendNum(lines, l[1], 2)
			lines = append(lines, 'L')
			lines = appendNum(lines, l[2], 2)
			lines = append(lines, ' ')
			lines = appendNum(lines, l[3], 2)
		}
		fmt.Fprintf(&s.body, "<path clip-path=\"url(#h%d)\" d=\"%s\" fill=\"none\"%s/>\n", s.n, lines,
			strokeAttrs(geo.Stroke{Color: op.Hatch.Color, Width: op.Hatch.Width}))
	case geo.OpStroke:
		fmt.Fprintf(&s.body, "<path d=\"%s\" fill=\"none\"%s/>\n", pathData(op.Path, false), strokeAttrs(op.Stroke))
	case geo.OpText:
		return s.text(op)
	}
	return nil
}

// text writes a text op: the glyph outlines (the halo a stroke of them
// under them) and the transparent text copy.
func (s *svgWriter) text(op *geo.VectorOp) error {
	st := op.Style
	f, run, k, err := s.fs.textRun(s.faces, op)
	if err != nil {
		return err
	}
	var g bytes.Buffer
	fmt.Fprintf(&g, "transform=\"translate(%s %s) scale(%s)\">", appendNum(nil, op.X, 2), appendNum(nil, op.Y, 2), appendNum(nil, k, 6))
	for _, gl := range run {
		if len(s.fs.outline(f, gl.id)) == 0 {
			continue // a space
		}
		fmt.Fprintf(&g, "<use xlink:href=\"#%s\"", glyphID(f, gl.id))
		if x := gl.x / k; x != 0 {
			fmt.Fprintf(&g, " x=\"%s\"", appendNum(nil, x, 1))
		}
		g.WriteString("/>")
	}
	g.WriteString("</g>")
	halo := st.HaloWidth > 0 && st.Halo.A > 0
	switch {
	case halo:
		s.n++
		fmt.Fprintf(&s.defs, "<g id=\"t%d\" %s\n", s.n, g.Bytes())
		fmt.Fprintf(&s.body, "<use xlink:href=\"#t%d\"%s%s/>\n", s.n, paint("fill", st.Halo),
			strokeAttrs(geo.Stroke{Color: st.Halo, Width: 2 * st.HaloWidth / k, Round: true}))
		if st.Color.A > 0 {
			fmt.Fprintf(&s.body, "<use xlink:href=\"#t%d\"%s/>\n", s.n, paint("fill", st.Color))
		}
	case st.Color.A > 0:
		fmt.Fprintf(&s.body, "<g%s %s\n", paint("fill", st.Color), g.Bytes())
	}
	w, _, _ := s.faces.MeasureText(op.Text, st)
	font := ""
	switch st.Weight {
	case geo.Bold:
		font = ` font-weight="bold"`
	case geo.Italic:
		font = ` font-style="italic"`
	}
	fmt.Fprintf(&s.body, "<text x=\"%s\" y=\"%s\" font-family=\"Noto Sans\" font-size=\"%s\"%s textLength=\"%s\" lengthAdjust=\"spacingAndGlyphs\" fill-opacity=\"0\" xml:space=\"preserve\">%s</text>\n",
		appendNum(nil, op.X, 2), appendNum(nil, op.Y, 2), appendNum(nil, st.Size, 2), font, appendNum(nil, w, 2), escape(op.Text))
	return nil
}

// escape returns s as XML character data (and attribute values): &, <,
// >, quotes and white space other than a plain space escaped, and
// characters XML cannot hold replaced by U+FFFD.
func escape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s)) //nolint:errcheck // a bytes.Buffer does not fail
	return b.String()
}
