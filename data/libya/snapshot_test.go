package libya

import (
	"os"
	"reflect"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/goldenfile"
)

// The embedded snapshot is current: made from the files as they are, and
// loading to what data.Load makes of them now (the loader may have changed
// since it was written). `go test ./data/libya -update` writes it again
// when it is not, and leaves it alone when it is.
func TestSnapshot(t *testing.T) {
	want, err := LoadFiles()
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := data.LoadSnapshot(FS(), snapshot)
	same := err == nil && ok && reflect.DeepEqual(got, want)
	if same {
		return
	}
	if goldenfile.Update() {
		raw, err := data.EncodeSnapshot(FS(), want)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("snapshot.gob", raw, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("wrote snapshot.gob; build again to embed it")
		return
	}
	switch {
	case err != nil:
		t.Fatalf("snapshot.gob: %v (go test ./data/libya -update writes it again)", err)
	case !ok:
		t.Fatal("snapshot.gob was made from other files than briefing/'s (go test ./data/libya -update writes it again)")
	default:
		t.Fatal("snapshot.gob loads to another briefing than data.Load makes of the files now (go test ./data/libya -update writes it again)")
	}
}

// Load takes the snapshot's briefing, a fresh one each time.
func TestLoadReadsSnapshot(t *testing.T) {
	if _, ok, err := data.LoadSnapshot(FS(), snapshot); err != nil || !ok {
		t.Fatalf("the embedded snapshot is not taken (ok %v, err %v): see TestSnapshot", ok, err)
	}
	a, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if a == b || &a.Zones[0] == &b.Zones[0] {
		t.Error("Load returned the same briefing twice")
	}
}

// BenchmarkLoadEmbedded: the embedded briefing from its snapshot (Load)
// and from its files (LoadFiles).
func BenchmarkLoadEmbedded(b *testing.B) {
	for _, c := range []struct {
		name string
		load func() (*data.Briefing, error)
	}{{"snapshot", Load}, {"files", LoadFiles}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.load(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
