package slide

import (
	"bytes"
	"os"
	"testing"
)

// A folder nobody may write to (even root: /proc) keeps its existing file.
func TestExportUnwritableFolderKeepsExistingFile(t *testing.T) {
	const p = "/proc/version"
	before, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := Export(p, fixtureSpec(t, fixture())); err == nil {
		t.Fatalf("Export(%s): no error", p)
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Errorf("%s changed", p)
	}
}
