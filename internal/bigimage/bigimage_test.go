package bigimage

import (
	"image"
	"image/color"
	"os"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

func TestNewRGBA(t *testing.T) {
	tests := []struct {
		name    string
		r       image.Rectangle
		aligned bool // pixels on a huge page boundary
	}{
		{"HD", image.Rect(0, 0, 1920, 1080), true},
		{"UHD", image.Rect(0, 0, 3840, 2160), true},
		{"offset", image.Rect(-5, 10, 1195, 910), true},
		{"small", image.Rect(0, 0, 100, 80), false},
		{"empty", image.Rect(0, 0, 0, 50), false},
		{"just one huge page", image.Rect(0, 0, 1024, 512), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, want := NewRGBA(tc.r), image.NewRGBA(tc.r)
			if got.Rect != want.Rect || got.Stride != want.Stride || len(got.Pix) != len(want.Pix) || cap(got.Pix) != len(want.Pix) {
				t.Fatalf("rect %v stride %d len %d cap %d, want %v %d %d %d", got.Rect, got.Stride, len(got.Pix), cap(got.Pix), want.Rect, want.Stride, len(want.Pix), len(want.Pix))
			}
			for i, b := range got.Pix {
				if b != 0 {
					t.Fatalf("byte %d is %d, want zero", i, b)
				}
			}
			if len(got.Pix) > 0 {
				if aligned := uintptr(unsafe.Pointer(&got.Pix[0]))%hugePage == 0; aligned != tc.aligned {
					t.Errorf("aligned on a huge page: %v, want %v", aligned, tc.aligned)
				}
				// The image works as any RGBA.
				p := image.Pt(tc.r.Max.X-1, tc.r.Max.Y-1)
				got.SetRGBA(p.X, p.Y, color.RGBA{1, 2, 3, 4})
				if c := got.RGBAAt(p.X, p.Y); c != (color.RGBA{1, 2, 3, 4}) {
					t.Errorf("pixel %v = %v after setting it", p, c)
				}
			}
		})
	}
}

// On Linux with transparent huge pages in "always" or "madvise" mode, the
// advice is taken (madvise succeeds).
func TestAdvice(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if runtime.GOOS != "linux" || err != nil || strings.Contains(string(mode), "[never]") {
		if err := adviseHuge(make([]byte, hugePage)); runtime.GOOS != "linux" && err != nil {
			t.Fatalf("outside Linux: %v", err)
		}
		return
	}
	b := alignedHuge(3 * hugePage)
	if err := adviseHuge(b); err != nil {
		t.Fatalf("madvise(MADV_HUGEPAGE) with THP %q: %v", strings.TrimSpace(string(mode)), err)
	}
}
