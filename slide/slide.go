// Package slide composes Briefmap's briefing slide: a 1920×1080 (or, at
// twice the scale, 3840×2160) PNG, PDF or SVG of the map as it stood on a
// date, with a title, the map with its key, numbered callouts and a scale
// bar, a column of key actors, the callout key and verbatim excerpts with
// citations, and a footer of numbered sources, data notes and the basemap
// attribution. It is
// pure Go (no Fyne): the map is the scene's geo.Map, drawn as the window
// draws it, and all text and shapes go through a geo.Surface: a raster
// geo.Canvas for the PNG (Compose, Export), a geo.Vector for the PDF and
// the SVG (ComposeVector, ExportAs, written by geo/vecdoc). The layout is
// computed once, by the same code, for every format.
//
// The slide owns no map rule. What the map shows in its view, where a
// callout points and whether its disc fits, every colour and the legend's
// swatches come from the scene (package scene); the slide chooses what to
// say about them and lays out the page.
//
// # Layout
//
// The design grid is 1920×1080; the 4K slide is the same layout at twice the
// scale (text is measured at the design size, so lines break at the same
// words). Header: a red rule and tag, the title with the as-of date (two
// lines at most) and a one-line subtitle. Body, three columns: the map
// (about square, the shape of a country), the map key (the scene's legend of
// what lies in view), the side column. Footer: the sources, the notes, the
// version. Files: layout.go (the page), key.go (the map key), side.go (the
// side column), footer.go (title and footer text).
//
// # What the slide says
//
// Each rule has a name in brackets and a unit test named after it
// (TestRuleCalloutOrder for [callout-order]); the golden slides are a second
// net. Files: content.go, callouts.go, actors.go, excerpts.go, sources.go.
//
//   - [shown] The slide speaks of what its map shows: the records the scene
//     puts in the map's view on the as-of date (scene.Renderer.InView: the
//     zones valid on that date whose area meets the view, the places of the
//     switched-on layers inside it, the forces valid on that date with a
//     point inside it or an area that meets it, the events shown on that
//     date whose point lies inside it; an event off the map, in Berlin or
//     Moscow, is not shown).
//   - [callout-order] The records called out, in order: the caller's own
//     Options.Callouts when given; otherwise the focus when it is a place, a
//     force or an event, then the focus actors' forces shown, then the
//     recent events shown ([callout-events]), then the other forces shown
//     (by confidence, then by number of backing excerpts, then id), then
//     the importance-1 places shown that have a status on the date (a
//     blockaded terminal).
//   - [callout-events] An event shown on the map is called out when it is
//     the focus, or when it began at most 31 days before the as-of date:
//     news a briefer must mention (the oil blockade on 19 January 2020,
//     the Derna floods on 30 September 2023). The two newest such events
//     at most, before the forces (but after those of a focus actor); older
//     events stay pins on the map.
//   - [callout-on-map] A record gets a callout only where its disc shows
//     whole: its anchor (where the map's callout points: a place's symbol, a
//     force's marker as drawn, a zone's interior point) lies on the map, far
//     enough from its edge (scene.Renderer.CalloutAnchor).
//   - [callout-shared-spot] Records whose anchors lie closer than a disc and
//     a gap (scene.CalloutSpacing) share one number and one line of the key,
//     two records at most, so no disc covers another.
//   - [callout-limit] At most eight callouts, and only as many as the side
//     column has room for ([sacrifice]).
//   - [callout-label] A callout's line in the key names the record and what
//     matters on the date: a force's name, where it is (its places, or the
//     front line its point lies on) and its strength when stated ("Wagner
//     Group mercenaries — Al Jufra (hundreds)"); a place's name, who holds
//     it (by the holder's acronym when it has one, "LNA-held", else "held
//     by South Protection Force"; "contested by GNA and LNA") and its
//     status ("Es Sider — LNA-held, blockaded"); an event's title and date
//     ("The LNA takes Sirte (6 Jan 2020)").
//   - [background-mark] A fact no excerpt backs is marked "†", fact by
//     fact: a force no excerpt backs; who holds a place when its zone's
//     controller is background, its status when no excerpt backs it; an
//     event's title or date; an actor's leader or backers. The footer then
//     says what "†" means.
//   - [actors-focus] Key actors with a focus: the actors it is about (an
//     actor itself; a zone's controller or contenders; a force's actor and
//     whom it supports; the holders of a place and the forces deployed
//     there; an event's actors, then who holds where it took place; an
//     excerpt's actors), then the actors they lead or are led by, then
//     their backers (an actor that is both comes before the others).
//   - [actors-weight] Key actors without a focus: the actors weighted by what
//     they hold on the map (3 per zone controlled, 1 per zone contested, 2
//     per force, 1 per force supported), listed by side order, then weight,
//     then id. Each carries a chip of its side's colour on the map.
//   - [leader-folds] A person who leads a listed actor is named in its line
//     ("led by Khalifa Haftar") rather than on a line of their own.
//   - [actor-limit] At most five key actors; when the column is full the
//     least weighty go first ([sacrifice]).
//   - [excerpts-focus-first] With a focus, the excerpts about the focus come
//     first, those from contemporary sources first, then the newest.
//   - [excerpts-cover] Then, greedily, the excerpt that backs the most shown
//     records (callouts, key actors and their leaders, zones, places,
//     forces) not yet backed by an earlier pick.
//   - [stale-status] An excerpt that backs only a place's status of another
//     period (a blockade since lifted) does not count for that place.
//   - [quotes-current] An excerpt about a record not valid on the as-of
//     date (a zone or force of another period, an event no longer shown, an
//     actor that holds ground at other dates but none on this one, like
//     the GNA in 2023, or the person leading it) is never picked to cover
//     what the map shows: beside this map it would read as current ("Turkey
//     then sent its own guns-for-hire…", of January 2020, under a 2023
//     title).
//   - [contemporary-first] Excerpts from contemporary sources (dated within
//     a year of the as-of date) come before any other, so a 2023 map quotes
//     the 2023 article first; ties go to the source nearest the as-of date,
//     then the newest source, then the briefing's order.
//   - [dated-citation] A quote whose source is dated more than three months
//     from the as-of date gives that date with its number ("[2, January
//     2020]"), so an older quote never reads as news of the as-of date.
//   - [quotes-whole] The side column shows the first two to four excerpts
//     that fit whole; an excerpt too long for the room left is skipped for
//     the next one, so quotes are never cut.
//   - [quotes-shortened] Only when not even two fit are the first two
//     shortened, with "…" marking the cut and the citation kept.
//   - [sacrifice] The side column gives way in this order: actors are
//     dropped (down to two), then callouts (down to four), until two whole
//     excerpts fit.
//   - [source-numbers] Citations [n] number the sources in the footer in
//     the order the side column cites them, top to bottom: the key actors'
//     facts, the callouts' facts, the quotes. Sources are cited as
//     data.Citation writes them.
//   - [sources-cited] Every fact the side column states that an excerpt
//     backs cites the excerpt's source ("backed by Turkey [1]", "Syrian
//     fighters sent by Turkey — Tripoli (up to 2,000) [2]"), and the footer
//     lists exactly the sources cited on the slide: none that nothing on it
//     cites.
//   - [sources-listed] Every cited source is listed: when the list is too
//     long for its three lines, source titles are shortened, never the list.
//
// # What the compare slide says
//
// With Options.Since set before Options.Date, the slide is the "what
// changed between A and B" slide (compare.go): the title with both dates,
// the compare map (scene's compare mode) and its key, a changes column and
// the footer.
//
//   - [changes-order] The changes are data.Briefing.DiffItems: changes of
//     side, the largest area first, then statuses and holders (places that
//     changed the same way on one line), forces, then smaller areas and
//     changes within a side; the events between the dates are counted on
//     one line, not listed.
//   - [changes-cited] A change's title ends with the numbers [n] of the
//     sources whose excerpts back how things stood before or after it; a
//     change no excerpt backs ends in "†" (background knowledge). The
//     footer lists those sources, then those of the excerpts about the
//     records that changed.
//   - [changes-fit] Whole entries only: when the column is full, the last
//     line says how many changes (and events) are not shown.
//   - [changes-chip] Each entry carries the mark the map draws for it
//     (scene.Renderer.ChangeSwatch): a hatched swatch in the colour of the
//     side that lost an area, the ring of a changed place, the "+" or "−"
//     of a force.
//
// And of how it is drawn:
//
//   - [text-fits] Text never runs out of its box and no two lines overlap:
//     it wraps, and where a line limit is reached it ends in "…".
//   - [title-keeps-date] A title too long for two lines is shortened before
//     " — as of <date>", so the date always shows.
//   - [uhd-is-hd-scaled] The 4K slide is the HD one at twice the scale: the
//     same lines of text, in boxes twice as large.
//   - [same-bytes] The same Spec gives the same bytes: nothing depends on the
//     clock or on map iteration order, and the PNG holds no time or text
//     chunk.
//   - [same-bytes-vector] So do the PDF and the SVG: the PDF holds no date
//     and no random ID, and fonts are subset in the order glyphs are drawn.
//   - [vector-is-png-layout] The PDF and the SVG are the PNG's layout, not a
//     second one: the same code lays the slide out on a geo.Vector instead
//     of a geo.Canvas, so rasterised (pdftoppm, rsvg-convert) they match
//     the PNG; every text is real text there (pdftotext and an XML parse
//     find each one), and the files keep to 1.5 MB (PDF) and 3 MB (SVG).
package slide

import (
	"errors"
	"image"
	"io"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/atomicfile"
	"github.com/briefmap/briefmap/scene"
)

// Standard slide sizes: the layout is designed at HD and drawn at 2× for 4K.
var (
	HD  = image.Pt(1920, 1080)
	UHD = image.Pt(3840, 2160)
)

// Spec is everything a slide is drawn from.
type Spec struct {
	Briefing *data.Briefing
	Renderer *scene.Renderer
	// Bounds is what the map shows (the window's current view); when zero
	// the map frames the focus's extent, or the briefing's home view.
	Bounds orb.Bound
	// Options are the date (zero: the briefing's default), layers and
	// selection as on screen. The slide sets ScaleBar and its own
	// PixelRatio, clears Hovered, selects the focus when nothing is
	// selected, and chooses the callouts when Callouts is empty.
	Options scene.Options
	// Focus, when set, frames the map on that record and fills the side
	// column from it.
	Focus   data.Ref
	Size    image.Point // HD (the default when zero) or UHD
	Version string      // Briefmap version for the footer
}

// errNoBriefing is returned by Compose for a Spec without a briefing or
// renderer.
var errNoBriefing = errors.New("slide: spec has no briefing or no renderer")

// Compose draws the slide. It fails on a Spec without a briefing or
// renderer, and on a size that is not 16:9 between 960×540 and 7680×4320.
func Compose(s Spec) (*image.RGBA, error) {
	l, err := newLayout(s, false)
	if err != nil {
		return nil, err
	}
	l.compose()
	return l.dst, nil
}

// Export composes the slide and writes it as a PNG at path atomically: to a
// temporary file in the same folder, synced, then renamed over path. On any
// error no file is left behind and an existing file at path is untouched.
func Export(path string, s Spec) error {
	img, err := Compose(s)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error { return Encode(w, img) })
}

// DefaultFileName returns the slide's default file name for date d (the
// briefing's default date when d is zero): "libya-briefing-2020-01-19.png".
func DefaultFileName(b *data.Briefing, d data.Date) string {
	if d.IsZero() {
		d = b.DefaultDate
	}
	id := b.ID
	if id == "" {
		id = "slide"
	}
	if d.IsZero() {
		return id + "-briefing.png"
	}
	return id + "-briefing-" + d.String() + ".png"
}
