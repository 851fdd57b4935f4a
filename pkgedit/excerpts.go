package pkgedit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/briefmap/briefmap/article"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/yamledit"
)

// SourceText reads the text of source src from the package's sources/
// folder.
func (p *Package) SourceText(src data.Source) (*article.Text, error) {
	if src.File == "" {
		return nil, fmt.Errorf("source %s names no text file", src.ID)
	}
	b, err := os.ReadFile(filepath.Join(p.dir, data.SourcesFolder, src.File))
	if err != nil {
		return nil, fmt.Errorf("source %s: %w", src.ID, err)
	}
	return article.NewText(string(b)), nil
}

// excerptKVs returns the keys of an excerpt of source taken from runes
// [start, end) of t, about the records of about.
func excerptKVs(id, source string, t *article.Text, start, end int, about []string) []yamledit.KV {
	a := t.Article().AnchorAt(start, end-start)
	return []yamledit.KV{
		{Key: "id", Value: id},
		{Key: "source", Value: source},
		{Key: "text", Value: yamledit.Quote(t.Display(start, end))},
		{Key: "prefix", Value: yamledit.Quote(a.Prefix)},
		{Key: "suffix", Value: yamledit.Quote(a.Suffix)},
		{Key: "start", Value: strconv.Itoa(a.Start)},
		{Key: "end", Value: strconv.Itoa(a.End)},
		{Key: "about", Value: yamledit.FlowList(about)},
	}
}

// checkBounds refuses runes [start, end) that are not a part of t.
func checkBounds(t *article.Text, start, end int) error {
	if start < 0 || end > t.Article().Len() || start >= end {
		return fmt.Errorf("runes %d–%d are not a part of the article's %d", start, end, t.Article().Len())
	}
	return nil
}

// appendExcerpts adds an excerpt for each proposal at the end of
// excerpts.yaml: its id, its text (t.Display), anchors and About.
func (e *edit) appendExcerpts(source string, t *article.Text, ps []article.Proposal) error {
	doc, err := e.doc("excerpts.yaml", "excerpts")
	if err != nil {
		return err
	}
	for _, pr := range ps {
		if err := checkBounds(t, pr.Start, pr.End); err != nil {
			return fmt.Errorf("excerpt %s: %w", pr.ID, err)
		}
		if len(pr.About) == 0 {
			return fmt.Errorf("excerpt %s is about no record: link one first", pr.ID)
		}
		doc.AppendItem(excerptKVs(pr.ID, source, t, pr.Start, pr.End, pr.About))
	}
	e.put("excerpts.yaml", doc.Bytes())
	return nil
}

// AddExcerpts adds an excerpt for each proposal (its ID, Start, End and
// About; the text and anchors are taken from t, the text of source src)
// at the end of excerpts.yaml, in one change.
func (p *Package) AddExcerpts(src data.Source, t *article.Text, ps []article.Proposal) (*Change, error) {
	if len(ps) == 0 {
		return nil, errors.New("no excerpt to add")
	}
	label := "accept excerpt " + ps[0].ID
	if len(ps) > 1 {
		label = fmt.Sprintf("accept %d excerpts", len(ps))
	}
	e := p.begin(label)
	if err := e.appendExcerpts(src.ID, t, ps); err != nil {
		return nil, err
	}
	return e.commit()
}

// excerptItem returns excerpts.yaml as e holds it and the record of
// excerpt id in it, which must be written in block style to be edited.
func (e *edit) excerptItem(id string) (*yamledit.Doc, *yaml.Node, error) {
	doc, err := e.doc("excerpts.yaml", "excerpts")
	if err != nil {
		return nil, nil, err
	}
	it, err := blockItem(doc, "excerpts.yaml", id)
	if err != nil {
		return nil, nil, err
	}
	return doc, it, nil
}

// UpdateExcerpt sets excerpt id to runes [start, end) of t (its source's
// text: its text and anchors follow) and to be about the records of
// about; what did not change is not rewritten.
func (p *Package) UpdateExcerpt(id string, t *article.Text, start, end int, about []string, label string) (*Change, error) {
	if err := checkBounds(t, start, end); err != nil {
		return nil, fmt.Errorf("excerpt %s: %w", id, err)
	}
	if len(about) == 0 {
		return nil, fmt.Errorf("excerpt %s must stay about at least one record", id)
	}
	e := p.begin(label)
	doc, it, err := e.excerptItem(id)
	if err != nil {
		return nil, err
	}
	var kvs []yamledit.KV
	if yamledit.Scalar(it, "start") != strconv.Itoa(start) || yamledit.Scalar(it, "end") != strconv.Itoa(end) {
		kvs = excerptKVs(id, "", t, start, end, nil)[2:7]
	}
	var old []string
	if v := yamledit.Value(it, "about"); v != nil {
		for _, c := range v.Content {
			old = append(old, c.Value)
		}
	}
	if !slices.Equal(old, about) {
		kvs = append(kvs, yamledit.KV{Key: "about", Value: yamledit.FlowList(about)})
	}
	if len(kvs) == 0 {
		return &Change{Label: label}, nil
	}
	doc.Set(it, "source", kvs)
	e.put("excerpts.yaml", doc.Bytes())
	return e.commit()
}

// RemoveExcerpts removes the excerpts of ids from excerpts.yaml and from
// every sourced map that cites them, in one change.
func (p *Package) RemoveExcerpts(b *data.Briefing, ids []string, label string) (*Change, error) {
	e := p.begin(label)
	for _, id := range ids {
		for _, t := range Citing(b, id) {
			if err := e.editSourced(b, t, id, false); err != nil {
				return nil, err
			}
		}
	}
	doc, err := e.doc("excerpts.yaml", "excerpts")
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		it := item(doc, id)
		if it == nil {
			return nil, fmt.Errorf("there is no excerpt %s in excerpts.yaml", id)
		}
		doc.RemoveItem(it)
	}
	e.put("excerpts.yaml", doc.Bytes())
	// The sourced maps first: excerpts.yaml last, so that the package is
	// valid after each file is written.
	e.order = append(slices.DeleteFunc(e.order, func(n string) bool { return n == "excerpts.yaml" }), "excerpts.yaml")
	return e.commit()
}

// RemoveSource removes source id from the package in one change: its
// excerpts and every citation of them, its record in sources.yaml and its
// text in sources/ (the inverse of Import).
func (p *Package) RemoveSource(b *data.Briefing, id string) (*Change, error) {
	src, ok := b.Source(id)
	if !ok {
		return nil, fmt.Errorf("there is no source %s", id)
	}
	e := p.begin("remove " + id)
	var ids []string
	for _, ex := range b.Excerpts {
		if ex.Source == id {
			ids = append(ids, ex.ID)
		}
	}
	for _, x := range ids {
		for _, t := range Citing(b, x) {
			if err := e.editSourced(b, t, x, false); err != nil {
				return nil, err
			}
		}
	}
	if len(ids) > 0 {
		doc, err := e.doc("excerpts.yaml", "excerpts")
		if err != nil {
			return nil, err
		}
		for _, x := range ids {
			if it := item(doc, x); it != nil {
				doc.RemoveItem(it)
			}
		}
		e.put("excerpts.yaml", doc.Bytes())
	}
	doc, err := e.doc("sources.yaml", "sources")
	if err != nil {
		return nil, err
	}
	if it := item(doc, id); it != nil {
		doc.RemoveItem(it)
	}
	e.put("sources.yaml", doc.Bytes())
	if src.File != "" {
		e.put(data.SourcesFolder+"/"+src.File, nil)
	}
	return e.commit()
}
