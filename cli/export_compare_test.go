package cli

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportCompare writes the "what changed" slide at both sizes, under
// its default name, with the same bytes twice.
func TestExportCompare(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := run("export", "--compare", "2020-01-19,2023-09-30")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const name = "libya-changes-2020-01-19-2023-09-30.png"
	if strings.TrimSpace(stdout) != name {
		t.Errorf("stdout %q, want %q", stdout, name)
	}
	first, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run("export", "--compare", "2020-01-19,2023-09-30", "-o", "again.png"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	again, err := os.ReadFile("again.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("two exports of the same comparison differ")
	}
	uhd := filepath.Join(t.TempDir(), "uhd.png")
	if code, _, stderr := run("export", "--compare", "2019-07-01,2021-03-15", "--size", "3840x2160", "-o", uhd); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := pngSize(t, uhd); got != image.Pt(3840, 2160) {
		t.Errorf("UHD compare slide is %v", got)
	}
}

func TestExportCompareBadInput(t *testing.T) {
	t.Chdir(t.TempDir())
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--compare", "2023-09-30,2020-01-19"}, ExitInput, "briefmap: export: --compare: 2020-01-19 is before 2023-09-30: give the earlier date first\n"},
		{[]string{"--compare", "2020-01-19,2020-01-19"}, ExitInput, "briefmap: export: --compare: both dates are 2020-01-19: compare two different dates\n"},
		{[]string{"--compare", "2020-01-19,2031-01-01"}, ExitInput, "briefmap: export: --compare: 2031-01-01 is outside the briefing's time range"},
		{[]string{"--compare", "2020-01-19"}, ExitInput, "briefmap: export: --compare: \"2020-01-19\" is not two dates A,B\n"},
		{[]string{"--compare", "2020-01-19,2023-09-30", "--date", "2020-01-19"}, ExitUsage, "briefmap: export: --compare A,B takes no --date or --focus"},
	}
	for _, c := range cases {
		code, out, errs := run(append([]string{"export"}, c.args...)...)
		if code != c.code || out != "" || !strings.HasPrefix(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d, %q", c.args, code, out, errs, c.code, c.want)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("bad input left files: %v", entries)
	}
}
