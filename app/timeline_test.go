package app

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// inTarhuna is a point of the Tarhuna salient (z2020-lna-tarhuna) away
// from symbols.
var inTarhuna = orb.Point{13.75, 32.2}

// logMsgs returns the date and selection lines of logs, in order: "date
// D", "selected KIND:ID", "selection cleared".
func logMsgs(t *testing.T, logs *bytes.Buffer) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var l map[string]any
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			continue
		}
		switch l["msg"] {
		case "date":
			out = append(out, "date "+l["date"].(string))
		case "selected":
			out = append(out, "selected "+l["kind"].(string)+":"+l["id"].(string))
		case "selection cleared":
			out = append(out, "selection cleared")
		}
	}
	return out
}

// checkFollowed checks what a date change logged, the messages of logMsgs
// joined by "|" (the date, then the selection as it now stands), and that
// the status line says why the selection changed: it starts with or
// contains why.
func checkFollowed(t *testing.T, w *window, logs *bytes.Buffer, wantLog, why string) {
	t.Helper()
	if got := logMsgs(t, logs); strings.Join(got, "|") != wantLog {
		t.Errorf("log %q, want %q", got, wantLog)
	}
	if !strings.Contains(w.status.status.Text, why) {
		t.Errorf("status %q does not say why (%q)", w.status.status.Text, why)
	}
}

// TestStaleCardRegression is the case: with the Tarhuna zone of
// 2020 selected, switching to 30 September 2023 left the Selection tab
// showing the 2020 zone ("Valid 6 January 2020 – 4 June 2020") under the
// 2023 map. Now the selection follows the date to the zone at the same
// spot, and the card is that zone's.
func TestStaleCardRegression(t *testing.T) {
	w, logs := newTestWindow(t)
	zonesOnly(w)
	tapAt(t, w, inTarhuna)
	if sel := w.mapView.Selected(); sel != (data.Ref{Kind: data.KindZone, ID: "z2020-lna-tarhuna"}) {
		t.Fatalf("the click selected %v, want the Tarhuna salient", sel)
	}
	logs.Reset()
	w.SetDate(data.MustDate("2023-09-30"))
	text := w.cardText()
	if strings.Contains(text, "4 June 2020") || strings.Contains(text, "Tarhuna salient") {
		t.Errorf("the card still shows the 2020 zone under the 2023 map:\n%s", text)
	}
	want := data.Ref{Kind: data.KindZone, ID: "z2021-gnu-west"}
	if w.mapView.Selected() != want || w.shown != want {
		t.Errorf("selection %v, card %v; want %v", w.mapView.Selected(), w.shown, want)
	}
	if !strings.Contains(text, "Government of National Unity") {
		t.Errorf("the card is not the GNU's zone:\n%s", text)
	}
	checkFollowed(t, w, logs, "date 2023-09-30|selected zone:z2021-gnu-west", "the zone at the same spot")
}

// TestCardNeverShowsARecordNotOnTheMap: whatever asks for it, the card of a
// zone or force not valid on the date on screen is not shown.
func TestCardNeverShowsARecordNotOnTheMap(t *testing.T) {
	w, _ := newTestWindow(t)
	w.showCard(data.Ref{Kind: data.KindZone, ID: "z2021-gnu-west"}) // valid from 2021
	if w.cardText() != "" || !w.shown.IsZero() {
		t.Errorf("a 2021 zone's card is shown on %s:\n%s", w.date, w.cardText())
	}
}

func TestSelectionClearedSaysWhy(t *testing.T) {
	w, logs := newTestWindow(t)
	w.Select(data.Ref{Kind: data.KindDeployment, ID: "d2020-syrian-fighters"})
	logs.Reset()
	w.SetDate(data.MustDate("2019-07-01"))
	if !w.mapView.Selected().IsZero() || !w.shown.IsZero() {
		t.Errorf("selection %v kept on a date before the force arrived", w.mapView.Selected())
	}
	cleared := logLines(t, logs, "selection cleared")
	if len(cleared) != 1 || !strings.Contains(cleared[0]["reason"].(string), "Syrian fighters sent by Turkey (deployment, valid 27 December 2019 – 4 June 2020) is not on the map on 1 July 2019") {
		t.Errorf("selection cleared lines %v", cleared)
	}
	checkFollowed(t, w, logs, "date 2019-07-01|selection cleared", "Selection cleared: Syrian fighters")
}

func TestSelectionOfAPlaceFollowsItsStatus(t *testing.T) {
	w, _ := newTestWindow(t)
	w.Select(data.Ref{Kind: data.KindPlace, ID: "es-sider"})
	w.SetDate(data.MustDate("2023-09-30"))
	if w.mapView.Selected() != (data.Ref{Kind: data.KindPlace, ID: "es-sider"}) {
		t.Fatalf("selection %v, want Es Sider kept", w.mapView.Selected())
	}
	if text := w.cardText(); !strings.Contains(text, "Status on 30 September 2023: operating") {
		t.Errorf("card does not show the new status:\n%s", text)
	}
	if !strings.Contains(w.status.status.Text, "Es Sider is operating on 30 September 2023 (was blockaded)") {
		t.Errorf("status %q", w.status.status.Text)
	}
}

// TestTimelineKeys: ] and [ step to the next and previous change, End and
// Home go to the last and first, whether the map has the focus or not.
func TestTimelineKeys(t *testing.T) {
	w, _ := newTestWindow(t)
	changes := w.b.ChangeDates()
	start := w.date
	next, _ := w.b.StepChange(start, 1)
	prev, _ := w.b.StepChange(start, -1)
	c := w.win.Canvas()
	c.OnTypedRune()(']')
	if w.date != next {
		t.Fatalf("] went to %s, want the next change %s", w.date, next)
	}
	c.OnTypedRune()('[')
	c.OnTypedRune()('[')
	if w.date != prev {
		t.Errorf("[ [ went to %s, want %s (the change before %s)", w.date, prev, start)
	}
	c.Focus(w.mapView)
	w.mapView.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if w.date != changes[len(changes)-1] {
		t.Errorf("End went to %s, want the last change %s", w.date, changes[len(changes)-1])
	}
	w.mapView.TypedRune(']') // at the end: nothing
	if w.date != changes[len(changes)-1] {
		t.Errorf("] at the last change went to %s", w.date)
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyHome})
	if w.date != changes[0] {
		t.Errorf("Home went to %s, want the first change %s", w.date, changes[0])
	}
	if w.timeline.prev.Disabled() == false {
		t.Error("the previous-change button is enabled at the first change")
	}
	test.Tap(w.timeline.next)
	if w.date != changes[1] {
		t.Errorf("the next-change button went to %s, want %s", w.date, changes[1])
	}
}

func TestTypedDateGoesToAnyDay(t *testing.T) {
	w, logs := newTestWindow(t)
	test.Type(w.timeline.entry, "") // focus
	w.timeline.entry.SetText("2021-07-04")
	w.timeline.entry.OnSubmitted(w.timeline.entry.Text)
	if w.date != data.MustDate("2021-07-04") || w.mapView.Options().Date != w.date {
		t.Fatalf("typed 2021-07-04, date %s, map %s", w.date, w.mapView.Options().Date)
	}
	if d := logLines(t, logs, "date"); len(d) == 0 || d[len(d)-1]["date"] != "2021-07-04" {
		t.Errorf("date lines %v", d)
	}
	for _, bad := range []string{"2021-02-30", "4 July 2021", "2031-01-01", "2010-01-01"} {
		w.timeline.entry.SetText(bad)
		w.timeline.entry.OnSubmitted(bad)
		if w.date != data.MustDate("2021-07-04") {
			t.Errorf("typing %q changed the date to %s", bad, w.date)
		}
		if w.status.status.Text == "" || !strings.HasSuffix(w.status.status.Text, ".") {
			t.Errorf("typing %q: status %q, want one sentence", bad, w.status.status.Text)
		}
	}
	if !strings.Contains(w.status.status.Text, "outside the briefing's time range") {
		t.Errorf("status %q", w.status.status.Text)
	}
}

func TestTimelineStripClickAndShiftClick(t *testing.T) {
	w, _ := newTestWindow(t)
	s := w.timeline.strip
	width := s.Size().Width
	if width < 100 {
		t.Fatalf("strip is %v wide", width)
	}
	// A click on a bookmark goes to its snapshot.
	snap := w.b.Snapshots[len(w.b.Snapshots)-1].Date
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(s.x(snap, width)+1, stripAxisY)}, Button: desktop.MouseButtonPrimary})
	if w.date != snap {
		t.Fatalf("a click on the last bookmark went to %s, want %s", w.date, snap)
	}
	// A shift-click on the first bookmark compares it with the date on screen.
	first := w.b.Snapshots[0].Date
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(s.x(first, width), stripAxisY)}, Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	if w.since != first || w.date != snap || !w.mapView.Options().CompareOn() {
		t.Errorf("after a shift-click: since %s, date %s, map %+v; want %s to %s", w.since, w.date, w.mapView.Options(), first, snap)
	}
	if w.tabs.Selected() != w.changesTab.item {
		t.Error("compare mode does not show the Changes tab")
	}
}

func TestCompareModeAndWhatChangedTab(t *testing.T) {
	w, logs := newTestWindow(t)
	a, b := data.MustDate("2020-01-19"), data.MustDate("2023-09-30")
	if err := w.SetCompare(a, b); err != nil {
		t.Fatal(err)
	}
	o := w.mapView.Options()
	if o.Since != a || o.Date != b {
		t.Fatalf("map options %+v, want %s since %s", o, b, a)
	}
	legend := false
	for _, e := range w.r.Legend(w.options()) {
		legend = legend || strings.HasPrefix(e.Label, "Lost by")
	}
	if !legend {
		t.Error("the legend does not key the changed areas")
	}
	items := w.changesTab.shown
	if len(items) == 0 || !strings.HasPrefix(items[0].Title, "Tarhuna and Bani Walid: from LNA to GNU") {
		t.Fatalf("What changed lists %d items, first %+v", len(items), items)
	}
	text := richTexts(w.changesTab.box)
	for _, want := range []string{"What changed between 19 January 2020 and 30 September 2023", "Before (19 January 2020):", "After (30 September 2023):", "BACKGROUND", "Select on map", "“"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Changes tab lacks %q", want)
		}
	}
	logs.Reset()
	w.SelectChange(0)
	if sel := w.mapView.Selected(); sel != items[0].Ref || sel.ID != "z2021-gnu-west" {
		t.Errorf("clicking the first change selected %v, want %v", sel, items[0].Ref)
	}
	if c := w.mapView.Options().Change; c != items[0].Zone+1 {
		t.Errorf("the map outlines change %d, want %d (the area that changed hands)", c, items[0].Zone+1)
	}
	if s := logLines(t, logs, "selected"); len(s) != 1 || s[0]["id"] != "z2021-gnu-west" {
		t.Errorf("selected lines %v", s)
	}
	// Stepping back past A ends compare mode.
	w.SetDate(a)
	if !w.since.IsZero() || w.mapView.Options().CompareOn() {
		t.Errorf("compare mode still on at A: since %s", w.since)
	}
	if !strings.Contains(richTexts(w.changesTab.box), "Not comparing") {
		t.Error("the Changes tab still lists changes")
	}
}

func TestCompareRefusesBadDates(t *testing.T) {
	w, _ := newTestWindow(t)
	before := w.mapView.Options()
	for _, c := range [][2]string{{"2023-09-30", "2020-01-19"}, {"2020-01-19", "2020-01-19"}, {"2010-01-01", "2020-01-19"}} {
		if err := w.SetCompare(data.MustDate(c[0]), data.MustDate(c[1])); err == nil {
			t.Errorf("SetCompare(%s, %s) accepted", c[0], c[1])
		}
	}
	if after := w.mapView.Options(); after.Since != before.Since || after.Date != before.Date || !w.since.IsZero() {
		t.Errorf("bad compare dates changed the map: %+v", after)
	}
	w.CompareWith(w.date) // a shift-click on the date on screen
	if !w.since.IsZero() {
		t.Error("comparing a date with itself turned compare mode on")
	}
	if !strings.Contains(w.status.status.Text, "pick two different dates") {
		t.Errorf("status %q", w.status.status.Text)
	}
}

func TestExportInCompareModeIsTheChangesSlide(t *testing.T) {
	w, _ := newTestWindow(t)
	w.Select(data.Ref{Kind: data.KindPlace, ID: "tripoli"})
	if err := w.SetCompare(data.MustDate("2020-01-19"), data.MustDate("2023-09-30")); err != nil {
		t.Fatal(err)
	}
	s := w.slideSpec()
	if !s.Options.CompareOn() || !s.Focus.IsZero() || !s.Options.Selected.IsZero() {
		t.Errorf("slide spec %+v: want the compare slide, no focus", s.Options)
	}
}

// BenchmarkWindowTimelineStep is one step of the timeline in a 1280×800
// window: the date, the selection that follows it, the panels and the
// map's new frame (rendered synchronously). Goal: ≤ 50 ms.
func BenchmarkWindowTimelineStep(b *testing.B) {
	w, _ := newTestWindow(b)
	w.Select(data.Ref{Kind: data.KindZone, ID: "z2020-lna-east"})
	changes := w.b.ChangeDates()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		w.SetDate(changes[i%len(changes)])
	}
}

// BenchmarkMapViewTimelineStep is the map's share of a step: the frame of
// the next change date at 1280×800 device pixels.
func BenchmarkMapViewTimelineStep(b *testing.B) {
	m, br := newBenchMap(b)
	changes := br.ChangeDates()
	o := m.Options()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		o.Date = changes[i%len(changes)]
		m.SetOptions(o)
	}
}
