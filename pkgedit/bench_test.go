package pkgedit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/article"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// libyaLikeArticle returns an article of about n words in the style of
// the Libya sources (names, ranks, acronyms, quotations), made of the
// fixture's paragraphs with Libya's names in them.
func libyaLikeArticle(n int) string {
	paras := []string{
		"Forces loyal to Gen. Khalifa Haftar seized Es Sider on Monday after a three-day siege, cutting the Tripoli government off from its main oil terminal.",
		"“We will hold the port until the militias fall. Nobody will move us,” said a commander of the Libyan National Army, standing on the quay. Residents said about 300 government troops had withdrawn to Misrata overnight.",
		"The Government of National Accord called the attack a crime and said its Turkish drones would strike back. Fayez al-Sarraj has relied since last year on Turkey, which sent up to 2,000 Syrian fighters.",
		"A U.N. panel said in January that the UAE had sent air-defence systems to al-Khadim. The U.S. embassy urged restraint, and Russia said nothing about the Wagner Group.",
		"Sirte is now the front line. The town changed hands twice. Its mayor said the water supply had failed, and that Egypt had promised help.",
	}
	var sb strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		p := paras[i%len(paras)]
		sb.WriteString(p + "\n\n")
		words += len(strings.Fields(p))
	}
	return sb.String()
}

// BenchmarkProposals5000Words: splitting, matching and ranking a
// 5,000-word article against the Libya briefing (goal: ≤ 50 ms).
func BenchmarkProposals5000Words(b *testing.B) {
	br, err := libya.Load()
	if err != nil {
		b.Fatal(err)
	}
	text := libyaLikeArticle(5000)
	src := data.Source{ID: "bench-2020", Date: data.MustDate("2020-01-20")}
	b.ReportAllocs()
	for b.Loop() {
		ps := Proposals(br, src, article.NewText(text))
		if len(ps) < 100 {
			b.Fatalf("%d proposals", len(ps))
		}
	}
}

// BenchmarkAcceptAndSave: accepting one proposal into the Libya package
// (a copy in a folder): validating the package as it would be and
// writing excerpts.yaml atomically (goal: ≤ 100 ms).
func BenchmarkAcceptAndSave(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "libya")
	if err := CopyTo(libya.FS(), dir); err != nil {
		b.Fatal(err)
	}
	p, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	br := mustLoad(b, dir)
	text := libyaLikeArticle(800)
	r, err := StartReview(p, br, Meta{Publisher: "Bench", Title: "Bench", Date: data.MustDate("2020-01-20")}, text)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Accept(0); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, err := r.Undo(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkReloadLibyaAfterChange: reading and validating the Libya
// package folder after one of its files changed (the app then rebuilds
// its scene; see app's BenchmarkReload).
func BenchmarkReloadLibyaAfterChange(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "libya")
	if err := CopyTo(libya.FS(), dir); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "zones.yaml")
	orig, _ := os.ReadFile(path)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		os.WriteFile(path, append(orig, []byte(strings.Repeat("#", i%2))...), 0o644)
		b.StartTimer()
		if _, err := data.LoadPath(dir); err != nil {
			b.Fatal(err)
		}
	}
}
