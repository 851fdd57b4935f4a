// Package slide composes the 1920×1080 briefing slide. Pure Go, no Fyne.
// (Placeholder: the slide helper replaces this file.)
package slide
