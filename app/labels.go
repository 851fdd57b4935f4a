package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heading returns a bold label: the title of a group in a panel.
func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// caption returns a small wrapped label.
func caption(s string) *widget.Label {
	l := wrappedLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// wrappedLabel returns a label of s that wraps at word boundaries to the
// width it is given.
func wrappedLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
