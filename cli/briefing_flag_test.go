package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefingFlag runs every subcommand that reads a briefing on the
// small test package through --briefing, and on a missing one.
func TestBriefingFlag(t *testing.T) {
	png := filepath.Join(t.TempDir(), "map.png")
	cases := []struct {
		name string
		args []string
		want string // in stdout
	}{
		{"info", []string{"info", "--briefing", good, "31.2,16.6"}, "Place: Sirte (city)"},
		{"geojson", []string{"geojson", "--briefing", good}, `"briefing":"mini"`},
		{"quotes", []string{"quotes", "--briefing", good, "--about", "russia"}, "General Hifter is backed by Russia"},
		{"match", []string{"match", "--briefing", good, "Surt"}, "place sirte"},
		{"check", []string{"check", "--briefing", good}, "mini: OK"},
		{"render", []string{"render", "--briefing", good, "-o", png, "--size", "64x48"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.args...)
			if code != ExitOK || !strings.Contains(out, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %q", code, out, errs, c.want)
			}
			missing := append([]string{c.args[0], "--briefing", filepath.Join(t.TempDir(), "none")}, c.args[3:]...)
			if code, _, errs := run(missing...); code != ExitInput || !strings.Contains(errs, "no such file or directory") {
				t.Errorf("%v: exit %d, stderr %q; want exit 1 naming the missing package", missing, code, errs)
			}
		})
	}
	if info, err := os.Stat(png); err != nil || info.Size() == 0 {
		t.Errorf("render --briefing wrote nothing: %v", err)
	}
}
