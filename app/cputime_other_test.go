//go:build !unix

package app

import "testing"

// cpuPerOp reports nothing on this platform (no CPU time measure).
func cpuPerOp(*testing.B) func() { return func() {} }
