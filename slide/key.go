package slide

import (
	"fmt"
	"math"

	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/scene"
)

// legend lists the legend entries of what the map shows down col, under a
// "MAP KEY" header: a swatch and a label wrapped to at most keyLabelLines
// lines. When the list is too long for the column it is set smaller, then
// shortened to what fits, with a last line saying how many are left out.
func (l *layout) legend(col rect, entries []scene.LegendEntry) {
	if len(entries) == 0 {
		return
	}
	st := l.sideStyles()
	top := l.u(12) + l.pen.lineHeight(st.header) + l.u(8)
	sw := l.u(22)
	gap := l.u(10)
	textCol := rect{col.X0 + sw + gap, col.Y0, col.X1, col.Y1}
	type entry struct {
		lines []string
		h     float64
	}
	var (
		es    []entry
		total float64
		est   textStyle
	)
	for _, size := range []float64{18, 16} {
		est = l.style(regular, size, scene.InkColour)
		es, total = es[:0], top
		for _, e := range entries {
			ls, _ := l.pen.block(e.Label, est, textCol.W(), keyLabelLines)
			h := math.Max(sw, float64(len(ls))*l.pen.lineHeight(est)) + l.u(9)
			es = append(es, entry{ls, h})
			total += h
		}
		if total <= col.H() {
			break
		}
	}
	y := l.sectionHeader(col, col.Y0, "MAP KEY", st)
	for i, e := range entries {
		left := len(entries) - i
		if y+es[i].h > col.Y1 || left > 1 && y+es[i].h+l.pen.lineHeight(est) > col.Y1 && total > col.H() {
			more := fmt.Sprintf("(%d more on the map)", left)
			l.text(col.X0, y, l.pen.ellipsize(more, est, col.W()), est, col)
			return
		}
		scene.DrawSwatch(l.pen.c, e, geo.Box{X0: col.X0, Y0: y, X1: col.X0 + sw, Y1: y + sw}.Inset(l.u(1)))
		lh := l.pen.lineHeight(est)
		l.lines(textCol.X0, y+(math.Min(sw, lh)-lh)/2+(sw-est.Size)/2-l.u(2), es[i].lines, est, textCol)
		y += es[i].h
	}
}
