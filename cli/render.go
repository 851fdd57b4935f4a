package cli

import "errors"

// runRender is not written yet; the helper that owns this file replaces it.
func runRender(e *Env, args []string) int {
	return e.fail(ExitUsage, errors.New("render: not implemented yet"))
}
