package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/internal/goldenfile"
	"github.com/briefmap/briefmap/internal/pkgtest"
)

// The helpers of this package's tests: running the CLI, golden files,
// copies of the test packages.

// good is the data package's small test package.
var good = filepath.Join("..", "data", "testdata", "good")

// run runs the CLI with args and returns its exit code, stdout and stderr.
func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// goldenRun is a command line that must exit 0 and print testdata/file.
type goldenRun struct {
	file string
	args []string
}

// checkGoldenRuns runs each command line twice, in a subtest named by its
// file: it must exit 0, print its golden file and print the same bytes the
// second time.
func checkGoldenRuns(t *testing.T, runs []goldenRun) {
	t.Helper()
	for _, r := range runs {
		t.Run(r.file, func(t *testing.T) {
			code, out, errs := run(r.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, r.file, []byte(out))
			if _, again, _ := run(r.args...); again != out {
				t.Error("two runs gave different output")
			}
		})
	}
}

// exitCase is a command line, the exit code it must give and the first line
// it must print on stderr ("" for none).
type exitCase struct {
	args []string
	code int
	errs string
}

// checkExits runs each case and checks its exit code and the first line of
// its stderr.
func checkExits(t *testing.T, cases []exitCase) {
	t.Helper()
	for _, c := range cases {
		code, _, errs := run(c.args...)
		first, _, _ := strings.Cut(errs, "\n")
		if code != c.code || first != c.errs {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", c.args, code, first, c.code, c.errs)
		}
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// copyPackage copies the data package's good test package (its sources/
// folder of made-up article texts included) to a temporary folder, applies
// edit to each file's text (name is its path in the package, e.g.
// "zones.yaml" or "sources/mini-nyt-2020.txt"), and returns the folder.
func copyPackage(t *testing.T, edit func(name, text string) string) string {
	t.Helper()
	dst := t.TempDir()
	for name, text := range pkgtest.ReadTree(t, good) {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(edit(name, text)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}
