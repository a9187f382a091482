/**
 * Brands from the name-suggestion-index (OpenStreetMap's brand list, BSD-3-Clause): every item
 * under `brands/*` (shops, restaurants, banks, fuel…), its names (display name, `brand`, `name`,
 * `matchNames`), and the countries of its `locationSet`, resolved with @rapideditor/country-coder
 * (ISC): country codes directly, regions ("150" Europe, "001" the world) through their member
 * countries, custom .geojson areas (NSI's featureCollection) and points by the country under
 * their first vertex. One name used by several brands takes the union of their countries.
 * Tiers by the number of countries N (a brand sold in one country is strong evidence, in many
 * at most weak):
 *   s  N = 1            strong
 *   f  N = 2–3          split by √GDP (no store counts: the bigger market is likelier), weaker
 *   w  N = 4–MAX_WEAK   split by √GDP, weak
 *   m  more, or the world: no evidence; kept only when the name is also a small place in the
 *      gazetteer, so that the place reading can be suppressed ("a Zara bag" is not Zara, TR).
 * Left out as evidence: names shorter than 3 letters, stopwords of any stopwords-iso language,
 * one-word names that are acronyms of ≤ 3 capitals or English words and names (Hunspell en_US
 * from dictionary-en: "Police", "United", "Lucy"; a brand named after a word of its own
 * language — Żabka, Biedronka — is kept: capitalised, it is the shop), and phrases made only of
 * English common nouns ("Market Street", "Red Cross"); several-word names must be written
 * capitalised at run time, and a one-word one must not sit in a person's name (places.ts),
 * names in scripts written without spaces (the token matcher does not scan them), names that are
 * a country or region name, and names of a place of ≥ 100k inhabitants in a country the brand
 * is not sold in (the place reading is likelier).
 */
import * as countryCoder from '@rapideditor/country-coder';
import { fold } from '../../shared/text/fold.ts';
import { lookup } from '../../shared/geo/gazetteer.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePrior, packLines, readJson, require, root, territoryFigures } from './common.ts';

const MAX_WEAK = 8;
const AGGREGATE_LEVELS = new Set(['world', 'union', 'region', 'subregion', 'intermediateRegion', 'sharedLandform']);

type Loc = string | number[];
interface NsiItem { displayName: string; locationSet: { include?: Loc[]; exclude?: Loc[] }; matchNames?: string[]; tags: Record<string, string> }
interface GeoFeature { id?: string; properties?: { id?: string }; geometry: { type: string; coordinates: unknown } }

/** Key as the runtime token matcher builds it: letter/digit runs, folded, joined by spaces. */
export function brandKey(name: string): string {
  // A possessive ending is its own token at run time ("Trader Joe's" → trader joe + s): left off.
  return (name.replace(/['’]s(?![\p{L}])/gu, '').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(fold).join(' ');
}

function firstVertex(c: unknown): [number, number] | null {
  let x = c;
  while (Array.isArray(x) && Array.isArray(x[0])) x = x[0];
  return Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'number' ? [x[0], x[1]] : null;
}

export function buildBrands(): string {
  const nsi = readJson<{ nsi: Record<string, { items: NsiItem[] }> }>('name-suggestion-index/dist/json/nsi.json').nsi;
  const fc = readJson<{ features: GeoFeature[] }>('name-suggestion-index/dist/json/featureCollection.json');
  const custom = new Map<string, GeoFeature>();
  for (const f of fc.features) custom.set(String(f.id ?? f.properties?.id ?? ''), f);
  // Exceptionally reserved codes (FX metropolitan France, IC the Canary Islands…) go to their country.
  const assigned = new Set(Object.keys((require('i18n-iso-countries') as { getAlpha2Codes(): Record<string, string> }).getAlpha2Codes()));
  const iso = (code: string | [number, number]): string | null => {
    const c = countryCoder.iso1A2Code(code as never);
    if (!c || !/^[A-Z]{2}$/.test(c)) return null;
    if (assigned.has(c)) return c;
    const parent = (countryCoder.feature(c) as { properties: { country?: string } } | null)?.properties.country;
    return parent && assigned.has(parent) ? parent : null;
  };
  const resolved = new Map<string, string[]>();
  const countriesOf = (loc: Loc): string[] => {
    if (Array.isArray(loc)) {
      const c = iso([loc[0]!, loc[1]!]);
      return c ? [c] : [];
    }
    const known = resolved.get(loc);
    if (known) return known;
    let out: string[] = [];
    if (loc.endsWith('.geojson')) {
      const f = custom.get(loc);
      const v = f ? firstVertex(f.geometry.coordinates) : null;
      const c = v ? iso(v) : null;
      out = c ? [c] : [];
    } else {
      const f = countryCoder.feature(loc) as { properties: { level?: string; id: string } } | null;
      if (f && AGGREGATE_LEVELS.has(f.properties.level ?? '')) {
        out = [...new Set((countryCoder.featuresIn(loc, false) as Array<{ properties: { id: string } }>).map((x) => iso(x.properties.id)).filter((x): x is string => x !== null))].sort();
      } else if (f) {
        const c = iso(loc);
        out = c ? [c] : [];
      }
    }
    resolved.set(loc, out);
    return out;
  };

  const stop = new Set<string>();
  const sw = require('stopwords-iso') as Record<string, string[]>;
  for (const lang of Object.keys(sw).sort()) for (const w of sw[lang]!) stop.add(fold(w));

  // English words and names (Hunspell en_US, dictionary-en, MIT AND BSD): a brand called "Police",
  // "United", "Office" or "Lucy" would read every English news story as a shop visit.
  // Common nouns match with their inflections ("united" from "unite"); names only as written
  // ("Greggs" is not "Gregg").
  const english = new Set<string>();
  const englishNames = new Set<string>();
  for (const line of readFileSync(join(root, 'node_modules/dictionary-en/index.dic'), 'utf8').split('\n').slice(1)) {
    const w = line.split('/')[0]!.trim();
    if (w) (/^\p{Lu}/u.test(w) ? englishNames : english).add(fold(w));
  }
  const isCommonEnglish = (w: string): boolean => {
    const stems = [w, w.replace(/^(?:in|un|dis|re)(?=...)/, ''), w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/er$/, ''), w.replace(/r$/, '')];
    return stems.some((x) => x.length >= 2 && english.has(x));
  };
  const isEnglish = (w: string): boolean => englishNames.has(w) || isCommonEnglish(w);
  /** Original spellings per key, to recognise acronyms. */
  const acronym = new Set<string>();

  /** key → countries, world-wide flag */
  const byKey = new Map<string, { countries: Set<string>; world: boolean }>();
  for (const path of Object.keys(nsi).sort()) {
    if (!path.startsWith('brands/')) continue;
    for (const item of nsi[path]!.items) {
      const include = item.locationSet.include ?? [];
      const world = include.some((l) => l === '001');
      const countries = new Set(include.flatMap(countriesOf));
      // An excluded whole country (not an area inside one) leaves the set.
      for (const l of item.locationSet.exclude ?? []) {
        if (typeof l === 'string' && !l.endsWith('.geojson') && (countryCoder.feature(l) as { properties: { level?: string } } | null)?.properties.level !== 'subterritory') {
          for (const c of countriesOf(l)) if (iso(l) === c || AGGREGATE_LEVELS.has((countryCoder.feature(l) as { properties: { level?: string } }).properties.level ?? '')) countries.delete(c);
        }
      }
      if (countries.size === 0 && !world) continue;
      const names = new Set([item.displayName, item.tags.brand, item.tags.name, ...(item.matchNames ?? [])].filter((n): n is string => !!n));
      for (const n of names) {
        const key = brandKey(n);
        if (!key) continue;
        if (/^[\p{Lu}\d]{2,3}$/u.test(n)) acronym.add(key);
        const e = byKey.get(key) ?? { countries: new Set<string>(), world: false };
        for (const c of countries) e.countries.add(c);
        // A world-wide item makes the name multinational even where another item lists the
        // countries it excludes (Lidl: the world without BG and RS, plus a BG/RS item).
        e.world ||= world;
        byKey.set(key, e);
      }
    }
  }

  /**
   * Some word of a name of several words is only a place below 1M inhabitants, as for one-word
   * names; not a country, region or large city, whose mention inside a brand still says something
   * ("Air France", "Bangkok Bank", "Kiko Milano").
   */
  const townInside = (key: string): boolean => {
    const words = key.split(' ');
    if (words.length < 2) return false;
    const entries = words.map((w) => lookup(w) ?? []);
    if (entries.some((es) => es.some((e) => e.type === 'c' || e.type === 'k' || e.type === 'r' || e.bucket >= 12))) return false;
    return entries.some((es) => es.some((e) => e.type === 'p' || e.type === 'a'));
  };
  const lines: string[] = [];
  const counts = { s: 0, f: 0, w: 0, m: 0 };
  const gdp = territoryFigures('_gdp');
  for (const [key, { countries, world }] of byKey) {
    const letters = key.replace(/[^\p{L}]/gu, '');
    if ([...letters].length < 3 || /^\d/.test(key)) continue;
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u.test(key)) continue;
    const gaz = lookup(key);
    const many = world || countries.size > MAX_WEAK;
    if (many) {
      // Suppression only: the name is also a place below 1M inhabitants.
      if (gaz && gaz.some((e) => (e.type === 'p' || e.type === 'a') && e.bucket < 12) && !gaz.some((e) => e.type === 'c' || e.type === 'k' || e.type === 'r')) {
        lines.push(`${key}\t\tm`);
        counts.m++;
      } else if (!gaz && townInside(key)) {
        // A name of several words holding a town's ("coca cola", "burger king"): the runtime
        // reads the whole name as the brand, so the town inside it is not read as a place.
        lines.push(`${key}\t\tm`);
        counts.m++;
      }
      continue;
    }
    if (stop.has(key)) continue;
    // Short capitals (CBC, DNA, EMS) are acronyms of many other things; an ordinary English word or
    // name is not evidence of a shop.
    const words = key.split(' ');
    if (words.length === 1 && (acronym.has(key) || isEnglish(key))) continue;
    // A phrase of English common nouns is a street, a venue or an organisation as often as a shop
    // ("Market Street", "Red Cross", "market in" in a lower-case tip).
    if (words.length > 1 && words.filter((w) => [...w].length >= 3).every((w) => isCommonEnglish(w))) continue;
    if (gaz && gaz.some((e) => e.type === 'c' || e.type === 'k' || e.type === 'r' || (e.bucket >= 10 && !countries.has(e.cc)))) continue;
    const tier = countries.size === 1 ? 's' : countries.size <= 3 ? 'f' : 'w';
    counts[tier]++;
    // No store counts in NSI: a brand of a few countries leans to the bigger market (√GDP, CLDR).
    lines.push(`${key}\t${encodePrior(new Map([...countries].map((c) => [c, Math.sqrt(gdp.get(c) ?? 0) || 1])), MAX_WEAK)}\t${tier}`);
  }
  const out = {
    version: 1,
    source: 'name-suggestion-index (BSD-3-Clause) brands/*, locationSets resolved with @rapideditor/country-coder (ISC); stopwords-iso (MIT); dictionary-en (MIT AND BSD); see scripts/geo-data/brands.ts',
    format: "base64(raw deflate(lines 'folded name\\tCC:percent,...\\ttier' sorted, joined by '\\n')); tier s one country, f 2-3, w 4-8 (weak), m many (suppresses a small place of that name)",
    brands: packLines(lines),
    counts,
  };
  return JSON.stringify(out) + '\n';
}
