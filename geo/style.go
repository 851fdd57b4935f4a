package geo

import "image/color"

// The Okabe–Ito palette: eight colours that stay distinct under the common
// colour-vision deficiencies. Use them for control areas and actors.
var (
	OkabeBlack         = color.NRGBA{0x00, 0x00, 0x00, 0xff}
	OkabeOrange        = color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	OkabeSkyBlue       = color.NRGBA{0x56, 0xb4, 0xe9, 0xff}
	OkabeBluishGreen   = color.NRGBA{0x00, 0x9e, 0x73, 0xff}
	OkabeYellow        = color.NRGBA{0xf0, 0xe4, 0x42, 0xff}
	OkabeBlue          = color.NRGBA{0x00, 0x72, 0xb2, 0xff}
	OkabeVermillion    = color.NRGBA{0xd5, 0x5e, 0x00, 0xff}
	OkabeReddishPurple = color.NRGBA{0xcc, 0x79, 0xa7, 0xff}
)

// Palette returns the Okabe–Ito colours in an order that keeps the first
// few most distinct from one another and from the basemap (black last).
func Palette() []color.NRGBA {
	return []color.NRGBA{OkabeBlue, OkabeVermillion, OkabeBluishGreen, OkabeReddishPurple,
		OkabeOrange, OkabeSkyBlue, OkabeYellow, OkabeBlack}
}

// WithAlpha returns c with alpha a (0…1, clamped).
func WithAlpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(max(0, min(1, a))*255 + 0.5)
	return c
}

// Basemap colours of the default newsroom-like style.
var (
	SeaColor       = color.NRGBA{0xdc, 0xe6, 0xec, 0xff} // pale blue-grey
	LandColor      = color.NRGBA{0xe9, 0xe7, 0xe2, 0xff} // light warm grey (neighbours)
	FocusColor     = color.NRGBA{0xfb, 0xf8, 0xf1, 0xff} // warm off-white (the focus country)
	BorderColor    = color.NRGBA{0x9a, 0x98, 0x94, 0xff}
	CoastlineColor = color.NRGBA{0x4a, 0x5a, 0x66, 0xff}
	MutedTextColor = color.NRGBA{0x80, 0x7d, 0x78, 0xff}
	InkColor       = color.NRGBA{0x22, 0x22, 0x22, 0xff}
	HaloColor      = color.NRGBA{0xff, 0xff, 0xff, 0xd8}
)

// BasemapStyle is how the basemap is drawn.
type BasemapStyle struct {
	Sea       color.NRGBA // background
	Land      color.NRGBA // land outside any listed country
	Neighbour color.NRGBA // countries other than the focus
	Focus     color.NRGBA // the focus country
	FocusISO3 string      // e.g. "LBY"; empty: no focus

	Border       Stroke // land borders
	FocusBorder  Stroke // the focus country's outline (drawn over borders)
	Coastline    Stroke
	CountryNames bool      // label neighbour countries
	CountryLabel TextStyle // style of those labels (drawn in capitals)
}

// DefaultBasemapStyle returns the quiet newsroom style with focusISO3 (may
// be empty) drawn distinctly, at pixel ratio 1.
func DefaultBasemapStyle(focusISO3 string) BasemapStyle {
	return BasemapStyle{
		Sea:          SeaColor,
		Land:         LandColor,
		Neighbour:    LandColor,
		Focus:        FocusColor,
		FocusISO3:    focusISO3,
		Border:       Stroke{Color: BorderColor, Width: 0.8, Dash: []float64{4, 2}},
		FocusBorder:  Stroke{Color: color.NRGBA{0x6a, 0x68, 0x64, 0xff}, Width: 1.2},
		Coastline:    Stroke{Color: CoastlineColor, Width: 0.7},
		CountryNames: true,
		CountryLabel: TextStyle{Size: 13, Weight: Regular, Color: MutedTextColor,
			Halo: WithAlpha(LandColor, 0.85), HaloWidth: 1.5, Tracking: 1.6},
	}
}

// Scaled returns s with its width and dashes multiplied by k.
func (s Stroke) Scaled(k float64) Stroke {
	if k == 1 {
		return s
	}
	s.Width *= k
	if len(s.Dash) > 0 {
		d := make([]float64, len(s.Dash))
		for i, v := range s.Dash {
			d[i] = v * k
		}
		s.Dash = d
	}
	return s
}

// Scaled returns h with its spacing and width multiplied by k.
func (h Hatch) Scaled(k float64) Hatch {
	h.Spacing *= k
	h.Width *= k
	return h
}

// Scaled returns st with its size, halo and tracking multiplied by k.
func (st TextStyle) Scaled(k float64) TextStyle {
	st.Size *= k
	st.HaloWidth *= k
	st.Tracking *= k
	return st
}

// Scaled returns st with its size and stroke width multiplied by k.
func (st MarkerStyle) Scaled(k float64) MarkerStyle {
	st.Size *= k
	st.StrokeWidth *= k
	return st
}
