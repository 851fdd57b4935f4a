// Package cli is Briefmap's headless command line: the subcommands of Usage
// (documented in README.md) that run without a display. Each subcommand
// lives in its own file as a run<Name> function. It reads briefings with
// libya.LoadPath and draws with scene and slide, never with app (see
// ARCHITECTURE.md).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

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
	// describe, when set, receives the subcommand's FlagSet where it would
	// parse its arguments, and the subcommand returns without running: the
	// help and the manual page list the flags so (see flagsOf).
	describe func(*flag.FlagSet)
}

// IsCommand reports whether name is a headless subcommand handled by Run
// (see commands in usage.go), or a request for help.
func IsCommand(name string) bool {
	if isHelpFlag(name) {
		return true
	}
	c, ok := lookup(name)
	return ok && c.run != nil
}

// Handles reports whether Run handles the command line args: a headless
// subcommand, or --help on a command of the desktop app ("briefmap open
// --help").
func Handles(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if IsCommand(args[0]) {
		return true
	}
	if _, ok := lookup(args[0]); ok {
		for _, a := range args[1:] {
			if isHelpFlag(a) {
				return true
			}
		}
	}
	return false
}

// isHelpFlag reports whether arg asks for help.
func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

// Run runs the subcommand args[0] with the rest of args, reading standard
// input from os.Stdin, and returns the exit code. It never calls os.Exit.
func Run(args []string, stdout, stderr io.Writer) int {
	// A command runs once and exits, and its heap is small and short-lived
	// (the embedded briefing comes from its snapshot, the images are
	// allocated apart): unless GOGC says otherwise it does not collect
	// until its heap nears a soft limit, which only a package many times
	// Libya's size reaches. The peak memory of a render or an export is
	// the same (its images are most of it) and a render of the Libya map
	// went from 79 to 68 ms (BENCHMARKS.md).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(oneShotGCPercent)
		debug.SetMemoryLimit(oneShotMemoryLimit)
	}
	return RunWith(&Env{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr}, args)
}

// The collector's settings of a command run by Run (see Run): off, up to
// a soft limit of 512 MiB.
const (
	oneShotGCPercent   = -1
	oneShotMemoryLimit = 512 << 20
)

// RunWith runs the subcommand args[0] with the rest of args in e and
// returns the exit code.
func RunWith(e *Env, args []string) int {
	if len(args) == 0 {
		return e.usage("no command given")
	}
	if isHelpFlag(args[0]) {
		return runHelp(e, nil)
	}
	c, ok := lookup(args[0])
	switch {
	case !ok:
		return e.usage(fmt.Sprintf("unknown command %q", args[0]))
	case c.run == nil: // a command of the desktop app, asked for --help
		return runHelp(e, []string{c.name})
	}
	return c.run(e, args[1:])
}

// usage prints one line naming the problem, then the usage text, and
// returns ExitUsage.
func (e *Env) usage(problem string) int {
	fmt.Fprintf(e.Stderr, "briefmap: %s\n%s", problem, Usage())
	return ExitUsage
}

// fail prints err as one line on stderr and returns code.
func (e *Env) fail(code int, err error) int {
	fmt.Fprintf(e.Stderr, "briefmap: %v\n", err)
	return code
}

// flagSet returns a FlagSet for subcommand name (ContinueOnError); its
// errors and help are printed by parseFlags.
func (e *Env) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("briefmap "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args into fs. ok is false when the caller must return
// code at once: ExitUsage on a bad flag (after one line naming it and the
// command's synopsis on stderr), ExitOK after -h or --help (after the
// command's help on stdout), ExitOK when e only describes the command.
func (e *Env) parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if e.describe != nil {
		e.describe(fs)
		return ExitOK, false
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			e.printHelp(fs)
			return ExitOK, false
		}
		fmt.Fprintf(e.Stderr, "briefmap: %s: %v\n", strings.TrimPrefix(fs.Name(), "briefmap "), err)
		e.printSynopsis(fs)
		return ExitUsage, false
	}
	return ExitOK, true
}

// briefingFlag defines the --briefing flag of a subcommand that reads a
// briefing.
func briefingFlag(fs *flag.FlagSet) *string {
	return fs.String("briefing", "", "briefing package `PATH`: a folder or a .zip (default: the embedded Libya briefing)")
}

// loadWithBasemap loads the briefing at path (see libya.LoadPath) and the
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
	b, err := libya.LoadPath(path)
	bm := <-ch
	if err != nil {
		return nil, nil, err
	}
	if bm.err != nil {
		return nil, nil, fmt.Errorf("basemap: %w", bm.err)
	}
	return b, bm.base, nil
}
