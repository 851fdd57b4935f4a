package app

import (
	"errors"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// problemsBar is the bar above the map that says the package on disk has
// become invalid (an edit in a text editor, QGIS or another program): how
// many problems, the first one, and all of them on demand, while the map
// keeps the last good briefing. It is not a dialog: the user goes on
// working and fixes the files; the bar goes away by itself when they are
// good again.
type problemsBar struct {
	head    *widget.Label
	list    *widget.Label
	scroll  *container.Scroll
	details *widget.Button
	content *fyne.Container
	parent  *fyne.Container // the bar and what it is above
	text    string          // every problem, one a line ("" when hidden)
}

// above returns o with the bar above it.
func (p *problemsBar) above(o fyne.CanvasObject) fyne.CanvasObject {
	p.parent = container.NewBorder(p.content, nil, nil, nil, o)
	return p.parent
}

// relayout lays the bar's parent out again after the bar appeared,
// disappeared or grew.
func (p *problemsBar) relayout() {
	if p.parent != nil {
		p.parent.Refresh()
	}
}

func newProblemsBar() *problemsBar {
	p := &problemsBar{head: wrappedLabel(""), list: wrappedLabel("")}
	p.list.Selectable = true
	p.scroll = container.NewVScroll(p.list)
	p.scroll.SetMinSize(fyne.NewSize(0, 140))
	p.scroll.Hide()
	p.details = widget.NewButton("Show all", p.toggle)
	bg := canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameError), 0x30))
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), p.details, p.head)
	p.content = container.NewStack(bg, container.NewPadded(container.NewBorder(row, nil, nil, nil, p.scroll)))
	p.content.Hide()
	return p
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// show says that the package at path has the problems of err, and that
// the map shows the last good version.
func (p *problemsBar) show(path string, err error) {
	lines := []string{err.Error()}
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		lines = lines[:0]
		for _, pr := range ve.Problems {
			lines = append(lines, pr.String())
		}
	}
	n := len(lines)
	p.head.SetText(fmt.Sprintf("The briefing on disk has %d problem%s, so the map shows it as it was before the last change. Fix the file%s and it reloads by itself. First: %s",
		n, plural(n), plural(n), lines[0]))
	p.text = strings.Join(lines, "\n")
	p.list.SetText(p.text)
	p.details.SetText("Show all")
	p.details.Hidden = n < 2
	p.details.Refresh()
	p.scroll.Hide()
	p.content.Show()
	p.relayout()
}

// hide takes the bar away.
func (p *problemsBar) hide() {
	if p.text == "" {
		return
	}
	p.text = ""
	p.content.Hide()
	p.relayout()
}

// shown reports whether the bar is up.
func (p *problemsBar) shown() bool { return p.content.Visible() }

// toggle shows or hides the list of every problem.
func (p *problemsBar) toggle() {
	if p.scroll.Visible() {
		p.scroll.Hide()
		p.details.SetText("Show all")
	} else {
		p.scroll.Show()
		p.details.SetText("Hide")
	}
	p.relayout()
}
