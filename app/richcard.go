package app

import (
	"strings"

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
// each excerpt. The records the card names are plain text (see
// linkedCardSegments).
func cardSegments(b *data.Briefing, c card, onExcerpt func(*data.Excerpt)) []widget.RichTextSegment {
	return linkedCardSegments(b, c, onExcerpt, nil)
}

// linkedCardSegments is cardSegments where each record the card names (an
// event's actors and place, a place's zone and events) is a link that
// calls onRecord, when it is not nil.
func linkedCardSegments(b *data.Briefing, c card, onExcerpt func(*data.Excerpt), onRecord func(data.Ref)) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: c.Title, Style: widget.RichTextStyleSubHeading},
		&widget.TextSegment{Text: c.Kind, Style: muted(widget.RichTextStyleParagraph)},
	}
	background := false
	quoted := map[string]bool{} // excerpts quoted in full by an earlier field
	for _, f := range c.Fields {
		segs = append(segs, &widget.TextSegment{Text: f.Label + ": ", Style: widget.RichTextStyleStrong})
		switch {
		case f.Plain:
			segs = append(segs, valueSegments(f, onRecord)...)
		case len(f.Sourced) > 0:
			// The tag goes before the value: a value that wraps must not
			// squeeze a trailing tag into a one-letter column.
			segs = append(segs, &widget.TextSegment{Text: tagSourced + " ", Style: tagStyle(theme.ColorNameSuccess)})
			segs = append(segs, valueSegments(f, onRecord)...)
			for _, e := range f.Sourced {
				if quoted[e.ID] {
					// Quoted in full above: a reminder, not the whole quote again.
					segs = append(segs, &widget.TextSegment{Text: "“" + shortQuote(e.Text) + "” (quoted above)", Style: muted(widget.RichTextStyleParagraph)})
					continue
				}
				quoted[e.ID] = true
				segs = append(segs, quoteSegments(b, e, nil)...)
			}
		default:
			background = true
			segs = append(segs, &widget.TextSegment{Text: tagBackground + " ", Style: tagStyle(theme.ColorNameWarning)})
			segs = append(segs, valueSegments(f, onRecord)...)
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
	for _, l := range c.Lists {
		segs = append(segs, &widget.TextSegment{Text: l.Title, Style: widget.RichTextStyleSubHeading})
		for _, it := range l.Items {
			segs = append(segs, &widget.TextSegment{Text: it.Tag + " ", Style: tagStyle(tagColour(it.Tag))})
			if onRecord == nil {
				segs = append(segs, &widget.TextSegment{Text: it.text(), Style: widget.RichTextStyleParagraph})
				continue
			}
			ref := it.Ref
			// The link (short: links do not wrap) ends its line; the rest
			// of the item wraps below it.
			segs = append(segs, &widget.HyperlinkSegment{Text: it.Text, OnTapped: func() { onRecord(ref) }},
				&widget.TextSegment{Text: "", Style: widget.RichTextStyleParagraph},
				&widget.TextSegment{Text: it.Rest, Style: widget.RichTextStyleParagraph})
		}
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

// valueSegments returns field f's value as a paragraph: its text, then each
// record it names as a link calling onRecord (plain text when onRecord is
// nil).
func valueSegments(f cardField, onRecord func(data.Ref)) []widget.RichTextSegment {
	if len(f.Links) == 0 || onRecord == nil {
		return []widget.RichTextSegment{&widget.TextSegment{Text: f.text(), Style: widget.RichTextStyleParagraph}}
	}
	var segs []widget.RichTextSegment
	if f.Value != "" {
		// A paragraph of its own: Fyne does not wrap a link that follows
		// inline text, so the links go on the next line.
		segs = append(segs, &widget.TextSegment{Text: f.Value, Style: widget.RichTextStyleParagraph})
	}
	for i, l := range f.Links {
		if i > 0 {
			segs = append(segs, &widget.TextSegment{Text: ", ", Style: widget.RichTextStyleInline})
		}
		ref := l.Ref
		segs = append(segs, &widget.HyperlinkSegment{Text: l.Text, OnTapped: func() { onRecord(ref) }})
	}
	// End the paragraph.
	return append(segs, &widget.TextSegment{Text: "", Style: widget.RichTextStyleParagraph})
}

// tagColour is the theme colour of a sourced/background tag.
func tagColour(tag string) fyne.ThemeColorName {
	switch tag {
	case tagSourced:
		return theme.ColorNameSuccess
	case tagPartly:
		return theme.ColorNamePrimary
	}
	return theme.ColorNameWarning
}

// shortQuote returns the first words of quote q, about 48 characters, with
// "…" when cut.
func shortQuote(q string) string {
	const n = 48
	r := []rune(q)
	if len(r) <= n {
		return q
	}
	cut := n
	for i := n; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}
