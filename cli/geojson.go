package cli

import "errors"

// runGeoJSON is not written yet; the helper that owns this file replaces it.
func runGeoJSON(e *Env, args []string) int {
	return e.fail(ExitUsage, errors.New("geojson: not implemented yet"))
}
