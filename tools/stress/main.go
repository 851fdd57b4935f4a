// Command stress writes a large briefing package derived from the embedded
// Libya briefing, for benchmarks and tests (issue 14):
//
//	go run ./tools/stress -o DIR [-seed N] [-scale 20]
//
// At scale 20 it holds 800 places, 300 deployments, 100 zones of about
// 50,000 vertices in all and 1,000 excerpts, with the article texts they
// are anchored in (sources/). The same seed and scale give the same bytes;
// `briefmap check --briefing DIR` finds no problem in it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/briefmap/briefmap/tools/stress/stressgen"
)

func main() {
	var opts stressgen.Options
	out := flag.String("o", "", "the folder to write the package into (created)")
	flag.Uint64Var(&opts.Seed, "seed", 1, "the random seed")
	flag.IntVar(&opts.Scale, "scale", 20, "the size, in Libya briefings (20: issue 14's counts)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/stress -o DIR [-seed N] [-scale 20]")
		os.Exit(2)
	}
	pkg, err := stressgen.Generate(opts)
	if err == nil {
		err = pkg.WriteDir(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "stress:", err)
		os.Exit(1)
	}
}
