// Package article turns a news article file into text that excerpts can be
// taken from: it decodes the bytes (UTF-8, or Windows-1252/Latin-1),
// extracts the article's text and metadata from HTML (golang.org/x/net/html)
// or Markdown, splits the text into sentences with care for abbreviations,
// initials and quotations, and proposes as excerpts the sentences that name
// known actors and places of a briefing, ranked for a briefer.
//
// Offsets are rune offsets into the article's normalised text
// (data.NormaliseText), the offsets excerpts are anchored at. The package
// knows nothing of package files (see pkgedit) or of drawing.
package article

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefmap/briefmap/data"
)

// Format is the kind of file an article comes in.
type Format string

// Formats Read understands.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// FormatOf returns the format of a file by its extension: .txt (or none
// given, as for standard input: see Sniff), .md or .markdown, .html or
// .htm. Any other extension is refused.
func FormatOf(name string) (Format, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".txt", ".text":
		return FormatText, nil
	case ".md", ".markdown":
		return FormatMarkdown, nil
	case ".html", ".htm", ".xhtml":
		return FormatHTML, nil
	case "":
		return "", nil
	default:
		return "", fmt.Errorf("%s files cannot be imported (import .txt, .md, .html or .htm)", ext)
	}
}

// Sniff guesses the format of text without a file name (standard input, the
// clipboard): HTML when it starts with a doctype, <html> or a block tag,
// Markdown when it has Markdown headings or links, plain text otherwise.
func Sniff(b []byte) Format {
	head := strings.ToLower(string(bytes.TrimSpace(b[:min(len(b), 1024)])))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div", "<?xml"} {
		if strings.HasPrefix(head, p) {
			return FormatHTML
		}
	}
	s := string(b[:min(len(b), 64<<10)])
	if strings.HasPrefix(s, "# ") || strings.Contains(s, "\n# ") || strings.Contains(s, "\n## ") || markdownLink.MatchString(s) {
		return FormatMarkdown
	}
	return FormatText
}

// Doc is an article read from a file: its text as it will be stored, and
// the metadata the file gave.
type Doc struct {
	// Text is the article's plain text: Unicode NFC, "\n" line ends. A text
	// file's text is kept as written; HTML and Markdown give one line a
	// paragraph, paragraphs separated by a blank line.
	Text      string
	Format    Format
	Encoding  string // UTF8 or Windows1252
	Title     string // og:title, <title>, the first heading or front matter; "" if none
	Date      data.Date
	Publisher string // og:site_name or front matter; "" if none
	URL       string // og:url, the canonical link or front matter; "" if none
}

// Read decodes and extracts the article in b, named name (whose extension
// gives the format; "" or "-" sniffs it). The error says in one sentence
// what is wrong: an unsupported extension, an empty, binary or too large
// file, an unknown encoding, or a page without article text.
func Read(name string, b []byte) (*Doc, error) {
	var f Format
	if name != "" && name != "-" {
		var err error
		if f, err = FormatOf(name); err != nil {
			return nil, err
		}
	}
	text, enc, err := Decode(b)
	if err != nil {
		return nil, err
	}
	if f == "" {
		f = Sniff([]byte(text))
	}
	doc := &Doc{Format: f, Encoding: enc}
	switch f {
	case FormatHTML:
		extractHTML(text, doc)
	case FormatMarkdown:
		extractMarkdown(text, doc)
	default:
		doc.Text = text
	}
	doc.Title = strings.Join(strings.Fields(doc.Title), " ")
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("no article text found in it (%s)", f)
	}
	return doc, nil
}

// parseDate reads a date from the start of a timestamp such as
// "2020-01-19T14:03:00Z"; the zero Date if it has none.
func parseDate(s string) data.Date {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return data.Date{}
	}
	d, err := data.ParseDate(s[:10])
	if err != nil {
		return data.Date{}
	}
	return d
}
