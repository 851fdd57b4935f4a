package cli

import (
	"fmt"

	"github.com/briefmap/briefmap/version"
)

// runVersion prints "briefmap VERSION (commit C, built D)".
func runVersion(e *Env, args []string) int {
	fs := e.flagSet("version")
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usage("version takes no arguments")
	}
	fmt.Fprintf(e.Stdout, "briefmap %s\n", version.String())
	return ExitOK
}
