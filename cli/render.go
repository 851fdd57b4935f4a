package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/app/scene"
	"github.com/briefmap/briefmap/app/slide"
	"github.com/briefmap/briefmap/internal/atomicfile"
)

// maxRenderSide bounds --size so a typo cannot ask for gigabytes.
const maxRenderSide = 8192

// runRender renders a briefing's map (the embedded one by default) with
// every layer:
//
//	briefmap render -o FILE.png [--size WxH] [--date D] [--bbox W,S,E,N] [--briefing PATH]
func runRender(e *Env, args []string) int {
	fs := e.flagSet("render")
	out := fs.String("o", "", "output PNG `file` (required)")
	size := fs.String("size", "1920x1080", "map size `WxH` in pixels")
	date := fs.String("date", "", "as-of `date` YYYY-MM-DD (default: the briefing's default date)")
	bbox := fs.String("bbox", "", "view `W,S,E,N` in degrees (default: the briefing's bounding box)")
	briefing := briefingFlag(fs)
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usage(fmt.Sprintf("render: unexpected argument %q", fs.Arg(0)))
	}
	if *out == "" {
		return e.usage("render: -o FILE.png is required")
	}
	w, h, err := parseSize(*size)
	if err != nil {
		return e.usage("render: --size: " + err.Error())
	}
	b, base, err := loadWithBasemap(*briefing)
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("render: %w", err))
	}
	d, err := dateFlag(b, *date)
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("render: %w", err))
	}
	view := b.BBox
	if *bbox != "" {
		if view, err = parseBBox(*bbox); err != nil {
			return e.fail(ExitInput, fmt.Errorf("render: --bbox: %w", err))
		}
	}
	r := scene.NewRenderer(b, base)
	// One frame, drawn once: the geo map directly, without the caches of
	// basemap and frame that serve redraws (each would copy 4 bytes a pixel).
	m := r.Map(w, h, scene.FitView(view, w, h, 16), scene.Options{Date: d, Layers: scene.AllLayers(), ScaleBar: true})
	m.Cache = nil
	img := m.Render()
	if err := atomicfile.Write(*out, func(wr io.Writer) error { return slide.Encode(wr, img) }); err != nil {
		return e.fail(ExitInput, fmt.Errorf("render: %w", err))
	}
	return ExitOK
}

// parseSize parses "WxH" with both sides in 16..maxRenderSide.
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	if ok {
		w, err = strconv.Atoi(ws)
		if err == nil {
			h, err = strconv.Atoi(hs)
		}
	}
	if !ok || err != nil {
		return 0, 0, fmt.Errorf("%q is not WxH (e.g. 1920x1080)", s)
	}
	if w < 16 || h < 16 || w > maxRenderSide || h > maxRenderSide {
		return 0, 0, fmt.Errorf("%q: each side must be 16 to %d pixels", s, maxRenderSide)
	}
	return w, h, nil
}

// parseBBox parses "W,S,E,N" in degrees, west < east and south < north.
func parseBBox(s string) (orb.Bound, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return orb.Bound{}, fmt.Errorf("%q is not W,S,E,N", s)
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return orb.Bound{}, fmt.Errorf("%q is not W,S,E,N: %q is not a number", s, p)
		}
		v[i] = f
	}
	if v[0] < -180 || v[2] > 180 || v[1] < -85 || v[3] > 85 || v[0] >= v[2] || v[1] >= v[3] {
		return orb.Bound{}, fmt.Errorf("%q: need -180 ≤ west < east ≤ 180 and -85 ≤ south < north ≤ 85", s)
	}
	return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}, nil
}
