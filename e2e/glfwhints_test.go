//go:build cgo

package e2e

import (
	"runtime"
	"testing"

	"github.com/go-gl/gl/v2.1/gl"
	"github.com/go-gl/glfw/v3.3/glfw"

	"github.com/briefmap/briefmap/internal/glfwhints"
)

// TestNoDepthOrStencilHints checks, with the GL the app gets under Xvfb
// (Mesa's software GL), that glfwhints.NoDepthOrStencil makes windows whose
// default framebuffer has no depth and no stencil bits, where GLFW's
// default hints give both (so the test tells the two apart). The app's
// "window shown" line says it asked (startup_test.go).
func TestNoDepthOrStencilHints(t *testing.T) {
	needTools(t, "Xvfb")
	t.Setenv("DISPLAY", startXvfb(t, 320, 240))
	// GLFW and the context belong to one OS thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := glfw.Init(); err != nil {
		t.Fatalf("glfw.Init: %v", err)
	}
	defer glfw.Terminate()

	bits := func(plain bool) (depth, stencil int32) {
		t.Helper()
		glfw.DefaultWindowHints()
		glfw.WindowHint(glfw.Visible, glfw.False)
		glfw.WindowHint(glfw.ContextVersionMajor, 2)
		glfw.WindowHint(glfw.ContextVersionMinor, 1)
		if plain && !glfwhints.NoDepthOrStencil() {
			t.Fatal("NoDepthOrStencil reported false with GLFW initialised")
		}
		w, err := glfw.CreateWindow(64, 48, "glfwhints", nil, nil)
		if err != nil {
			t.Fatalf("create window: %v", err)
		}
		defer w.Destroy()
		w.MakeContextCurrent()
		defer glfw.DetachCurrentContext()
		if err := gl.Init(); err != nil {
			t.Fatalf("gl.Init: %v", err)
		}
		gl.GetIntegerv(gl.DEPTH_BITS, &depth)
		gl.GetIntegerv(gl.STENCIL_BITS, &stencil)
		return depth, stencil
	}
	if d, s := bits(false); d == 0 || s == 0 {
		t.Fatalf("GLFW's default hints: %d depth and %d stencil bits; the check below could not tell", d, s)
	}
	if d, s := bits(true); d != 0 || s != 0 {
		t.Errorf("with NoDepthOrStencil: %d depth and %d stencil bits, want 0 and 0", d, s)
	}
}
