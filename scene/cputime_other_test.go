//go:build !unix

package scene

import "testing"

// reportCPU runs f b.N times (no CPU time measure on this platform).
func reportCPU(b *testing.B, f func()) {
	for b.Loop() {
		f()
	}
}
