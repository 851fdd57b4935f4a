package data_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/briefmap/briefmap/data"
	"github.com/paulmach/orb"
)

func ExampleLoad() {
	b, err := data.Load(os.DirFS("testdata/good"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, z := range b.ZonesAt(orb.Point{13.2, 32.7}, b.DefaultDate) {
		fmt.Println(z.ID, z.Controller, z.ContestedBy)
	}
	// Output:
	// z-west gna []
	// z-front  [gna lna]
}

func ExampleValidationError() {
	_, err := data.LoadPath("testdata") // not a package: no briefing.yaml
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Problems[0])
	}
	// Output:
	// briefing.yaml: missing required file
}

func ExampleMatcher_Find() {
	b, _ := data.LoadPath("testdata/good")
	m := data.NewMatcher(b)
	text := "General Hifter’s men shelled al-Sarraj’s Tripoli"
	for _, mn := range m.Find(text) {
		fmt.Printf("%s %q\n", mn.ID, text[mn.Start:mn.End])
	}
	// Output:
	// haftar "General Hifter"
	// sarraj "al-Sarraj"
	// tripoli "Tripoli"
}

func ExampleBriefing_Search() {
	b, _ := data.LoadPath("testdata/good")
	for _, m := range b.Search("surt") {
		fmt.Println(m.Kind, m.ID, m.Name, "via", m.Alias)
	}
	// Output:
	// place sirte Sirte via Surt
}
