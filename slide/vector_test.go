package slide

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/internal/goldenimage"
)

// needTool returns the path of a program the vector tests need, and fails
// the test when it is missing.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: install the Debian package %s (make deps does)", name, pkg)
	}
	return p
}

// vectorCases are the slides every vector test draws: the default one, a
// focus, a 2023 one, the compare slide and the 4K slide.
func vectorCases(t *testing.T) map[string]Spec {
	t.Helper()
	cases := map[string]Spec{
		"default": libyaSpec(t, "", data.Ref{}),
		"wagner":  libyaSpec(t, "", data.Ref{Kind: data.KindActor, ID: "wagner"}),
		"2023":    libyaSpec(t, "2023-09-30", data.Ref{}),
	}
	c := libyaSpec(t, "2023-09-30", data.Ref{})
	c.Options.Since = data.MustDate("2020-01-19")
	cases["compare"] = c
	u := libyaSpec(t, "", data.Ref{})
	u.Size = UHD
	cases["uhd"] = u
	return cases
}

func writeFormat(t *testing.T, s Spec, f Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, s, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// rasterise turns a PDF (pdftoppm) or an SVG (rsvg-convert) into an image
// of the slide's pixel size.
func rasterise(t *testing.T, doc []byte, f Format, size image.Point) image.Image {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "slide"+f.Ext())
	if err := os.WriteFile(in, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.png")
	var cmd *exec.Cmd
	if f == PDF {
		dpi := float64(size.X) / PageWidthInches
		cmd = exec.Command(needTool(t, "pdftoppm", "poppler-utils"), "-r", strconv.FormatFloat(dpi, 'f', -1, 64),
			"-png", "-singlefile", in, strings.TrimSuffix(out, ".png"))
	} else {
		cmd = exec.Command(needTool(t, "rsvg-convert", "librsvg2-bin"), "-o", out, in)
	}
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return decodePNG(t, b)
}

// PageWidthInches is the PDF page's width: 960 pt.
const PageWidthInches = 960.0 / 72

// maxBytes are the size budgets of the vector slides (issue 15): PDF
// 1.5 MB, SVG 3 MB.
var maxBytes = map[Format]int{PDF: 1500 << 10, SVG: 3000 << 10}

// TestRuleVectorIsPngLayout rasterises the PDF and the SVG of each slide and
// compares them with the PNG export of the same spec: the same layout, so
// the mean difference is small, and over 8×8 blocks (which forgive
// antialiasing and different rasterisers' rounding) smaller still. Each
// file also keeps to its size budget.
func TestRuleVectorIsPngLayout(t *testing.T) {
	for name, s := range vectorCases(t) {
		t.Run(name, func(t *testing.T) {
			want := decodePNG(t, writeFormat(t, s, PNG))
			size := want.Bounds().Size()
			for _, f := range []Format{PDF, SVG} {
				doc := writeFormat(t, s, f)
				if limit := maxBytes[f]; len(doc) > limit {
					t.Errorf("%v: %d bytes, over the %d-byte budget", f, len(doc), limit)
				}
				got := rasterise(t, doc, f, size)
				mean, blocked, ok := goldenimage.MeanDiff(got, want, 8)
				if !ok {
					t.Fatalf("%v: rasterised to %v, the PNG is %v", f, got.Bounds().Size(), size)
				}
				t.Logf("%v: mean difference %.2f, over 8×8 blocks %.2f (of 255)", f, mean, blocked)
				if mean > 3 || blocked > 1.5 {
					saveImage(t, name+"-"+f.String()+".png", got)
					t.Errorf("%v differs from the PNG: mean %.2f (limit 3), over 8×8 blocks %.2f (limit 1.5)", f, mean, blocked)
				}
			}
		})
	}
}

func saveImage(t *testing.T, name string, img image.Image) {
	p := filepath.Join(os.TempDir(), "briefmap-got-"+name)
	var b bytes.Buffer
	if png.Encode(&b, img) == nil && os.WriteFile(p, b.Bytes(), 0o644) == nil {
		t.Logf("wrote %s", p)
	}
}

// texts returns every text of the slide as drawn: the slide's own lines
// and the map's labels, in drawing order.
func texts(t *testing.T, s Spec) []string {
	t.Helper()
	v, _, err := ComposeVector(s)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, op := range v.Ops() {
		if op.Kind == geo.OpText {
			out = append(out, op.Text)
		}
	}
	return out
}

// TestPDFText: pdftotext finds the title, every line of the slide (quotes,
// citations, footer) and every label of the map, and the metadata.
func TestPDFText(t *testing.T) {
	for name, s := range vectorCases(t) {
		t.Run(name, func(t *testing.T) {
			doc := writeFormat(t, s, PDF)
			dir := t.TempDir()
			in := filepath.Join(dir, "s.pdf")
			if err := os.WriteFile(in, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(needTool(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", in, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			lines := strings.Join(strings.Fields(string(out)), " ")
			l := laidOut(t, s)
			for _, r := range l.runs {
				// The slide's own lines come out whole, spaces and all.
				if !strings.Contains(lines, strings.Join(strings.Fields(r.Text), " ")) {
					t.Errorf("pdftotext lacks the line %q", r.Text)
				}
			}
			for _, txt := range texts(t, s) {
				// Map labels too, letter-spaced country names whole
				// ("ALGERIA", not "A L G E R I A").
				if !strings.Contains(lines, strings.Join(strings.Fields(txt), " ")) {
					t.Errorf("pdftotext lacks %q", txt)
				}
			}
			info, err := exec.Command(needTool(t, "pdfinfo", "poppler-utils"), in).Output()
			if err != nil {
				t.Fatalf("pdfinfo: %v", err)
			}
			m := laidOut(t, s).meta()
			for _, want := range []string{"Title:           " + m.Title, "Subject:         " + m.Subject, "Creator:         Briefmap golden", "Pages:           1",
				"Page size:       960 x 540 pts"} {
				if !strings.Contains(string(info), want+"\n") && !strings.Contains(string(info), want+" ") {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			if strings.Contains(string(info), "CreationDate") || strings.Contains(string(info), "ModDate") {
				t.Errorf("the PDF has a date:\n%s", info)
			}
			fonts, err := exec.Command(needTool(t, "pdffonts", "poppler-utils"), in).Output()
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			for _, line := range strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:] {
				if f := strings.Fields(line); len(f) < 8 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
					t.Errorf("font not embedded as a subset with a ToUnicode map: %s", line)
				}
			}
		})
	}
}

// TestSVGText: an XML parse of the SVG finds every text of the slide, in
// drawing order, and its title.
func TestSVGText(t *testing.T) {
	for name, s := range vectorCases(t) {
		t.Run(name, func(t *testing.T) {
			doc := writeFormat(t, s, SVG)
			var got []string
			var title string
			d := xml.NewDecoder(bytes.NewReader(doc))
			var in string
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("SVG does not parse: %v", err)
				}
				switch tk := tok.(type) {
				case xml.StartElement:
					in = tk.Name.Local
					if in == "text" {
						got = append(got, "")
					}
				case xml.CharData:
					switch in {
					case "text":
						got[len(got)-1] += string(tk)
					case "title":
						title += string(tk)
					}
				case xml.EndElement:
					in = ""
				}
			}
			want := texts(t, s)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("SVG texts:\n%q\nwant:\n%q", got, want)
			}
			if m := laidOut(t, s).meta(); title != m.Title {
				t.Errorf("SVG title %q, want %q", title, m.Title)
			}
		})
	}
}

// TestRuleSameBytesVector: two exports of the same spec are identical, in
// both vector formats ([same-bytes-vector]).
func TestRuleSameBytesVector(t *testing.T) {
	s := libyaSpec(t, "", data.Ref{})
	for _, f := range []Format{PDF, SVG} {
		dir := t.TempDir()
		var files [][]byte
		for _, n := range []string{"a", "b"} {
			p := filepath.Join(dir, n+f.Ext())
			if err := ExportAs(p, s, f); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, b)
		}
		if !bytes.Equal(files[0], files[1]) {
			t.Errorf("%v: two exports of the same spec differ", f)
		}
	}
}

// A failed write leaves nothing behind: not in a missing folder, and an
// existing file nobody may write to keeps its bytes.
func TestExportAsFailureLeavesNothing(t *testing.T) {
	s := fixtureSpec(t, fixture())
	for _, f := range []Format{PDF, SVG} {
		dir := t.TempDir()
		p := filepath.Join(dir, "missing", "slide"+f.Ext())
		if err := ExportAs(p, s, f); err == nil {
			t.Errorf("%v: ExportAs into a missing folder: no error", f)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%v: a failed export left %v", f, entries)
		}
		const locked = "/proc/version"
		before, err := os.ReadFile(locked)
		if err != nil {
			t.Fatal(err)
		}
		if err := ExportAs(locked, s, f); err == nil {
			t.Errorf("%v: ExportAs(%s): no error", f, locked)
		}
		if after, _ := os.ReadFile(locked); !bytes.Equal(before, after) {
			t.Errorf("%s changed", locked)
		}
	}
	bad := s
	bad.Size = image.Pt(1000, 1000)
	p := filepath.Join(t.TempDir(), "s.pdf")
	if err := ExportAs(p, bad, PDF); err == nil {
		t.Error("a 1000×1000 slide: no error")
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Errorf("a refused slide left %s", p)
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct {
		path string
		want Format
		ok   bool
	}{
		{"a.png", PNG, true}, {"b/c.PDF", PDF, true}, {"slide.svg", SVG, true},
		{"slide.jpg", 0, false}, {"slide", 0, false}, {"slide.pdf.txt", 0, false},
	} {
		got, err := FormatOf(tc.path)
		if (err == nil) != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("FormatOf(%q) = %v, %v; want %v (ok %v)", tc.path, got, err, tc.want, tc.ok)
		}
	}
	for _, f := range Formats() {
		if g, err := ParseFormat(strings.ToUpper(f.String())); err != nil || g != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f, g, err)
		}
	}
	if _, err := ParseFormat("tiff"); err == nil {
		t.Error(`ParseFormat("tiff"): no error`)
	}
}

// The comparison sees a different layout: the PDF of the default slide
// against the PNG of the 2023 slide (same page, other map and text) is far
// over the limits TestRuleVectorIsPngLayout sets.
func TestVectorComparisonSeesAnotherSlide(t *testing.T) {
	want := decodePNG(t, writeFormat(t, libyaSpec(t, "2023-09-30", data.Ref{}), PNG))
	got := rasterise(t, writeFormat(t, libyaSpec(t, "", data.Ref{}), PDF), PDF, want.Bounds().Size())
	mean, blocked, ok := goldenimage.MeanDiff(got, want, 8)
	t.Logf("another slide: mean %.2f, over 8×8 blocks %.2f", mean, blocked)
	if !ok || mean <= 3 || blocked <= 1.5 {
		t.Errorf("another slide passes as the same: mean %.2f, blocked %.2f", mean, blocked)
	}
}
