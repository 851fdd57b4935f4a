package app

// ExportSlide will write the slide of what is on screen once app/slide
// lands; until then it says so.
func (w *window) ExportSlide() {
	w.status.SetText("Slide export is not available in this build yet")
}
