package cli

import "errors"

// runExport is not written yet; the helper that owns this file replaces it.
func runExport(e *Env, args []string) int {
	return e.fail(ExitUsage, errors.New("export: not implemented yet"))
}
