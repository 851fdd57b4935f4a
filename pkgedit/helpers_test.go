package pkgedit

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
)

// fixture is the made-up package of the tests: two invented articles with
// hand-picked excerpts.
const fixture = "testdata/vostria"

// copyFixture copies the fixture package into a new temporary folder.
func copyFixture(t testing.TB) string {
	t.Helper()
	return copyPackage(t, os.DirFS(fixture), "pkg")
}

// copyPackage copies the package in fsys into the folder name of a new
// temporary folder, and returns that folder's path; it fails the test when
// CopyTo does.
func copyPackage(t testing.TB, fsys fs.FS, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := CopyTo(fsys, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// mustLoad loads the package in dir, failing the test on any problem.
func mustLoad(t testing.TB, dir string) *data.Briefing {
	t.Helper()
	b, err := data.LoadPath(dir)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	return b
}

func mustOpen(t testing.TB, dir string) *Package {
	t.Helper()
	p, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// snapshot returns every file under dir by its slash path.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffSnapshots returns the line diff of every file that differs between
// two snapshots, in the order of their names: "--- name" then "+ line" and
// "- line" for the lines added and removed.
func diffSnapshots(a, b map[string]string) string {
	var names []string
	for n := range a {
		names = append(names, n)
	}
	for n := range b {
		if _, ok := a[n]; !ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var sb strings.Builder
	for _, n := range names {
		before, had := a[n]
		after, has := b[n]
		switch {
		case !had:
			sb.WriteString("--- new file " + n + "\n")
			sb.WriteString(lineDiff("", after))
		case !has:
			sb.WriteString("--- removed " + n + "\n")
		case before != after:
			sb.WriteString("--- " + n + "\n")
			sb.WriteString(lineDiff(before, after))
		}
	}
	return sb.String()
}

// lineDiff returns the lines removed from a ("- ") and added in b ("+ "),
// by their longest common subsequence, in file order.
func lineDiff(a, b string) string {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	if a == "" {
		x = nil
	}
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var sb strings.Builder
	line := func(prefix, s string) {
		if s == "" {
			return
		}
		sb.WriteString(prefix + strings.TrimSuffix(s, "\n") + "\n")
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			line("+ ", y[j])
			j++
		default:
			line("- ", x[i])
			i++
		}
	}
	return sb.String()
}

// removedLines returns the lines a diff removes.
func removedLines(diff string) []string {
	var out []string
	for _, l := range strings.Split(diff, "\n") {
		if strings.HasPrefix(l, "- ") {
			out = append(out, l)
		}
	}
	return out
}
