package cli

import (
	"flag"
	"fmt"
	"image"
	"io"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/internal/atomicfile"
	"github.com/briefmap/briefmap/internal/bigimage"
	"github.com/briefmap/briefmap/scene"
	"github.com/briefmap/briefmap/slide"
)

// maxRenderSide bounds --size so a typo cannot ask for gigabytes.
const maxRenderSide = 8192

// runRender renders a briefing's map (the embedded one by default) with
// every layer:
//
//	briefmap render -o FILE.png [--size WxH] [--date D] [--bbox W,S,E,N] [--briefing PATH]
func runRender(e *Env, args []string) int {
	fs := e.flagSet("render")
	f := newDrawFlags(fs, "output PNG `file` (required)", "map size `WxH` in pixels")
	bbox := fs.String("bbox", "", "view `W,S,E,N` in degrees (default: the briefing's bounding box)")
	if code, ok := e.parseOnlyFlags(fs, args); !ok {
		return code
	}
	if *f.out == "" {
		return e.usage("render: -o FILE.png is required")
	}
	w, h, err := parseSize(*f.size)
	if err != nil {
		return e.usage("render: --size: " + err.Error())
	}
	b, base, d, err := f.load()
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("render: %w", err))
	}
	view := b.BBox
	if *bbox != "" {
		if view, err = parseBBox(*bbox); err != nil {
			return e.fail(ExitInput, fmt.Errorf("render: --bbox: %w", err))
		}
	}
	v := scene.FitView(view, w, h, 16)
	// The basemap's simplified level for this view is assembled on another
	// core while the scene builds the map's layers (geo asks the basemap
	// for a tolerance of 360° / the world's width in pixels).
	go base.Prepare(360 / geo.NewTransformer(w, h, v.Centre, v.Zoom).WorldSize())
	r := scene.NewRenderer(b, base)
	// One frame, drawn once: the geo map directly, without the caches of
	// basemap and frame that serve redraws (each would copy 4 bytes a pixel).
	m := r.Map(w, h, v, scene.Options{Date: d, Layers: scene.AllLayers(), ScaleBar: true})
	m.Cache = nil
	img := bigimage.NewRGBA(image.Rect(0, 0, w, h)) // huge pages: fewer page faults
	m.RenderTo(img)
	if err := atomicfile.Write(*f.out, func(wr io.Writer) error { return slide.Encode(wr, img) }); err != nil {
		return e.fail(ExitInput, fmt.Errorf("render: %w", err))
	}
	return ExitOK
}

// drawFlags are the flags of the commands that draw a map (export,
// render): the output file, the size, the as-of date and the briefing.
type drawFlags struct{ out, size, date, briefing *string }

// newDrawFlags declares -o (described by outUsage), --size (1920x1080 by
// default, described by sizeUsage), --date and --briefing on fs.
func newDrawFlags(fs *flag.FlagSet, outUsage, sizeUsage string) drawFlags {
	return drawFlags{
		out:      fs.String("o", "", outUsage),
		size:     fs.String("size", "1920x1080", sizeUsage),
		date:     fs.String("date", "", "as-of `date` YYYY-MM-DD (default: the briefing's default date)"),
		briefing: briefingFlag(fs),
	}
}

// load loads the briefing and the basemap at once (loadWithBasemap) and
// returns them with the --date asked for (the briefing's default date
// when none is).
func (f drawFlags) load() (*data.Briefing, *basemap.Basemap, data.Date, error) {
	b, base, err := loadWithBasemap(*f.briefing)
	if err != nil {
		return nil, nil, data.Date{}, err
	}
	d, err := dateFlag(b, *f.date)
	if err != nil {
		return nil, nil, data.Date{}, err
	}
	return b, base, d, nil
}

// parseOnlyFlags parses args into fs as parseFlags does, and refuses a
// positional argument. It returns false, with the exit code, when the
// command must stop.
func (e *Env) parseOnlyFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if code, ok := e.parseFlags(fs, args); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		return e.usage(fmt.Sprintf("%s: unexpected argument %q", strings.TrimPrefix(fs.Name(), "briefmap "), fs.Arg(0))), false
	}
	return ExitOK, true
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
