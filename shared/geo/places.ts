/**
 * Token-based evidence: gazetteer names (countries, regions, places), shop
 * chains, demonyms and postal abbreviations of states/provinces.
 */
import { lookup, isFirstWord, hasPrefix, uniqueOneWordExtension, nearNames, keysExtending, isEnglishWord } from './gazetteer.ts';
import type { GazEntry } from './gazetteer.ts';
import { foldKey, fold } from '../text/fold.ts';
import { joinable } from '../text/tokenize.ts';
import type { Token } from '../text/tokenize.ts';
import { lemmaCandidates, prefixCandidates } from './inflect.ts';
import { mention } from './mention.ts';
import type { Mention } from './mention.ts';
import { INSTITUTIONS } from './data/signals.ts';
import { RESIDUAL_CHAINS } from './data/chains.ts';
import brandJson from './generated/brands.json' with { type: 'json' };
import subdivisionJson from './generated/subdivisions.json' with { type: 'json' };
import { decodePrior, unpackLines } from './unpack.ts';
import { stopwordsOf } from './stopwords.ts';
import { bareCurrencyWord } from './signals.ts';
import { DEMONYMS, ADJ_ENDINGS } from './data/demonyms.ts';
import { COMMON_OR_PERSON, GIVEN_NAME_COUNTRIES, LOCAL_NOUNS, STOPWORDS, PREPOSITIONS, ORG_AFTER, NON_PLACES, TITLES, PLACE_HEADS, HEAD_WORDS, SAY_VERBS, CONTINENT_QUALIFIERS, MADE_IN } from './data/cues.ts';
import { AMBIGUOUS_REGIONS } from './data/regions.ts';
import { dateFollows } from './dateline.ts';
import { looksLikePrint, ocrReadings } from './ocr.ts';

const MAX_NGRAM = 5;

// ---------------------------------------------------------------- chains
// Brands (name-suggestion-index, generated/brands.json), the few chains it lacks
// (data/chains.ts) and single-country institutions share one matcher: a proper name of a
// few words that points to its countries.
interface Signal { prior: Map<string, number>; kind: 'chain' | 'institution'; weight: number; acronym: boolean; brand: boolean }
const chainMap = new Map<string, Signal>();
const chainFirst = new Set<string>();
/** Brand strength by tier: one country, 2–3 (split), 4–8 (split, weak). See scripts/geo-data/brands.ts. */
const BRAND_WEIGHT: Record<string, number> = { s: 2.4, f: 2, w: 0.6 };
/** Names of brands sold in many countries that are also small places: never read as the place when written as the brand. */
const multinational = new Set<string>();
const tokenKey = (name: string): string => (name.replace(/['’]s(?![\p{L}])/gu, '').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(fold).join(' ');
const addSignal = (key: string, sig: Signal): void => {
  if (chainMap.has(key)) return;
  chainMap.set(key, sig);
  const sp = key.indexOf(' ');
  if (sp > 0) chainFirst.add(key.slice(0, sp));
};
for (const [name, prior] of INSTITUTIONS) {
  addSignal(foldKey(name), { prior: new Map(Object.entries(prior)), kind: 'institution', weight: 2, acronym: /^\p{Lu}{2,}s?$/u.test(name), brand: false });
}
for (const [name, prior] of RESIDUAL_CHAINS) addSignal(tokenKey(name), { prior: new Map(Object.entries(prior)), kind: 'chain', weight: 2.4, acronym: false, brand: true });
/** Brand key → `prior\ttier` as stored; the Signal is built on the first hit (cold start builds no 12k objects). */
const brandLines = new Map<string, string>();
for (const line of unpackLines(brandJson.brands)) {
  const tab = line.indexOf('\t');
  const key = line.slice(0, tab);
  const rest = line.slice(tab + 1);
  if (rest.endsWith('\tm')) multinational.add(key);
  else if (!chainMap.has(key)) brandLines.set(key, rest);
  const sp = key.indexOf(' ');
  if (sp > 0) chainFirst.add(key.slice(0, sp));
}
function signalOf(key: string): Signal | undefined {
  const known = chainMap.get(key);
  if (known !== undefined) return known;
  const rest = brandLines.get(key);
  if (rest === undefined) return undefined;
  const tab = rest.indexOf('\t');
  const sig: Signal = { prior: decodePrior(rest.slice(0, tab)), kind: 'chain', weight: BRAND_WEIGHT[rest.slice(tab + 1)] ?? 0.6, acronym: false, brand: true };
  chainMap.set(key, sig);
  brandLines.delete(key);
  return sig;
}
/** First three letters of every chain or institution name: most words are skipped before any case-ending work. */
const chainPrefixes = new Set<string>();
for (const k of chainMap.keys()) chainPrefixes.add(k.slice(0, 3));
for (const k of brandLines.keys()) chainPrefixes.add(k.slice(0, 3));

// ---------------------------------------------------------------- common words (stopwords-iso)
/** A name that is an ordinary word in the tip's language: "lima" (five) in Indonesian, "como" in Spanish. */
export function isCommonWord(folded: string, language: string | null): boolean {
  if (language === null) return false;
  return stopwordsOf(language)?.has(folded) ?? false;
}
// ---------------------------------------------------------------- subdivisions (ISO 3166-2)
/** Folded subdivision name → countries with a subdivision of that name (generated/subdivisions.json), decoded on first use. */
let subdivisions: Map<string, readonly string[]> | null = null;
/** Countries that have a first- or second-level subdivision named `name` ("Kerry" → IE); empty if none. */
export function subdivisionCountries(name: string): readonly string[] {
  if (subdivisions === null) {
    subdivisions = new Map();
    for (const line of unpackLines(subdivisionJson.subdivisions)) {
      const tab = line.indexOf('\t');
      subdivisions.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
    }
  }
  return subdivisions.get(fold(name)) ?? [];
}

/**
 * A function word of the tip, which never joins a name written apart and is never a misspelt
 * name or a demonym: a stopwords-iso word of the tip's detected language; only when no language
 * is detected (a tip of under ~10 letters) the small multilingual hand list in data/cues.ts.
 */
export function functionWord(folded: string, language: string | null): boolean {
  return language === null ? STOPWORDS.has(folded) : isCommonWord(folded, language);
}

/** A common-word name counts this much (a modest damping; the scorer also sees the flag). */
const COMMON_WORD_MULT = 0.6;

// ---------------------------------------------------------------- demonyms
const demonymStems = new Map<string, { cc: string; capOnly: boolean }>();
for (const [cc, stems] of Object.entries(DEMONYMS)) {
  for (let s of stems.split(/\s+/)) {
    if (!s) continue;
    const capOnly = s.startsWith('^');
    if (capOnly) s = s.slice(1);
    const k = fold(s.replace(/_/g, ' '));
    if (!demonymStems.has(k)) demonymStems.set(k, { cc, capOnly });
  }
}
const ENDINGS = new Set(ADJ_ENDINGS);
const demonymPrefixes = new Set([...demonymStems.keys()].map((k) => k.slice(0, 3)));
const MAX_ENDING = Math.max(...ADJ_ENDINGS.map((e) => e.length));

export function demonymOf(folded: string): { cc: string; capOnly: boolean; stemLen: number } | null {
  if (!demonymPrefixes.has(folded.slice(0, 3))) return null;
  for (let cut = 0; cut <= MAX_ENDING && cut < folded.length - 2; cut++) {
    const stem = folded.slice(0, folded.length - cut);
    const hit = demonymStems.get(stem);
    // Scandinavian neuter "-t" ("et norskt merke", "ett svenskt"), only after a long stem ("rus" + "t" ≠ rust).
    const ending = folded.slice(folded.length - cut);
    if (hit && (ENDINGS.has(ending) || (ending === 't' && stem.length >= 5))) {
      // Short stems need a real ending or capitals ("rus" ≠ "ruse").
      return { ...hit, stemLen: stem.length };
    }
  }
  return null;
}

// ---------------------------------------------------------------- admin abbreviations (after a comma)
const ABBREV: Record<string, string> = {};
for (const a of 'Ala Ariz Ark Calif Cal Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nebr Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Va Vt Wash W.Va Wis Wyo D.C AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' ')) ABBREV[a] = 'US';
for (const a of 'Ont Que P.Q B.C Alta Sask Man N.S N.B P.E.I Nfld Lab Alb N.W.T Y.T Yuk Nvt ON QC BC AB SK MB NS NB PE NL YT NT NU'.split(' ')) ABBREV[a] = 'CA';
for (const a of 'NSW Qld QLD Vic VIC Tas TAS WA SA NT ACT'.split(' ')) ABBREV[a] ??= 'AU';
ABBREV['WA'] = 'US';
const ABBREV_RE = new RegExp(`[,(]\\s*(${Object.keys(ABBREV).sort((a, b) => b.length - a.length).map((a) => a.replace(/\./g, '\\.')).join('|')})(\\.?)(?![\\p{L}])`, 'gu');

const ADMIN_HEADS: Record<string, Record<string, number>> = {
  county: { US: 0.85, KE: 0.05, TW: 0.05, CN: 0.05 },
  parish: { US: 0.8, GB: 0.1, JM: 0.1 },
  township: { US: 0.85, CA: 0.1, ZA: 0.05 },
  oblast: { RU: 0.5, UA: 0.35, KZ: 0.1, BY: 0.05 },
  voivodeship: { PL: 1 },
  prefecture: { JP: 0.85, GR: 0.1, CN: 0.05 },
  canton: { CH: 0.9, FR: 0.1 },
  kanton: { CH: 1 },
  landkreis: { DE: 1 },
  powiat: { PL: 1 },
  bezirk: { AT: 0.5, DE: 0.3, CH: 0.2 },
};
const ADMIN_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?!(?:The|A|An|In|At|Of|From) )(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2}) (County|Parish|Township|Oblast|Voivodeship|Prefecture|Canton|Kanton|Landkreis|Powiat|Bezirk)(?![\p{L}])|(?<![\p{L}])County (\p{Lu}\p{L}+)`, 'gu');

// ---------------------------------------------------------------- helpers
const TYPE_PSEUDO_POP: Record<string, number> = { c: 1e9, k: 1e9, r: 1e8 };
const ambiguousRegions = new Set(AMBIGUOUS_REGIONS);
/** Country names that are lower-case common nouns: capitals mid-sentence suffice. */
const LOWER_COMMON = new Set(['turkey', 'china', 'chile', 'guinea', 'jersey', 'man', 'mali', 'niger', 'cuba']);

function priorOf(entries: GazEntry[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of entries) {
    const w = TYPE_PSEUDO_POP[e.type] ?? Math.pow(10, e.bucket / 2) * (e.type === 'a' ? 0.5 : 1);
    m.set(e.cc, Math.max(m.get(e.cc) ?? 0, w));
  }
  return m;
}

function strengthOf(entries: GazEntry[]): { weight: number; kind: 'place' | 'country'; maxBucket: number; best: string } {
  let best = 'a';
  let maxBucket = 0;
  for (const e of entries) {
    if (e.type === 'c' || e.type === 'k') best = 'c';
    else if (e.type === 'r' && best !== 'c') best = 'r';
    else if (e.type === 'p' && best === 'a') best = 'p';
    if (e.type === 'p' || e.type === 'a') maxBucket = Math.max(maxBucket, e.bucket);
  }
  if (best === 'c') return { weight: 3, kind: 'country', maxBucket: 25, best };
  if (best === 'r') return { weight: 2.5, kind: 'place', maxBucket: 25, best };
  // population 10^(bucket/2): 1k→0.6, 10k→1.1, 100k→1.5, 1M→1.8, 10M→2.1
  const pop = maxBucket / 2;
  const w = Math.max(0.6, Math.min(2.2, 0.6 + 0.4 * (pop - 3) - 0.03 * Math.max(0, pop - 5) * (pop - 5)));
  return { weight: w, kind: 'place', maxBucket, best };
}

interface Hit {
  entries: GazEntry[];
  n: number;
  inflected: boolean;
  key: string;
  end: number; // end offset in src (may be inside a CJK token)
  start: number;
}

function lookupTokens(src: string, toks: Token[], i: number, inflect: TextShape['inflecting']): Hit | null {
  const t0 = toks[i]!;
  let key = '';
  const maxN = Math.min(MAX_NGRAM, toks.length - i);
  // Collect joinable window.
  let window = 1;
  while (window < maxN && joinable(src, toks[i + window - 1]!, toks[i + window]!) && !toks[i + window]!.cjk) window++;
  // Hebrew/Arabic proclitics on the first word: "בתל אביב" → "תל אביב".
  const firsts = t0.caseless && !t0.cjk ? [t0.folded, ...prefixCandidates(t0.folded)] : [t0.folded];
  for (const first of firsts) {
    if (window > 1 && isFirstWord(first)) {
      for (let n = window; n >= 2; n--) {
        let k = first;
        for (let j = 1; j < n; j++) k += ' ' + toks[i + j]!.folded;
        const hit = lookup(k);
        if (hit) return { entries: hit, n, inflected: first !== t0.folded, key: k, start: t0.start, end: toks[i + n - 1]!.end };
      }
      // Hebrew/Arabic GeoNames names often carry a hyphenated suffix the tip leaves out
      // ("תל אביב-יפו" for "תל אביב"): a multi-word name that is the only one-word-shorter
      // form of a large place (≥ 100k) counts as that place.
      if (t0.caseless) {
        for (let n = window; n >= 2; n--) {
          let k = first;
          for (let j = 1; j < n; j++) k += ' ' + toks[i + j]!.folded;
          const ext = uniqueOneWordExtension(k);
          const hit = ext ? lookup(ext) : undefined;
          if (hit && hit.every((e) => (e.type === 'p' || e.type === 'a') && e.bucket >= 10)) {
            return { entries: hit, n, inflected: true, key: k, start: t0.start, end: toks[i + n - 1]!.end };
          }
        }
      }
    }
  }
  const multi = window > 1 && isFirstWord(t0.folded);
  for (let n = multi ? window : 1; n >= 1; n--) {
    key = '';
    for (let j = 0; j < n; j++) key += (j ? ' ' : '') + toks[i + j]!.folded;
    const last = toks[i + n - 1]!;
    const exact = lookup(key);
    if (exact) return { entries: exact, n, inflected: false, key, start: t0.start, end: last.end };
    if (inflect !== 'none' && last.folded.length >= 4 && !last.caseless) {
      const prefix = key.slice(0, key.length - last.folded.length);
      const lemmas = inflect === 'full' ? lemmaCandidates(last.folded) : last.folded.endsWith('s') ? [last.folded.slice(0, -1)] : [];
      for (const lemma of lemmas) {
        const hit = lookup(prefix + lemma);
        if (hit) return { entries: hit, n, inflected: true, key: prefix + lemma, start: t0.start, end: last.end };
      }
    } else if (last.caseless && n === 1) {
      for (const cand of prefixCandidates(last.folded)) {
        const hit = lookup(cand);
        if (hit) return { entries: hit, n, inflected: true, key: cand, start: t0.start, end: last.end };
      }
    }
  }
  return null;
}

const SEA_SCAN_RE = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const MARK_RE = /^\p{M}/u;

/** Substring scan inside a Thai / Lao / Khmer / Myanmar run: names are long in code units
 * (เชียงใหม่ = 9), so extend while some key has the prefix; matches start and end on
 * character-cluster boundaries (never before a combining vowel sign or tone mark). */
function seaHits(tok: Token): Array<{ entries: GazEntry[]; start: number; end: number; key: string }> {
  const out: Array<{ entries: GazEntry[]; start: number; end: number; key: string }> = [];
  const s = tok.folded;
  if (s.length !== tok.text.length) return out;
  let i = 0;
  while (i < s.length - 2) {
    let best: { entries: GazEntry[]; len: number } | null = null;
    if (!MARK_RE.test(s.slice(i, i + 1))) {
      for (let len = 2; i + len <= s.length; len++) {
        const sub = s.slice(i, i + len);
        if (!hasPrefix(sub)) break;
        if (len < 3 || MARK_RE.test(s.slice(i + len, i + len + 1))) continue;
        const hit = lookup(sub);
        if (hit && hit.some((e) => e.type === 'c' || e.type === 'k' || e.type === 'r' || e.bucket >= 10)) best = { entries: hit, len };
      }
    }
    if (best) {
      out.push({ entries: best.entries, start: tok.start + i, end: tok.start + i + best.len, key: s.slice(i, i + best.len) });
      i += best.len;
    } else i++;
  }
  return out;
}

/** Substring scan inside a CJK token (no spaces between words). */
function cjkHits(tok: Token): Array<{ entries: GazEntry[]; start: number; end: number; key: string }> {
  if (SEA_SCAN_RE.test(tok.folded)) return seaHits(tok);
  const out: Array<{ entries: GazEntry[]; start: number; end: number; key: string }> = [];
  const s = tok.folded;
  if (s.length !== tok.text.length) return out;
  let i = 0;
  while (i < s.length - 1) {
    let found = false;
    for (let len = Math.min(8, s.length - i); len >= 2; len--) {
      const sub = s.slice(i, i + len);
      const hit = lookup(sub);
      if (!hit) continue;
      const good = hit.some((e) => e.type === 'c' || e.type === 'k' || e.type === 'r' || e.bucket >= 10);
      if (!good) continue;
      out.push({ entries: hit, start: tok.start + i, end: tok.start + i + len, key: sub });
      i += len;
      found = true;
      break;
    }
    if (!found) i++;
  }
  return out;
}

export interface TextShape {
  /** Author writes in lower case only (no capitalised words mid-sentence). */
  lowercase: boolean;
  /** Case-ending stripping: full for inflecting languages, genitive -s only for
   * Germanic ones, none for English/Romance text. */
  inflecting: 'full' | 'genitive' | 'none';
  /** Mostly written in capitals (shouted tip, headline): capitals say nothing about names. */
  upper: boolean;
  /** The tip's language (ISO 639-1) when detected. */
  language: string | null;
}

const GENITIVE_ONLY = new Set(['de', 'nl', 'sv', 'da', 'nb', 'nn', 'no', 'af']);
const NON_INFLECTING = new Set(['fr', 'es', 'it', 'pt', 'ca', 'gl', 'ro', 'id', 'ms', 'vi', 'tl', 'sw']);
const DE_FUNCTION = new Set(['der', 'die', 'das', 'und', 'ist', 'ich', 'nicht', 'ein', 'eine', 'einem', 'einen', 'habe', 'wir', 'mit', 'dem', 'den', 'het', 'een', 'och', 'jeg', 'ikke', 'det', 'er']);
const EN_FUNCTION = new Set(['the', 'and', 'is', 'was', 'in', 'from', 'of', 'to', 'this', 'that', 'with', 'it', 'on', 'at', 'for', 'my', 'we', 'i', 'a', 'an', 'are', 'be', 'has', 'have', 'had', 'they', 'he', 'she', 'by', 'as', 'its', "it's"]);

export function textShape(toks: Token[], language: string | null = null): TextShape {
  const en = new Set<string>();
  for (const t of toks) if (EN_FUNCTION.has(t.folded)) en.add(t.folded);
  let de = 0;
  let letters = 0;
  for (const t of toks) {
    if (DE_FUNCTION.has(t.folded)) de++;
    if (!t.caseless) letters += t.text.length;
  }
  // franc is unreliable on very short tips: trust it only from ~40 letters on.
  const lang = letters >= 40 ? language : null;
  const inflecting: TextShape['inflecting'] =
    lang === 'en' || en.size >= 3 ? 'none'
      : de >= 2 || (lang && GENITIVE_ONLY.has(lang)) ? 'genitive'
        : lang && NON_INFLECTING.has(lang) ? 'none' : 'full';
  let cased = 0;
  let capMid = 0;
  for (const t of toks) {
    if (t.caseless || /^\d/.test(t.text)) continue;
    cased++;
    if (t.cap && !t.sentStart) capMid++;
  }
  const firstLower = toks.find((t) => !t.caseless && !/^\d/.test(t.text));
  let upperToks = 0;
  for (const t of toks) if (t.upper && t.text.length >= 2) upperToks++;
  return { lowercase: cased >= 2 && capMid === 0 && !!firstLower && !firstLower.cap, inflecting, upper: upperToks * 2 > cased, language };
}

/**
 * A name that opens a dateline, at the start of the text or of a later line (after a headline):
 * "WASHINGTON (CNN) —", "Paris, Ky. (AP)", "TORONTO —", or a place, a comma and a date ("Danzig,
 * 14. März.", "Paris, 3 juin.", "LONDON, Jan. 5"). A bracket after a mixed-case word is a
 * dateline only when it closes before a dash or a comma: "Merci (encore) pour…" is no dateline.
 */
function opensDateline(src: string, t: Token, lastTok: Token, i: number): boolean {
  const lineBegin = src.lastIndexOf('\n', t.start - 1);
  const lineStart = i === 0 || (lineBegin >= 0 && /^[ \t]*$/.test(src.slice(lineBegin + 1, t.start)));
  if (!lineStart) return false;
  const after = src.slice(lastTok.end, lastTok.end + 60);
  if (/^\s*(?:—|–|-{1,2}\s|,\s*\p{Lu})/u.test(after)) return true;
  if (/^\s*\(/.test(after) && (t.upper || /^\s*\([^()\n]{1,40}\)\s*(?:—|–|-{1,2}\s|,)/.test(after))) return true;
  // German print qualifies a town by its river or province in abbreviated form: "Frankfurt a. M.",
  // "Königsberg i. Pr.", "Straßburg i. E." (an / in + initial); at a line start that opens a report.
  if (/^[ \t]+[a-z]\.[ \t]?\p{Lu}\p{Ll}{0,3}\./u.test(after)) return true;
  return dateFollows(after);
}

/** Words written apart that the typo matcher joins: "kuala lumper", "Ho Chi Min city". */
const MAX_GLUED = 3;
/** Strength left to a name read through a typo or an OCR confusion. */
const CORRECTED_MULT = 0.7;
/** An OCR reading must name a country, a region or a place of this population bucket (≥ 100k). */
const OCR_MIN_BUCKET = 10;
/** Shortest word an OCR reading is tried on. */
const OCR_MIN_LENGTH = 4;

/** A country, a region, or a place of at least this population bucket: what a guessed reading may name. */
const namesAtLeast = (entries: readonly GazEntry[], bucket: number): GazEntry[] =>
  entries.filter((e) => e.type === 'c' || e.type === 'r' || ((e.type === 'p' || e.type === 'a') && e.bucket >= bucket));

/** A stem read must keep this share of the word, and at least STEM_MIN code units of it. */
const STEM_SHARE = 0.55;
const STEM_MIN = 4;
/** The ending a stem read may strip from the word, and the name's own letters it may replace. */
const STEM_MAX_ENDING = 6;
const STEM_MAX_REPLACED = 2;
/** A stem read must name a country, a region or a place of this population bucket (≥ 10k). */
const STEM_MIN_BUCKET = 8;

/**
 * The name a word's first letters spell when the word itself and its known case endings named
 * nothing: the longest prefix (≥ STEM_SHARE of the word) that is a name, or a name less its last
 * STEM_MAX_REPLACED letters. One general reading for the agglutinative and case languages whose
 * endings inflect.ts does not list (Kazakh "Павлодардағы", Uzbek "Namangandagi"); the scorer weighs
 * it as its own evidence bucket.
 */
function stemEntries(folded: string): GazEntry[] | null {
  const min = Math.max(STEM_MIN, Math.ceil(folded.length * STEM_SHARE), folded.length - STEM_MAX_ENDING);
  for (let p = folded.length - 1; p >= min; p--) {
    // A name shortened to reach the word needs one more letter of stem ("Magnum" is no "Magnolia").
    const keys = keysExtending(folded.slice(0, p), STEM_MAX_REPLACED).filter((k) => k.key.length === p || p > STEM_MIN);
    const entries = namesAtLeast(keys.flatMap((k) => k.entries), STEM_MIN_BUCKET);
    if (entries.length > 0) return entries;
  }
  return null;
}

/** Tokens from i on spell one of the (folded, tokenised) phrases. */
function startsPhrase(toks: Token[], i: number, phrases: ReadonlyArray<ReadonlyArray<string>>): boolean {
  return phrases.some((p) => p.every((w, k) => toks[i + k]?.folded === w));
}

function prepositionBefore(toks: Token[], i: number): boolean {
  const p = toks[i - 1];
  if (p && PREPOSITIONS.has(p.folded)) return true;
  if (p && (p.folded === 'a' || p.folded === 'an') && LOCAL_NOUNS.has(toks[i + 1]?.folded ?? '')) return true;
  // "in a bar in X" handled by the immediate check; also "in the X", "w samym X".
  const p2 = toks[i - 2];
  return !!p2 && PREPOSITIONS.has(p2.folded) && !!p && /^(the|la|le|der|die|das|el|il|lo|de)$/.test(p.folded);
}

/** Street-type nouns (English; other languages compound them: "Hauptstraße", "rue de …"). */
const STREET_TYPES = new Set(['road', 'rd', 'street', 'avenue', 'ave', 'way', 'lane', 'drive', 'close', 'crescent', 'boulevard', 'blvd', 'terrace', 'parkway', 'mews', 'gardens']);

/** Token j (or j+1, j+2 after capitalised name words) is a capitalised street-type noun. */
function streetAfter(src: string, toks: Token[], j: number, lowercase: boolean): boolean {
  for (let k = j; k < j + 3 && k < toks.length; k++) {
    const tk = toks[k]!;
    const prev = toks[k - 1]!;
    if (!/^\s$/.test(src.slice(prev.end, tk.start))) return false;
    if (!tk.cap && !tk.upper && !lowercase) return false;
    if (STREET_TYPES.has(tk.folded)) return true;
    if (tk.sentStart) return false;
  }
  return false;
}

// ---------------------------------------------------------------- main
export function tokenMentions(src: string, toks: Token[], shape: TextShape): Mention[] {
  const out: Mention[] = [];
  const used = new Uint8Array(toks.length);
  /** Names seen in a person context ("Mr Steele", "Steele said"): other mentions follow. */
  const personNames = new Set<string>();
  // OCR readings are tried only on text that shows signs of historical print.
  const printed = looksLikePrint(src, toks);

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.cjk) {
      for (const h of cjkHits(t)) {
        const st = strengthOf(h.entries);
        // A katakana name running on into more katakana is part of a compound word: "フランスパン"
        // (French bread) is not France; "フランスで" (in France) ends at the particle.
        const compound = /\p{Script=Katakana}$/u.test(h.key) && /^[\p{Script=Katakana}ー]/u.test(src.slice(h.end, h.end + 1));
        out.push(mention(st.kind, src, h.start, h.end, priorOf(h.entries), st.weight, { fixed: false, tokStart: i, tokEnd: i + 1, ...(compound ? { mult: 0.2, needsSupport: true } : {}) }));
      }
      used[i] = 1;
      continue;
    }
    if (/^\d+$/.test(t.folded)) continue;

    // A currency named without an amount after a preposition, in lower case ("priced in cedis").
    // (Not in print, where a currency is written after its amount and "a levé" is French "has".)
    if (!printed && !t.cap && !t.upper && !t.caseless && t.folded.length >= 4 && i > 0 && PREPOSITIONS.has(toks[i - 1]!.folded)) {
      const prior = bareCurrencyWord(t.folded);
      if (prior) {
        out.push(mention('currency', src, t.start, t.end, prior, 1.6, { tokStart: i, tokEnd: i + 1 }));
        used[i] = 1;
        continue;
      }
    }

    // Chains (multi-word first). Every brand or institution name is written with a capital (or in
    // a caseless script, or anywhere in an all-lower-case tip): other words skip the lookups.
    if (t.cap || t.upper || t.caseless || shape.lowercase) {
      let matched = false;
      const maxN = Math.min(4, toks.length - i);
      for (let n = chainFirst.has(t.folded) ? maxN : 1; n >= 1 && !matched; n--) {
        let key = t.folded;
        let ok = true;
        for (let j = 1; j < n; j++) {
          if (!joinable(src, toks[i + j - 1]!, toks[i + j]!) && !/^\s?&\s?$/.test(src.slice(toks[i + j - 1]!.end, toks[i + j]!.start))) { ok = false; break; }
          key += ' ' + toks[i + j]!.folded;
        }
        if (!ok) continue;
        let w = signalOf(key);
        // Hebrew and Arabic proclitics on a chain name: "משופרסל" (from Shufersal).
        if (!w && n === 1 && t.caseless) for (const bare of prefixCandidates(t.folded)) if ((w = signalOf(bare))) break;
        // Inflected chain names in case languages: "K-Citymarketin hintalappu", "w Biedronce".
        if (!w && shape.inflecting === 'full' && toks[i + n - 1]!.folded.length >= 5 && chainPrefixes.has(key.slice(0, 3))) {
          const lastFolded = toks[i + n - 1]!.folded;
          const head = key.slice(0, key.length - lastFolded.length);
          for (const lemma of lemmaCandidates(lastFolded)) if ((w = signalOf(head + lemma))) break;
        }
        // A brand sold in many countries whose name of several words holds a town's ("Coca-Cola",
        // "Burger King"): the brand, so the town inside it is not read; no evidence either way.
        if (!w && n > 1 && multinational.has(key) && (shape.lowercase || toks.slice(i, i + n).every((x) => x.cap || x.upper || x.caseless || x.text.length < 3))) {
          for (let j = 0; j < n; j++) used[i + j] = 1;
          i += n - 1;
          matched = true;
          continue;
        }
        if (!w) continue;
        // The words of a "made in" phrase are the phrase, not a shop ("Fabriqué en Chine": NSI lists a
        // brand "Fabriqué"); the phrase's own cue reads the country after it.
        if (startsPhrase(toks, i, MADE_IN)) continue;
        // A one-word brand name must be written with a capital, not only the one every sentence
        // starts with ("Torba z Biedronki": Polish for bag, a Ukrainian brand); the build already
        // left out the one-word names that are English words or names ("Target", "Lucy").
        if (n === 1 && w.brand && !t.caseless && (!(t.cap || t.upper) || (t.sentStart && !t.upper))) continue;
        // …and not be part of a person's name: a title before it, a reporting verb after it, or a
        // capitalised word right next to it ("Judge Maury", "Maury said", "Lucy Gabor").
        if (n === 1 && w.brand && !t.upper) {
          const prev = toks[i - 1];
          const next = toks[i + 1];
          const nameNext = (x: Token | undefined, a: Token, b: Token | undefined) => x !== undefined && b !== undefined && x.cap && !x.upper && /^ $/.test(src.slice(a.end, b.start));
          if ((prev && TITLES.has(prev.folded)) || (next && SAY_VERBS.has(next.folded)) || (prev && !t.sentStart && nameNext(prev, prev, t)) || nameNext(next, t, next)) continue;
        }
        // A brand of several words is written with each main word capitalised ("Tuesday Morning",
        // not "on Tuesday morning"); small linking words may stay lower-case ("Pão de Açúcar").
        if (n > 1 && w.brand && !shape.lowercase && toks.slice(i, i + n).some((x) => !x.caseless && x.text.length >= 3 && !x.cap && !x.upper && !/\d/.test(x.text))) continue;
        if (!t.cap && !t.upper && !t.caseless && !shape.lowercase) continue;
        if (w.acronym && (!t.upper || shape.upper)) continue;
        const last = toks[i + n - 1]!;
        out.push(mention(w.kind, src, t.start, last.end, w.prior, w.weight, { tokStart: i, tokEnd: i + n }));
        for (let j = 0; j < n; j++) used[i + j] = 1;
        i += n - 1;
        matched = true;
      }
      if (matched) continue;
    }

    // "North America", "Latin America": a continent, not the United States.
    if (CONTINENT_QUALIFIERS.has(t.folded) && toks[i + 1] && /^amerika?$|^amerique$|^america$/.test(toks[i + 1]!.folded) && joinable(src, t, toks[i + 1]!)) {
      i += 1;
      continue;
    }

    // Gazetteer.
    let hit = lookupTokens(src, toks, i, shape.inflecting);
    // A demonym is not an inflected country name: "Egyptian" is not Finnish "Egypti" + "-an".
    if (hit && hit.inflected && hit.n === 1 && demonymOf(t.folded) !== null) hit = null;
    if (hit) {
      const n = hit.n;
      const lastTok = toks[i + n - 1]!;
      const single = n === 1;
      const st = strengthOf(hit.entries);
      const isAcronym = hit.entries.every((e) => e.type === 'k');
      let keep = true;
      let mult = 1;
      let needsSupport = false;
      const prep = prepositionBefore(toks, i);
      const capital = t.cap || t.upper || t.caseless;
      let sentWeak = false;
      let person = false;
      let dateline = false;

      const smallPlace = st.kind === 'place' && st.best !== 'r';
      if (single && smallPlace && (HEAD_WORDS.has(hit.key) || ((t.cap || t.upper) && demonymOf(t.folded)))) {
        // "Street", "Police" (villages) are nouns; "Canadian" (a Texas town) is a demonym.
        keep = false;
      } else if (st.best === 'a' && /^(?:the|la|le|el|il|der|die|das) /.test(hit.key)) {
        // Nicknames with an article ("The City", "La Ville"): too generic as alternate names.
        keep = false;
      } else if (isAcronym) {
        // "US", "UK", "U.S." — must be written in capitals; and not be an ordinary word of the
        // text's language inside a line of capitals ("GRANDE VENTE DU PRINTEMPS": "DU" is French
        // "of the", not the Welsh DU for the United Kingdom).
        const capsWord = (x: Token | undefined) => x !== undefined && x.upper && x.text.length >= 2;
        const inCapsRun = single && capsWord(toks[i - 1]) && capsWord(toks[i + 1]);
        keep = toks.slice(i, i + n).every((x) => x.upper || x.caseless) && !(inCapsRun && isCommonWord(hit.key, shape.language));
      } else if (NON_PLACES.has(hit.key) || (single && STOPWORDS.has(hit.key))) {
        keep = false;
      } else if (!capital) {
        if (shape.lowercase) {
          // Without capitals a name needs a locative preposition ("in krakow"), or to be
          // the caption a tip starts with ("sao paulo 100%", "istambul grand bazar"), which
          // only a country or a city of ≥ 1M is trusted to be.
          const lead = i === 0 && (st.best === 'c' || st.maxBucket >= 12) && !STOPWORDS.has(hit.key);
          keep = (prep || lead) && (st.best === 'c' || st.best === 'r' || st.maxBucket >= 10) && !COMMON_OR_PERSON.has(hit.key);
          mult = 0.75;
        } else {
          keep = false;
        }
      } else {
        if (t.sentStart && !t.upper && !prep) {
          mult *= 0.75;
          // Sentence-initial capitals are not evidence of a name: small or alternate-only names need support.
          if (single && (st.best === 'a' || (st.best === 'p' && st.maxBucket < 12))) sentWeak = true;
        }
        if (prep) mult *= 1.15;
        let weak = sentWeak;
        dateline = opensDateline(src, t, lastTok, i);
        if (LOWER_COMMON.has(hit.key)) weak = t.sentStart && !prep;
        else if (COMMON_OR_PERSON.has(hit.key) || ambiguousRegions.has(hit.key)) weak = !(prep && !t.sentStart);
        if (dateline) weak = false;
        // Small places without a locative preposition: usually a person or a common noun.
        if (st.kind === 'place' && st.best !== 'r' && st.maxBucket < 10 && !prep && !t.upper && !dateline) weak = true;
        // Latin-script exonyms/alternate names only ("Munich", but also junk like "Site"): need a preposition.
        if (st.best === 'a' && st.maxBucket < 12 && !t.caseless && !prep && !t.upper && !dateline) weak = true;
        // Person-name context: title before, or capitalised neighbours that are not place words.
        const prev = toks[i - 1];
        const next = toks[i + n];
        if (prev && TITLES.has(prev.folded)) { weak = true; mult *= 0.3; person = true; }
        // Reporting verbs: "Palma said", "…, said Georgia."
        if (st.best !== 'c' && !t.upper && !dateline) {
          // "Residents … in Kingston say": after a locative preposition the name is the place, not the speaker.
          const sayAfter = !prep && next && SAY_VERBS.has(next.folded) && /^\s$/.test(src.slice(lastTok.end, next.start));
          const sayBefore = prev && SAY_VERBS.has(prev.folded) && /^\s$/.test(src.slice(prev.end, t.start)) && /^\s*(?:$|[.,;!?])/.test(src.slice(lastTok.end, lastTok.end + 2));
          if (sayAfter || sayBefore) { weak = true; mult *= 0.3; person = true; }
        }
        // (An alternate name of a city of ≥ 1M is no person's name: "Bruhat Bengaluru Mahanagara Palike".)
        const personish = ((st.best === 'a' || st.best === 'p') && st.maxBucket < 12) || COMMON_OR_PERSON.has(hit.key) || ambiguousRegions.has(hit.key) || GIVEN_NAME_COUNTRIES.has(hit.key);
        if (!t.caseless && (st.best !== 'c' || GIVEN_NAME_COUNTRIES.has(hit.key)) && personish) {
          const prevName = prev && prev.cap && !prev.sentStart && !prev.upper && !PREPOSITIONS.has(prev.folded) && /^\s$/.test(src.slice(prev.end, t.start)) && !lookup(prev.folded);
          const nextName = next && next.cap && !next.upper && /^\s$/.test(src.slice(lastTok.end, next.start)) && !PLACE_HEADS.has(next.folded) && !TITLES.has(next.folded) && !lookup(next.folded);
          if (prevName || nextName) { weak = true; mult *= 0.5; person = true; }
        }
        // An all-capitals word in mixed-case text that is only a small place ("OPP", "GREEN fingered"):
        // an acronym or a headline word, unless it opens a dateline.
        if (t.upper && single && !dateline && !shape.upper && st.kind === 'place' && st.best !== 'r' && st.maxBucket < 10) weak = true;
        if (weak) {
          needsSupport = true;
          mult *= 0.25;
        }
        if (next && ORG_AFTER.has(next.folded) && /^\s$/.test(src.slice(lastTok.end, next.start))) {
          mult *= 0.3;
          needsSupport = true;
        }
      }
      if (hit.inflected) {
        mult *= 0.9;
        if (hit.key.length < 4) keep = false;
        if (st.best === 'p' || st.best === 'a') {
          if (st.maxBucket < 9) keep = false;
        }
      }
      if (st.best === 'a' && st.maxBucket < 8) mult *= 0.8;
      // Tiny places whose name is a single short word: weak.
      if (st.kind === 'place' && st.best !== 'r' && st.maxBucket < 8 && single && hit.key.length <= 4) mult *= 0.5;
      // "Little Portugal", "Little Italy": a neighbourhood named after the country, not the country.
      const prevTok = toks[i - 1];
      if (prevTok && prevTok.folded === 'little' && prevTok.cap && /^\s$/.test(src.slice(prevTok.end, t.start)) && (capital || shape.lowercase)) {
        i += n - 1; // neither a place nor a demonym
        continue;
      }
      // "Hertford Road", "Colton Way", "King Edward Street": a street named after a place says nothing
      // about where the street is.
      if (keep && st.best !== 'r' && streetAfter(src, toks, i + n, shape.lowercase)) keep = false;
      // A small place named like a brand sold in many countries, written as the brand ("a Zara bag",
      // "from Mango"): capitalised without a locative preposition it is the brand; after one ("in
      // Zara", "à Gap") it may be either, so it needs other evidence. (Dropping it after a
      // preposition too was tried and taken out: "J'ai acheté ce jouet à Gap" lost its French town.)
      if (keep && smallPlace && st.maxBucket < 12 && capital && multinational.has(hit.key)) {
        if (!prep) keep = false;
        else {
          needsSupport = true;
          mult *= 0.25;
        }
      }
      if (keep) {
        if (person && single) personNames.add(hit.key);
        // (Not an acronym in capitals: "US" is not "us".)
        const common = single && !isAcronym && !(t.upper && !shape.upper) && isCommonWord(hit.key, shape.language);
        const mm = mention(st.kind, src, hit.start, hit.end, priorOf(hit.entries), st.weight, { fixed: false, tokStart: i, tokEnd: i + n, mult: common ? mult * COMMON_WORD_MULT : mult, needsSupport: needsSupport || common });
        mm.person = person;
        mm.commonWord = common;
        mm.dateline = dateline;
        out.push(mm);
        for (let j = 0; j < n; j++) used[i + j] = 1;
        i += n - 1;
        continue;
      }
    }

    // Demonyms (two-word first: "South African", "New Zealander").
    if (used[i]) continue;
    const two = toks[i + 1] && joinable(src, t, toks[i + 1]!) ? t.folded + ' ' + toks[i + 1]!.folded : null;
    const d2raw = two ? demonymOf(two) : null;
    const d2 = d2raw && two && two.slice(0, d2raw.stemLen).includes(' ') ? d2raw : null;
    if (d2 && two) {
      const nt = toks[i + 1]!;
      out.push(mention('demonym', src, t.start, nt.end, { [d2.cc]: 1 }, 1.5, { tokStart: i, tokEnd: i + 2 }));
      i += 1;
      continue;
    }
    const d = demonymOf(t.folded);
    if (d) {
      if (d.capOnly && !t.cap && !t.upper) continue;
      if (d.stemLen <= 4 && t.folded.length === d.stemLen && !t.cap) continue;
      if (functionWord(t.folded, shape.language)) continue;
      out.push(mention('demonym', src, t.start, t.end, { [d.cc]: 1 }, 1.5, { tokStart: i, tokEnd: i + 1 }));
      continue;
    }

    // A name read by its stem (stemEntries): a word written as a name (a capital mid-sentence, or
    // a caseless script) in a language whose names inflect, never a function or common word of
    // the tip nor an English word (a short English tip is not known to be English: "Prices went up").
    if (!printed && (shape.inflecting === 'full' ? (t.cap || t.upper) && !t.sentStart : t.caseless) && !t.cjk && t.folded.length > STEM_MIN
      && !functionWord(t.folded, shape.language) && !isCommonWord(t.folded, shape.language) && !isEnglishWord(t.folded) && demonymOf(t.folded) === null) {
      const entries = stemEntries(t.folded);
      if (entries) {
        const st = strengthOf(entries);
        const mm = mention(st.kind, src, t.start, t.end, priorOf(entries), st.weight, { fixed: false, tokStart: i, tokEnd: i + 1 });
        mm.stem = true;
        out.push(mm);
        continue;
      }
    }

    // A name misread by OCR ("Lernberg" for Lemberg, "Weichfel", "Briinn"): only a capitalised word
    // that matched nothing, only in text that looks like print, and only a reading that names a
    // country, a region or a place of ≥ 100k. Away from a dateline it needs support.
    if (printed && (t.cap || t.upper) && !t.caseless && t.folded.length >= OCR_MIN_LENGTH && !functionWord(t.folded, shape.language)) {
      let best: { entries: GazEntry[]; st: ReturnType<typeof strengthOf> } | null = null;
      for (const reading of ocrReadings(t.text)) {
        const key = foldKey(reading);
        if (STOPWORDS.has(key) || NON_PLACES.has(key) || HEAD_WORDS.has(key)) continue;
        const entries = namesAtLeast(lookup(key) ?? [], OCR_MIN_BUCKET);
        if (entries.length === 0) continue;
        const st = strengthOf(entries);
        if (!best || st.weight > best.st.weight) best = { entries, st };
      }
      // A German page capitalises every noun ("Rufe", "Leiden"): away from a dateline a reading
      // needs the name position a locative preposition gives ("nach Brornberg").
      const dateline = best !== null && opensDateline(src, t, t, i);
      if (best && (dateline || prepositionBefore(toks, i))) {
        const mm = mention(best.st.kind, src, t.start, t.end, priorOf(best.entries), best.st.weight, { fixed: false, tokStart: i, tokEnd: i + 1, mult: CORRECTED_MULT, needsSupport: !dateline });
        mm.dateline = dateline;
        mm.corrected = true;
        out.push(mm);
        continue;
      }
    }

    // A misspelt country or big city ("Edinbrugh", "phillipines"): a name-like position only
    // (capitalised mid-sentence, after a locative preposition, or a lower-case tip's caption),
    // and only when every closest name points to the same country.
    if (!t.caseless && !functionWord(t.folded, shape.language)) {
      const prep = prepositionBefore(toks, i);
      // A misspelt country may also open the tip ("Phillipines for sure"); a city there is too often another word.
      // Print capitalises names: a lower-case word there is a word ("a détruit" is not Detroit).
      // A German page capitalises every noun: there a capital mid-sentence is no name position either.
      const namePosition = (t.cap && !t.sentStart && !printed) || (prep && !(printed && !t.cap && !t.upper)) || (shape.lowercase && i === 0) || (i === 0 && t.cap && t.folded.length >= 8);
      const opening = i === 0 && t.cap && !prep && !shape.lowercase;
      // One word, or two or three written apart ("kuala lumper", "buenos aries", "Ho Chi Min city"),
      // against the names' one-word forms.
      for (let n = 1; namePosition && n <= MAX_GLUED; n++) {
        const last = toks[i + n - 1];
        if (last === undefined || (n > 1 && !/^ $/.test(src.slice(toks[i + n - 2]!.end, last.start)))) break;
        // A function word is never part of a name written apart: "school and" is not "Schotland".
        if (n > 1 && functionWord(last.folded, shape.language)) break;
        const glued = toks.slice(i, i + n).map((x) => x.folded).join('');
        if (glued.length < 7) continue;
        const near = nearNames(glued);
        if (near.length === 0) continue;
        const entries = near.flatMap((key) => (lookup(key) ?? []).filter((e) => e.type === 'c' || (!opening && e.bucket >= 12)));
        const countries = new Set(entries.map((e) => e.cc));
        if (countries.size !== 1) continue;
        const st = strengthOf(entries);
        out.push(mention(st.kind, src, t.start, last.end, priorOf(entries), st.weight, { fixed: false, tokStart: i, tokEnd: i + n, mult: CORRECTED_MULT }));
        i += n - 1;
        break;
      }
    }
  }

  // One name, one referent: a name used for a person elsewhere in the text is a person here too.
  if (personNames.size > 0) {
    for (const m of out) {
      if (m.kind !== 'place' || m.needsSupport || m.tokEnd - m.tokStart !== 1) continue;
      const tk = toks[m.tokStart];
      if (!tk || tk.upper || !personNames.has(tk.folded)) continue;
      m.needsSupport = true;
      m.mult *= 0.25;
    }
  }

  // Administrative head nouns: "Metcalfe County" (US), "County Kerry" (IE/GB), "X Parish" (US).
  for (const m of src.matchAll(ADMIN_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((x) => x.start <= start && x.end >= end)) continue;
    const head = (m[2] ?? m[3] ?? '').toLowerCase();
    // "County X" names a subdivision only when X is one in some country's ISO 3166-2 list
    // ("County Kerry" → IE, "County Durham" → GB); "County Road", "County Court" are no place.
    const named = m[3] !== undefined ? subdivisionCountries(m[3]) : [];
    if (m[3] !== undefined && named.length === 0) continue;
    let prior: Record<string, number> = m[3] !== undefined ? Object.fromEntries(named.map((cc) => [cc, 1])) : (ADMIN_HEADS[head] ?? {});
    // "Galway County Council", "Nairobi County": a county named after a known town is in that town's
    // country (the countries both allow, or else the town's).
    if (head === 'county' && m[1] !== undefined) {
      const named = lookup(foldKey(m[1]))?.filter((e) => e.type !== 'a');
      if (named !== undefined && named.length > 0) {
        const both = named.filter((e) => e.cc in prior);
        const big = named.filter((e) => e.type !== 'p' || e.bucket >= 9);
        if (both.length > 0) prior = Object.fromEntries(both.map((e) => [e.cc, prior[e.cc]!]));
        else if (big.length > 0) prior = Object.fromEntries(big.map((e) => [e.cc, 1]));
      }
    }
    for (let k = out.length - 1; k >= 0; k--) {
      const x = out[k]!;
      if (x.start >= start && x.end <= end && x.kind !== 'chain') out.splice(k, 1);
    }
    const ti = toks.findIndex((x) => x.start >= start);
    // A subdivision name several countries share ("County Central") is left to coherence to resolve.
    out.push(mention('place', src, start, end, prior, 1.8, { tokStart: ti, tokEnd: ti + 1, fixed: named.length <= 1 }));
  }

  // State / province abbreviations right after a comma: "Paris, Ky.", "London, Ont."
  for (const m of src.matchAll(ABBREV_RE)) {
    const abbr = m[1] ?? '';
    const cc = ABBREV[abbr];
    if (!cc) continue;
    const start = m.index + m[0].indexOf(abbr);
    const end = start + abbr.length + (m[2] ?? '').length;
    // Two-letter codes must be followed by end / punctuation / ZIP, not by a word.
    if (/^[A-Z]{2,3}$/.test(abbr) && !/^\s*(?:$|[.,;:)!?]|\d{5})/.test(src.slice(end))) continue;
    // In parentheses only the dotted/long forms ("London (Ont.)"): "(SA)", "(IN)" are too often something else.
    if (m[0].startsWith('(') && (/^[A-Z]{2,3}$/.test(abbr) || !m[2] && !abbr.includes('.'))) continue;
    const clash = out.findIndex((x) => x.start < end && x.end > start);
    if (clash >= 0) {
      const x = out[clash]!;
      if (x.tokEnd - x.tokStart !== 1 || x.kind === 'chain') continue;
      out.splice(clash, 1);
    }
    const ti = toks.findIndex((x) => x.start >= start);
    out.push(mention('place', src, start, end, { [cc]: 1 }, 2.2, { tokStart: ti, tokEnd: ti + 1 }));
  }
  return out;
}
