package data

import (
	"errors"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefmap/briefmap/internal/yamledit"
)

// anchorPurpose ends the message on a record the anchors cannot be
// written into.
const anchorPurpose = "its anchors can be written"

// parseDoc parses a package file for editing; its problems go to ps.
func parseDoc(name string, b []byte, listKey string, ps *problems) *yamledit.Doc {
	d, list := yamledit.Parse(b, listKey)
	for _, it := range d.Items() {
		if yamledit.IsFlow(it) {
			list = append(list, d.FlowProblem(it, anchorPurpose))
		}
	}
	for _, p := range list {
		ps.add(name, p.Line, p.Field, "%s", p.Message)
	}
	return d
}

// UpdateAnchors recomputes, from the article texts, every source's sha256
// in sourcesYAML and every excerpt's prefix, suffix, start and end in
// excerptsYAML (the contents of sources.yaml and excerpts.yaml), and
// returns both files rewritten. Only those values change: comments, key
// order, blank lines and every other line stay as they are; a missing key
// is added on its own line after the one before it (sha256 after file;
// prefix, suffix, start, end after text). text returns the raw text of an
// article file named by sources.yaml's file: (an error wrapping
// fs.ErrNotExist when there is none).
//
// When a quote occurs more than once in its article, the excerpt's
// existing start (or prefix and suffix) picks the occurrence. It refuses,
// returning the problems (one per excerpt or source) and no files, when a
// quote is not found verbatim, is ambiguous, or its source has no text.
// Running it again on its own output changes nothing.
func UpdateAnchors(sourcesYAML, excerptsYAML []byte, text func(file string) (string, error)) (newSources, newExcerpts []byte, refused []Problem) {
	var ps problems
	srcDoc := parseDoc(fileSources, sourcesYAML, "sources", &ps)
	excDoc := parseDoc(fileExcerpts, excerptsYAML, "excerpts", &ps)
	if len(ps.list) > 0 {
		return nil, nil, ps.list
	}
	type source struct {
		file    string
		item    *yaml.Node
		article *Article
		err     error
	}
	sources := map[string]*source{}
	var order []string
	for _, item := range srcDoc.Items() {
		id, file := yamledit.Scalar(item, "id"), yamledit.Scalar(item, "file")
		if id == "" {
			continue
		}
		s := &source{file: file, item: item}
		if file == "" {
			s.err = errors.New("sources.yaml names no file: for it")
		} else if raw, err := text(file); err != nil {
			s.err = err
		} else {
			s.article = NewArticle(raw)
		}
		sources[id] = s
		order = append(order, id)
	}
	used := map[string]bool{}
	want := map[int]Anchor{} // item index → the anchor written
	for k, item := range excDoc.Items() {
		id, srcID, quote := yamledit.Scalar(item, "id"), yamledit.Scalar(item, "source"), yamledit.Scalar(item, "text")
		line := yamledit.KeyLine(item, "text")
		s := sources[srcID]
		switch {
		case strings.TrimSpace(quote) == "":
			ps.add(fileExcerpts, line, "text", "missing or empty")
			continue
		case s == nil:
			ps.add(fileExcerpts, yamledit.KeyLine(item, "source"), "source", "unknown source %q", srcID)
			continue
		case s.err != nil:
			used[srcID] = true
			ps.add(fileExcerpts, line, "text", "cannot anchor excerpt %q: source %s: %v", id, srcID, s.err)
			continue
		}
		used[srcID] = true
		hint := Anchor{Prefix: yamledit.Scalar(item, "prefix"), Suffix: yamledit.Scalar(item, "suffix"), Start: -1}
		if v, err := strconv.Atoi(yamledit.Scalar(item, "start")); err == nil {
			hint.Start = v
		}
		if v, err := strconv.Atoi(yamledit.Scalar(item, "end")); err == nil {
			hint.End = v
		}
		anchor, found, ok := s.article.Locate(quote, hint)
		switch {
		case found == 0:
			ps.add(fileExcerpts, line, "text", "not found verbatim in %s", s.file)
			continue
		case !ok:
			ps.add(fileExcerpts, line, "text", "found %d times in %s (at runes %s): set start to the one meant",
				found, s.file, joinInts(s.article.Find(quote)))
			continue
		}
		want[k] = anchor
		excDoc.Set(item, "text", []yamledit.KV{
			{Key: "prefix", Value: yamledit.Quote(anchor.Prefix)}, {Key: "suffix", Value: yamledit.Quote(anchor.Suffix)},
			{Key: "start", Value: strconv.Itoa(anchor.Start)}, {Key: "end", Value: strconv.Itoa(anchor.End)},
		})
	}
	for _, id := range order {
		s := sources[id]
		if s.article == nil {
			continue
		}
		if used[id] || yamledit.Scalar(s.item, "sha256") != "" {
			srcDoc.Set(s.item, "file", []yamledit.KV{{Key: "sha256", Value: yamledit.Quote(s.article.Hash())}})
		}
	}
	if len(ps.list) > 0 {
		return nil, nil, sortProblems(ps.list)
	}
	newSources, newExcerpts = srcDoc.Bytes(), excDoc.Bytes()
	// Read the result back: each value must be where it was meant to go.
	check := parseDoc(fileExcerpts, newExcerpts, "excerpts", &ps)
	if len(ps.list) == 0 && len(check.Items()) != len(excDoc.Items()) {
		ps.add(fileExcerpts, 0, "", "the rewritten file has %d excerpts, not %d", len(check.Items()), len(excDoc.Items()))
	}
	for k := 0; k < len(excDoc.Items()) && k < len(check.Items()) && len(ps.list) == 0; k++ {
		a, ok := want[k]
		if !ok {
			continue
		}
		it := check.Items()[k]
		if yamledit.Scalar(it, "prefix") != a.Prefix || yamledit.Scalar(it, "suffix") != a.Suffix ||
			yamledit.Scalar(it, "start") != strconv.Itoa(a.Start) || yamledit.Scalar(it, "end") != strconv.Itoa(a.End) {
			ps.add(fileExcerpts, excDoc.Items()[k].Line, "", "could not write the anchors of this excerpt in place (is its layout unusual?); write prefix %s, suffix %s, start %d, end %d by hand",
				yamledit.Quote(a.Prefix), yamledit.Quote(a.Suffix), a.Start, a.End)
		}
	}
	srcCheck := parseDoc(fileSources, newSources, "sources", &ps)
	if len(ps.list) == 0 && len(srcCheck.Items()) != len(srcDoc.Items()) {
		ps.add(fileSources, 0, "", "the rewritten file has %d sources, not %d", len(srcCheck.Items()), len(srcDoc.Items()))
	}
	if len(ps.list) > 0 {
		return nil, nil, sortProblems(ps.list)
	}
	return newSources, newExcerpts, nil
}

// joinInts writes ints as "1, 2, 3".
func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}
