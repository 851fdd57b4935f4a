// Package vecdoc writes a geo.Vector display list as a document: WritePDF
// (one 960 × 540 pt page, the embedded Noto Sans faces subset to the glyphs
// drawn, with ToUnicode maps so that text can be selected, searched and
// extracted) and WriteSVG (the text as outlines of the embedded font,
// each glyph defined once, beside a transparent text copy). Both are
// deterministic: the same display list gives the same bytes, and the PDF
// holds no date.
//
// Hatches become lines clipped to their area, aligned as geo.Canvas aligns
// them; label halos become outlines stroked under the text (in the PDF one
// form XObject per glyph), so each text is extracted once. Files: pdf.go
// (the file), pdfcontent.go (the page), svg.go, font.go (the fonts a
// document uses, glyph outlines), subset.go (the TrueType subsetter).
package vecdoc
