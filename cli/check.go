package cli

import (
	"errors"
	"fmt"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// runCheck validates a briefing package (the embedded one when no PATH is
// given), checking its excerpts against the article texts at hand (its own
// sources/ folder, or --sources DIR):
//
//	briefmap check [--sources DIR] [--audit] [--briefing PATH | PATH]
//
// A good package prints a one-line summary, one line on the article check
// (how many excerpts were verified, or why not), then any lint warnings,
// and exits 0; with --audit it prints the sourcing audit (Markdown)
// instead. A bad one prints every problem, one per line, on stderr and
// exits 1, as does a --sources folder that lacks a text the package needs.
func runCheck(e *Env, args []string) int {
	fs := e.flagSet("check")
	sources := fs.String("sources", "", "folder `DIR` of the article texts to check the excerpts against")
	audit := fs.Bool("audit", false, "print every sourced field beside its excerpts and every background field beside its note (Markdown)")
	briefing := briefingFlag(fs)
	pos, code, ok := e.parseArgs(fs, args, 0, 1, "check takes at most one PATH")
	if !ok {
		return code
	}
	path := *briefing
	if len(pos) == 1 {
		if path != "" && path != pos[0] {
			return e.usage("check: give the package as PATH or as --briefing PATH, not both")
		}
		path = pos[0]
	}
	name := path
	if name == "" {
		name = "embedded briefing"
	}
	var opts data.LoadOptions
	if *sources != "" {
		if info, err := os.Stat(*sources); err != nil || !info.IsDir() {
			return e.fail(ExitInput, fmt.Errorf("check: --sources %s is not a folder of article texts", *sources))
		}
		opts = data.LoadOptions{Sources: os.DirFS(*sources), SourcesName: *sources}
	}
	var b *data.Briefing
	var err error
	if path == "" {
		b, err = data.LoadWith(libya.FS(), opts)
	} else {
		b, err = data.LoadPathWith(path, opts)
	}
	if err != nil {
		var ve *data.ValidationError
		if !errors.As(err, &ve) {
			return e.failIn("check", err)
		}
		for _, p := range ve.Problems {
			fmt.Fprintln(e.Stderr, p)
		}
		return e.fail(ExitInput, fmt.Errorf("check: %s: %d problem%s", name, len(ve.Problems), plural(len(ve.Problems))))
	}
	if *sources != "" {
		for _, c := range b.TextChecks {
			if c.Excerpts > 0 && !c.Checked {
				return e.fail(ExitInput, fmt.Errorf("check: %s: --sources %s has no text for source %s (%s), which %d excerpt%s quote",
					name, *sources, c.Source, fileOrNone(c.File), c.Excerpts, plural(c.Excerpts)))
			}
		}
	}
	if *audit {
		if err := data.WriteAudit(e.Stdout, b); err != nil {
			return e.failIn("check", err)
		}
		return ExitOK
	}
	fmt.Fprintf(e.Stdout, "%s: OK — %s\n", b.ID, summary(b))
	fmt.Fprintln(e.Stdout, textCheckLine(b.TextChecks))
	for _, w := range b.Lint() {
		fmt.Fprintf(e.Stdout, "warning: %s\n", w)
	}
	return ExitOK
}

// fileOrNone names a source's text file, or says it has none.
func fileOrNone(file string) string {
	if file == "" {
		return "sources.yaml names no file"
	}
	return file
}

// textCheckLine says in one line how many excerpts were verified against
// their articles' texts, and why the others were not.
func textCheckLine(checks []data.TextCheck) string {
	var done, total int
	var dirs []string                // where the checked texts were read
	var reasons []string             // in first-seen order
	sources := map[string][]string{} // reason → source ids
	for _, c := range checks {
		if c.Excerpts == 0 {
			continue
		}
		total += c.Excerpts
		if c.Checked {
			done += c.Excerpts
			if d := path.Dir(c.From); !slices.Contains(dirs, d) {
				dirs = append(dirs, d)
			}
			continue
		}
		if sources[c.Why] == nil {
			reasons = append(reasons, c.Why)
		}
		sources[c.Why] = append(sources[c.Why], c.Source)
	}
	why := make([]string, len(reasons))
	for i, r := range reasons {
		why[i] = r + " " + strings.Join(sources[r], ", ")
	}
	switch {
	case total == 0:
		return "article check: no excerpt to check"
	case done == total:
		return fmt.Sprintf("article check: all %d excerpts verified against their article texts (in %s)", total, strings.Join(dirs, ", "))
	case done == 0:
		return fmt.Sprintf("article check not run: %d excerpt%s could not be verified (%s); give the article texts with --sources DIR or in the package's sources/ folder",
			total, plural(total), strings.Join(why, "; "))
	}
	return fmt.Sprintf("article check: %d of %d excerpts verified (texts in %s); %d could not be (%s); give the missing texts with --sources DIR",
		done, total, strings.Join(dirs, ", "), total-done, strings.Join(why, "; "))
}

// summary counts a briefing's records: "3 sources, 36 excerpts, …".
func summary(b *data.Briefing) string {
	count := func(n int, what string) string {
		if n == 1 {
			return fmt.Sprintf("1 %s", what)
		}
		return fmt.Sprintf("%d %ss", n, what)
	}
	return fmt.Sprintf("%s, %s, %s, %s, %s, %s, %s",
		count(len(b.Sources), "source"), count(len(b.Excerpts), "excerpt"), count(len(b.Actors), "actor"),
		count(len(b.Zones), "zone"), count(len(b.Places), "place"), count(len(b.Deployments), "deployment"),
		count(len(b.Events), "event"))
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
