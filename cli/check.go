package cli

import (
	"errors"
	"fmt"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// runCheck validates a briefing package (the embedded one when no PATH is
// given). A good package prints a one-line summary, then any lint
// warnings, and exits 0; a bad one prints every problem, one per line, on
// stderr and exits 1.
func runCheck(e *Env, args []string) int {
	fs := e.flagSet("check")
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return e.usage("check takes at most one PATH")
	}
	path := fs.Arg(0)
	b, err := libya.LoadPath(path)
	if err != nil {
		var ve *data.ValidationError
		if !errors.As(err, &ve) {
			return e.fail(ExitInput, fmt.Errorf("check: %w", err))
		}
		for _, p := range ve.Problems {
			fmt.Fprintln(e.Stderr, p)
		}
		name := path
		if name == "" {
			name = "embedded briefing"
		}
		return e.fail(ExitInput, fmt.Errorf("check: %s: %d problem%s", name, len(ve.Problems), plural(len(ve.Problems))))
	}
	fmt.Fprintf(e.Stdout, "%s: OK — %s\n", b.ID, summary(b))
	for _, w := range b.Lint() {
		fmt.Fprintf(e.Stdout, "warning: %s\n", w)
	}
	return ExitOK
}

// summary counts a briefing's records: "3 sources, 36 excerpts, …".
func summary(b *data.Briefing) string {
	count := func(n int, what string) string {
		if n == 1 {
			return fmt.Sprintf("1 %s", what)
		}
		return fmt.Sprintf("%d %ss", n, what)
	}
	return fmt.Sprintf("%s, %s, %s, %s, %s, %s",
		count(len(b.Sources), "source"), count(len(b.Excerpts), "excerpt"), count(len(b.Actors), "actor"),
		count(len(b.Zones), "zone"), count(len(b.Places), "place"), count(len(b.Deployments), "deployment"))
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
