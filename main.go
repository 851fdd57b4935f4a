// Command briefmap is an offline map-briefing desktop app. Without arguments
// it opens the embedded Libya briefing; "briefmap open PATH" opens another
// package; the other subcommands (see cli.Usage) run headless.
package main

import (
	"os"

	"github.com/briefmap/briefmap/app"
	"github.com/briefmap/briefmap/cli"
	_ "github.com/briefmap/briefmap/internal/localefix" // before Fyne reads the locale
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	os.Exit(app.Main(args, os.Stderr))
}
