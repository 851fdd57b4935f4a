package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// This file holds what the subcommands that read a briefing and print an
// answer (info, match, geojson, quotes, timeline, diff) share: their common
// flags, loading the briefing at a date, printing JSON or text, and how a
// failure is reported.

// asOfFlag defines the --date flag of a subcommand that reads the briefing
// as of one date.
func asOfFlag(fs *flag.FlagSet) *string {
	return fs.String("date", "", "the as-of date, YYYY-MM-DD (default: the briefing's default date)")
}

// jsonFlag defines the --json flag with the description usage.
func jsonFlag(fs *flag.FlagSet, usage string) *bool {
	return fs.Bool("json", false, usage)
}

// parseArgs parses args as parseInterleaved does and checks that at least
// min and at most max positional arguments remain. ok is false when the
// caller must return code at once: parseInterleaved's cases, and
// ExitUsage after problem (a usage error) when the count is wrong.
func (e *Env) parseArgs(fs *flag.FlagSet, args []string, min, max int, problem string) (pos []string, code int, ok bool) {
	pos, code, ok = e.parseInterleaved(fs, args)
	if !ok {
		return nil, code, false
	}
	if len(pos) < min || len(pos) > max {
		return nil, e.usage(problem), false
	}
	return pos, ExitOK, true
}

// loadOn returns the briefing at path (the embedded one when path is "";
// see libya.LoadPath) and the date the --date value s names on it (its
// default date when s is ""; see dateFlag).
func loadOn(path, s string) (*data.Briefing, data.Date, error) {
	b, err := libya.LoadPath(path)
	if err != nil {
		return nil, data.Date{}, err
	}
	d, err := dateFlag(b, s)
	if err != nil {
		return nil, data.Date{}, err
	}
	return b, d, nil
}

// failIn prints "briefmap: CMD: err" on stderr and returns ExitInput.
func (e *Env) failIn(cmd string, err error) int {
	return e.fail(ExitInput, fmt.Errorf("%s: %w", cmd, err))
}

// answer prints v as indented JSON when asJSON is set, else as text writes
// it, on stdout. It returns ExitOK, or ExitInput after a write error
// (reported as command cmd's).
func (e *Env) answer(cmd string, asJSON bool, v any, text func(io.Writer) error) int {
	var err error
	if asJSON {
		err = writeJSON(e.Stdout, v)
	} else {
		err = text(e.Stdout)
	}
	if err != nil {
		return e.failIn(cmd, err)
	}
	return ExitOK
}
