package vecdoc

import (
	"bytes"
	"encoding/hex"
	"encoding/xml"
	"image"
	"image/color"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/briefmap/briefmap/assets"
	"github.com/briefmap/briefmap/geo"
)

func fonts(t testing.TB) *assets.Fonts {
	t.Helper()
	f, err := assets.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestAppendNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		prec int
		want string
	}{
		{0, 2, "0"}, {1, 2, "1"}, {12.5, 2, "12.5"}, {0.25, 2, ".25"}, {-0.5, 2, "-.5"},
		{-3, 2, "-3"}, {1.005, 2, "1"}, {1919.999, 2, "1920"}, {-0.001, 2, "0"}, {100, 0, "100"},
	} {
		if got := string(appendNum(nil, tc.v, tc.prec)); got != tc.want {
			t.Errorf("appendNum(%v, %d) = %q, want %q", tc.v, tc.prec, got, tc.want)
		}
	}
}

// The subset holds the glyphs used, renumbered, with the same outlines and
// advances as the full font: "é" (a composite in Noto Sans) brings its
// components along.
func TestSubsetKeepsGlyphs(t *testing.T) {
	f := fonts(t)
	full, err := parseTTF(f.RegularTTF)
	if err != nil {
		t.Fatal(err)
	}
	s := newSubsetter(full)
	var buf sfnt.Buffer
	text := "Salamé — Tripoli…"
	ids := map[rune]uint16{}
	for _, r := range text {
		old, err := f.Regular.GlyphIndex(&buf, r)
		if err != nil || old == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		ids[r] = s.use(uint16(old))
	}
	if len(s.olds) >= 40 {
		t.Errorf("subset of %q has %d glyphs", text, len(s.olds))
	}
	cmap := map[rune]uint16{}
	for r, id := range ids {
		cmap[r] = id
	}
	sub, err := sfnt.Parse(s.font(cmap))
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if sub.NumGlyphs() != len(s.olds) {
		t.Errorf("subset has %d glyphs, want %d", sub.NumGlyphs(), len(s.olds))
	}
	ppem := fixed.I(1000)
	var b2 sfnt.Buffer
	for r, id := range ids {
		old, _ := f.Regular.GlyphIndex(&buf, r)
		want, err := f.Regular.LoadGlyph(&buf, old, ppem, nil)
		if err != nil {
			t.Fatal(err)
		}
		want = append(sfnt.Segments(nil), want...)
		got, err := sub.LoadGlyph(&b2, sfnt.GlyphIndex(id), ppem, nil)
		if err != nil {
			t.Fatalf("%q: %v", r, err)
		}
		if len(got) != len(want) {
			t.Errorf("%q: %d segments, want %d", r, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: segment %d is %v, want %v", r, i, got[i], want[i])
				break
			}
		}
		if g, err := sub.GlyphIndex(&b2, r); err != nil || g != sfnt.GlyphIndex(id) {
			t.Errorf("%q: the subset's cmap gives %v, %v; want %d", r, g, err, id)
		}
		wa, _ := f.Regular.GlyphAdvance(&buf, old, ppem, 0)
		ga, _ := sub.GlyphAdvance(&b2, sfnt.GlyphIndex(id), ppem, 0)
		if wa != ga {
			t.Errorf("%q: advance %v, want %v", r, ga, wa)
		}
	}
}

func FuzzParseTTF(f *testing.F) {
	fs, err := assets.LoadFonts()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fs.RegularTTF[:2048])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ft, err := parseTTF(b)
		if err != nil {
			return
		}
		s := newSubsetter(ft)
		for g := range min(len(ft.loca), 64) {
			s.use(uint16(g))
		}
		s.font(map[rune]uint16{'a': 1}) // must not panic
	})
}

// textString encodes any text as a PDF hex string of UTF-16BE with a BOM
// that decodes back to the text (invalid UTF-8 becoming U+FFFD).
func FuzzTextString(f *testing.F) {
	for _, s := range []string{"", "Libya: who holds what — as of 19 January 2020", "(a) \\b) <c>", "😀 é\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc := textString(s)
		if !strings.HasPrefix(enc, "<FEFF") || !strings.HasSuffix(enc, ">") {
			t.Fatalf("textString(%q) = %q", s, enc)
		}
		raw, err := hex.DecodeString(enc[1 : len(enc)-1])
		if err != nil || len(raw)%2 != 0 {
			t.Fatalf("textString(%q) = %q: not hex UTF-16: %v", s, enc, err)
		}
		u := make([]uint16, len(raw)/2-1)
		for i := range u {
			u[i] = uint16(raw[2+2*i])<<8 | uint16(raw[3+2*i])
		}
		if got, want := string(utf16.Decode(u)), strings.ToValidUTF8(s, "\uFFFD"); got != want && utf8.ValidString(s) {
			t.Errorf("textString(%q) decodes to %q", s, got)
		}
	})
}

// escape makes any text XML character data that parses back to the text
// (characters XML cannot hold become U+FFFD).
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a < b & c > d", `"quoted" 'single'`, "tab\tnew\nline\r", "\x00\x1f\uFFFE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := "<text>" + escape(s) + "</text>"
		var v struct {
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("escape(%q) = %q does not parse: %v", s, escape(s), err)
		}
		var want strings.Builder
		for _, r := range s { // each invalid byte is one U+FFFD
			if !(r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)) {
				r = '\uFFFD'
			}
			want.WriteRune(r)
		}
		if v.Text != want.String() {
			t.Errorf("escape(%q) parses as %q, want %q", s, v.Text, want.String())
		}
	})
}

// A small surface of every kind of op: both writers' output is the same
// for the same surface and holds what was drawn.
func TestWritersSmall(t *testing.T) {
	build := func() *geo.Vector {
		v := geo.NewVector(200, 100, geo.NewFaceCache(fonts(t)))
		v.Clear(color.NRGBA{0xff, 0xff, 0xff, 0xff})
		sub := v.Sub(imageRect(10, 10, 190, 90))
		var p geo.PixelPath
		p.AddRect(geo.Box{X0: -50, Y0: 5, X1: 100, Y1: 60})
		sub.FillPathHatched(&p, color.NRGBA{0x56, 0xb4, 0xe9, 0x80}, geo.Hatch{Angle: 45, Spacing: 6, Width: 1.5, Color: color.NRGBA{0xd5, 0x5e, 0, 0xff}})
		sub.StrokePath(&p, geo.Stroke{Color: color.NRGBA{0, 0, 0, 0xff}, Width: 2, Dash: []float64{4, 2}, Round: true})
		sub.Text(20, 40, "Sirte & <Brega>", geo.TextStyle{Size: 14, Weight: geo.Bold, Color: color.NRGBA{0x20, 0x20, 0x20, 0xff},
			Halo: color.NRGBA{0xff, 0xff, 0xff, 0xc0}, HaloWidth: 2})
		return v
	}
	m := Meta{Title: "Test — (slide)", Subject: "Subject", Creator: "Briefmap test"}
	var a, b, c bytes.Buffer
	if err := WritePDF(&a, build(), m); err != nil {
		t.Fatal(err)
	}
	if err := WritePDF(&b, build(), m); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two PDFs of the same surface differ")
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-1.7")) || !bytes.HasSuffix(a.Bytes(), []byte("%%EOF\n")) {
		t.Error("not a PDF file")
	}
	if err := WriteSVG(&c, build(), m); err != nil {
		t.Fatal(err)
	}
	svg := c.String()
	for _, want := range []string{"<title>Test — (slide)</title>", ">Sirte &amp; &lt;Brega&gt;</text>", `clip-path="url(#c1)"`,
		`stroke-dasharray="4 2"`, `fill-opacity=".502"`, "<clipPath id=\"h1\">"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if err := xml.Unmarshal(c.Bytes(), new(struct{})); err != nil {
		t.Errorf("SVG does not parse: %v", err)
	}
}

func imageRect(x0, y0, x1, y1 int) image.Rectangle { return image.Rect(x0, y0, x1, y1) }

// Any text, drawn with or without a halo, gives an SVG that parses with
// exactly that text (as escape writes it) in its text copy, and a PDF
// whose every glyph has a width and a ToUnicode entry.
func FuzzWriteText(f *testing.F) {
	fs := fonts(f)
	for _, s := range []string{"Sirte", "a & b < c", "Salamé — “quote” …", "\x00\xff", "漢字 😀", "]] TJ ET ) \\"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, halo bool) {
		v := geo.NewVector(300, 100, geo.NewFaceCache(fs))
		st := geo.TextStyle{Size: 12, Color: color.NRGBA{0, 0, 0, 0xff}}
		if halo {
			st.Halo, st.HaloWidth = color.NRGBA{0xff, 0xff, 0xff, 0xff}, 1.5
		}
		v.Text(10, 50, text, st)
		var svg, pdf bytes.Buffer
		if err := WriteSVG(&svg, v, Meta{Title: text}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Title string `xml:"title"`
			Text  []struct {
				V string `xml:",chardata"`
			} `xml:"text"`
		}
		if err := xml.Unmarshal(svg.Bytes(), &doc); err != nil {
			t.Fatalf("SVG of %q does not parse: %v", text, err)
		}
		if len(v.Ops()) == 1 && (len(doc.Text) != 1 || escape(doc.Text[0].V) != escape(text)) {
			t.Errorf("SVG text copy %+v, want %q", doc.Text, text)
		}
		if err := WritePDF(&pdf, v, Meta{Title: text}); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasSuffix(pdf.Bytes(), []byte("%%EOF\n")) {
			t.Error("PDF not finished")
		}
	})
}
