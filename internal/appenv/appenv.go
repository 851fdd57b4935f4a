// Package appenv builds the environment in which the end-to-end test and
// tools/launchbench start the real app: a given X display, debug log lines
// on stderr, scale 1 and fresh Preferences in a temporary home.
package appenv

import (
	"os"
	"path/filepath"
)

// Env returns the environment for the app on display (":99") with its home
// and XDG folders under home; PATH is kept, nothing else is inherited.
func Env(display, home string) []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"DISPLAY=" + display,
		"FYNE_SCALE=1",
		"BRIEFMAP_LOG=debug",
		"LANG=en_US.UTF-8",
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"XDG_RUNTIME_DIR=" + home,
	}
}
