package data

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// sha256Pattern is the syntax of a source's sha256.
var sha256Pattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// anchorRunHint tells the user how to recompute anchors and hashes.
const anchorRunHint = "go run ./tools/anchors --sources DIR PACKAGE"

// excerptLines are the lines of an excerpt's text and anchor fields, for
// the messages of the check against the article.
type excerptLines struct {
	text, prefix, suffix, start, end int
	// badOffsets is true when start or end is missing or wrong already;
	// noPrefix and noSuffix when they are missing or wrong already: the
	// check against the article then says nothing more of them.
	badOffsets, noPrefix, noSuffix bool
}

func (l *loader) decodeSource(f *yamlFile, n *yaml.Node) {
	fs := f.mapping(n, "sources", []string{"id", "publisher", "title", "date", "date_approximate", "url", "file", "sha256"})
	if fs == nil {
		l.broken[f.name] = true
		return
	}
	s := Source{
		ID:              l.define(fs, KindSource),
		Publisher:       fs.str("publisher", true),
		Title:           fs.str("title", true),
		Date:            fs.date("date", true),
		DateApproximate: fs.boolean("date_approximate"),
		URL:             fs.str("url", false),
		File:            fs.str("file", false),
		SHA256:          fs.str("sha256", false),
	}
	if s.File != "" && (strings.ContainsAny(s.File, `/\`) || s.File == "." || s.File == "..") {
		l.ps.add(f.name, fs.line("file"), "file", "%q must be a file name, without folders (the text lives in the package's sources/ folder)", s.File)
		s.File = ""
	}
	lines := map[string]int{"": fs.node.Line, "file": fs.line("file"), "sha256": fs.line("sha256")}
	if s.SHA256 != "" && !sha256Pattern.MatchString(s.SHA256) {
		l.ps.add(f.name, fs.line("sha256"), "sha256", "%q is not 64 lower-case hexadecimal digits", s.SHA256)
		s.SHA256, lines["badSHA256"] = "", 1
	}
	if s.ID != "" {
		l.sourceLines[s.ID] = lines
	}
	l.b.Sources = append(l.b.Sources, s)
}

func (l *loader) decodeExcerpt(f *yamlFile, n *yaml.Node) {
	fs := f.mapping(n, "excerpts", []string{"id", "source", "text", "prefix", "suffix", "start", "end", "about"})
	if fs == nil {
		l.broken[f.name] = true
		return
	}
	e := Excerpt{ID: l.define(fs, KindExcerpt), Source: fs.str("source", true)}
	l.ref(fs, "source", fs.line("source"), e.Source, KindSource)
	if v, ok := fs.scalar("text", true); ok {
		e.Text = strings.TrimSpace(v.Value)
		if e.Text == "" {
			l.ps.add(f.name, v.Line, "text", "empty excerpt text")
		}
	}
	lines := excerptLines{text: fs.line("text"), prefix: fs.line("prefix"), suffix: fs.line("suffix"), start: fs.line("start"), end: fs.line("end")}
	e.Prefix, lines.noPrefix = fs.context("prefix")
	e.Suffix, lines.noSuffix = fs.context("suffix")
	var startOK, endOK bool
	e.Start, startOK = fs.offset("start")
	e.End, endOK = fs.offset("end")
	lines.badOffsets = !startOK || !endOK
	if startOK && endOK && e.Text != "" {
		n := utf8.RuneCountInString(NormaliseText(e.Text))
		switch {
		case e.End-e.Start != n:
			l.ps.add(f.name, fs.line("end"), "end", "end - start = %d, but the normalised text has %d runes (was the text edited? run %s)", e.End-e.Start, n, anchorRunHint)
			lines.badOffsets = true
		case !lines.noPrefix && utf8.RuneCountInString(e.Prefix) != min(e.Start, contextRunes):
			l.ps.add(f.name, fs.line("prefix"), "prefix", "%d runes, want %d (the runes just before start, at most %d)", utf8.RuneCountInString(e.Prefix), min(e.Start, contextRunes), contextRunes)
			lines.noPrefix = true
		}
	}
	e.About = l.refList(fs, "about", true, KindActor, KindPlace, KindZone, KindDeployment, KindEvent)
	if e.ID != "" {
		l.aboutLine[e.ID] = fs.line("about")
		l.excerptLines[e.ID] = lines
	}
	l.b.Excerpts = append(l.b.Excerpts, e)
}

// context returns an anchor's prefix or suffix: required, kept exactly as
// written (its spaces count), at most 32 runes of normalised text. bad is
// true when it is missing or wrong (a problem was recorded).
func (fs *fields) context(key string) (s string, bad bool) {
	v, ok := fs.scalar(key, false)
	if !ok {
		if _, present := fs.vals[key]; !present {
			fs.missing(key)
			return "", true
		}
		// `prefix:` with nothing after it is an empty context; anything
		// else was reported by scalar.
		return "", !isNull(fs.vals[key])
	}
	if n := utf8.RuneCountInString(v.Value); n > contextRunes {
		fs.f.ps.add(fs.f.name, v.Line, key, "%d runes, want at most %d", n, contextRunes)
		bad = true
	}
	if strings.ContainsAny(v.Value, "\n\r\t") || strings.Contains(v.Value, "  ") {
		fs.f.ps.add(fs.f.name, v.Line, key, "%q is not normalised text (white space must be single spaces)", v.Value)
		bad = true
	}
	return v.Value, bad
}

// offset returns a required rune offset: a whole number, not negative.
func (fs *fields) offset(key string) (int, bool) {
	v, ok := fs.scalar(key, true)
	if !ok {
		return 0, false
	}
	x, num := scalarNumber(v)
	if !num || x < 0 || x != float64(int(x)) || x > maxFileSize {
		fs.f.ps.add(fs.f.name, v.Line, key, "%q is not a rune offset (a whole number, 0 or more)", v.Value)
		return 0, false
	}
	return int(x), true
}
