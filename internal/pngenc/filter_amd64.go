package pngenc

import "golang.org/x/sys/cpu"

// hasBlockFilter reports whether filterRGBBlocks runs on this CPU (it
// needs SSSE3: PSHUFB and PABSB).
func hasBlockFilter() bool { return cpu.X86.HasSSSE3 }

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
