//go:build !cgo || wasm || js || android || ios

// Package glfwhints sets the GLFW window hints Briefmap's windows are made
// with, where Fyne's desktop (GLFW) driver is built.
package glfwhints

// NoDepthOrStencil does nothing and reports false: Fyne's GLFW driver is
// not built here.
func NoDepthOrStencil() bool { return false }
