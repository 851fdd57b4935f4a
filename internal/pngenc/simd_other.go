//go:build !amd64

package pngenc

// hasSSSE3 reports whether filterRGBBlocks and adlerBlocks run here: they
// are written for amd64 only, so the Go code does all the work.
func hasSSSE3() bool { return false }

// filterRGBBlocks is never called where hasSSSE3 is false.
func filterRGBBlocks(cur, prev, sub, up *byte, left uint32, blocks int) (sumSub, sumUp uint64) {
	panic("pngenc: filterRGBBlocks without SSSE3")
}

// adlerBlocks is never called where hasSSSE3 is false.
func adlerBlocks(s1, s2 uint32, p []byte) (uint32, uint32) {
	panic("pngenc: adlerBlocks without SSSE3")
}
