package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/article"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/pkgedit"
)

// ShowImport imports a news article into the open package (File > Import
// article…, Ctrl+I): from a file or the clipboard, then its metadata, then
// the review of its proposed excerpts. A package Briefmap cannot write
// (the embedded one, a .briefmap or .zip, a read-only folder) is first
// saved as a folder, and the import goes on in the copy.
func (w *window) ShowImport() {
	if w.refuseWhileInvalid("importing") {
		return
	}
	if _, err := w.editable(); err != nil {
		w.offerCopy(err, w.ShowImport)
		return
	}
	w.showChoices("Import article", fmt.Sprintf("Briefmap stores the article's text in %s, proposes every sentence that names an actor or a place of the briefing, and lets you accept, trim and link them. Each change is saved at once; Ctrl+Z undoes it.", w.ed.path),
		fyne.NewSize(520, 280),
		choice{"From a file… (.txt, .md, .html, .htm)", w.importFromFile},
		choice{"Paste from the clipboard", func() {
			w.importText("the clipboard", []byte(w.app.Clipboard().Content()))
		}})
}

// offerCopy says why the package cannot be edited in place and offers to
// save a copy as a folder; then runs once the copy is open.
func (w *window) offerCopy(why error, then func()) {
	msg := wrappedLabel(fmt.Sprintf("This briefing cannot be changed where it is: %s. Save a copy as a folder, and Briefmap opens the copy and goes on there.", why))
	w.confirm("Save a copy as a folder", "Save a copy as a folder…", fyne.NewSize(520, 220), func() { w.ShowSaveCopy(then) }, msg)
}

// importFromFile asks for the article file.
func (w *window) importFromFile() {
	w.chooseFile([]string{".txt", ".md", ".markdown", ".html", ".htm"}, func(r fyne.URIReadCloser) {
		defer r.Close()
		name := r.URI().Name()
		b, err := article.ReadAll(r)
		if err != nil {
			w.showError(fmt.Errorf("%s: %w", name, err))
			return
		}
		w.importText(name, b)
	})
}

// importText reads the article in b (name gives its format; "the
// clipboard" sniffs it) and asks for its metadata. A file that cannot be
// imported is one line in a dialog.
func (w *window) importText(name string, b []byte) {
	fname := name
	if !strings.Contains(name, ".") {
		fname = "-"
	}
	doc, err := article.Read(fname, b)
	if err != nil {
		w.showError(fmt.Errorf("%s: %w", name, err))
		return
	}
	f := newImportForm(w.b, name, doc)
	d := dialog.NewForm("Import article", "Import", "Cancel", f.items, func(ok bool) {
		if !ok {
			return
		}
		m, err := f.meta()
		if err == nil {
			err = w.StartImport(m, doc.Text)
		}
		if err != nil {
			w.showError(err)
		}
	}, w.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
	w.ed.form = f
}

// StartImport writes the article into the package and opens the review of
// its proposals.
func (w *window) StartImport(m pkgedit.Meta, text string) error {
	p, err := w.editable()
	if err != nil {
		return err
	}
	r, err := pkgedit.StartReview(p, w.b, m, text)
	if err != nil {
		return err
	}
	w.reloadNow()
	w.openReview(r)
	w.log.Info("article imported", "source", r.Source().ID, "proposals", len(r.Items()))
	w.status.say(fmt.Sprintf("Imported %s: %d proposed excerpts to review", r.Source().ID, len(r.Items())))
	return nil
}

// importForm is the metadata of an article to import, prefilled from what
// the file says.
type importForm struct {
	publisher, title, date, url *widget.Entry
	approximate                 *widget.Check
	items                       []*widget.FormItem
}

func newImportForm(b *data.Briefing, name string, doc *article.Doc) *importForm {
	f := &importForm{
		publisher: widget.NewEntry(), title: widget.NewEntry(), date: widget.NewEntry(), url: widget.NewEntry(),
		approximate: widget.NewCheck("only roughly known", nil),
	}
	f.publisher.SetText(doc.Publisher)
	f.title.SetText(doc.Title)
	if !doc.Date.IsZero() {
		f.date.SetText(doc.Date.String())
	}
	f.url.SetText(doc.URL)
	f.date.SetPlaceHolder("YYYY-MM-DD")
	f.url.SetPlaceHolder("https://… (optional)")
	f.publisher.Validator = required("a publisher")
	f.title.Validator = required("a title")
	f.date.Validator = func(s string) error {
		if _, err := data.ParseDate(strings.TrimSpace(s)); err != nil {
			return errors.New("a date: YYYY-MM-DD")
		}
		return nil
	}
	words := len(strings.Fields(doc.Text))
	d := doc.Date
	if d.IsZero() {
		d = b.DefaultDate
	}
	props := pkgedit.Proposals(b, data.Source{ID: "article", Date: d}, article.NewText(doc.Text))
	format := map[article.Format]string{article.FormatHTML: "web page", article.FormatMarkdown: "Markdown", article.FormatText: "plain text"}[doc.Format]
	info := wrappedLabel(fmt.Sprintf("%s: %s in %s, %d words; %d sentences name actors or places of the briefing (or follow one that does).",
		filepath.Base(name), format, doc.Encoding, words, len(props)))
	f.items = []*widget.FormItem{
		{Text: "Article", Widget: info},
		{Text: "Publisher", Widget: f.publisher},
		{Text: "Title", Widget: f.title},
		{Text: "Date", Widget: container.NewBorder(nil, nil, nil, f.approximate, f.date), HintText: "the day it was published"},
		{Text: "URL", Widget: f.url},
	}
	return f
}

func required(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("needs %s", what)
		}
		return nil
	}
}

// meta returns the metadata the form holds; an error says what is wrong.
func (f *importForm) meta() (pkgedit.Meta, error) {
	d, err := data.ParseDate(strings.TrimSpace(f.date.Text))
	if err != nil {
		return pkgedit.Meta{}, fmt.Errorf("the date %q is not a date (YYYY-MM-DD)", f.date.Text)
	}
	return pkgedit.Meta{
		Publisher: strings.TrimSpace(f.publisher.Text), Title: strings.TrimSpace(f.title.Text),
		Date: d, DateApproximate: f.approximate.Checked, URL: strings.TrimSpace(f.url.Text),
	}, nil
}
