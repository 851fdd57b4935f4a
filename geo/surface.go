package geo

import (
	"image"
	"image/color"
)

// Surface is what the map, its objects, the legend swatches and the slide
// draw on: the one drawing interface of Briefmap. Two back ends implement
// it: *Canvas rasterises into an *image.RGBA (the window, the PNG slide),
// and *Vector records a display list that package geo/vecdoc writes as PDF
// or SVG. Layout code measures text through the surface's FaceCache, so
// both back ends break lines at the same words and place every label at
// the same spot: nothing is laid out twice.
//
// Coordinates are pixels from the surface's top-left corner (y down);
// everything drawn is clipped to Frame.
type Surface interface {
	// Frame returns the surface's rectangle (0, 0, w, h).
	Frame() Box
	// Faces returns the fonts text is measured and drawn with (nil: no
	// text).
	Faces() *FaceCache
	// Clear paints the whole surface with col, replacing what was there.
	Clear(col color.NRGBA)
	// FillRect fills box b with col.
	FillRect(b Box, col color.NRGBA)
	// FillPath fills p with col by the nonzero winding rule.
	FillPath(p *PixelPath, col color.NRGBA)
	// FillPathHatched fills p with col, then draws hatch h inside it.
	FillPathHatched(p *PixelPath, col color.NRGBA, h Hatch)
	// HatchPath draws hatch h inside p.
	HatchPath(p *PixelPath, h Hatch)
	// StrokePath strokes every subpath of p with st.
	StrokePath(p *PixelPath, st Stroke)
	// Text draws s with its baseline starting at (x, y), its halo behind.
	Text(x, y float64, s string, st TextStyle)
	// Sub returns a surface drawing into rectangle r of this one, in r's
	// own coordinates (r.Min is its origin) and clipped to r.
	Sub(r image.Rectangle) Surface

	// MeasureText, LineHeight, WrapText and Ellipsize measure text as
	// FaceCache does.
	MeasureText(s string, st TextStyle) (w, ascent, descent float64)
	LineHeight(st TextStyle) float64
	WrapText(s string, st TextStyle, maxWidth float64) []string
	Ellipsize(s string, st TextStyle, maxWidth float64) string
}

var (
	_ Surface = (*Canvas)(nil)
	_ Surface = (*Vector)(nil)
)

// Sub implements Surface: a canvas on the sub-image r (clipped to the
// canvas), sharing its faces.
func (c *Canvas) Sub(r image.Rectangle) Surface {
	abs := r.Add(c.dst.Rect.Min).Intersect(c.dst.Rect)
	return NewCanvasFaces(c.dst.SubImage(abs).(*image.RGBA), c.faces)
}
