package libya

import (
	"bytes"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/goldenfile"
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
	// A difference means SOURCING.md is not the audit of the package as
	// it stands: go test ./data/libya -update, and review the diff.
	goldenfile.Check(t, sourcingFile, buf.Bytes())
}
