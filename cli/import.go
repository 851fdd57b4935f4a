package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefmap/briefmap/article"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/pkgedit"
)

// proposalJSON is one proposal in import --json. Offsets are runes of the
// article's normalised text, the offsets its excerpts are anchored at.
type proposalJSON struct {
	ID      string     `json:"id"`
	Text    string     `json:"text"`
	Start   int        `json:"start"`
	End     int        `json:"end"`
	Score   float64    `json:"score"`
	About   []string   `json:"about"`
	Names   []nameJSON `json:"names"`
	Context bool       `json:"context,omitempty"`
}

type nameJSON struct {
	ID    string `json:"id"`
	Alias string `json:"alias"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// runImport imports a news article into a briefing package folder:
//
//	briefmap import --briefing DIR --publisher P --title T --date D [--approximate] [--url U] [--accept all|none|IDS] [--json] FILE|-
//
// It prints the proposed excerpts, best first; with --accept it writes the
// article and the excerpts accepted, and nothing otherwise. Bad input of
// any kind is one line on stderr, exit 1, and changes nothing.
func runImport(e *Env, args []string) int {
	fs := e.flagSet("import")
	briefing := fs.String("briefing", "", "the briefing package `DIR` to import into (a folder)")
	publisher := fs.String("publisher", "", "the article's `publisher` (default: the page's og:site_name)")
	title := fs.String("title", "", "the article's `title` (default: the page's og:title or <title>)")
	date := fs.String("date", "", "the article's `date` YYYY-MM-DD (default: the page's article:published_time or <time>)")
	approximate := fs.Bool("approximate", false, "the date is only roughly known")
	url := fs.String("url", "", "the article's web address `URL` (default: the page's og:url)")
	accept := fs.String("accept", "", "write the article and accept `all`, none or the proposals of a comma-separated list of ids (default: write nothing)")
	asJSON := fs.Bool("json", false, "print the proposals as JSON")
	pos, code, ok := e.parseArgs(fs, args, 1, 1, "import takes one FILE (.txt, .md, .html or .htm), or - to read standard input")
	if !ok {
		return code
	}
	if *briefing == "" {
		return e.usage("import needs --briefing DIR, the package folder to import into")
	}
	fail := func(err error) int { return e.fail(ExitInput, fmt.Errorf("import: %s", oneLine(err))) }
	var d data.Date
	if *date != "" {
		var err error
		if d, err = data.ParseDate(*date); err != nil {
			return fail(fmt.Errorf("--date %q is not a date (want YYYY-MM-DD)", *date))
		}
	}
	var acceptIDs []string
	switch *accept {
	case "", "all", "none":
	default:
		for _, id := range strings.Split(*accept, ",") {
			if id = strings.TrimSpace(id); id != "" {
				acceptIDs = append(acceptIDs, id)
			}
		}
		if len(acceptIDs) == 0 {
			return fail(errors.New("--accept wants all, none or a comma-separated list of proposal ids"))
		}
	}
	p, err := pkgedit.Open(*briefing)
	if err != nil {
		return fail(err)
	}
	name, raw, err := readArticle(e, pos[0])
	if err != nil {
		return fail(err)
	}
	doc, err := article.Read(name, raw)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", displayName(name), err))
	}
	b, err := p.Load()
	if err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			return fail(fmt.Errorf("%s has %d problem%s; run briefmap check %s", *briefing, len(ve.Problems), plural(len(ve.Problems)), *briefing))
		}
		return fail(err)
	}
	meta := pkgedit.Meta{
		Publisher: cmpOr(*publisher, doc.Publisher), Title: cmpOr(*title, doc.Title),
		Date: d, DateApproximate: *approximate, URL: cmpOr(*url, doc.URL),
	}
	if meta.Date.IsZero() {
		meta.Date = doc.Date
	}
	switch {
	case meta.Publisher == "":
		return fail(fmt.Errorf("--publisher is needed: %s does not name its publisher", displayName(name)))
	case meta.Title == "":
		return fail(fmt.Errorf("--title is needed: %s gives no title", displayName(name)))
	case meta.Date.IsZero():
		return fail(fmt.Errorf("--date is needed: %s gives no date", displayName(name)))
	}
	src, err := p.NewSource(b, meta, doc.Text)
	if err != nil {
		return fail(err)
	}
	text := article.NewText(doc.Text)
	props := pkgedit.Proposals(b, src, text)
	var chosen []article.Proposal
	switch *accept {
	case "all":
		chosen = props
	case "", "none":
	default:
		for _, id := range acceptIDs {
			k := slices.IndexFunc(props, func(pr article.Proposal) bool { return pr.ID == id })
			if k < 0 {
				return fail(fmt.Errorf("--accept: there is no proposal %q (run without --accept to list them)", id))
			}
			chosen = append(chosen, props[k])
		}
	}
	if *asJSON {
		err = writeJSON(e.Stdout, proposalsJSON(props))
	} else {
		err = writeProposals(e.Stdout, src, props)
	}
	if err != nil {
		return fail(err)
	}
	if *accept == "" {
		fmt.Fprintf(e.Stderr, "briefmap: import: nothing written (add --accept all, none or IDS to import %s into %s)\n", src.ID, *briefing)
		return ExitOK
	}
	if _, err := p.Import(src, doc.Text, chosen); err != nil {
		return fail(err)
	}
	fmt.Fprintf(e.Stderr, "briefmap: import: %s imported into %s as %s (%s/%s) with %d of %d proposed excerpt%s\n",
		displayName(name), *briefing, src.ID, data.SourcesFolder, src.File, len(chosen), len(props), plural(len(props)))
	return ExitOK
}

// readArticle reads the article: the file at path, or standard input for
// "-". It refuses a folder and a file over article.MaxSize before reading
// it.
func readArticle(e *Env, path string) (name string, b []byte, err error) {
	if path == "-" {
		if e.Stdin == nil {
			return "-", nil, nil
		}
		b, err := article.ReadAll(e.Stdin)
		if err != nil {
			return "-", nil, fmt.Errorf("standard input: %w", err)
		}
		return "-", b, nil
	}
	if _, err := article.FormatOf(path); err != nil {
		return path, nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	f, err := os.Open(path)
	if err != nil {
		return path, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return path, nil, err
	case info.IsDir():
		return path, nil, fmt.Errorf("%s is a folder, not an article file", path)
	case info.Size() > article.MaxSize:
		return path, nil, fmt.Errorf("%s: %w", filepath.Base(path), article.ErrTooLarge)
	}
	b, err = article.ReadAll(f)
	if err != nil {
		return path, nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return path, b, nil
}

// displayName names the input in messages.
func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return filepath.Base(name)
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return strings.TrimSpace(a)
	}
	return b
}

// oneLine joins a message's lines with "; ".
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " ; ")), " ")
}

// proposalsJSON returns the proposals as import --json prints them; never
// nil, so that JSON shows [] when there is none.
func proposalsJSON(props []article.Proposal) []proposalJSON {
	out := []proposalJSON{}
	for _, p := range props {
		j := proposalJSON{ID: p.ID, Text: p.Text, Start: p.Start, End: p.End, Score: p.Score, About: p.About, Names: []nameJSON{}, Context: p.Context}
		for _, n := range p.Names {
			j.Names = append(j.Names, nameJSON{ID: n.ID, Alias: n.Alias, Start: n.Start, End: n.End})
		}
		out = append(out, j)
	}
	return out
}

// writeProposals prints the proposals best first: score, id and records,
// then the sentence with the names it matched in [brackets].
func writeProposals(w io.Writer, src data.Source, props []article.Proposal) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d proposed excerpt%s from %s, best first:\n", len(props), plural(len(props)), src.Citation())
	for _, p := range props {
		how := ""
		if p.Context {
			how = " (by context: the sentence before names them)"
		}
		fmt.Fprintf(&sb, "\n%5.1f  %s  about %s%s\n", p.Score, p.ID, strings.Join(p.About, ", "), how)
		sb.WriteString(wrap(marked(p), helpWidth, "       "))
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// marked returns the proposal's text with its names in brackets. Its
// runes line up with the normalised text's from p.Start.
func marked(p article.Proposal) string {
	runes := []rune(p.Text)
	var sb strings.Builder
	at := 0
	for _, n := range p.Names {
		s, e := n.Start-p.Start, n.End-p.Start
		if s < at || e > len(runes) || utf8.RuneCountInString(p.Text) != p.End-p.Start {
			continue // overlapping name (one span, two records), or a text that does not line up
		}
		sb.WriteString(string(runes[at:s]) + "[" + string(runes[s:e]) + "]")
		at = e
	}
	sb.WriteString(string(runes[at:]))
	return sb.String()
}
