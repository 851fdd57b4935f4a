package appenv

import (
	"slices"
	"testing"
)

// TestEnv checks the variables the app's log lines and fresh Preferences
// depend on.
func TestEnv(t *testing.T) {
	env := Env(":97", "/tmp/h")
	for _, want := range []string{
		"DISPLAY=:97", "BRIEFMAP_LOG=debug", "FYNE_SCALE=1", "HOME=/tmp/h",
		"XDG_CONFIG_HOME=/tmp/h/.config", "XDG_DATA_HOME=/tmp/h/.local/share",
		"XDG_CACHE_HOME=/tmp/h/.cache", "XDG_RUNTIME_DIR=/tmp/h",
	} {
		if !slices.Contains(env, want) {
			t.Errorf("Env lacks %q: %q", want, env)
		}
	}
}
