// Package cputime reads the CPU time the process has used, for the
// benchmarks that report it beside the wall time (cpu-ns/op): on a machine
// shared with other work it says more than the wall time. Only tests
// import it.
package cputime

import (
	"testing"
	"time"
)

// Used returns the CPU time (user and system) the process has used so
// far, or 0 where the OS does not say.
func Used() time.Duration { return used() }

// Report reports, as the metric cpu-ns/op, the CPU time used since start
// (a Used reading) divided by b.N.
func Report(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(Used()-start)/float64(b.N), "cpu-ns/op")
}

// Loop runs f b.N times (b.Loop) and reports the CPU time per op.
func Loop(b *testing.B, f func()) {
	defer Report(b, Used())
	for b.Loop() {
		f()
	}
}
