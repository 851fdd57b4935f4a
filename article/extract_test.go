package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/goldenfile"
)

// TestReadGolden reads each saved page and file of testdata: its text must
// equal NAME.golden.txt (go test ./article -update rewrites them; look at
// each), and its metadata what the file says.
func TestReadGolden(t *testing.T) {
	cases := []struct {
		file      string
		format    Format
		encoding  string
		title     string
		date      string
		publisher string
		url       string
		mustHave  []string
		mustNot   []string
	}{
		{"news-article.html", FormatHTML, UTF8, "Rebels take the port of Vostra", "2024-03-14", "The Meridian Post",
			"https://meridianpost.example/world/2024/03/rebels-take-vostra",
			[]string{"seized the port of Vostra on Wednesday after a three-day siege", "“We will hold the port until the junta falls,” said Gen. Marko Ilic", "strike back.\nThe U.S. embassy"},
			[]string{"Skip to content", "Business", "cookies", "Share on X", "Photo: Agency", "Related", "Earlier: fighting", "trackRead", "dataLayer", "Sign up", "All rights reserved", "NOT TEXT", "comment is never", "By Ana Petrova"}},
		{"blog-no-article.htm", FormatHTML, UTF8, "Field notes: the Kessel road - Dispatches", "2023-11-02", "", "",
			[]string{"The road from Kessel to Vostra was quiet on Tuesday.", "Mr. Ilic’s men were digging in."},
			[]string{"Home", "About me", "Great post", "Older posts"}},
		{"cp1252-page.html", FormatHTML, Windows1252, "Café talks", "", "", "",
			[]string{"Café Solm ended without a deal – again.", "“We are not finished,” the envoy said."}, nil},
		{"analysis.md", FormatMarkdown, UTF8, "Who holds the north? An analysis", "2024-02-01", "Northern Observer", "https://observer.example/north",
			[]string{"The Northern Front now controls most of the coast, from Vostra to the border.", "the junta is finished.", "\n\nVostra, taken in March after a three-day siege.\n\nKessel, contested since October.\n\nThe Solm government still holds the capital.\n\n“The war is not over,” a diplomat in Solm said.", "Some_variable_names and 2*3*4 stay as written."},
			[]string{"![", "](", "**", "images/front.png", "wikipedia", "observer.example/notes", "# Who", "- Vostra"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(c.file, b)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Format != c.format || doc.Encoding != c.encoding || doc.Title != c.title || doc.Date.String() != c.date && !(c.date == "" && doc.Date.IsZero()) ||
				doc.Publisher != c.publisher || doc.URL != c.url {
				t.Errorf("metadata: format %q encoding %q title %q date %v publisher %q url %q", doc.Format, doc.Encoding, doc.Title, doc.Date, doc.Publisher, doc.URL)
			}
			for _, s := range c.mustHave {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, doc.Text)
				}
			}
			for _, s := range c.mustNot {
				if strings.Contains(doc.Text, s) {
					t.Errorf("text has page chrome %q:\n%s", s, doc.Text)
				}
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(c.file, filepath.Ext(c.file))+".golden.txt")
			goldenfile.Check(t, golden, []byte(doc.Text))
		})
	}
}

func TestReadRefuses(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"notes.docx", []byte("PK\x03\x04"), ".docx files cannot be imported"},
		{"a.txt", nil, "the file is empty"},
		{"a.txt", []byte(" \n\t\n"), "the file is empty"},
		{"a.txt", []byte("\xEF\xBB\xBF\n"), "the file is empty"},
		{"a.txt", []byte("GIF89a\x01\x00\x00\x00"), "binary file"},
		{"a.txt", []byte("ab\x01\x02\x03\x04cd"), "binary file"},
		{"a.txt", []byte("\xFF\xFEh\x00i\x00"), "UTF-16"},
		{"a.txt", []byte("caf\x81 x"), "neither UTF-8 nor Windows-1252"},
		{"a.txt", []byte("\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0"), "neither UTF-8 nor Windows-1252"}, // Windows-1251 Cyrillic
		{"a.html", []byte(`<html><head><meta charset="shift_jis"></head><body><p>x</p></body></html>`), `declares the character set "shift_jis"`},
		{"a.html", []byte(`<html><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>`), "no article text"},
		{"big.txt", make([]byte, MaxSize+1), "larger than 20 MB"},
	}
	for _, c := range cases {
		if c.name == "big.txt" {
			for i := range c.in {
				c.in[i] = 'a'
			}
		}
		_, err := Read(c.name, c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Read(%s, %.20q) = %v, want %q", c.name, c.in, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("Read(%s): the error spans lines: %q", c.name, err)
		}
	}
}

func TestDecode(t *testing.T) {
	cases := []struct {
		in, want, enc string
	}{
		{"plain", "plain", UTF8},
		{"\xEF\xBB\xBFbom", "bom", UTF8},
		{"caf\xe9 \x93q\x94 \x96", "café “q” –", Windows1252},
		{"Latin-1 \xe9\xe8\xe0", "Latin-1 éèà", Windows1252},
		{"cr\r\nlf\rcr", "cr\nlf\ncr", UTF8},
		{"e\u0301", "é", UTF8}, // NFC
	}
	for _, c := range cases {
		got, enc, err := Decode([]byte(c.in))
		if err != nil || got != c.want || enc != c.enc {
			t.Errorf("Decode(%q) = %q, %s, %v; want %q, %s", c.in, got, enc, err, c.want, c.enc)
		}
	}
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]Format{
		"  <!DOCTYPE html><p>x": FormatHTML,
		"<p>Hello</p>":          FormatHTML,
		"# Title\n\ntext":       FormatMarkdown,
		"See [this](http://x)":  FormatMarkdown,
		"Plain text. Really.":   FormatText,
	} {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %s, want %s", in, got, want)
		}
	}
	doc, err := Read("-", []byte("<article><p>From standard input.</p></article>"))
	if err != nil || doc.Text != "From standard input.\n" || doc.Format != FormatHTML {
		t.Errorf("Read(-) = %+v, %v", doc, err)
	}
}

// FuzzDecode: Decode never panics, and what it returns is valid UTF-8 in
// NFC without carriage returns, and not empty.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "caf\xe9", "\xEF\xBB\xBFx", "\x00", "\xFF\xFE", "a\r\nb", "<meta charset=koi8-r>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if err != nil {
			return
		}
		if enc != UTF8 && enc != Windows1252 {
			t.Fatalf("encoding %q", enc)
		}
		if strings.TrimSpace(s) == "" || strings.ContainsRune(s, '\r') || !validUTF8(s) || data.NormaliseText(s) == "" {
			t.Fatalf("Decode(%q) = %q", b, s)
		}
	})
}

// FuzzExtractHTML: extraction never panics, never keeps script or style
// content, and gives valid UTF-8 text without blank paragraphs.
func FuzzExtractHTML(f *testing.F) {
	files := []string{"news-article.html", "blog-no-article.htm"}
	seeds := []string{"<p>a<script>SECRET</script>b</p>", "<article><p>x<br><br>y</p></article><style>SECRET</style>"}
	extractFuzz(f, extractHTML, files, seeds, func(t *testing.T, s string, doc Doc) {
		if strings.Contains(doc.Text, "SECRET") && !strings.Contains(visibleText(s), "SECRET") {
			t.Fatalf("script or style text extracted from %q: %q", s, doc.Text)
		}
		if !validUTF8(doc.Text) || strings.Contains(doc.Text, "\n\n\n") {
			t.Fatalf("text %q", doc.Text)
		}
	})
}

// extractFuzz seeds f with the testdata files named and the seeds given,
// then fuzzes extract: check sees each input and the Doc extract made of
// it.
func extractFuzz(f *testing.F, extract func(string, *Doc), files, seeds []string, check func(t *testing.T, s string, doc Doc)) {
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var doc Doc
		extract(s, &doc)
		check(t, s, doc)
	})
}

// visibleText returns the text of the page's text nodes outside script
// and style elements, as the HTML parser reads them.
func visibleText(s string) string {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return s
	}
	var sb strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return sb.String()
}

// FuzzExtractMarkdown: never panics; valid UTF-8 without blank paragraphs.
func FuzzExtractMarkdown(f *testing.F) {
	seeds := []string{"---\ntitle: x\n", "**a _b_ c**\n===\n"}
	extractFuzz(f, extractMarkdown, []string{"analysis.md"}, seeds, func(t *testing.T, _ string, doc Doc) {
		if strings.Contains(doc.Text, "\n\n\n") || strings.HasPrefix(doc.Text, "\n") {
			t.Fatalf("text %q", doc.Text)
		}
	})
}

func validUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
