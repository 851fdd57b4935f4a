// Package pkgtest holds the test helpers of the packages that read and
// write briefing package folders (cli, pkgedit): loading a package or
// failing the test, reading a folder's files, and the line diff of two
// such readings, to say what a command changed. It is for tests only.
package pkgtest

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// Load loads the package at path the way the commands and the app do
// (libya.LoadPath: "" is the embedded Libya briefing), failing the test or
// benchmark, with the path, when it cannot.
func Load(tb testing.TB, path string) *data.Briefing {
	tb.Helper()
	b, err := libya.LoadPath(path)
	if err != nil {
		tb.Fatalf("load %s: %v", path, err)
	}
	return b
}

// ReadTree returns the text of every file under dir, by its slash-separated
// path relative to dir; it fails the test when dir cannot be read.
func ReadTree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	tree := os.DirFS(dir)
	out := map[string]string{}
	err := fs.WalkDir(tree, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(tree, p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// DiffTrees returns the line diff of every file that differs between two
// trees read by ReadTree, in the order of their names: "--- name" (or
// "--- new file name", "--- removed name") then "+ line" and "- line" for
// the lines added and removed; "" when the trees are equal.
func DiffTrees(a, b map[string]string) string {
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
			sb.WriteString(LineDiff("", after))
		case !has:
			sb.WriteString("--- removed " + n + "\n")
		case before != after:
			sb.WriteString("--- " + n + "\n")
			sb.WriteString(LineDiff(before, after))
		}
	}
	return sb.String()
}

// LineDiff returns the lines removed from a ("- ") and added in b ("+ "),
// by their longest common subsequence, in file order.
func LineDiff(a, b string) string {
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
