package cli

import (
	"io"
	"math"
	"runtime/debug"
	"testing"
)

// Run, the process's entry, turns the collector off up to a soft memory
// limit (the commands' heaps are small and short-lived); a GOGC in the
// environment is left to rule.
func TestRunCollectsLessOften(t *testing.T) {
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev); debug.SetMemoryLimit(math.MaxInt64) })

	t.Setenv("GOGC", "")
	if code := Run([]string{"version"}, io.Discard, io.Discard); code != ExitOK {
		t.Fatalf("version: exit %d", code)
	}
	if got := debug.SetGCPercent(100); got != oneShotGCPercent {
		t.Errorf("GC percent after Run = %d, want %d", got, oneShotGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != oneShotMemoryLimit {
		t.Errorf("memory limit after Run = %d, want %d", got, oneShotMemoryLimit)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOGC", "150")
	Run([]string{"version"}, io.Discard, io.Discard)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after Run with GOGC=150 set = %d, want it left alone (100)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit after Run with GOGC set = %d, want it left alone", got)
	}
}
