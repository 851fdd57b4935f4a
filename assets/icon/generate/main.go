// Command generate writes Briefmap's icon files (briefmap.png, the hicolor
// PNGs and the scalable SVG) from the design in package icon:
//
//	go run ./assets/icon/generate [-dir assets/icon]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/briefmap/briefmap/assets/icon"
)

func main() {
	dir := flag.String("dir", "assets/icon", "folder to write the icon files into")
	flag.Parse()
	if err := write(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

// write writes every file of icon.Files under dir.
func write(dir string) error {
	files, err := icon.Files()
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fmt.Println(path)
	}
	return nil
}
