package vecdoc

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf16"

	"github.com/briefmap/briefmap/geo"
)

// Meta is what a document says about itself: the PDF's Info dictionary,
// the SVG's title and description.
type Meta struct {
	Title   string
	Subject string
	Creator string // e.g. "Briefmap 1.4.0"
}

// PageWidthPt and PageHeightPt are the PDF page size in points: 16:9,
// 338.7 × 190.5 mm, whatever the pixel size of the surface drawn.
const (
	PageWidthPt  = 960.0
	PageHeightPt = 540.0
)

// WritePDF writes v as a one-page PDF 1.7: vector shapes, real text in
// subsets of the embedded fonts (with a ToUnicode map, so it can be
// selected, searched and extracted), the page 960 × 540 pt with the
// surface scaled to fill it. The output depends only on v and m: no date,
// no random ID.
func WritePDF(w io.Writer, v *geo.Vector, m Meta) error {
	pw, ph := v.PageSize()
	if !(pw > 0 && ph > 0) {
		return fmt.Errorf("pdf: empty page %gx%g", pw, ph)
	}
	fs := newFontSet(v.Faces().Fonts())
	c := &pdfContent{fs: fs, faces: v.Faces()}
	c.reset()
	k := PageWidthPt / pw
	c.b = append(c.b, fmt.Sprintf("%s 0 0 %s 0 %s cm\n", appendNum(nil, k, 6), appendNum(nil, -PageHeightPt/ph, 6), appendNum(nil, PageHeightPt, 2))...)
	clip := 0
	clips := v.Clips()
	for i := range v.Ops() {
		op := &v.Ops()[i]
		if op.Clip != clip {
			if clip != 0 {
				c.op("Q")
				c.reset()
			}
			if op.Clip != 0 {
				c.clip(clips[op.Clip])
			}
			clip = op.Clip
		}
		if err := c.draw(op); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	if clip != 0 {
		c.op("Q")
	}

	d := &pdfDoc{}
	// Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 info, five per
	// font, then the halos' glyph forms.
	d.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	d.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	var res bytes.Buffer
	res.WriteString("<< /ProcSet [/PDF /Text]")
	if len(c.alphas) > 0 {
		res.WriteString(" /ExtGState <<")
		slices.Sort(c.alphas)
		for _, a := range c.alphas {
			fmt.Fprintf(&res, " /%s << /ca %s /CA %s >>", gsName(a), appendNum(nil, float64(a)/255, 4), appendNum(nil, float64(a)/255, 4))
		}
		res.WriteString(" >>")
	}
	if len(fs.order) > 0 {
		res.WriteString(" /Font <<")
		for i, f := range fs.order {
			fmt.Fprintf(&res, " /%s %d 0 R", f.name, 6+5*i)
		}
		res.WriteString(" >>")
	}
	firstForm := 6 + 5*len(fs.order)
	if len(c.halos) > 0 {
		res.WriteString(" /XObject <<")
		for i := range c.halos {
			fmt.Fprintf(&res, " /H%d %d 0 R", i+1, firstForm+i)
		}
		res.WriteString(" >>")
	}
	res.WriteString(" >>")
	d.obj(3, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents 4 0 R >>",
		appendNum(nil, PageWidthPt, 2), appendNum(nil, PageHeightPt, 2), res.String()))
	if err := d.stream(4, "", c.b); err != nil {
		return err
	}
	d.obj(5, fmt.Sprintf("<< /Title %s /Subject %s /Creator %s /Producer %s >>",
		textString(m.Title), textString(m.Subject), textString(m.Creator), textString(m.Creator)))
	for i, f := range fs.order {
		if err := d.font(6+5*i, f); err != nil {
			return err
		}
	}
	// The halos' glyph forms, in font units (y down, as the page's
	// pixels), with a box any glyph and its halo fit in.
	for i, h := range c.halos {
		if err := d.stream(firstForm+i, " /Type /XObject /Subtype /Form /BBox [-4000 -4000 6000 4000]", c.haloForm(h)); err != nil {
			return err
		}
	}
	return d.write(w)
}

// pdfDoc collects a PDF's objects by number.
type pdfDoc struct {
	objs [][]byte // objs[n-1] is object n's body
	zw   *zlib.Writer
}

func (d *pdfDoc) obj(n int, body string) { d.set(n, []byte(body)) }

func (d *pdfDoc) set(n int, body []byte) {
	for len(d.objs) < n {
		d.objs = append(d.objs, nil)
	}
	d.objs[n-1] = body
}

// stream sets object n to a Flate-compressed stream of data with extra
// dictionary entries.
func (d *pdfDoc) stream(n int, extra string, data []byte) error {
	var z bytes.Buffer
	if d.zw == nil {
		zw, err := zlib.NewWriterLevel(&z, zlib.DefaultCompression)
		if err != nil {
			return err
		}
		d.zw = zw
	} else {
		d.zw.Reset(&z) // a compressor's state is about a megabyte: reuse it
	}
	zw := d.zw
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /Length %d /Filter /FlateDecode%s >>\nstream\n", z.Len(), extra)
	b.Write(z.Bytes())
	b.WriteString("\nendstream")
	d.set(n, b.Bytes())
	return nil
}

// font sets objects n…n+4 to font f: the Type0 font, its CIDFontType2
// descendant, the descriptor, the subset TrueType file and the ToUnicode
// map.
func (d *pdfDoc) font(n int, f *docFont) error {
	name := f.postScriptName()
	d.obj(n, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", name, n+1, n+4))
	var wb bytes.Buffer
	wb.WriteString("[0 [")
	scale := 1000 / f.upem
	for id := range f.sub.olds {
		if id > 0 {
			wb.WriteByte(' ')
		}
		wb.Write(appendNum(nil, float64(f.sub.advance(uint16(id)))*scale, 1))
	}
	wb.WriteString("]]")
	d.obj(n+1, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /CIDToGIDMap /Identity /W %s >>", name, n+2, wb.String()))
	sf := f.sf
	b, _ := sf.Bounds(nil, fixedI(f.upem), 0)
	flags, italic := 32, 0 // non-symbolic
	if f.weight == geo.Italic {
		flags |= 64
		italic = -12
	}
	stemV := 80
	if f.weight == geo.Bold {
		stemV = 140
	}
	m, _ := sf.Metrics(nil, fixedI(f.upem), 0)
	d.obj(n+2, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>",
		name, flags, int(float64(b.Min.X)/64*scale), int(-float64(b.Max.Y)/64*scale), int(float64(b.Max.X)/64*scale), int(-float64(b.Min.Y)/64*scale),
		italic, int(float64(m.Ascent)/64*scale), -int(float64(m.Descent)/64*scale), int(float64(m.CapHeight)/64*scale), stemV, n+3))
	font := f.sub.font(f.cmap())
	if err := d.stream(n+3, " /Length1 "+strconv.Itoa(len(font)), font); err != nil {
		return err
	}
	return d.stream(n+4, "", toUnicode(f))
}

// toUnicode returns the CMap that maps f's glyph ids to the text they were
// drawn for.
func toUnicode(f *docFont) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	ids := make([]uint16, 0, len(f.runes))
	for id := range f.runes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for len(ids) > 0 {
		chunk := ids[:min(100, len(ids))]
		ids = ids[len(chunk):]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, id := range chunk {
			fmt.Fprintf(&b, "<%04X> <", id)
			for _, u := range utf16.Encode([]rune{f.runes[id]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// write writes the file: header, objects, cross-reference table, trailer.
func (d *pdfDoc) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	off := 0
	put := func(s []byte) {
		n, _ := bw.Write(s)
		off += n
	}
	put([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	offsets := make([]int, len(d.objs))
	for i, body := range d.objs {
		offsets[i] = off
		put([]byte(strconv.Itoa(i+1) + " 0 obj\n"))
		put(body)
		put([]byte("\nendobj\n"))
	}
	xref := off
	put([]byte(fmt.Sprintf("xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)))
	for _, o := range offsets {
		put([]byte(fmt.Sprintf("%010d 00000 n \n", o)))
	}
	put([]byte(fmt.Sprintf("trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, xref)))
	return bw.Flush()
}

// textString returns s as a PDF text string: a hexadecimal string of
// UTF-16BE with a byte-order mark, which needs no escaping and holds any
// character.
func textString(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}
