package data

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// A snapshot of the good package (its article texts included, so every
// excerpt was checked) loads to the very briefing Load returns, index and
// positions included; any change to the files, or a file more, makes it
// stale; anything that is not a snapshot is an error.
func TestSnapshot(t *testing.T) {
	fsys, want, raw := goodSnapshot(t)
	got, ok, err := LoadSnapshot(fsys, raw)
	if err != nil || !ok {
		t.Fatalf("LoadSnapshot of the package it was made from: ok %v, err %v", ok, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the snapshot's briefing differs from Load's")
	}
	for _, id := range []string{"haftar", "z-west", "nyt-hifter-backers", "no-such-id"} {
		gf, gl, gok := got.Where(id)
		wf, wl, wok := want.Where(id)
		if gf != wf || gl != wl || gok != wok {
			t.Errorf("Where(%q) = %s:%d %v, Load says %s:%d %v", id, gf, gl, gok, wf, wl, wok)
		}
	}
	if got, ok, _ := LoadSnapshot(fsys, raw); ok && got == want {
		t.Error("LoadSnapshot returned the briefing it was given, not a fresh one")
	}

	changed := fstest.MapFS{}
	for name, f := range fsys {
		changed[name] = &fstest.MapFile{Data: append([]byte(nil), f.Data...)}
	}
	changed["places.yaml"].Data = append(changed["places.yaml"].Data, '\n')
	more := fstest.MapFS{"sources/extra.txt": {Data: []byte("x")}}
	for name, f := range fsys {
		more[name] = f
	}
	for name, other := range map[string]fstest.MapFS{"a file changed": changed, "a file more": more} {
		if b, ok, err := LoadSnapshot(other, raw); ok || err != nil || b != nil {
			t.Errorf("%s: LoadSnapshot = %v, ok %v, err %v; want it stale", name, b != nil, ok, err)
		}
	}
	for _, bad := range [][]byte{nil, []byte("not a snapshot"), raw[:len(raw)/2]} {
		if _, ok, err := LoadSnapshot(fsys, bad); ok || err == nil {
			t.Errorf("LoadSnapshot of %d bytes of junk: ok %v, err %v; want an error", len(bad), ok, err)
		}
	}
}

// FuzzLoadSnapshot: no input makes LoadSnapshot panic, and none but the
// right digest is taken for the package.
func FuzzLoadSnapshot(f *testing.F) {
	fsys, _, raw := goodSnapshot(f)
	f.Add(raw)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, ok, err := LoadSnapshot(fsys, raw)
		if ok && (err != nil || got == nil || got.index == nil) {
			t.Fatalf("ok with err %v, briefing %v", err, got != nil)
		}
	})
}

// goodSnapshot returns the good test package, the briefing Load makes of
// it and that briefing's snapshot, failing tb when either step fails.
func goodSnapshot(tb testing.TB) (fstest.MapFS, *Briefing, []byte) {
	tb.Helper()
	fsys := packageFS(tb, "")
	b, err := Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := EncodeSnapshot(fsys, b)
	if err != nil {
		tb.Fatal(err)
	}
	return fsys, b, raw
}
