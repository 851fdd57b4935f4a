// Command anchors (re)computes the anchors of a briefing package's excerpts
// and the hashes of its sources from the article texts, and writes them
// into the package's excerpts.yaml and sources.yaml, changing nothing else
// in those files (comments, order and layout stay):
//
//	go run ./tools/anchors [--sources DIR] PACKAGE_DIR
//
// The texts are the files named by sources.yaml's file:, read from DIR, or
// from PACKAGE_DIR/sources/ without --sources (or when DIR lacks one). Each
// excerpt gets prefix, suffix, start and end, each source with excerpts its
// sha256 (see data/FORMAT.md). It refuses, printing one line per problem
// and writing nothing, when a quote is not found verbatim in its article,
// is found more than once without an existing start (or prefix and suffix)
// that says which, or its article's text is missing. Both files are
// written atomically, and running it again changes nothing.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/atomicfile"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command and returns its exit code: 0 done, 1 refused or
// failed, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("anchors", flag.ContinueOnError)
	fl.SetOutput(stderr)
	sources := fl.String("sources", "", "folder of the article texts (default: PACKAGE_DIR/sources)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./tools/anchors [--sources DIR] PACKAGE_DIR")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	pkg := fl.Arg(0)
	if info, err := os.Stat(pkg); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "anchors: %s is not a package folder (a .zip must be unpacked first)\n", pkg)
		return 1
	}
	if *sources != "" {
		if info, err := os.Stat(*sources); err != nil || !info.IsDir() {
			fmt.Fprintf(stderr, "anchors: --sources %s is not a folder\n", *sources)
			return 1
		}
	}
	srcPath, excPath := filepath.Join(pkg, "sources.yaml"), filepath.Join(pkg, "excerpts.yaml")
	srcYAML, err := os.ReadFile(srcPath)
	if err != nil {
		fmt.Fprintf(stderr, "anchors: %v\n", err)
		return 1
	}
	excYAML, err := os.ReadFile(excPath)
	if err != nil {
		fmt.Fprintf(stderr, "anchors: %v\n", err)
		return 1
	}
	text := func(file string) (string, error) {
		var tried []string
		for _, dir := range []string{*sources, filepath.Join(pkg, "sources")} {
			if dir == "" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, file))
			if err == nil {
				return string(b), nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
			tried = append(tried, dir)
		}
		return "", fmt.Errorf("%s is not in %v: %w", file, tried, fs.ErrNotExist)
	}
	newSrc, newExc, problems := data.UpdateAnchors(srcYAML, excYAML, text)
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "anchors: %s: %d problem(s); nothing written\n", pkg, len(problems))
		return 1
	}
	changed := 0
	for _, f := range []struct {
		path     string
		old, new []byte
	}{{srcPath, srcYAML, newSrc}, {excPath, excYAML, newExc}} {
		if string(f.old) == string(f.new) {
			continue
		}
		if err := atomicfile.Write(f.path, func(w io.Writer) error { _, err := w.Write(f.new); return err }); err != nil {
			fmt.Fprintf(stderr, "anchors: %v\n", err)
			return 1
		}
		changed++
	}
	if changed == 0 {
		fmt.Fprintf(stdout, "%s: anchors and hashes already up to date\n", pkg)
	} else {
		fmt.Fprintf(stdout, "%s: anchors and hashes written (%d file(s) changed)\n", pkg, changed)
	}
	return 0
}
