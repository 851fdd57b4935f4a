package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// quote is one excerpt in quotes --json.
type quote struct {
	ID        string   `json:"id"`
	Source    string   `json:"source"`
	Publisher string   `json:"publisher"`
	Date      string   `json:"date"`
	Text      string   `json:"text"`
	About     []string `json:"about"`
}

// runQuotes prints the briefing's verbatim excerpts with their citations,
// optionally only those about one record.
func runQuotes(e *Env, args []string) int {
	fs := e.flagSet("quotes")
	asJSON := jsonFlag(fs, "print JSON")
	about := fs.String("about", "", "only the excerpts about record `ID` (an actor, zone, place, deployment, source or excerpt)")
	briefing := briefingFlag(fs)
	if _, code, ok := e.parseArgs(fs, args, 0, 0, "quotes takes no arguments"); !ok {
		return code
	}
	b, err := libya.LoadPath(*briefing)
	if err != nil {
		return e.failIn("quotes", err)
	}
	qs, err := quotes(b, *about)
	if err != nil {
		return e.failIn("quotes", err)
	}
	return e.answer("quotes", *asJSON, qs, func(w io.Writer) error { return writeQuotesText(w, b, qs) })
}

// quotes returns b's excerpts in file order; with about, only those about
// that record: for a source, its excerpts; for an excerpt, itself; for any
// other record, the excerpts whose about names it or that its sourced
// fields cite (data.Briefing.ExcerptsFor).
func quotes(b *data.Briefing, about string) ([]quote, error) {
	var es []*data.Excerpt
	switch b.KindOf(about) {
	case "":
		if about != "" {
			return nil, fmt.Errorf("--about: no record has id %q", about)
		}
		for i := range b.Excerpts {
			es = append(es, &b.Excerpts[i])
		}
	case data.KindSource:
		for i := range b.Excerpts {
			if b.Excerpts[i].Source == about {
				es = append(es, &b.Excerpts[i])
			}
		}
	case data.KindExcerpt:
		e, _ := b.Excerpt(about)
		es = append(es, e)
	default:
		es = b.ExcerptsFor(about)
	}
	out := []quote{}
	for _, e := range es {
		q := quote{ID: e.ID, Source: e.Source, Text: e.Text, About: e.About}
		if s, ok := b.Source(e.Source); ok {
			q.Publisher, q.Date = s.Publisher, s.Date.String()
		}
		if q.About == nil {
			q.About = []string{}
		}
		out = append(out, q)
	}
	return out, nil
}

// writeQuotesText prints each quote and its citation for people:
//
//	“text”
//	    — Publisher, “Title”, 19 January 2020 [excerpt-id]; about: a, b
func writeQuotesText(w io.Writer, b *data.Briefing, qs []quote) error {
	var sb strings.Builder
	if len(qs) == 0 {
		sb.WriteString("No excerpt.\n")
	}
	for i, q := range qs {
		if i > 0 {
			sb.WriteString("\n")
		}
		cite := q.Publisher
		if s, ok := b.Source(q.Source); ok {
			cite = s.Citation().String()
		}
		fmt.Fprintf(&sb, "“%s”\n    — %s [%s]; about: %s\n", q.Text, cite, q.ID, strings.Join(q.About, ", "))
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
