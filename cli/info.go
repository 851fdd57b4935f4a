package cli

import "errors"

// runInfo is not written yet; the helper that owns this file replaces it.
func runInfo(e *Env, args []string) int {
	return e.fail(ExitUsage, errors.New("info: not implemented yet"))
}
