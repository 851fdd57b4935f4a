package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The helpers of this file read the widget tree of a window under test.

// findObjects returns every object of type T in the tree under o.
func findObjects[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	if x, ok := o.(T); ok {
		out = append(out, x)
	}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		children = c.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects() // already rendered: returns the cached renderer
	}
	for _, ch := range children {
		out = append(out, findObjects[T](ch)...)
	}
	return out
}

// findObject returns the first object of type T in the tree under o.
func findObject[T fyne.CanvasObject](o fyne.CanvasObject) (T, bool) {
	var zero T
	if all := findObjects[T](o); len(all) > 0 {
		return all[0], true
	}
	return zero, false
}

// richText returns the text of a RichText's segments.
func richText(rt *widget.RichText) string {
	var sb strings.Builder
	for _, s := range rt.Segments {
		sb.WriteString(s.Textual())
		sb.WriteString("\n")
	}
	return sb.String()
}

// richTexts returns the text of every rich text under o.
func richTexts(o fyne.CanvasObject) string {
	var sb strings.Builder
	for _, rt := range findObjects[*widget.RichText](o) {
		sb.WriteString(richText(rt) + "\n")
	}
	return sb.String()
}

// labelTexts returns the text of every label under o, one a line.
func labelTexts(o fyne.CanvasObject) string {
	var sb strings.Builder
	for _, l := range findObjects[*widget.Label](o) {
		sb.WriteString(l.Text + "\n")
	}
	return sb.String()
}
