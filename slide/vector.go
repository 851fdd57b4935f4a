package slide

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/vecdoc"
	"github.com/briefmap/briefmap/internal/atomicfile"
)

// Format is a file format of the slide.
type Format int

// Slide formats: the PNG (the default), and the vector PDF and SVG drawn
// from the same layout.
const (
	PNG Format = iota
	PDF
	SVG
)

var formatNames = [...]string{PNG: "png", PDF: "pdf", SVG: "svg"}

// String returns the format's name, which is also its file extension
// without the dot: "png", "pdf", "svg".
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("format(%d)", int(f))
}

// Ext returns the format's file extension: ".png", ".pdf", ".svg".
func (f Format) Ext() string { return "." + f.String() }

// Formats returns every slide format, the default first.
func Formats() []Format { return []Format{PNG, PDF, SVG} }

// ParseFormat returns the format named name ("png", "pdf" or "svg", in
// any case).
func ParseFormat(name string) (Format, error) {
	for i, n := range formatNames {
		if strings.EqualFold(name, n) {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("unknown slide format %q (want png, pdf or svg)", name)
}

// FormatOf returns the format a file name's extension asks for (".png",
// ".pdf" or ".svg", in any case); any other extension, or none, is an
// error.
func FormatOf(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return 0, fmt.Errorf("%s has no extension: name it .png, .pdf or .svg", filepath.Base(path))
	}
	f, err := ParseFormat(ext[1:])
	if err != nil {
		return 0, fmt.Errorf("%s: unknown extension %q: name it .png, .pdf or .svg", filepath.Base(path), ext)
	}
	return f, nil
}

// ComposeVector lays out the slide exactly as Compose does and records it
// on a vector surface (in pixels of s.Size) for the PDF and SVG writers;
// it returns the surface and what the document says about itself.
func ComposeVector(s Spec) (*geo.Vector, vecdoc.Meta, error) {
	l, err := newLayout(s, true)
	if err != nil {
		return nil, vecdoc.Meta{}, err
	}
	l.compose()
	return l.surf.(*geo.Vector), l.meta(), nil
}

// meta returns the document's title (the slide's title, whole), subject
// (the briefing's title and subtitle) and creator ("Briefmap VERSION").
func (l *layout) meta() vecdoc.Meta {
	b := l.s.Briefing
	t := title(b, l.opts.Date)
	if l.opts.CompareOn() {
		t = compareTitle(b, l.opts.Since, l.opts.Date)
	}
	subject := b.Title
	if b.Subtitle != "" {
		subject = strings.TrimPrefix(subject+": "+b.Subtitle, ": ")
	}
	creator := "Briefmap"
	if l.s.Version != "" {
		creator += " " + l.s.Version
	}
	return vecdoc.Meta{Title: t, Subject: subject, Creator: creator}
}

// Write composes the slide and writes it to w in format f.
func Write(w io.Writer, s Spec, f Format) error {
	switch f {
	case PNG:
		img, err := Compose(s)
		if err != nil {
			return err
		}
		return Encode(w, img)
	case PDF, SVG:
		v, m, err := ComposeVector(s)
		if err != nil {
			return err
		}
		if f == PDF {
			err = vecdoc.WritePDF(w, v, m)
		} else {
			err = vecdoc.WriteSVG(w, v, m)
		}
		if err != nil {
			return fmt.Errorf("slide: writing %s: %w", strings.ToUpper(f.String()), err)
		}
		return nil
	}
	return fmt.Errorf("slide: unknown format %v", f)
}

// ExportAs composes the slide and writes it at path in format f,
// atomically as Export does: on any error no file is left behind and an
// existing file at path is untouched. The slide is composed before the
// file is created.
func ExportAs(path string, s Spec, f Format) error {
	if f == PNG {
		return Export(path, s)
	}
	v, m, err := ComposeVector(s)
	if err != nil {
		return err
	}
	write := vecdoc.WritePDF
	if f == SVG {
		write = vecdoc.WriteSVG
	} else if f != PDF {
		return fmt.Errorf("slide: unknown format %v", f)
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		if err := write(w, v, m); err != nil {
			return fmt.Errorf("slide: writing %s: %w", strings.ToUpper(f.String()), err)
		}
		return nil
	})
}
