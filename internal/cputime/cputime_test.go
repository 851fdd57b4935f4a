package cputime

import (
	"runtime"
	"testing"
	"time"
)

// Busy work shows as CPU time: Used grows by 20 ms within a few seconds of
// spinning, however loaded the machine (a spinning goroutine gets some CPU).
func TestUsed(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		if Used() != 0 {
			t.Fatal("Used says something where it cannot know")
		}
		return
	}
	start, wall := Used(), time.Now()
	x := 0
	for Used()-start < 20*time.Millisecond {
		if time.Since(wall) > 10*time.Second {
			t.Fatalf("10 s of busy work: Used grew by %v only (%d loops)", Used()-start, x)
		}
		for range 100_000 {
			x++
		}
	}
	if start <= 0 {
		t.Errorf("Used at the start: %v, want the CPU time the test binary had already used", start)
	}
}
