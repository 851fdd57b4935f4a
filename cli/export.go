package cli

import (
	"fmt"
	"image"
	"path/filepath"

	"github.com/briefmap/briefmap/app/scene"
	"github.com/briefmap/briefmap/app/slide"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/version"
)

// runExport writes the briefing slide as a PNG:
//
//	briefmap export [-o FILE.png] [--date YYYY-MM-DD] [--focus ID] [--size 1920x1080|3840x2160] [--briefing PATH]
//
// It prints the path written on stdout.
func runExport(e *Env, args []string) int {
	fs := e.flagSet("export")
	out := fs.String("o", "", "output PNG `file` (default: <briefing>-briefing-<date>.png in the current folder)")
	date := fs.String("date", "", "as-of `date` YYYY-MM-DD (default: the briefing's default date)")
	focus := fs.String("focus", "", "`id` of a zone, place, deployment or actor to frame and describe")
	size := fs.String("size", "1920x1080", "slide `size`: 1920x1080 or 3840x2160")
	briefing := briefingFlag(fs)
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usage(fmt.Sprintf("export: unexpected argument %q", fs.Arg(0)))
	}
	var px image.Point
	switch *size {
	case "1920x1080":
		px = slide.HD
	case "3840x2160":
		px = slide.UHD
	default:
		return e.usage(fmt.Sprintf("export: --size %q: must be 1920x1080 or 3840x2160", *size))
	}
	b, base, err := loadWithBasemap(*briefing)
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("export: %w", err))
	}
	d, err := dateFlag(b, *date)
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("export: %w", err))
	}
	var ref scene.Ref
	if *focus != "" {
		if ref, err = focusRef(b, *focus); err != nil {
			return e.fail(ExitInput, err)
		}
	}
	path := *out
	if path == "" {
		path = slide.DefaultFileName(b, d)
	}
	spec := slide.Spec{
		Briefing: b,
		Renderer: scene.NewRenderer(b, base),
		Options:  scene.Options{Date: d, Layers: scene.AllLayers(), ScaleBar: true},
		Focus:    ref,
		Size:     px,
		Version:  version.String(),
	}
	if err := slide.Export(path, spec); err != nil {
		return e.fail(ExitInput, fmt.Errorf("export: %w", err))
	}
	fmt.Fprintln(e.Stdout, filepath.Clean(path))
	return ExitOK
}

// focusRef names the record id of b as a scene.Ref; only zones, places,
// deployments and actors can be a focus.
func focusRef(b *data.Briefing, id string) (scene.Ref, error) {
	for _, a := range b.Actors {
		if a.ID == id {
			return scene.Ref{Kind: "actor", ID: id}, nil
		}
	}
	for _, z := range b.Zones {
		if z.ID == id {
			return scene.Ref{Kind: "zone", ID: id}, nil
		}
	}
	for _, p := range b.Places {
		if p.ID == id {
			return scene.Ref{Kind: "place", ID: id}, nil
		}
	}
	for _, dp := range b.Deployments {
		if dp.ID == id {
			return scene.Ref{Kind: "deployment", ID: id}, nil
		}
	}
	return scene.Ref{}, fmt.Errorf("export: --focus %q: no zone, place, deployment or actor has this id", id)
}
