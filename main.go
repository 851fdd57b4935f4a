// Command briefmap is an offline map-briefing desktop app. Without arguments
// it opens the embedded Libya briefing; "briefmap open PATH" opens another
// package; the other subcommands (see cli.Usage) run headless, and
// "briefmap help" or "briefmap COMMAND --help" describes them all.
package main

import (
	"os"

	"github.com/briefmap/briefmap/app"
	"github.com/briefmap/briefmap/cli"
	_ "github.com/briefmap/briefmap/internal/localefix" // before Fyne reads the locale
)

func main() {
	args := os.Args[1:]
	if cli.Handles(args) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	// The desktop entry's "Exec=briefmap open %f", started from the menu
	// with no file, runs "briefmap open": the embedded briefing.
	if len(args) == 1 && args[0] == "open" {
		args = nil
	}
	os.Exit(app.Main(args, os.Stderr))
}
