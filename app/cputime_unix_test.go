//go:build unix

package app

import (
	"syscall"
	"testing"
	"time"
)

// cpuPerOp starts counting the CPU time this process uses and returns a
// function that reports it per op beside the wall time (call it after the
// loop: defer cpuPerOp(b)()). On a machine shared with other work, CPU time
// per op is steadier than wall time.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }
}

// cpuTime returns the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
