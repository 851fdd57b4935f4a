package data

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// sourcesFolder is the package folder that may hold the article texts.
const sourcesFolder = "sources"

// TextCheck says whether one source's excerpts were checked against the
// article's text when the package was loaded.
type TextCheck struct {
	Source   string // the source id
	File     string // the text's file name ("" when sources.yaml names none)
	Excerpts int    // how many excerpts quote the source
	// From is where the text was read ("sources/FILE", or FILE in the
	// folder of LoadOptions.Sources); "" when it was not at hand.
	From string
	// Checked is true when the text was at hand: its hash, and each
	// excerpt's quote, offsets and context, matched (else Load fails).
	Checked bool
	Why     string // when not checked: why not, as "the text is not at hand for"
}

// readText returns the text of the article file name, from opts.Sources
// when it has it, else from the package's sources/ folder, and how
// messages name where it came from. err wraps fs.ErrNotExist when neither
// has it.
func (l *loader) readText(name string) (text, from string, err error) {
	if l.opts.Sources != nil {
		b, err := readFile(l.opts.Sources, name)
		if err == nil {
			from = name
			if l.opts.SourcesName != "" {
				from = path.Join(l.opts.SourcesName, name)
			}
			return string(b), from, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", name, err
		}
	}
	if l.root == nil {
		return "", "", fs.ErrNotExist
	}
	from = sourcesFolder + "/" + name
	b, err := readFile(l.root, from)
	return string(b), from, err
}

// checkTexts checks that every source with excerpts has a hash, and checks
// the excerpts of each source whose text is at hand against it.
func (l *loader) checkTexts() {
	if l.broken[fileSources] || l.broken[fileExcerpts] {
		return
	}
	bySource := map[string][]*Excerpt{}
	for i := range l.b.Excerpts {
		e := &l.b.Excerpts[i]
		bySource[e.Source] = append(bySource[e.Source], e)
	}
	seen := map[string]bool{}
	for _, s := range l.b.Sources {
		if seen[s.ID] || s.ID == "" {
			continue // a duplicate id, already reported
		}
		seen[s.ID] = true
		es := bySource[s.ID]
		lines := l.sourceLines[s.ID]
		tc := TextCheck{Source: s.ID, File: s.File, Excerpts: len(es)}
		if len(es) > 0 && s.SHA256 == "" && lines["badSHA256"] == 0 {
			l.ps.add(fileSources, lines[""], "sha256", "missing: the package has %d excerpt%s of this source (run %s)", len(es), plural(len(es)), anchorRunHint)
		}
		if s.File == "" {
			tc.Why = "sources.yaml names no file for"
			l.b.TextChecks = append(l.b.TextChecks, tc)
			continue
		}
		raw, from, err := l.readText(s.File)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			tc.Why = "the text is not at hand for"
			l.b.TextChecks = append(l.b.TextChecks, tc)
			continue
		case err != nil:
			l.ps.add(from, 0, "", "%v", err)
			continue
		}
		tc.From, tc.Checked = from, true
		art := NewArticle(raw)
		if s.SHA256 != "" && art.Hash() != s.SHA256 {
			l.ps.add(from, 0, "", "text differs from the one the excerpts were taken from (sha256 %s; %s:%d says %s)", art.Hash(), fileSources, lines["sha256"], s.SHA256)
		}
		for _, e := range es {
			l.checkExcerpt(art, e, from)
		}
		l.b.TextChecks = append(l.b.TextChecks, tc)
	}
}

// checkExcerpt checks one excerpt's quote, offsets and context against its
// article's normalised text; file names the text in messages.
func (l *loader) checkExcerpt(art *Article, e *Excerpt, file string) {
	ln := l.excerptLines[e.ID]
	quote := NormaliseText(e.Text)
	if quote == "" {
		return
	}
	starts := art.Find(quote)
	if len(starts) > 0 && ln.badOffsets {
		return // the quote is there; its offsets are reported already
	}
	if e.End <= art.Len() && e.Start < e.End && art.Slice(e.Start, e.End) == quote {
		want := art.AnchorAt(e.Start, e.End-e.Start)
		if e.Prefix != want.Prefix && !ln.noPrefix {
			l.ps.add(fileExcerpts, ln.prefix, "prefix", "%q is not the text just before the quote in %s (%q)", e.Prefix, file, want.Prefix)
		}
		if e.Suffix != want.Suffix && !ln.noSuffix {
			l.ps.add(fileExcerpts, ln.suffix, "suffix", "%q is not the text just after the quote in %s (%q)", e.Suffix, file, want.Suffix)
		}
		return
	}
	if len(starts) == 0 {
		l.ps.add(fileExcerpts, ln.text, "text", "not found verbatim in %s (expected at runes %d–%d, which read %q)",
			file, e.Start, e.End, shorten(art.Slice(e.Start, e.End), excerptNameLen))
		return
	}
	at := make([]string, 0, 3)
	for i, s := range starts {
		if i == 3 {
			at = append(at, "…")
			break
		}
		at = append(at, fmt.Sprint(s))
	}
	l.ps.add(fileExcerpts, ln.start, "start", "the text is at rune%s %s of %s, not at %d–%d (run %s)",
		plural(len(starts)), strings.Join(at, ", "), file, e.Start, e.End, anchorRunHint)
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
