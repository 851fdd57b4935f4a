package cli

import "errors"

// runQuotes is not written yet; the helper that owns this file replaces it.
func runQuotes(e *Env, args []string) int {
	return e.fail(ExitUsage, errors.New("quotes: not implemented yet"))
}
