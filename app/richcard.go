package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// Tags that say where a field comes from.
const (
	tagSourced    = "SOURCED"
	tagBackground = "BACKGROUND"
)

// cardSegments lays out card c as rich-text segments: the title, the kind,
// each field with its SOURCED or BACKGROUND tag (sourced fields quote their
// excerpts), the note on background fields and the excerpts about the
// record. onExcerpt, when not nil, is called by a "Show on map" link under
// each excerpt.
func cardSegments(b *data.Briefing, c card, onExcerpt func(*data.Excerpt)) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: c.Title, Style: widget.RichTextStyleSubHeading},
		&widget.TextSegment{Text: c.Kind, Style: muted(widget.RichTextStyleParagraph)},
	}
	background := false
	for _, f := range c.Fields {
		segs = append(segs, &widget.TextSegment{Text: f.Label + ": ", Style: widget.RichTextStyleStrong})
		switch {
		case f.Plain:
			segs = append(segs, &widget.TextSegment{Text: f.Value, Style: widget.RichTextStyleParagraph})
		case len(f.Sourced) > 0:
			// The tag goes before the value: a value that wraps must not
			// squeeze a trailing tag into a one-letter column.
			segs = append(segs,
				&widget.TextSegment{Text: tagSourced + " ", Style: tagStyle(theme.ColorNameSuccess)},
				&widget.TextSegment{Text: f.Value, Style: widget.RichTextStyleParagraph})
			for _, e := range f.Sourced {
				segs = append(segs, quoteSegments(b, e, nil)...)
			}
		default:
			background = true
			segs = append(segs,
				&widget.TextSegment{Text: tagBackground + " ", Style: tagStyle(theme.ColorNameWarning)},
				&widget.TextSegment{Text: f.Value, Style: widget.RichTextStyleParagraph})
		}
	}
	if c.Note != "" || background {
		note := c.Note
		if note == "" {
			note = "no note: the briefing does not say what the background fields rest on."
		}
		segs = append(segs,
			&widget.TextSegment{Text: "Background basis: ", Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: note, Style: widget.RichTextStyleParagraph})
	}
	if len(c.Excerpts) > 0 {
		segs = append(segs, &widget.TextSegment{Text: "Excerpts", Style: widget.RichTextStyleSubHeading})
		for _, e := range c.Excerpts {
			segs = append(segs, quoteSegments(b, e, onExcerpt)...)
		}
	} else if c.Ref.Kind != data.KindExcerpt {
		segs = append(segs, &widget.TextSegment{Text: "No excerpt is about this record.", Style: muted(widget.RichTextStyleParagraph)})
	}
	return segs
}

// quoteStyle returns how a verbatim excerpt is set: an italic paragraph.
func quoteStyle() widget.RichTextStyle {
	return widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}, SizeName: theme.SizeNameText}
}

// quoteSegments returns an excerpt as a quote with its citation and, when
// onExcerpt is not nil, a link that shows what it backs on the map.
func quoteSegments(b *data.Briefing, e *data.Excerpt, onExcerpt func(*data.Excerpt)) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{
		// An italic paragraph, not RichTextStyleBlockquote: Fyne 2.7 wraps a
		// blockquote at the full width and then indents it, so its line ends
		// ran under the scroll bar.
		&widget.TextSegment{Text: "“" + e.Text + "”", Style: quoteStyle()},
		&widget.TextSegment{Text: citation(b, e), Style: muted(widget.RichTextStyleParagraph)},
	}
	if onExcerpt != nil {
		segs = append(segs, &widget.HyperlinkSegment{Text: "Show on map", OnTapped: func() { onExcerpt(e) }},
			&widget.TextSegment{Text: "", Style: widget.RichTextStyleParagraph})
	}
	return segs
}

func muted(s widget.RichTextStyle) widget.RichTextStyle {
	s.ColorName = theme.ColorNamePlaceHolder
	s.SizeName = theme.SizeNameCaptionText
	return s
}

func tagStyle(c fyne.ThemeColorName) widget.RichTextStyle {
	s := widget.RichTextStyleInline
	s.ColorName = c
	s.TextStyle.Bold = true
	s.SizeName = theme.SizeNameCaptionText
	return s
}
