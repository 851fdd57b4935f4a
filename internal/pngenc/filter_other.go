//go:build !amd64

package pngenc

// hasBlockFilter reports whether filterRGBBlocks runs here: it is written
// for amd64 only, so filterRGB does all the work in Go.
func hasBlockFilter() bool { return false }

// filterRGBBlocks is never called where hasBlockFilter is false.
func filterRGBBlocks(cur, prev, sub, up *byte, left uint32, blocks int) (sumSub, sumUp uint64) {
	panic("pngenc: filterRGBBlocks without SSSE3")
}
