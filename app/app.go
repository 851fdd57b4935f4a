// Package app is Briefmap's Fyne desktop UI. (Placeholder: the app helper
// replaces this file.)
package app

import (
	"fmt"
	"io"
)

// Main runs the desktop app with the command-line arguments (none, or
// "open PATH") and returns the process exit code.
func Main(args []string, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefmap: the desktop app is not written yet")
	return 1
}
