package libya

import (
	"bytes"
	"os"
	"testing"

	"github.com/briefmap/briefmap/data"
)

// sourcingFile is the committed sourcing audit of the embedded briefing
// (`briefmap check --audit`), for reviewers to read beside the articles.
const sourcingFile = "SOURCING.md"

// TestSourcingCurrent checks that SOURCING.md is the audit of the package
// as it stands; go test ./data/libya -update rewrites it.
func TestSourcingCurrent(t *testing.T) {
	b := load(t)
	var buf bytes.Buffer
	if err := data.WriteAudit(&buf, b); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(sourcingFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(sourcingFile)
	if err != nil {
		t.Fatalf("%v (go test ./data/libya -update writes it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s is not the audit of the package as it stands: run go test ./data/libya -update and review the diff", sourcingFile)
	}
}
