package goldenfile

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records whether the check failed.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

func TestCheck(t *testing.T) {
	if Update() {
		t.Skip("-update rewrites instead of comparing")
	}
	path := filepath.Join(t.TempDir(), "want.txt")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		got  string
		fail bool
	}{
		{"a\nb\n", false},
		{"a\nc\n", true},
		{"a\nb", true},
		{"", true},
	} {
		r := &recorder{TB: t}
		Check(r, path, []byte(c.got))
		if r.failed != c.fail {
			t.Errorf("Check(%q) failed = %v, want %v", c.got, r.failed, c.fail)
		}
	}
	r := &recorder{TB: t}
	Check(r, filepath.Join(t.TempDir(), "missing.txt"), []byte("x"))
	if !r.failed {
		t.Error("Check of a missing golden file passed")
	}
}

func TestFirstDiff(t *testing.T) {
	for _, c := range []struct{ got, want, diff string }{
		{"a\nb", "a\nb", ""},
		{"a\nb", "a\nc", "line 2:\n got: b\nwant: c"},
		{"a", "a\nx", "line 2:\n got: \nwant: x"},
	} {
		if d := FirstDiff(c.got, c.want); d != c.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", c.got, c.want, d, c.diff)
		}
	}
}
