package data_test

import (
	"os"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/cputime"
	"github.com/briefmap/briefmap/tools/stress/stressgen"
)

// The stress package (tools/stress at scale 20, seed 1), generated once
// per test binary into a temporary folder.
var (
	stressOnce sync.Once
	stressDir  string
	stressErr  error
)

// stressPackage returns the folder of the generated stress package.
func stressPackage(tb testing.TB) string {
	tb.Helper()
	stressOnce.Do(func() {
		stressDir, stressErr = stressgen.WriteTemp(stressgen.Options{Seed: 1, Scale: 20})
	})
	if stressErr != nil {
		tb.Fatal(stressErr)
	}
	return stressDir
}

// TestMain removes the generated stress package after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if stressDir != "" {
		os.RemoveAll(stressDir)
	}
	os.Exit(code)
}

// benchLoad loads the package in dir b.N times, reporting CPU time per op
// beside the wall time (the machine is shared).
func benchLoad(b *testing.B, dir string) {
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	start := cputime.Used()
	for b.Loop() {
		if _, err := data.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
}

// BenchmarkLoadSizes loads and validates each package, its excerpts checked
// against the article texts where the package has them (the stress
// package does; Libya ships none).
func BenchmarkLoadSizes(b *testing.B) {
	b.Run("libya", func(b *testing.B) { benchLoad(b, "libya/briefing") })
	b.Run("stress", func(b *testing.B) { benchLoad(b, stressPackage(b)) })
}

// loadedSizes runs bench on the loaded Libya and stress packages, one
// sub-benchmark each, reporting CPU time per op beside the wall time.
func loadedSizes(b *testing.B, bench func(b *testing.B, br *data.Briefing)) {
	for _, c := range []struct{ name, dir string }{{"libya", "libya/briefing"}, {"stress", ""}} {
		b.Run(c.name, func(b *testing.B) {
			dir := c.dir
			if dir == "" {
				dir = stressPackage(b)
			}
			br, err := data.Load(os.DirFS(dir))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			start := cputime.Used()
			bench(b, br)
			cputime.Report(b, start)
		})
	}
}

// BenchmarkZonesAtSizes asks for the zones at a point of the southern Tripoli
// front on the default date.
func BenchmarkZonesAtSizes(b *testing.B) {
	p := orb.Point{13.196, 32.704}
	loadedSizes(b, func(b *testing.B, br *data.Briefing) {
		for b.Loop() {
			if len(br.ZonesAt(p, br.DefaultDate)) != 2 {
				b.Fatal("want two zones")
			}
		}
	})
}

// BenchmarkLintSizes runs the lint (every excerpt matched against every
// alias at its source's date) on each package, as briefmap check does.
func BenchmarkLintSizes(b *testing.B) {
	loadedSizes(b, func(b *testing.B, br *data.Briefing) {
		for b.Loop() {
			br.Lint()
		}
	})
}
