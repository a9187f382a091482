/**
 * Non-toponym evidence: phone numbers, web addresses / e-mails, stand-alone
 * postcodes, coordinates and currencies.
 */
import parsePhoneNumberFromString from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import phoneMetadata from 'libphonenumber-js/metadata.min.json';
import { Buffer } from 'node:buffer';
import { brotliDecompressSync } from 'node:zlib';
import grid from './generated/coords.json' with { type: 'json' };
import currencyJson from './generated/currencies.json' with { type: 'json' };
import { VANITY_TLDS, WEAK_TLDS, TLD_COUNTRY } from './data/signals.ts';
import { fold } from '../text/fold.ts';
import { decodePrior, unpackLines } from './unpack.ts';
import { mention } from './mention.ts';
import type { Mention } from './mention.ts';

const META = phoneMetadata as unknown as MetadataJson & { country_calling_codes: Record<string, string[]>; countries: Record<string, unknown> };
const ISO2 = new Set(Object.keys(META.countries));

// ---------------------------------------------------------------- phones
const PHONE_RE = /(?:\+|(?<![\d.,])00)\s?[1-9][\d \u00a0().\/-]{5,20}\d/g;

export function phones(src: string): Mention[] {
  const out: Mention[] = [];
  for (const m of src.matchAll(PHONE_RE)) {
    const raw = m[0];
    const digits = raw.replace(/[^\d+]/g, '');
    const intl = digits.startsWith('+') ? digits : '+' + digits.slice(2);
    if (intl.length < 9 || intl.length > 17) continue;
    let cc: string | undefined;
    try {
      const p = parsePhoneNumberFromString(intl, META);
      if (!p) continue;
      cc = p.country ?? META.country_calling_codes[p.countryCallingCode]?.[0];
    } catch {
      continue;
    }
    if (!cc || cc === '001') continue;
    out.push(mention('phone', src, m.index, m.index + raw.length, { [cc]: 1 }, raw.startsWith('+') ? 3 : 2.6));
  }
  return out;
}

/**
 * A country calling code on its own, where a tip quotes only the start of a
 * number ("the phone number starts with +56 2", "Vorwahl +43"): only next to a
 * word about phones, so "+20%" or "+33 points" say nothing. Calling codes are
 * prefix-free, so the first 1–3 digits that form one are it; a code several
 * countries share goes to its main country (libphonenumber's first), +1 split
 * between the US and Canada.
 */
const CALLING_CODE_RE = /\+\s?(\d{1,3})(?:[\s\u00a0-]?\d{1,4})?(?![\d%])/g;
const PHONE_WORDS = /(?:phone|tel\b|telephone|number|numer|nummer|code|prefix|dial|call|vorwahl|telefon|téléphone|indicatif|prefijo|prefisso|número|numero|mobile|cell|whatsapp|hotline)/i;

export function callingCodes(src: string): Mention[] {
  const out: Mention[] = [];
  for (const m of src.matchAll(CALLING_CODE_RE)) {
    if (!PHONE_WORDS.test(src.slice(Math.max(0, m.index - 48), m.index))) continue;
    const digits = m[1] ?? '';
    let code: string | undefined;
    for (let k = 1; k <= digits.length && code === undefined; k++) if (META.country_calling_codes[digits.slice(0, k)]) code = digits.slice(0, k);
    if (code === undefined) continue;
    // Non-geographic codes (+800, +882…) are listed under the pseudo-region "001".
    const main: string | undefined = META.country_calling_codes[code]?.[0];
    if (main === undefined || main === '001') continue;
    const prior = code === '1' ? { US: 0.8, CA: 0.2 } : { [main]: 1 };
    out.push(mention('phone', src, m.index, m.index + m[0].length, prior, 2));
  }
  return out;
}

/**
 * North American local format without a country code: "519-661-5670", "(416) 555-0199",
 * "1-604-555-1234". The area code says US or Canada (or a Caribbean NANP country);
 * libphonenumber resolves it. Toll-free codes (8XX with repeated digit) are shared by the
 * whole plan: a weak US/Canada split.
 * Written with separators only, so dates, amounts and IDs do not match.
 */
const NANP_RE = /(?<![\d+\-.\/])(?:1[ .-])?(?:\(([2-9]\d{2})\) ?|([2-9]\d{2})[ .-])[2-9]\d{2}[ .-]\d{4}(?![\d\-\/])/g;
const TOLL_FREE = /^8(?:00|33|44|55|66|77|88)$/;

export function nanpPhones(src: string): Mention[] {
  const out: Mention[] = [];
  for (const m of src.matchAll(NANP_RE)) {
    const area = m[1] ?? m[2] ?? '';
    // Toll-free codes are shared by the whole North American numbering plan: the US and Canada, weakly.
    if (TOLL_FREE.test(area)) {
      out.push(mention('phone', src, m.index, m.index + m[0].length, { US: 0.75, CA: 0.25 }, 1.6));
      continue;
    }
    const digits = m[0].replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    let cc: string | undefined;
    try {
      const p = parsePhoneNumberFromString('+1' + digits, META);
      if (!p || !p.isValid()) continue;
      cc = p.country;
    } catch {
      continue;
    }
    if (!cc) continue;
    out.push(mention('phone', src, m.index, m.index + m[0].length, { [cc]: 1 }, 2.2));
  }
  return out;
}

/**
 * A number in national format, with its trunk prefix and written in groups ("06 12 34 56 78",
 * "030 12345678", "(0)20 7946 0958"): the countries where libphonenumber finds it valid AND
 * formats it nationally with the same digit groups (a French mobile's pairs, a German area
 * code's 3-8), split evenly: weighing them by the tip's language was tried and taken out (a Rome
 * number in a Spanish tip went to Paraguay at 0.97; a foreign number is common in a tip). Valid in
 * more than MAX_NATIONAL_COUNTRIES countries: too ambiguous.
 * Three groups joined by dots or slashes are a date, not a number. Nothing about a number is kept
 * between calls (a phone number identifies a person).
 */
// The trunk prefix is 0 nearly everywhere; Russia, Kazakhstan, Belarus… write 8 before a bracketed
// area code ("8 (727) 250-11-22"), the only form of 8 taken (a bare leading 8 is too often a count).
const NATIONAL_RE = /(?<![\d+\p{L}.,\/-])(?:\(0\)\s?\d{1,4}|\(0\d{1,4}\)|0\d{1,4}|8\s?\(\d{3,5}\))(?:[ .\/-]\d{2,8}){1,4}(?![\d]|[.,\/-]\d)/gu;
/** Cheap test for a number NATIONAL_RE may match, before running it (analyse.ts). */
export const NATIONAL_HINT = /(?:^|[^\d+])(?:\(?0\)?\s?\d{1,4}\)?[ .\/-]\d{2}|8\s?\(\d{3,5}\)\s?\d{2})/;
const MAX_NATIONAL_COUNTRIES = 6;
/** Strength of a national-format number (an international one, country known, is 2.2). */
const NATIONAL_PHONE_WEIGHT = 1.6;
const isCountryCode = (cc: string): cc is CountryCode => cc !== '001' && Object.hasOwn(META.countries, cc);
const NATIONAL_COUNTRIES: CountryCode[] = Object.keys(META.countries).filter(isCountryCode);
/**
 * Each country's national number pattern (metadata index 2, anchored) and trunk prefix (index 5):
 * a number is parsed for a country only if its digits, or its digits after that prefix, fit the
 * pattern (parsing in all 245 countries cost ≈ 12 ms a number, and a phone number may not be
 * memoised). A country with its own prefix-parsing rule (index 7) and a number opening with 00 (an
 * international call prefix) are always parsed. Checked on 1,500 random national numbers: of
 * 235,435 (number, country) pairs the filter skipped, libphonenumber would have accepted 2 (Cape
 * Verde, one number).
 */
const NATIONAL_PATTERN = new Map(NATIONAL_COUNTRIES.map((cc) => {
  const info = META.countries[cc] as unknown[];
  const pattern = info[2];
  const prefix = info[5];
  return [cc, {
    re: typeof pattern === 'string' && typeof info[7] !== 'string' ? new RegExp(`^(?:${pattern})$`) : null,
    prefix: typeof prefix === 'string' ? prefix : '',
  }] as const;
}));
/** Countries whose trunk prefix is 8: the only ones read for "8 (727) …". */
const TRUNK_EIGHT_COUNTRIES = NATIONAL_COUNTRIES.filter((cc) => NATIONAL_PATTERN.get(cc)?.prefix === '8');
const mayBeNumberOf = (cc: CountryCode, digits: string): boolean => {
  const n = NATIONAL_PATTERN.get(cc);
  if (!n || n.re === null || digits.startsWith('00') || n.re.test(digits)) return true;
  return n.prefix !== '' && digits.startsWith(n.prefix) && n.re.test(digits.slice(n.prefix.length));
};
const digitGroups = (s: string): string => s.replace(/[()]/g, ' ').split(/[^\d]+/).filter(Boolean).map((g) => g.length).join('-');

/** Of `countries`, those where the number is valid (`valid`), and valid written in these digit groups (`grouped`). */
function readNational(national: string, digits: string, groups: string, countries: readonly CountryCode[]): { valid: CountryCode[]; grouped: CountryCode[] } {
  const valid: CountryCode[] = [];
  const grouped: CountryCode[] = [];
  for (const cc of countries) {
    if (!mayBeNumberOf(cc, digits)) continue;
    try {
      const p = parsePhoneNumberFromString(national, cc, META);
      if (!p || !p.isValid() || p.country !== cc) continue;
      valid.push(cc);
      if (digitGroups(p.formatNational()) === groups) grouped.push(cc);
    } catch {
      // not a number of that country
    }
  }
  return { valid, grouped };
}

export function nationalPhones(src: string): Mention[] {
  const out: Mention[] = [];
  for (const m of src.matchAll(NATIONAL_RE)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 12) continue;
    const national = raw.replace(/^\(0\)\s?/, '0');
    const groups = digitGroups(national);
    if (groups.split('-').length === 3 && /^[\d]+[./]\d+[./]\d+$/.test(raw)) continue;
    // The bracketed area code after 8 is itself the national way of writing it, whatever the groups after it.
    const eight = digits.startsWith('8');
    const read = readNational(national, digits, groups, eight ? TRUNK_EIGHT_COUNTRIES : NATIONAL_COUNTRIES);
    const countries = eight ? read.valid : read.grouped;
    if (countries.length === 0 || countries.length > MAX_NATIONAL_COUNTRIES) continue;
    out.push(mention('phone', src, m.index, m.index + raw.length, new Map(countries.map((cc) => [cc, 1] as const)), NATIONAL_PHONE_WEIGHT));
  }
  return out;
}

// ---------------------------------------------------------------- web / e-mail
const HOST_RE = /(?:https?:\/\/)?(?:[\p{L}\p{N}._%+-]+@)?(?:[a-z0-9](?:[a-z0-9-]{0,62})\.)+([a-zA-Z]{2,24})(?![\p{L}\p{N}-])/gu;

export function webAddresses(src: string): Mention[] {
  const out: Mention[] = [];
  for (const m of src.matchAll(HOST_RE)) {
    const raw = m[0];
    const tld = m[1] ?? '';
    if (tld !== tld.toLowerCase()) continue; // "Paris.It was…"
    const isEmail = raw.includes('@');
    const strong = isEmail || /^(?:https?:\/\/|www\.)/i.test(raw);
    const host = raw.replace(/^https?:\/\//i, '').replace(/^.*@/, '');
    const labels = host.split('.');
    if (labels.length < 2 || (labels[0] ?? '').length < 2) continue;
    if (!strong && host !== host.toLowerCase()) continue;
    if (tld.length !== 2) continue;
    if (VANITY_TLDS.has(tld) && !WEAK_TLDS.has(tld)) continue;
    const cc = TLD_COUNTRY[tld] ?? tld.toUpperCase();
    if (!cc || !ISO2.has(cc)) continue;
    // Single-word "x.yy" without www/@ must look like a domain (hyphen, or ≥ 3 chars).
    if (!strong && labels.length === 2 && !/[-\d]/.test(labels[0] ?? '') && (labels[0] ?? '').length < 3) continue;
    const w = WEAK_TLDS.has(tld) ? 1.2 : 2.6;
    out.push(mention(isEmail ? 'email' : 'domain', src, m.index, m.index + raw.length, { [cc]: 1 }, w));
  }
  return out;
}

// ---------------------------------------------------------------- postcodes (self-identifying formats)
const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC';
const PREFIXED: Record<string, string> = {
  D: 'DE', A: 'AT', CH: 'CH', F: 'FR', I: 'IT', B: 'BE', NL: 'NL', L: 'LU', PL: 'PL', CZ: 'CZ', SK: 'SK', H: 'HU',
  S: 'SE', N: 'NO', DK: 'DK', FIN: 'FI', FI: 'FI', E: 'ES', P: 'PT', GR: 'GR', SLO: 'SI', SI: 'SI', HR: 'HR', LT: 'LT', LV: 'LV', EE: 'EE', RO: 'RO', BG: 'BG',
};
const POSTCODE_PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string | null, number]> = [
  // UK: "SW1A 1AA", "EH1 1YZ"
  [/\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b/g, () => 'GB', 2.4],
  // Canada: "K1A 0B1"
  [/\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/g, () => 'CA', 2.4],
  // Netherlands: "1012 AB" + Town
  [/\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?= \p{Lu})/gu, () => 'NL', 2.4],
  // Poland: "00-950 Warszawa"
  [/\b\d{2}-\d{3}(?= \p{Lu})/gu, () => 'PL', 2.2],
  // Portugal: "1000-001 Lisboa"
  [/\b\d{4}-\d{3}(?= \p{Lu})/gu, () => 'PT', 2.2],
  // Country-prefixed: "D-80331", "CH-8001", "A-1010"
  [/\b(D|A|CH|F|I|B|NL|L|PL|CZ|SK|H|S|N|DK|FIN|FI|E|P|GR|SLO|SI|HR|LT|LV|EE|RO|BG)-\d{4,5}\b/g, (m) => PREFIXED[m[1] ?? ''] ?? null, 2.6],
  // US: "TX 75001"
  [new RegExp(`\\b(?:${US_STATES}) \\d{5}(?:-\\d{4})?\\b`, 'g'), () => 'US', 2.4],
  // Japan: "〒100-0001"
  [/〒\s?\d{3}-?\d{4}/g, () => 'JP', 2.6],
  // Argentina's CPA: "C1425DKA", or its first part before the capital's name: "C1425 CABA"
  [/\b[A-HJ-NP-Z]\d{4}(?:[A-Z]{3}\b|(?= (?:CABA|Buenos Aires|Capital Federal)\b))/g, () => 'AR', 2.2],
  // India: "PIN 560001", "Pincode: 110 001"
  [/\b(?:PIN|Pin ?code|PIN ?code)\s*:?\s*[1-9]\d{2} ?\d{3}\b/g, () => 'IN', 2.4],
  // Ireland's Eircode: routing key + unique identifier, "D02 X285", "D6W 1234"
  [/\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?(?=[0-9AC-FHKNPRTV-Y]{4}\b)(?=\w*\d)(?=\w*[A-Z])[0-9AC-FHKNPRTV-Y]{4}\b/g, () => 'IE', 2.2],
  // Brazil: "CEP 01310-100", or the same shape before a town
  [/\bCEP:?\s?\d{5}-?\d{3}\b/g, () => 'BR', 2.6],
  [/\b\d{5}-\d{3}(?= \p{Lu})/gu, () => 'BR', 2.2],
];

export function postcodes(src: string): Mention[] {
  const out: Mention[] = [];
  for (const [re, map, w] of POSTCODE_PATTERNS) {
    for (const m of src.matchAll(re)) {
      const cc = map(m);
      if (!cc) continue;
      out.push(mention('postcode', src, m.index ?? 0, (m.index ?? 0) + m[0].length, { [cc]: 1 }, w));
    }
  }
  return out;
}

/** Numeric postcode lengths by country, used for "75011 Paris" style pairs. */
export const NUMERIC_POSTCODE: Record<string, ReadonlySet<string>> = {
  '5': new Set(['DE', 'FR', 'ES', 'IT', 'FI', 'US', 'MX', 'HR', 'EE', 'LT', 'UA', 'TR', 'MY', 'TH', 'ID', 'KR', 'MA', 'DZ', 'EG', 'SA', 'IL', 'RS', 'ME', 'BA', 'CU', 'GT', 'PK', 'KW', 'IQ', 'IR']),
  '4': new Set(['AT', 'CH', 'BE', 'DK', 'NO', 'HU', 'AU', 'NZ', 'SI', 'LU', 'LV', 'BG', 'PH', 'ZA', 'NL', 'MK', 'AL', 'CY', 'GE', 'AM', 'TN', 'BD', 'AR', 'VE']),
  '6': new Set(['RU', 'IN', 'CN', 'SG', 'RO', 'BY', 'KZ', 'VN', 'CO', 'EC', 'KG', 'UZ', 'TJ', 'TM']),
  '3+2': new Set(['CZ', 'SK', 'SE', 'GR']),
};

// ---------------------------------------------------------------- coordinates
const NUM = String.raw`[-−]?\d{1,3}\.\d{2,}`;
const MAP_LINK_RE = /[@=](-?\d{1,2}\.\d{3,}),(-?\d{1,3}\.\d{3,})/g;
const LON_FIRST_RE = /\b(?:lon(?:gitude)?|lng)\s*[,/]\s*lat(?:itude)?\b|\blongitude first\b/i;
const DEC_RE = new RegExp(String.raw`(${NUM})\s*°?\s*([NSns])?\s*[,;/]?\s+(${NUM})\s*°?\s*([EWOewo])?`, 'g');
const DMS_RE = /(\d{1,2})\s*°\s*(\d{1,2}(?:\.\d+)?)\s*['′’]\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:"|″|''|”)\s*)?([NS])[\s,;/]*(\d{1,3})\s*°\s*(\d{1,2}(?:\.\d+)?)\s*['′’]\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:"|″|''|”)\s*)?([EWO])/g;

// Coordinate → country grid sampled from @rapideditor/country-coder at build time.
// Stored as base64(brotli(rows)) and decoded on the first coordinate only.
const GRID = grid as { step: number; rows: string };
const NLAT = Math.round(180 / GRID.step);
let gridRows: string[] | null = null;
const decodedRows = new Map<number, string[]>();
function cellCode(r: number, c: number): string {
  const nLon = Math.round(360 / GRID.step);
  if (r < 0 || r >= NLAT) return '..';
  gridRows ??= brotliDecompressSync(Buffer.from(GRID.rows, 'base64')).toString('utf8').split('\n');
  c = ((c % nLon) + nLon) % nLon;
  let row = decodedRows.get(r);
  if (!row) {
    row = [];
    for (const run of (gridRows[r] ?? '').split(',')) {
      const cc = run.slice(0, 2);
      const n = parseInt(run.slice(2), 36);
      for (let k = 0; k < n; k++) row.push(cc);
    }
    decodedRows.set(r, row);
  }
  return row[c] ?? '..';
}

/** Country distribution at a point: the cell itself, else its land neighbours (coasts, borders). */
export function countryAt(lat: number, lon: number): Map<string, number> {
  const r = Math.floor((90 - lat) / GRID.step);
  const c = Math.floor((lon + 180) / GRID.step);
  const out = new Map<string, number>();
  const centre = cellCode(r, c);
  if (centre !== '..') out.set(centre, 3);
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      if (!dr && !dc) continue;
      const cc = cellCode(r + dr, c + dc);
      if (cc !== '..') out.set(cc, (out.get(cc) ?? 0) + (centre === '..' ? 1 : 0.25));
    }
  }
  return out;
}

function coordMention(src: string, start: number, end: number, lat: number, lon: number): Mention | null {
  return pointMention('coordinates', src, start, end, lat, lon);
}

/**
 * A point on the map as evidence: typed coordinates, or a photo's GPS (photo.ts). Null off the
 * map or at sea (no country within a grid cell). Both kinds share this strength; the scorer
 * weighs each kind on its own.
 */
export function pointMention(kind: 'coordinates' | 'photo-gps', src: string, start: number, end: number, lat: number, lon: number): Mention | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const dist = countryAt(lat, lon);
  if (dist.size === 0) return null;
  return mention(kind, src, start, end, dist, 3);
}

export function coordinates(src: string): Mention[] {
  const out: Mention[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of src.matchAll(DMS_RE)) {
    const dms = (d?: string, mi?: string, s?: string) => Number(d ?? 0) + Number(mi ?? 0) / 60 + Number(s ?? 0) / 3600;
    let lat = dms(m[1], m[2], m[3]);
    let lon = dms(m[5], m[6], m[7]);
    if (m[4] === 'S') lat = -lat;
    if (m[8] === 'W') lon = -lon;
    const mm = coordMention(src, m.index, m.index + m[0].length, lat, lon);
    if (mm) {
      out.push(mm);
      taken.push([mm.start, mm.end]);
    }
  }
  // A map link's "@lat,lon" (Google Maps, OpenStreetMap share links) has no space after the comma.
  for (const m of src.matchAll(MAP_LINK_RE)) {
    const mm = coordMention(src, m.index + 1, m.index + m[0].length, Number(m[1]), Number(m[2]));
    if (mm) {
      out.push(mm);
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  // "(that's lon, lat order)": the writer says the pair is longitude first.
  const lonFirst = LON_FIRST_RE.test(src);
  for (const m of src.matchAll(DEC_RE)) {
    const start = m.index;
    if (taken.some(([a, b]) => start < b && start + m[0].length > a)) continue;
    // Refuse things glued to other numbers ("1.200.300").
    const before = src[start - 1] ?? ' ';
    if (/[\d.]/.test(before)) continue;
    let lat = Number((m[1] ?? '').replace('−', '-'));
    let lon = Number((m[3] ?? '').replace('−', '-'));
    const ns = (m[2] ?? '').toUpperCase();
    const ew = (m[4] ?? '').toUpperCase();
    if (lonFirst && ns === '' && ew === '') [lat, lon] = [lon, lat];
    if (ns === 'S') lat = -Math.abs(lat);
    if (ew === 'W') lon = -Math.abs(lon);
    // Trim trailing hemisphere-less whitespace from the span.
    const text = m[0].replace(/\s+$/, '');
    const mm = coordMention(src, start, start + text.length, lat, lon);
    if (mm) out.push(mm);
  }
  return out;
}

// ---------------------------------------------------------------- currencies
/**
 * Currency symbols, ISO codes and currency words next to an amount, from CLDR (every locale's
 * symbols and display names, mapped to the countries using each currency and split by
 * population: scripts/geo-data/currencies.ts). Decoded on the first amount.
 */
interface CurrencyTables {
  symbols: Map<string, { prior: Map<string, number>; where: string }>;
  /** Symbols of ≥ 3 characters by lower case: "KSh" for CLDR's "Ksh", "Rs." for "Rs.". */
  folded: Map<string, { prior: Map<string, number>; where: string }>;
  words: Map<string, Map<string, number>>;
  /** Words several locales use for a currency: read after a preposition without an amount. */
  bareWords: Map<string, Map<string, number>>;
  maxSymbol: number;
}
let currencyTables: CurrencyTables | null = null;
function currencyData(): CurrencyTables {
  if (currencyTables) return currencyTables;
  const symbols: CurrencyTables['symbols'] = new Map();
  const folded: CurrencyTables['folded'] = new Map();
  let maxSymbol = 1;
  for (const line of unpackLines(currencyJson.symbols)) {
    const [sym = '', prior = '', where = ''] = line.split('\t');
    const e = { prior: decodePrior(prior), where };
    symbols.set(sym, e);
    if (sym.length >= 3 && !folded.has(sym.toLowerCase())) folded.set(sym.toLowerCase(), e);
    maxSymbol = Math.max(maxSymbol, sym.length);
  }
  const words: CurrencyTables['words'] = new Map();
  const bareWords: CurrencyTables['words'] = new Map();
  for (const line of unpackLines(currencyJson.words)) {
    const [word = '', prior = '', flag = ''] = line.split('\t');
    const p = decodePrior(prior);
    words.set(word, p);
    if (flag === 'p') bareWords.set(word, p);
  }
  return (currencyTables = { symbols, folded, words, bareWords, maxSymbol });
}

const AMOUNT_RE = /\d{1,3}(?:[ \u00a0.,']\d{3})+(?:[.,]\d{1,2}|,-)?|\d+(?:[.,]\d{1,2}|,-)?/g;
const LETTER = /[\p{L}\p{M}]/u;
const WORD_AFTER = /^[\p{L}\p{M}]+/u;
const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);
/** Scripts written without spaces: a particle may follow a number or a symbol directly ("500円の", "₩12,900이라고"). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const joinsWord = (ch: string | undefined): boolean => isLetter(ch) && !UNSPACED.test(ch!);

interface CurrencyHit { start: number; end: number; prior: Map<string, number>; word: boolean }

/** currencies() and currencyWords() read the same hits: computed once per text. */
let lastHits: { src: string; hits: CurrencyHit[] } | null = null;

/** The currency next to each amount: a symbol after it ("19,90 zł"), before it ("£4.99", "R50"), or a word after it ("20 złotych"). */
function currencyHits(src: string): CurrencyHit[] {
  if (lastHits?.src === src) return lastHits.hits;
  const out: CurrencyHit[] = [];
  lastHits = { src, hits: out };
  if (!/\d/.test(src)) return out;
  const { symbols, folded, words, maxSymbol } = currencyData();
  // Exact spelling first; a symbol of ≥ 3 characters written with a capital in another case next ("KSh", "Ksh").
  const symbol = (s: string) => symbols.get(s) ?? (s.length >= 3 && /\p{Lu}/u.test(s) ? folded.get(s.toLowerCase()) : undefined);
  for (const m of src.matchAll(AMOUNT_RE)) {
    const a = m.index;
    const b = a + m[0].length;
    if (/\d/.test(src[a - 1] ?? '') || /\d/.test(src[b] ?? '')) continue;
    let hit: CurrencyHit | null = null;
    // After the amount (one optional space).
    if (!isLetter(src[a - 1])) {
      const gap = /[ \u00a0]/.test(src[b] ?? '') ? 1 : 0;
      for (let len = maxSymbol; len >= 1 && !hit; len--) {
        const sym = src.slice(b + gap, b + gap + len);
        const e = sym.length === len ? symbol(sym) : undefined;
        if (!e || e.where === 't' || joinsWord(src[b + gap + len])) continue;
        hit = { start: a, end: b + gap + len, prior: e.prior, word: false };
      }
      if (!hit) {
        const w = WORD_AFTER.exec(src.slice(b + gap, b + gap + 40))?.[0];
        const prior = w ? words.get(fold(w)) : undefined;
        if (w && prior) hit = { start: a, end: b + gap + w.length, prior, word: true };
      }
    }
    // Before the amount.
    if (!hit && !joinsWord(src[b])) {
      for (let len = maxSymbol; len >= 1 && !hit; len--) {
        for (const gap of [0, 1]) {
          if (gap === 1 && !/[ \u00a0]/.test(src[a - 1] ?? '')) continue;
          const s0 = a - gap - len;
          if (s0 < 0) continue;
          const e = symbol(src.slice(s0, a - gap));
          if (!e || e.where === 'a' || (e.where === 't' && gap === 1) || isLetter(src[s0 - 1])) continue;
          hit = { start: s0, end: b, prior: e.prior, word: false };
          break;
        }
      }
    }
    if (hit) out.push(hit);
  }
  return out;
}

export function currencies(src: string): Mention[] {
  return currencyHits(src).filter((h) => !h.word).map((h) => mention('currency', src, h.start, h.end, h.prior, 2.4));
}

/** A currency named in words next to an amount ("zapłaciłam 20 złotych", "2 000 гривень"): a little weaker than a symbol. */
export function currencyWords(src: string): Mention[] {
  return currencyHits(src).filter((h) => h.word).map((h) => mention('currency', src, h.start, h.end, h.prior, 2));
}

/**
 * A currency word without an amount, read by the token matcher after a locative preposition
 * ("the price is in cedis"; places.ts): only words several locales use for a currency and that
 * are not English words (a capital after "in" is a name: "in Real Madrid").
 */
export function bareCurrencyWord(folded: string): Map<string, number> | undefined {
  return currencyData().bareWords.get(folded);
}

// ---------------------------------------------------------------- a script quoted from the object
/**
 * Scripts written by one country (or a few): a run of one quoted in a tip
 * written in Latin script describes the object ("it says ขอบคุณค่ะ", "the
 * label is Sinhala: ආයුබෝවන්"). The tip's own language stays a weak prior,
 * so a tip written wholly in Thai gets nothing from this.
 */
/** [character class, shortest run that counts, countries]. */
const QUOTED_SCRIPTS: ReadonlyArray<readonly [string, number, Record<string, number>]> = [
  ['\\p{Script=Thai}', 2, { TH: 1 }], ['\\p{Script=Lao}', 2, { LA: 1 }], ['\\p{Script=Khmer}', 2, { KH: 1 }],
  ['\\p{Script=Myanmar}', 2, { MM: 1 }], ['\\p{Script=Sinhala}', 2, { LK: 1 }], ['\\p{Script=Ethiopic}', 2, { ET: 0.8, ER: 0.2 }],
  ['\\p{Script=Georgian}', 2, { GE: 1 }], ['\\p{Script=Armenian}', 2, { AM: 1 }], ['\\p{Script=Hangul}', 2, { KR: 0.95, KP: 0.05 }],
  ['\\p{Script=Hiragana}\\p{Script=Katakana}', 2, { JP: 1 }], ['\\p{Script=Hebrew}', 2, { IL: 1 }], ['\\p{Script=Greek}', 3, { GR: 0.85, CY: 0.15 }],
  ['\\p{Script=Bengali}', 2, { BD: 0.6, IN: 0.4 }], ['\\p{Script=Tamil}', 2, { IN: 0.6, LK: 0.3, SG: 0.1 }],
  ['\\p{Script=Gujarati}\\p{Script=Gurmukhi}\\p{Script=Telugu}\\p{Script=Kannada}\\p{Script=Malayalam}\\p{Script=Oriya}', 2, { IN: 1 }],
];
const QUOTED_RUNS = QUOTED_SCRIPTS.map(([chars, min, prior]) => [new RegExp(`[${chars}]{${min},}`, 'u'), prior] as const);
const ANY_QUOTED_SCRIPT = new RegExp(`[${QUOTED_SCRIPTS.map(([chars]) => chars).join('')}]`, 'u');

export function quotedScripts(src: string): Mention[] {
  if (!ANY_QUOTED_SCRIPT.test(src)) return [];
  const letters = src.match(/\p{L}/gu)?.length ?? 0;
  const latin = src.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin < 0.6 * letters) return [];
  const out: Mention[] = [];
  for (const [re, prior] of QUOTED_RUNS) {
    const m = re.exec(src);
    if (m) out.push(mention('language', src, m.index, m.index + m[0].length, prior, 1.4));
  }
  return out;
}
