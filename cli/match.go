package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/briefmap/briefmap/data"
)

// maxMatchInput bounds the text match reads (a guard against a runaway
// pipe): 16 MiB, some two million words.
const maxMatchInput = 16 << 20

// mention is one record named in the text, in match --json.
type mention struct {
	ID    string    `json:"id"`
	Kind  data.Kind `json:"kind"`
	Name  string    `json:"name"`
	Alias string    `json:"alias"`
	Start int       `json:"start"` // byte offset into the input
	End   int       `json:"end"`   // byte offset, exclusive
}

// runMatch prints the actors and places a text names, matched at a date:
//
//	briefmap match [--date D] [--json] [--briefing PATH] TEXT|-
//
// "-" reads the text from standard input. Offsets are bytes into the text
// as given.
func runMatch(e *Env, args []string) int {
	fs := e.flagSet("match")
	date := fs.String("date", "", "match at `date` YYYY-MM-DD: aliases limited to a period apply only within it (default: the briefing's default date)")
	asJSON, briefing := jsonFlag(fs, "print JSON"), briefingFlag(fs)
	pos, code, ok := e.parseArgs(fs, args, 1, 1, "match takes one TEXT (quote it), or - to read standard input")
	if !ok {
		return code
	}
	text := pos[0]
	if text == "-" {
		var err error
		if text, err = readInput(e.Stdin); err != nil {
			return e.failIn("match", err)
		}
	}
	b, d, err := loadOn(*briefing, *date)
	if err != nil {
		return e.failIn("match", err)
	}
	ms := matches(b, data.NewMatcher(b), text, d)
	return e.answer("match", *asJSON, ms, func(w io.Writer) error { return writeMatchesText(w, text, ms) })
}

// readInput reads all of r, refusing more than maxMatchInput bytes.
func readInput(r io.Reader) (string, error) {
	if r == nil {
		return "", nil
	}
	b, err := io.ReadAll(io.LimitReader(r, maxMatchInput+1))
	if err != nil {
		return "", fmt.Errorf("reading standard input: %w", err)
	}
	if len(b) > maxMatchInput {
		return "", fmt.Errorf("standard input is larger than %d MiB", maxMatchInput>>20)
	}
	return string(b), nil
}

// matches returns the records m finds in text at date d, in text order;
// never nil, so that JSON shows [] when nothing matched.
func matches(b *data.Briefing, m *data.Matcher, text string, d data.Date) []mention {
	out := []mention{}
	for _, mn := range m.FindAt(text, d) {
		out = append(out, mention{ID: mn.ID, Kind: mn.Kind, Name: b.Name(mn.ID), Alias: mn.Alias, Start: mn.Start, End: mn.End})
	}
	return out
}

// writeMatchesText prints one match a line: the offsets, the words of the
// text, and the record they name.
func writeMatchesText(w io.Writer, text string, ms []mention) error {
	var sb strings.Builder
	if len(ms) == 0 {
		sb.WriteString("No actor or place named.\n")
	}
	for _, m := range ms {
		fmt.Fprintf(&sb, "%d–%d %q → %s %s (%s)", m.Start, m.End, text[m.Start:m.End], m.Kind, m.ID, m.Name)
		if m.Alias != m.Name {
			fmt.Fprintf(&sb, " via %q", m.Alias)
		}
		sb.WriteString("\n")
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
