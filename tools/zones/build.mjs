// build.mjs turns the hand-drawn partition in draft.geojson into the zone
// geometry of the Libya briefing: every draft polygon is clipped to Libya's
// Natural Earth 10m border, so the zones follow the real coast and borders.
//
// Draft features carry properties.members (["SNAPSHOT:zone-id", ...]: one
// drawing may serve several snapshots) and properties.role:
//   contested  clipped to Libya only; may overlap the zones it lies between
//   draw       clipped to Libya, minus the zones drawn before it in the same
//              snapshot (file order), so drawings may overlap generously
//   rest       Libya minus every drawn zone of its snapshot
// Within a snapshot the non-contested zones are therefore a partition of
// Libya by construction; the script checks it anyway and fails loudly.
//
// Outputs (paths relative to the repository root):
//   data/libya/briefing/zones.geojson       one Feature per zone id
//   data/libya/testdata/libya-ne10m.geojson Libya's 10m border, for tests
//
// Run: npm ci && node build.mjs   (from tools/zones)

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import * as turf from '@turf/turf';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const zonesOut = join(root, 'data', 'libya', 'briefing', 'zones.geojson');
const borderOut = join(root, 'data', 'libya', 'testdata', 'libya-ne10m.geojson');

const LIBYA_ID = '434'; // ISO 3166-1 numeric, as world-atlas names countries
const DECIMALS = 4;

function fail(msg) {
  console.error(`build.mjs: ${msg}`);
  process.exit(1);
}

function round(x) {
  const f = 10 ** DECIMALS;
  return Math.round(x * f) / f;
}

// cleanRing rounds a ring, drops repeated positions and closes it; it
// returns null when fewer than 4 positions are left (a sliver).
function cleanRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1) {
    const a = out[0], b = out[out.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0], a[1]]);
  }
  // Drop spikes (p, q, p) that rounding can leave where a cut meets the border.
  for (let i = 1; i + 1 < out.length; ) {
    const p = out[i - 1], n = out[i + 1];
    if (p[0] === n[0] && p[1] === n[1]) out.splice(i, 2);
    else i++;
  }
  return out.length >= 4 ? out : null;
}

// polygons returns the polygons (arrays of rings) of a Polygon or
// MultiPolygon feature, or [] for null.
function polygons(f) {
  if (!f) return [];
  const g = f.geometry;
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  fail(`unexpected geometry ${g.type}`);
}

// tidy rounds a clipped feature to DECIMALS, drops slivers smaller than
// minKm2, and returns a Polygon or MultiPolygon geometry.
function tidy(f, id, minKm2 = 1) {
  const polys = [];
  for (const p of polygons(f)) {
    const shell = cleanRing(p[0]);
    if (!shell) continue;
    if (turf.area(turf.polygon([shell])) / 1e6 < minKm2) continue;
    const holes = p.slice(1).map(cleanRing).filter((r) => r && turf.area(turf.polygon([r])) / 1e6 >= minKm2);
    polys.push([shell, ...holes]);
  }
  if (polys.length === 0) fail(`${id}: nothing left after clipping to Libya`);
  const geom = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  const kinks = turf.kinks(turf.feature(geom));
  if (kinks.features.length > 0) { for (const p of (geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates)) for (const r of p) r.forEach((c, i) => { if (Math.abs(c[0] - kinks.features[0].geometry.coordinates[0]) < 0.05 && Math.abs(c[1] - kinks.features[0].geometry.coordinates[1]) < 0.05) console.error(i, r.length, c); }); }
  if (kinks.features.length > 0) fail(`${id}: self-intersection after rounding near ${JSON.stringify(kinks.features[0].geometry.coordinates)}`);
  return geom;
}

const topo = JSON.parse(readFileSync(join(here, 'node_modules', 'world-atlas', 'countries-10m.json'), 'utf8'));
const libyaGeom = topo.objects.countries.geometries.find((g) => String(g.id) === LIBYA_ID);
if (!libyaGeom) fail(`world-atlas countries-10m has no country ${LIBYA_ID}`);
const libya = topojson.feature(topo, libyaGeom);
if (libya.geometry.type === 'MultiPolygon' && libya.geometry.coordinates.length === 1) {
  libya.geometry = { type: 'Polygon', coordinates: libya.geometry.coordinates[0] };
}
const libyaKm2 = turf.area(libya) / 1e6;

const draft = JSON.parse(readFileSync(join(here, 'draft.geojson'), 'utf8'));

// The subtraction is done on the draft polygons (few vertices, exact shared
// edges) before a single clip to the border, so neighbouring zones share
// their cut lines and no slivers appear along the coast or the borders.
// snapshots: name -> {drawn: union of draft polygons or null, zones: [{ids, role, clipped}]}
const snapshots = new Map();
const rests = [];
const seen = new Map(); // zone id -> the snapshot it belongs to
for (const [i, f] of draft.features.entries()) {
  const { members, role } = f.properties;
  if (!Array.isArray(members) || members.length === 0) fail(`draft feature ${i}: no members`);
  if (!['contested', 'draw', 'rest'].includes(role)) fail(`draft feature ${i}: role ${role}`);
  for (const m of members) {
    const [snap, idspec] = m.split(':');
    if (!snap || !idspec) fail(`draft feature ${i}: member ${m} is not SNAPSHOT:id`);
    // "a|b": one area that is zone a for part of the snapshot's period and
    // zone b for the rest (a town that changed hands); the ids share the
    // geometry and count once in the coverage check. A zone id listed by
    // several drawings of one snapshot is their union (an area that later
    // split, each part changing hands on its own date).
    const ids = idspec.split('|');
    const id = ids[0];
    for (const x of ids) {
      if (!x) fail(`draft feature ${i}: member ${m} has an empty id`);
      if (seen.has(x) && seen.get(x) !== snap) fail(`draft feature ${i}: zone ${x} drawn in two snapshots`);
      seen.set(x, snap);
    }
    if (!snapshots.has(snap)) snapshots.set(snap, { drawn: null, zones: [] });
    const s = snapshots.get(snap);
    if (role === 'rest') {
      rests.push({ snap, id, ids });
      continue;
    }
    let shape = f;
    if (role === 'draw') {
      if (s.drawn) shape = turf.difference(turf.featureCollection([f, s.drawn]));
      if (!shape) fail(`${id}: nothing left after the zones drawn before it`);
      s.drawn = s.drawn ? turf.union(turf.featureCollection([s.drawn, f])) : f;
    }
    const clipped = turf.intersect(turf.featureCollection([libya, shape]));
    if (!clipped) fail(`${id}: does not touch Libya`);
    s.zones.push({ id, ids, role, clipped });
  }
}
for (const { snap, id, ids } of rests) {
  const s = snapshots.get(snap);
  const rest = s.drawn ? turf.difference(turf.featureCollection([libya, s.drawn])) : libya;
  if (!rest) fail(`${id}: nothing left for the rest zone`);
  s.zones.push({ id, ids, role: 'rest', clipped: rest });
}

const features = [];
for (const [snap, s] of snapshots) {
  let total = 0;
  const parts = new Map(); // zone id -> clipped shapes of the drawings it spans, in file order
  for (const z of s.zones) {
    const geometry = tidy(z.clipped, z.id);
    const km2 = turf.area(turf.feature(geometry)) / 1e6;
    if (z.role !== 'contested') total += km2;
    console.log(`${snap} ${z.ids.join('|').padEnd(24)} ${z.role.padEnd(9)} ${Math.round(km2).toString().padStart(8)} km²`);
    for (const id of z.ids) {
      if (!parts.has(id)) parts.set(id, []);
      parts.get(id).push(z.clipped);
    }
  }
  for (const [id, shapes] of parts) {
    const merged = shapes.length === 1 ? shapes[0] : turf.union(turf.featureCollection(shapes));
    if (!merged) fail(`${id}: its drawings do not union`);
    features.push({ type: 'Feature', properties: { id }, geometry: tidy(merged, id) });
  }
  const share = total / libyaKm2;
  console.log(`${snap} non-contested zones cover ${(100 * share).toFixed(3)}% of Libya (${Math.round(libyaKm2)} km²)`);
  if (Math.abs(share - 1) > 0.001) fail(`${snap}: zones cover ${(100 * share).toFixed(3)}% of Libya, want 100%`);
}

// One feature per line keeps diffs readable.
function writeCollection(path, feats) {
  mkdirSync(dirname(path), { recursive: true });
  const body = feats.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`wrote ${path}`);
}

writeCollection(zonesOut, features);
const border = tidy(libya, 'libya', 0);
writeCollection(borderOut, [{
  type: 'Feature',
  properties: { name: 'Libya', source: 'Natural Earth 10m admin 0 countries via world-atlas@2.0.2 countries-10m.json, id 434' },
  geometry: border,
}]);
