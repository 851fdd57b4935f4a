package yamledit

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const spaced = `# Sources.
sources:
  - id: a
    title: "A"   # kept

  - id: b
    title: "B"
# trailing comment
`

// spacedWithC is spaced after appending record c: the blank line between
// items is kept, and the trailing comment stays last.
const spacedWithC = `# Sources.
sources:
  - id: a
    title: "A"   # kept

  - id: b
    title: "B"

  - id: c
    title: "C"
# trailing comment
`

const tight = `excerpts:
- id: a
  text: "x"
- id: b
  text: "y"
other: 1
`

func mustParse(t *testing.T, s, key string) *Doc {
	t.Helper()
	d, ps := Parse([]byte(s), key)
	if len(ps) > 0 {
		t.Fatalf("Parse: %v", ps)
	}
	return d
}

func TestAppendItem(t *testing.T) {
	cases := []struct {
		name, in, key, want string
	}{
		{"blank lines between items", spaced, "sources", spacedWithC},
		{"tight, column 0, another key after", tight, "excerpts", `excerpts:
- id: a
  text: "x"
- id: b
  text: "y"
- id: c
  title: "C"
other: 1
`},
		{"empty flow list", "# c\nexcerpts: []   # none yet\n", "excerpts", "# c\nexcerpts: # none yet\n  - id: c\n    title: \"C\"\n"},
		{"null list", "excerpts:\n", "excerpts", "excerpts:\n  - id: c\n    title: \"C\"\n"},
		{"missing key", "other: 1\n", "excerpts", "other: 1\nexcerpts:\n  - id: c\n    title: \"C\"\n"},
		{"CRLF", strings.ReplaceAll(spaced, "\n", "\r\n"), "sources", strings.ReplaceAll(spacedWithC, "\n", "\r\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustParse(t, c.in, c.key)
			d.AppendItem([]KV{{"id", "c"}, {"title", Quote("C")}})
			got := string(d.Bytes())
			if got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
			var m map[string]any
			if err := yaml.Unmarshal([]byte(got), &m); err != nil {
				t.Errorf("result is not YAML: %v", err)
			}
		})
	}
}

func TestRemoveItem(t *testing.T) {
	d := mustParse(t, spaced, "sources")
	d.RemoveItem(d.Items()[1])
	want := "# Sources.\nsources:\n  - id: a\n    title: \"A\"   # kept\n# trailing comment\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	d = mustParse(t, tight, "excerpts")
	d.RemoveItem(d.Items()[0])
	want = "excerpts:\n- id: b\n  text: \"y\"\nother: 1\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestSetAndSetBefore(t *testing.T) {
	in := "zones:\n  - id: z\n    name: >-\n      two\n      lines\n    sourced: {}   # none\n    note: \"n\"\n"
	d := mustParse(t, in, "zones")
	z := d.Items()[0]
	d.Set(z, "", []KV{{"name", Quote("one")}, {"sourced", "{controller: [e1]}"}})
	want := "zones:\n  - id: z\n    name: \"one\"\n    sourced: {controller: [e1]}   # none\n    note: \"n\"\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	d = mustParse(t, in, "zones")
	d.SetBefore(d.Items()[0], "name", KV{"about", "[x]"})
	if got := string(d.Bytes()); !strings.Contains(got, "  - id: z\n    about: [x]\n    name: >-") {
		t.Errorf("SetBefore:\n%s", got)
	}
}

func TestFlowEndAndReplaceSpan(t *testing.T) {
	in := "places:\n  - id: p\n    statuses:\n      - {status: \"a } ]\", note: 'it''s {',  # c {\n         sourced: {status: [e1]}}\n"
	d := mustParse(t, in, "places")
	st := Value(d.Items()[0], "statuses").Content[0]
	endLine, endByte, ok := d.FlowEnd(st.Line, st.Column)
	if !ok || endLine != 4 || d.lines[endLine][:endByte] != "         sourced: {status: [e1]}}" {
		t.Fatalf("FlowEnd = %d, %d, %v", endLine, endByte, ok)
	}
	src := Value(st, "sourced")
	l, b, ok := d.FlowEnd(src.Line, src.Column)
	if !ok {
		t.Fatal("FlowEnd of sourced")
	}
	d.ReplaceSpan(src.Line, src.Column, l, b, "{status: [e1, e2]}")
	got := string(d.Bytes())
	if !strings.Contains(got, "sourced: {status: [e1, e2]}}") {
		t.Errorf("ReplaceSpan:\n%s", got)
	}
	if _, _, ok := d.FlowEnd(2, 5); ok {
		t.Error("FlowEnd found a bracket where there is none")
	}
}

func TestInsertAtCountsRunes(t *testing.T) {
	in := "places:\n  - id: p\n    statuses:\n      - {status: ‘é’, note: n}\n"
	d := mustParse(t, in, "places")
	st := Value(d.Items()[0], "statuses").Content[0]
	k, _ := key(st, "note")
	d.InsertAt(k.Line, k.Column, "sourced: {status: [e]}, ")
	if got := string(d.Bytes()); !strings.Contains(got, "{status: ‘é’, sourced: {status: [e]}, note: n}") {
		t.Errorf("InsertAt:\n%s", got)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"excerpts: [", "malformed YAML"},
		{"- a", "want a mapping with excerpts:"},
		{"excerpts: 3", "want a list"},
		{"excerpts:\n  - a\n", "want a mapping"},
	} {
		_, ps := Parse([]byte(c.in), "excerpts")
		if len(ps) == 0 || !strings.Contains(ps[0].Message, c.want) {
			t.Errorf("Parse(%q) = %v, want %q", c.in, ps, c.want)
		}
	}
}

func TestPlainAndFlowList(t *testing.T) {
	if got := FlowList([]string{"a-1", "Bad id", "true", "-x"}); got != `[a-1, "Bad id", "true", "-x"]` {
		t.Errorf("FlowList = %s", got)
	}
}

// FuzzQuote checks that Quote writes one line that YAML reads back as the
// same string.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", `a "b" \c`, "tab\there", "\u0085\u2028\ufeff", "# not a comment", "é\x7f\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsRune(s, '\uFFFD') || !validUTF8(s) {
			return
		}
		q := Quote(s)
		if strings.ContainsAny(q, "\n\r") {
			t.Fatalf("Quote(%q) = %q spans lines", s, q)
		}
		var m map[string]string
		if err := yaml.Unmarshal([]byte("k: "+q), &m); err != nil || m["k"] != s {
			t.Fatalf("Quote(%q) = %q reads back as %q (%v)", s, q, m["k"], err)
		}
	})
}

func validUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// FuzzAppendItem appends a record to any parsable file: the result must
// still parse, with one more item whose values read back.
func FuzzAppendItem(f *testing.F) {
	f.Add(spaced, "v")
	f.Add(tight, "a \"b\"")
	f.Add("sources: []\n", "")
	f.Add("sources:\n  # only a comment\n", "x")
	f.Fuzz(func(t *testing.T, in, value string) {
		if !validUTF8(value) || strings.ContainsRune(value, '\uFFFD') {
			return
		}
		d, ps := Parse([]byte(in), "sources")
		if len(ps) > 0 || d.keyNode == nil && strings.Contains(in, "sources") {
			return
		}
		before := len(d.Items())
		d.AppendItem([]KV{{"id", "new-one"}, {"title", Quote(value)}})
		out := d.Bytes()
		d2, ps := Parse(out, "sources")
		if len(ps) > 0 {
			t.Fatalf("after AppendItem on %q: %v\n%s", in, ps, out)
		}
		if len(d2.Items()) != before+1 {
			t.Fatalf("after AppendItem on %q: %d items, want %d\n%s", in, len(d2.Items()), before+1, out)
		}
		last := d2.Items()[len(d2.Items())-1]
		if Scalar(last, "id") != "new-one" || Scalar(last, "title") != value {
			t.Fatalf("after AppendItem on %q the new item reads %q, %q\n%s", in, Scalar(last, "id"), Scalar(last, "title"), out)
		}
	})
}

func TestNestedMappingEnds(t *testing.T) {
	in := `actors:
  - id: a
    sourced:
      backers: [e1]
      description:
        - e2
        - e3
    note: "n"
  - id: b
    sourced:
      name: [e4]
# end
other: 1
`
	d := mustParse(t, in, "actors")
	a, b := d.Items()[0], d.Items()[1]
	sa, sb := Value(a, "sourced"), Value(b, "sourced")
	d.Set(sa, "", []KV{{"description", "[e2, e3, e5]"}})
	d.Set(sb, "name", []KV{{"kind", "[e6]"}})
	want := `actors:
  - id: a
    sourced:
      backers: [e1]
      description: [e2, e3, e5]
    note: "n"
  - id: b
    sourced:
      name: [e4]
      kind: [e6]
# end
other: 1
`
	if got := string(d.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	d = mustParse(t, in, "actors")
	d.RemoveKey(Value(d.Items()[0], "sourced"), "description")
	if got := string(d.Bytes()); !strings.Contains(got, "      backers: [e1]\n    note: \"n\"") {
		t.Errorf("RemoveKey:\n%s", got)
	}
}

func TestFlowItems(t *testing.T) {
	in := "places:\n  - {id: a, name: A,\n    note: x}\n  - {id: b, name: B}\n"
	d := mustParse(t, in, "places")
	if len(d.Items()) != 2 || !IsFlow(d.Items()[0]) {
		t.Fatalf("items %d", len(d.Items()))
	}
	if p := d.FlowProblem(d.Items()[1], "it can be edited"); p.Line != 4 || !strings.Contains(p.Message, "block style") {
		t.Errorf("FlowProblem = %+v", p)
	}
	d.RemoveItem(d.Items()[0])
	d.AppendItem([]KV{{"id", "c"}, {"name", "C"}})
	want := "places:\n  - {id: b, name: B}\n  - id: c\n    name: C\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
