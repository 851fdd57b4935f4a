#!/bin/sh
# Times `briefmap render` and Mapnik drawing the same map of the same
# GeoJSON, whole processes, side by side (hyperfine, medians). Run it from
# the repository's root:
#
#	tools/mapnikbench/run.sh [RUNS]
#
# Needs hyperfine and Mapnik's Python binding (Debian: apt-get install
# hyperfine python3-mapnik), for measuring only. It writes its files and
# hyperfine's JSON into ${TMPDIR:-/tmp}/mapnikbench.
set -eu
runs=${1:-15}
py=${MAPNIK_PYTHON:-/usr/bin/python3} # the Python Debian's python3-mapnik is built for
dir=${TMPDIR:-/tmp}/mapnikbench
mkdir -p "$dir"
go build -trimpath -tags=no_emoji -o "$dir/briefmap" . # as the Makefile builds it
"$dir/briefmap" geojson -o "$dir/libya.geojson"
go run ./tools/mapnikbench -geojson "$dir/libya.geojson" -out "$dir"
"$py" tools/mapnikbench/render.py "$dir" "$dir/mapnik.png" # the style loads
cat /proc/loadavg
hyperfine -N --warmup 2 --runs "$runs" --export-json "$dir/hyperfine.json" \
	"$dir/briefmap render -o $dir/briefmap.png" \
	"$py tools/mapnikbench/render.py $dir $dir/mapnik.png"
cat /proc/loadavg
python3 - "$dir/hyperfine.json" <<'PY'
import json, statistics, sys
rs = json.load(open(sys.argv[1]))["results"]
med = [statistics.median(r["times"]) for r in rs]
for r, m in zip(rs, med):
    print("%-60s median %6.1f ms, user+sys %6.1f ms" % (r["command"][-60:], 1000 * m, 1000 * (r["user"] + r["system"])))
print("briefmap / Mapnik: %.2f× (medians of wall time)" % (med[0] / med[1]))
PY
