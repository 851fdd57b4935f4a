package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestHeadlessQuietUnderCLocale runs the real binary's headless commands
// under the C.UTF-8 locale of minimal systems: Fyne must not log locale
// errors, so stderr carries only Briefmap's own one-line messages.
func TestHeadlessQuietUnderCLocale(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	for _, tc := range []struct {
		args       []string
		wantStderr string
	}{
		{[]string{"version"}, ""},
		{[]string{"info", "--json", "32.1,20.1"}, ""},
		{[]string{"info", "not-a-point"}, "briefmap: "},
	} {
		cmd := exec.Command(bin, tc.args...)
		var env []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LANGUAGE=") && !strings.HasPrefix(kv, "LC_") {
				env = append(env, kv)
			}
		}
		cmd.Env = append(env, "LANG=C.UTF-8")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		got := stderr.String()
		if tc.wantStderr == "" && got != "" {
			t.Errorf("%v: stderr = %q, want nothing", tc.args, got)
		}
		if tc.wantStderr != "" && (!strings.HasPrefix(got, tc.wantStderr) || strings.Count(got, "\n") != 1) {
			t.Errorf("%v: stderr = %q, want one line starting %q", tc.args, got, tc.wantStderr)
		}
	}
}
