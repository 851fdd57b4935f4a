package slide_test

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
	"github.com/briefmap/briefmap/slide"
)

func ExampleDefaultFileName() {
	b := &data.Briefing{ID: "libya", DefaultDate: data.MustDate("2020-01-19")}
	fmt.Println(slide.DefaultFileName(b, data.Date{}))
	fmt.Println(slide.DefaultFileName(b, data.MustDate("2023-09-30")))
	// Output:
	// libya-briefing-2020-01-19.png
	// libya-briefing-2023-09-30.png
}

// Export the slide of the Wagner Group on the briefing's default date, as
// "briefmap export --focus wagner" does.
func ExampleExport() {
	b, err := libya.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	base, err := basemap.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "slide")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, slide.DefaultFileName(b, b.DefaultDate))
	err = slide.Export(path, slide.Spec{
		Briefing: b,
		Renderer: scene.NewRenderer(b, base),
		Options:  scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()},
		Focus:    data.Ref{Kind: data.KindActor, ID: "wagner"},
		Size:     slide.HD,
		Version:  "0.1.0",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(filepath.Base(path), cfg.Width, cfg.Height)
	// Output: libya-briefing-2020-01-19.png 1920 1080
}
