//go:build !linux

package bigimage

// adviseHuge does nothing outside Linux, and says so with a nil error.
func adviseHuge(b []byte) error { return nil }
