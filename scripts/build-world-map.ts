/**
 * Builds the console's world map (web/src/console/generated/world-map.json):
 * one simplified SVG path per country, from the offline borders the project
 * already ships for geo-coding, @rapideditor/country-coder 5.6.1 (ISC,
 * https://github.com/rapideditor/country-coder). Its README warns the borders
 * are generalised (maritime ones highly) and not meant for mapmaking: right
 * for a small overview map shaded by count, not for locating anything.
 * No tiles, nothing fetched at run time: the console draws the paths itself.
 *
 *   npm run build:map     (node scripts/build-world-map.ts)
 *
 * Equirectangular projection (x = longitude, y = −latitude, times SCALE),
 * rings simplified with Douglas–Peucker at TOLERANCE degrees, rings smaller
 * than MIN_AREA square degrees dropped unless they are a country's largest
 * (so small island states keep one shape). Byte-reproducible.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { borders } from '@rapideditor/country-coder';

const ROOT = resolve(import.meta.dirname, '..');
export const WORLD_MAP_FILE = join(ROOT, 'web/src/console/generated/world-map.json');
const SCALE = 2;
const TOLERANCE = 0.25;
const MIN_AREA = 0.5;
const MIN_LAT = -58;
const MAX_LAT = 84;

type Point = readonly [number, number];

function perpendicular(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

function simplify(points: readonly Point[], tolerance: number): Point[] {
  if (points.length < 3) return [...points];
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i += 1) {
    const distance = perpendicular(points[i]!, points[0]!, points.at(-1)!);
    if (distance > max) {
      max = distance;
      index = i;
    }
  }
  if (max <= tolerance) return [points[0]!, points.at(-1)!];
  return [...simplify(points.slice(0, index + 1), tolerance).slice(0, -1), ...simplify(points.slice(index), tolerance)];
}

const area = (ring: readonly Point[]): number =>
  Math.abs(ring.reduce((sum, point, i) => {
    const next = ring[(i + 1) % ring.length]!;
    return sum + point[0] * next[1] - next[0] * point[1];
  }, 0)) / 2;

/** A ring as a compact path: absolute move, then relative integer steps. */
function ringPath(ring: readonly Point[]): string {
  const projected = ring.map(([lon, lat]) => [Math.round((lon + 180) * SCALE), Math.round((MAX_LAT - Math.max(MIN_LAT, Math.min(MAX_LAT, lat))) * SCALE)] as const);
  const steps: string[] = [];
  let [x, y] = projected[0]!;
  for (const [px, py] of projected.slice(1)) {
    if (px === x && py === y) continue;
    steps.push(`${px - x} ${py - y}`);
    [x, y] = [px, py];
  }
  return steps.length < 2 ? '' : `M${projected[0]![0]} ${projected[0]![1]}l${steps.join(' ')}z`;
}

/** The queue code a border feature counts for: its own ISO code, or its country's (England → GB, Metropolitan France → FR). */
function codeOf(properties: Record<string, unknown>): string | undefined {
  const own = typeof properties.iso1A2 === 'string' ? properties.iso1A2 : undefined;
  const parent = typeof properties.country === 'string' ? properties.country : undefined;
  if (own !== undefined && (properties.level === 'country' || properties.level === 'territory')) return own;
  return parent ?? own;
}

/** The map file's bytes: the same on every run (test/unit/world-map.test.ts checks the committed file against it). */
export function worldMapJson(): string {
  const rings = new Map<string, { name: string; rings: Point[][] }>();
  for (const feature of borders.features) {
    const geometry = feature.geometry as { type: string; coordinates: number[][][][] } | null;
    if (geometry === null || geometry === undefined) continue;
    const properties = feature.properties as unknown as Record<string, unknown>;
    const code = codeOf(properties);
    if (code === undefined || !/^[A-Z]{2}$/.test(code) || code === 'AQ') continue;
    const entry = rings.get(code) ?? { name: code, rings: [] };
    if (properties.iso1A2 === code && typeof properties.nameEn === 'string') entry.name = properties.nameEn;
    for (const polygon of geometry.coordinates) entry.rings.push(polygon[0]!.map((point) => [point[0]!, point[1]!] as const));
    rings.set(code, entry);
  }

  const countries = [...rings.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, entry]) => {
      const largest = Math.max(...entry.rings.map(area));
      const kept = entry.rings.filter((ring) => area(ring) >= MIN_AREA || area(ring) === largest);
      const d = kept.map((ring) => ringPath(simplify(ring, TOLERANCE))).filter((path) => path !== '').join('');
      return { code, name: entry.name, d: d === '' ? ringPath(entry.rings[0]!) : d };
    })
    .filter((country) => country.d !== '');

  const map = {
    source: '@rapideditor/country-coder borders (ISC), simplified by scripts/build-world-map.ts',
    viewBox: `0 0 ${360 * SCALE} ${(MAX_LAT - MIN_LAT) * SCALE}`,
    countries,
  };
  return `${JSON.stringify(map)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const json = worldMapJson();
  await mkdir(dirname(WORLD_MAP_FILE), { recursive: true });
  await writeFile(WORLD_MAP_FILE, json);
  console.log(`${JSON.parse(json).countries.length} countries, ${json.length} bytes -> ${WORLD_MAP_FILE}`);
}
