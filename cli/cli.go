// Package cli is Briefmap's headless command line: the subcommands of
// DESIGN.md that run without a display. Each subcommand lives in its own file
// as a run<Name> function.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
)

// Exit codes.
const (
	ExitOK    = 0 // success
	ExitInput = 1 // bad input: a file, a package, a date or a point that is wrong
	ExitUsage = 2 // bad usage: unknown command or flag
)

// Env is what a subcommand reads from and writes to.
type Env struct {
	Stdin  io.Reader // nil reads nothing (an empty input)
	Stdout io.Writer
	Stderr io.Writer
}

// Usage is printed by "briefmap help" and on usage errors.
const Usage = `usage:
  briefmap                              open the desktop app on the embedded briefing
  briefmap open PATH                    open the app on another briefing package
  briefmap export [-o FILE.png] [--date YYYY-MM-DD] [--focus ID] [--size 1920x1080|3840x2160] [--briefing PATH]
  briefmap render -o FILE.png [--size WxH] [--date D] [--bbox W,S,E,N] [--briefing PATH]
  briefmap info [--date D] [--json] [--briefing PATH] LAT,LON
  briefmap geojson [--date D] [-o FILE] [--briefing PATH]
  briefmap quotes [--json] [--about ID] [--briefing PATH]
  briefmap check [--sources DIR] [--audit] [--briefing PATH | PATH]
  briefmap match [--date D] [--json] [--briefing PATH] TEXT|-
  briefmap version

A briefing PATH is a package folder or a .zip of one; without it, commands
read the embedded Libya briefing.
`

// IsCommand reports whether name is a headless subcommand handled by Run.
func IsCommand(name string) bool {
	switch name {
	case "check", "info", "geojson", "quotes", "match", "version", "render", "export", "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// Run runs the subcommand args[0] with the rest of args, reading standard
// input from os.Stdin, and returns the exit code. It never calls os.Exit.
func Run(args []string, stdout, stderr io.Writer) int {
	return RunWith(&Env{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr}, args)
}

// RunWith runs the subcommand args[0] with the rest of args in e and
// returns the exit code.
func RunWith(e *Env, args []string) int {
	if len(args) == 0 {
		return e.usage("no command given")
	}
	rest := args[1:]
	switch args[0] {
	case "check":
		return runCheck(e, rest)
	case "info":
		return runInfo(e, rest)
	case "geojson":
		return runGeoJSON(e, rest)
	case "quotes":
		return runQuotes(e, rest)
	case "match":
		return runMatch(e, rest)
	case "version":
		return runVersion(e, rest)
	case "render":
		return runRender(e, rest)
	case "export":
		return runExport(e, rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.Stdout, Usage)
		return ExitOK
	}
	return e.usage(fmt.Sprintf("unknown command %q", args[0]))
}

// usage prints one line naming the problem, then the usage text, and
// returns ExitUsage.
func (e *Env) usage(problem string) int {
	fmt.Fprintf(e.Stderr, "briefmap: %s\n%s", problem, Usage)
	return ExitUsage
}

// fail prints err as one line on stderr and returns code.
func (e *Env) fail(code int, err error) int {
	fmt.Fprintf(e.Stderr, "briefmap: %v\n", err)
	return code
}

// flagSet returns a FlagSet for subcommand name that reports its errors
// on e.Stderr (ContinueOnError).
func (e *Env) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("briefmap "+name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	return fs
}

// parseFlags parses args into fs. ok is false when the caller must return
// code at once (ExitUsage on a bad flag, ExitOK after -h).
func (e *Env) parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	return ExitOK, true
}

// briefingFlag defines the --briefing flag of a subcommand that reads a
// briefing.
func briefingFlag(fs *flag.FlagSet) *string {
	return fs.String("briefing", "", "briefing package `PATH`: a folder or a .zip (default: the embedded Libya briefing)")
}

// loadBriefing loads the package at path (a folder or a .zip), or the
// embedded Libya briefing when path is empty.
func loadBriefing(path string) (*data.Briefing, error) {
	if path == "" {
		return libya.Load()
	}
	return data.LoadPath(path)
}

// loadWithBasemap loads the briefing at path (see loadBriefing) and the
// embedded basemap at the same time: on two cores that halves the wait of
// the commands that draw a map.
func loadWithBasemap(path string) (*data.Briefing, *basemap.Basemap, error) {
	type loaded struct {
		base *basemap.Basemap
		err  error
	}
	ch := make(chan loaded, 1)
	go func() {
		base, err := basemap.Load()
		ch <- loaded{base, err}
	}()
	b, err := loadBriefing(path)
	bm := <-ch
	if err != nil {
		return nil, nil, err
	}
	if bm.err != nil {
		return nil, nil, fmt.Errorf("basemap: %w", bm.err)
	}
	return b, bm.base, nil
}
