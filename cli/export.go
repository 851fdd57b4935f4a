package cli

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
	"github.com/briefmap/briefmap/slide"
	"github.com/briefmap/briefmap/version"
)

// runExport writes the briefing slide as a PNG, a PDF or an SVG:
//
//	briefmap export [-o FILE.png|.pdf|.svg] [--format png|pdf|svg] [--date YYYY-MM-DD [--focus ID] | --compare A,B] [--size 1920x1080|3840x2160] [--briefing PATH]
//
// The format follows -o's extension unless --format says otherwise; an
// unknown extension is refused. With --compare it writes the "what
// changed between A and B" slide. It prints the path written on stdout.
func runExport(e *Env, args []string) int {
	fs := e.flagSet("export")
	f := newDrawFlags(fs, "output `file`: .png, .pdf or .svg (default: <briefing>-briefing-<date>.<format> in the current folder)", "slide `size`: 1920x1080 or 3840x2160")
	formatName := fs.String("format", "", "file `format`: png, pdf or svg (default: from -o's extension, else png)")
	focus := fs.String("focus", "", "`id` of a zone, place, deployment, actor or event to frame and describe")
	compare := fs.String("compare", "", "`A,B`: the slide of what changed between dates A and B (YYYY-MM-DD,YYYY-MM-DD)")
	if code, ok := e.parseOnlyFlags(fs, args); !ok {
		return code
	}
	out, date, size := f.out, f.date, f.size
	if *compare != "" && (*date != "" || *focus != "") {
		return e.usage("export: --compare A,B takes no --date or --focus (the map shows B)")
	}
	format := slide.PNG
	var err error
	switch {
	case *formatName != "":
		if format, err = slide.ParseFormat(*formatName); err != nil {
			return e.usage("export: --format: " + err.Error())
		}
	case *out != "":
		if format, err = slide.FormatOf(*out); err != nil {
			return e.usage("export: -o " + err.Error() + ", or give --format")
		}
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
	b, base, d, err := f.load()
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("export: %w", err))
	}
	var since data.Date
	if *compare != "" {
		if since, d, err = compareFlag(b, *compare); err != nil {
			return e.fail(ExitInput, fmt.Errorf("export: --compare: %w", err))
		}
	}
	var ref data.Ref
	if *focus != "" {
		if ref, err = focusRef(b, *focus, d); err != nil {
			return e.fail(ExitInput, err)
		}
	}
	path := *out
	switch {
	case path != "":
	case !since.IsZero():
		path = withExt(slide.CompareFileName(b, since, d), format)
	default:
		path = withExt(slide.DefaultFileName(b, d), format)
	}
	spec := slide.Spec{
		Briefing: b,
		Renderer: scene.NewRenderer(b, base),
		Options:  scene.Options{Date: d, Since: since, Layers: scene.AllLayers(), ScaleBar: true},
		Focus:    ref,
		Size:     px,
		Version:  version.String(),
	}
	if err := slide.ExportAs(path, spec, format); err != nil {
		return e.fail(ExitInput, fmt.Errorf("export: %w", err))
	}
	fmt.Fprintln(e.Stdout, filepath.Clean(path))
	return ExitOK
}

// withExt returns name with its extension replaced by format's.
func withExt(name string, format slide.Format) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + format.Ext()
}

// focusRef names the record id of b as a data.Ref; only zones, places,
// deployments, actors and events can be a focus, and an event only on a
// date it is shown (d).
func focusRef(b *data.Briefing, id string, d data.Date) (data.Ref, error) {
	ref, ok := b.Ref(id)
	switch {
	case ok && ref.Kind == data.KindEvent:
		ev, _ := b.Event(id)
		if !ev.ShownOn(d) {
			return data.Ref{}, fmt.Errorf("export: --focus %q: the event is not shown on %s (it is from %s to %s); give a --date in that period",
				id, d, ev.Date, scene.ShownUntil(ev))
		}
		return ref, nil
	case ok && (ref.Kind == data.KindZone || ref.Kind == data.KindPlace || ref.Kind == data.KindDeployment || ref.Kind == data.KindActor):
		return ref, nil
	case ok:
		return data.Ref{}, fmt.Errorf("export: --focus %q: only a zone, place, deployment, actor or event can be a focus, not this %s", id, ref.Kind)
	}
	return data.Ref{}, fmt.Errorf("export: --focus %q: no zone, place, deployment, actor or event has this id", id)
}

// compareFlag parses --compare A,B and checks the dates against b (see
// data.Briefing.CheckDates).
func compareFlag(b *data.Briefing, s string) (from, to data.Date, err error) {
	a, c, ok := strings.Cut(s, ",")
	if !ok {
		return data.Date{}, data.Date{}, fmt.Errorf("%q is not two dates A,B", s)
	}
	if from, err = data.ParseDate(strings.TrimSpace(a)); err != nil {
		return data.Date{}, data.Date{}, err
	}
	if to, err = data.ParseDate(strings.TrimSpace(c)); err != nil {
		return data.Date{}, data.Date{}, err
	}
	return from, to, b.CheckDates(from, to)
}
