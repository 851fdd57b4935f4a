// Package bigimage allocates the large images of a one-shot render or
// export (a 1920×1080 RGBA image is 8 MB, a 3840×2160 one 33 MB) so that
// the operating system backs them with huge pages where it can.
//
// Why: on the 2-core VM Briefmap is measured on, the first touch of fresh
// memory costs a page fault per 4 KiB page, and those faults are dear
// (paravirtualised): filling a new 33 MB buffer took 320–400 ms of wall
// time and about 150 ms of CPU time with 4 KiB pages, 35–160 ms and
// 20–90 ms with 2 MiB pages asked for with madvise(MADV_HUGEPAGE), on a
// kernel whose transparent huge pages are in "madvise" mode. Anywhere
// else (another OS, huge pages off) the advice is not given or ignored,
// and NewRGBA is image.NewRGBA with another allocation.
package bigimage

import (
	"image"
	"unsafe"
)

// hugePage is the size of a transparent huge page on amd64 and arm64
// (with 4 KiB base pages).
const hugePage = 2 << 20

// NewRGBA returns a new zeroed *image.RGBA of bounds r, as image.NewRGBA
// does; when its pixels take at least a huge page, they start on a huge
// page boundary and the pages under them are advised as huge (on Linux).
// The allocation is then up to 2 huge pages larger than the pixels (the
// rest is never touched). It panics, as image.NewRGBA does, when the size
// overflows.
func NewRGBA(r image.Rectangle) *image.RGBA {
	n := 4 * r.Dx() * r.Dy()
	if r.Dx() <= 0 || r.Dy() <= 0 || n < hugePage || n/4/r.Dx() != r.Dy() {
		return image.NewRGBA(r)
	}
	pix := alignedHuge(n)
	return &image.RGBA{Pix: pix, Stride: 4 * r.Dx(), Rect: r}
}

// alignedHuge returns n zeroed bytes starting on a huge page boundary, in
// a buffer whose huge pages under them are advised as huge.
func alignedHuge(n int) []byte {
	span := (n + hugePage - 1) &^ (hugePage - 1)
	buf := make([]byte, span+hugePage)
	off := 0
	if rem := int(uintptr(unsafe.Pointer(&buf[0])) % hugePage); rem != 0 {
		off = hugePage - rem
	}
	adviseHuge(buf[off : off+span])
	return buf[off : off+n : off+n]
}
