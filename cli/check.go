package cli

import "errors"

// runCheck is not written yet; the helper that owns this file replaces it.
func runCheck(e *Env, args []string) int {
	return e.fail(ExitUsage, errors.New("check: not implemented yet"))
}
