//go:build cgo && !wasm && !js && !android && !ios

// Package glfwhints sets the GLFW window hints Briefmap's windows are made
// with, where Fyne's desktop (GLFW) driver is built.
package glfwhints

import "github.com/go-gl/glfw/v3.3/glfw"

// NoDepthOrStencil asks GLFW for windows without depth and stencil buffers
// and reports whether it could: false where GLFW does not start (no
// display), which leaves the failure to Fyne's own reporting.
//
// Fyne's painter draws in two dimensions with the depth test off and uses
// neither buffer, but GLFW asks for 24 depth and 8 stencil bits unless told
// otherwise: a buffer the size of the window that the GL driver allocates
// and Fyne clears on every frame (4 MB of resident memory for a 1280×800
// window with Mesa's software GL). Call it on the main thread after Fyne
// has initialised GLFW (the app's first NewWindow does) and before a window
// is shown; hints hold for the windows created after it.
func NoDepthOrStencil() bool {
	// Init returns at once when Fyne has initialised GLFW; without it,
	// setting a hint would panic.
	if glfw.Init() != nil {
		return false
	}
	glfw.WindowHint(glfw.DepthBits, 0)
	glfw.WindowHint(glfw.StencilBits, 0)
	return true
}
