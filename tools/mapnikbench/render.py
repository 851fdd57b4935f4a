#!/usr/bin/python3
"""The Mapnik side of the benchmark: draw style.xml into a PNG.

    python3 render.py DIR OUT.png

DIR is what `go run ./tools/mapnikbench` wrote (style.xml, box.txt). The
whole process (interpreter start, import mapnik, parse the style and the
GeoJSON, render, encode) is what run.sh times, as it times the whole
`briefmap render` process.
"""
import sys

import mapnik


def main():
    folder, out = sys.argv[1], sys.argv[2]
    with open(folder + "/box.txt") as f:
        w, h, x0, y0, x1, y1 = f.read().split()
    m = mapnik.Map(int(w), int(h))
    mapnik.load_map(m, folder + "/style.xml")
    m.zoom_to_box(mapnik.Box2d(float(x0), float(y0), float(x1), float(y1)))
    mapnik.render_to_file(m, out, "png")


if __name__ == "__main__":
    main()
