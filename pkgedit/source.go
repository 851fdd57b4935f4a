package pkgedit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefmap/briefmap/article"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/yamledit"
)

// editPurpose ends the message on a record written in flow style.
const editPurpose = "Briefmap can edit it"

// idPattern is the syntax of record ids (data/FORMAT.md).
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Meta is what an imported article's record in sources.yaml says about it.
type Meta struct {
	ID              string // "" derives one from the publisher and the year
	Publisher       string
	Title           string
	Date            data.Date
	DateApproximate bool
	URL             string // "" when not known
}

// check returns the first thing wrong with m, as one sentence.
func (m Meta) check() error {
	switch {
	case strings.TrimSpace(m.Publisher) == "":
		return errors.New("the article needs a publisher")
	case strings.TrimSpace(m.Title) == "":
		return errors.New("the article needs a title")
	case m.Date.IsZero():
		return errors.New("the article needs a date (YYYY-MM-DD; mark it approximate when only roughly known)")
	case m.URL != "" && !strings.HasPrefix(m.URL, "http://") && !strings.HasPrefix(m.URL, "https://"):
		return fmt.Errorf("the URL %q is not a web address (http:// or https://)", m.URL)
	case m.ID != "" && !idPattern.MatchString(m.ID):
		return fmt.Errorf("%q is not a valid id (lower-case letters, digits and -)", m.ID)
	}
	return nil
}

// NewSource returns the record an import of text with metadata m into the
// package (loaded as b) would add to sources.yaml: its id (m.ID, or one
// made of the publisher and the year that no record has), a file name for
// the text in sources/ that no source uses, and the text's hash. It
// refuses bad metadata, an empty text, and a text the package already has
// ("already imported as economist-2020").
func (p *Package) NewSource(b *data.Briefing, m Meta, text string) (data.Source, error) {
	if err := m.check(); err != nil {
		return data.Source{}, err
	}
	if data.NormaliseText(text) == "" {
		return data.Source{}, errors.New("the article has no text")
	}
	hash := data.TextHash(text)
	for _, s := range b.Sources {
		if s.SHA256 == hash || s.SHA256 == "" && s.File != "" && p.textHash(s.File) == hash {
			return data.Source{}, fmt.Errorf("this article is already imported as %s", s.ID)
		}
	}
	id := m.ID
	if id == "" {
		base := article.Slug(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(m.Publisher)), "the "))
		if words := strings.Split(base, "-"); len(words) > 3 {
			base = strings.Join(words[:3], "-")
		}
		if base == "" {
			base = "source"
		}
		id = unique(fmt.Sprintf("%s-%d", base, m.Date.Year), func(s string) bool { return b.KindOf(s) != "" })
	} else if k := b.KindOf(id); k != "" {
		return data.Source{}, fmt.Errorf("the id %s is already used by a record (%s)", id, k)
	}
	files := map[string]bool{}
	for _, s := range b.Sources {
		files[strings.ToLower(s.File)] = true
	}
	name := article.Slug(m.Publisher)
	if t := article.Slug(m.Title); t != "" {
		words := strings.Split(t, "-")
		name += "-" + m.Date.String() + "-" + strings.Join(words[:min(len(words), 6)], "-")
	}
	name = strings.Trim(name[:min(len(name), 90)], "-")
	file := unique(name, func(s string) bool {
		_, err := os.Stat(filepath.Join(p.dir, data.SourcesFolder, s+".txt"))
		return files[s+".txt"] || err == nil
	}) + ".txt"
	return data.Source{
		ID: id, Publisher: strings.TrimSpace(m.Publisher), Title: strings.TrimSpace(m.Title),
		Date: m.Date, DateApproximate: m.DateApproximate, URL: m.URL, File: file, SHA256: hash,
	}, nil
}

// textHash returns the hash of a text in sources/; "" when unreadable.
func (p *Package) textHash(file string) string {
	b, err := os.ReadFile(filepath.Join(p.dir, data.SourcesFolder, file))
	if err != nil {
		return ""
	}
	return data.TextHash(string(b))
}

// unique returns base, or base-2, base-3… the first taken refuses.
func unique(base string, taken func(string) bool) string {
	id := base
	for n := 2; taken(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// Import writes an article into the package in one change: its text as
// sources/FILE (src as NewSource returned it), its record at the end of
// sources.yaml, and an excerpt for each proposal of accept (taken from
// text) at the end of excerpts.yaml.
func (p *Package) Import(src data.Source, text string, accept []article.Proposal) (*Change, error) {
	label := "import " + src.ID
	if len(accept) > 0 {
		label += fmt.Sprintf(" with %d excerpt%s", len(accept), plural(len(accept)))
	}
	e := p.begin(label)
	stored := text
	if !strings.HasSuffix(stored, "\n") {
		stored += "\n"
	}
	e.put(data.SourcesFolder+"/"+src.File, []byte(stored))
	if err := e.appendSource(src); err != nil {
		return nil, err
	}
	if len(accept) > 0 {
		t := article.NewText(text)
		if err := e.appendExcerpts(src.ID, t, accept); err != nil {
			return nil, err
		}
	}
	return e.commit()
}

// appendSource adds src's record at the end of sources.yaml.
func (e *edit) appendSource(src data.Source) error {
	doc, err := e.doc("sources.yaml", "sources")
	if err != nil {
		return err
	}
	doc.AppendItem([]yamledit.KV{
		{Key: "id", Value: src.ID},
		{Key: "publisher", Value: yamledit.Quote(src.Publisher)},
		{Key: "title", Value: yamledit.Quote(src.Title)},
		{Key: "date", Value: src.Date.String()},
		{Key: "date_approximate", Value: strconv.FormatBool(src.DateApproximate)},
		{Key: "url", Value: yamledit.Quote(src.URL)},
		{Key: "file", Value: yamledit.Quote(src.File)},
		{Key: "sha256", Value: yamledit.Quote(src.SHA256)},
	})
	e.put("sources.yaml", doc.Bytes())
	return nil
}

// doc parses a package file as the edit has it so far; a missing file is
// an empty list.
func (e *edit) doc(name, listKey string) (*yamledit.Doc, error) {
	b, err := e.get(name)
	if err != nil {
		return nil, err
	}
	doc, ps := yamledit.Parse(b, listKey)
	if len(ps) > 0 {
		return nil, problemError(name, ps[0])
	}
	return doc, nil
}

// problemError returns a yamledit problem of file name as an error.
func problemError(name string, p yamledit.Problem) error {
	msg := p.Message
	if p.Field != "" {
		msg = p.Field + ": " + msg
	}
	if p.Line > 0 {
		return fmt.Errorf("%s:%d: %s", name, p.Line, msg)
	}
	return fmt.Errorf("%s: %s", name, msg)
}

// blockItem returns the record with id in doc (file name), refusing one
// written in flow style, which Set cannot edit key by key.
func blockItem(doc *yamledit.Doc, name, id string) (*yaml.Node, error) {
	it := item(doc, id)
	if it == nil {
		return nil, fmt.Errorf("there is no record %s in %s", id, name)
	}
	if yamledit.IsFlow(it) {
		return nil, problemError(name, doc.FlowProblem(it, editPurpose))
	}
	return it, nil
}

// item returns the record with id in doc; nil if none.
func item(doc *yamledit.Doc, id string) *yaml.Node {
	for _, it := range doc.Items() {
		if yamledit.Scalar(it, "id") == id {
			return it
		}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
