package pngenc

import "golang.org/x/sys/cpu"

// hasSSSE3 reports whether filterRGBBlocks and adlerBlocks run on this
// CPU (they need SSSE3: PSHUFB, PABSB and PMADDUBSW).
func hasSSSE3() bool { return cpu.X86.HasSSSE3 }

// filterRGBBlocks filters blocks of four opaque RGBA pixels of cur against
// prev, as filterRGB does, with SSE: for each block it writes the 12 bytes
// of Sub to sub and of Up to up, and 4 more bytes beyond them (zeros the
// next block overwrites: sub and up need 4 bytes of slack after the last
// block). left is the pixel left of the first. It returns the sums of the
// Sub and of the Up bytes as signed magnitudes. cur and prev must hold
// 16*blocks bytes, sub and up 12*blocks+4.
//
//go:noescape
func filterRGBBlocks(cur, prev, sub, up *byte, left uint32, blocks int) (sumSub, sumUp uint64)

// adlerBlocks adds the bytes of p, a whole number of 32-byte blocks and at
// most adlerChunk bytes, to the Adler-32 sums s1 and s2 (each below
// adlerBase), with SSE, and returns the sums not yet reduced modulo
// adlerBase (they cannot overflow for so few bytes).
//
//go:noescape
func adlerBlocks(s1, s2 uint32, p []byte) (uint32, uint32)
