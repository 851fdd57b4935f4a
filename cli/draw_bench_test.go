package cli

import (
	"path/filepath"
	"testing"

	"github.com/briefmap/briefmap/internal/cputime"
)

// benchCommand runs a briefmap command in-process b.N times and reports
// the CPU time per run beside the wall time (on a machine shared with
// other work the CPU time says more). In-process runs reuse the heap, so
// they miss the page faults a whole process pays: BENCHMARKS.md gives the
// whole-process figures (hyperfine) beside these.
func benchCommand(b *testing.B, args ...string) {
	b.ReportAllocs()
	start := cputime.Used()
	for b.Loop() {
		if code, _, stderr := run(args...); code != ExitOK {
			b.Fatal(stderr)
		}
	}
	cputime.Report(b, start)
}

// BenchmarkRender is "briefmap render -o map.png" (1920×1080): load, draw
// the map, encode, write.
func BenchmarkRender(b *testing.B) {
	benchCommand(b, "render", "-o", filepath.Join(b.TempDir(), "map.png"))
}

// BenchmarkExportUHD is "briefmap export --size 3840x2160".
func BenchmarkExportUHD(b *testing.B) {
	benchCommand(b, "export", "--size", "3840x2160", "-o", filepath.Join(b.TempDir(), "slide.png"))
}
