/**
 * Turns a tip into what the matcher compares: its normalised text and
 * SHA-256 (exact duplicates), its content words (stopwords and greeting /
 * thanks wrappers removed) with a flag for proper-noun capitalisation, and
 * its "strong" tokens — numbers, web and e-mail addresses, negation — that
 * must be identical for two tips to make the same claim.
 */
import {
  CJK_COLOURS,
  CLOSING_SIGN_OFFS as SIGN_OFFS,
  CLOSING_WORDS as BOILERPLATE,
  COLOURS,
  CURRENCY_CODES,
  CURRENCY_NAMES,
  CURRENCY_SYMBOLS,
  FILLERS,
  GREETING_WORDS,
  HEDGES,
  MAGNITUDES,
  MONTHS,
  NEGATIONS,
  NUMBER_MARKS,
  NUMBER_WORDS,
  RUN_HEDGES,
  STOPWORDS,
  TLDS,
  TRACKING,
  weekdayOf,
} from './lexicon.ts';
import { editDistance } from '../edit-distance.ts';
import { GLUED_RE, PRICE_MARK, shiftDecimal } from './numbers.ts';
import { hash32, hex32, sha256Hex } from '../hash.ts';
import { RUN_NEGATIONS } from '../text/negations.ts';
import { foldCase, majorityScript, normalise, prepare, type Script } from '../text/normalise.ts';

export interface Analysis {
  /** normalise(text). */
  readonly normalised: string;
  /** SHA-256 (hex) of the normalised text. */
  readonly hash: string;
  /** Content words (case-folded) → true when written as a proper noun / acronym. */
  readonly words: ReadonlyMap<string, boolean>;
  /**
   * Canonical strong tokens: `#number`, `#12$` (a price: amount and currency class), `~address`,
   * `!neg:<what it negates>`, `%colour`, `@m3`/`@d1` (month, weekday), and `>a>b` (the order of the
   * proper nouns of one sentence: "first Lyon, then Geneva"; compared only when both tips have it).
   */
  readonly strong: ReadonlySet<string>;
}

export const NEGATION_TOKEN = '!neg';

const EMAIL_RE = /[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,24}/uy;
// Scheme and `www.` in any case: "HTTPS://WWW.SHOP.DE/…" is the same address.
// The path ends at CJK punctuation or letters ("…/item/m8374。価格は…"): a text without spaces glues
// its next sentence to the address; a shared address is copied percent-encoded.
const URL_RE =
  /([hH][tT][tT][pP][sS]?:\/\/)?([wW]{3}\.)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+(\p{L}{2,24})(?::\d{1,5})?(?:\/(?:(?![\u3000-\u303F\uFF00-\uFFEF\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[^\s<>"'|])*)?/uy;
/**
 * A numeric run: digit groups separated by spaces and punctuation, as in
 * "+33 4 55 55 01 87", "45.7640, 4.8357", "555-0187". Letters glued to digits
 * stay with them ("1980s", "12th").
 */
const NUMBER_RE =
  /(?:[\-\u2212\u2010\u2011\u2013](?=\d))?\d(?:(?![\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{N}])*(?:[\s.,:;\/\-\u2212\u2010\u2011\u2013()+]{1,8}\d(?:(?![\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{N}])*)*/uy;
/**
 * Korean, Chinese, Japanese and Thai glue particles and counters to a number ("3,000원이었어요",
 * "で1,500円"): the number stops before them and may start right after them, so "1,500" stays one number.
 */
const GLUED_SCRIPT_RE = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]+/uy;
/** A script written without spaces: its runs are compared as character pairs. */
export const CONTINUOUS_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const RUNS_RE = /\p{N}+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}ー]+|[\p{L}\p{M}]+/gu;
/** Written both ways in addresses: "King St." / "King Street", "Hauptstr." / "Hauptstraße". */
const STREET_TYPES: ReadonlyMap<string, string> = new Map([['street', 'st'], ['road', 'rd'], ['avenue', 'ave'], ['strasse', 'str'], ['square', 'sq']]);
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([...STREET_TYPES, ['saint', 'st'], ['mount', 'mt']]);
const STREET_TYPE_FORMS: ReadonlySet<string> = new Set(STREET_TYPES.values());
/** Marks a name that names a street ("Mound" of "Mound Road"): matched exactly, never as a typo. */
export const STREET_NAME_MARK = '=';

/**
 * A street type mistyped after a name ("Oxford Steet", "Mound Raod") is the street type: the word of
 * four letters or more one edit from one, with its first letter. The name before it is the distinctive
 * part (streetNames).
 */
function streetType(plain: string, prev: RawToken | undefined, segment: number): string | undefined {
  if (!prev || !prev.cap || prev.strong || prev.segment !== segment || Array.from(plain).length < 4) return undefined;
  for (const [full, short] of STREET_TYPES) if (full[0] === plain[0] && editDistance(plain, full, 1) <= 1) return short;
  return undefined;
}

/**
 * Names directly before a street type ("Mound Road", "Oxford St."): a one-letter change there is another
 * street ("Mound Road" / "Mount Road"), so the name is marked `=name` and never paired as a typo
 * (similarity.ts); the street type itself may carry one (streetType).
 */
function streetNames(tokens: readonly RawToken[], from: number, to: number, skip: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1]!;
    if (t.segment < from || t.segment > to || skip.has(k) || !t.cap || t.strong || STOPWORDS.has(t.text)) continue;
    if (next.segment === t.segment && !next.strong && STREET_TYPE_FORMS.has(next.text) && !STREET_TYPE_FORMS.has(t.text)) out.push(t.text);
  }
  return out;
}
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
// Unicode's Sentence_Terminal property holds every script's full stops (Armenian "։", Urdu "۔", …).
const SENTENCE_END_RE = /[.!?…:;\n\p{Extended_Pictographic}\p{Sentence_Terminal}]/u;
const CLAUSE_END_RE = /[,()\[\]{}"“”«»、，،]/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

interface RawToken {
  readonly segment: number;
  /** Sentence index (segments split at clause ends too). */
  readonly sentence: number;
  /** Canonical text: a case-folded word, or a strong token. */
  readonly text: string;
  readonly strong: boolean;
  readonly cap: boolean;
  /** Written as an abbreviation or an acronym ("str.", "c/", "LBC"). */
  readonly abbr?: boolean;
  /** Written with a capital initial at the start of a sentence (in a tip that does not shout). */
  readonly initial?: boolean;
  /** Written in capitals only ("LBC", "C&A"): a name wherever it stands. */
  readonly acronym?: boolean;
  /** Letters of another script glued into a run written without spaces: never a stopword. */
  readonly code?: boolean;
  /** A month name: the word it was read from (a date only next to a number). */
  readonly word?: string;
  /** Which space-delimited unit of the text the token was read from (the tokens of one unspaced run share it). */
  readonly unit?: number;
}

/**
 * Canonical form of a numeric run, insensitive to spacing and to which
 * punctuation separates digit groups (evasions and re-typing change those),
 * but keeping what changes a value: every digit in order, a single decimal
 * mark written between two digits ("1.5" ≠ "15"; several marks are group
 * separators), and a minus sign standing before a group ("-33.86" ≠ "33.86").
 */
const INTERNATIONAL_PREFIX_RE = /^00[1-9]\d{7,13}$/;
function canonicalNumber(raw: string, plus = false): string {
  const s = foldCase(raw);
  const chars = Array.from(s);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (/[\p{L}\p{N}]/u.test(c)) out += c;
    else if ((c === '.' || c === ',') && prev !== undefined && /\d/.test(prev) && next !== undefined && /\d/.test(next)) out += '.';
    else if (/[\-\u2212\u2010\u2011\u2013]/.test(c) && next !== undefined && /\d/.test(next) && (prev === undefined || !/[\p{L}\p{N}]/u.test(prev))) out += '-';
  }
  // Several marks are group separators ("33.4.55.55.01.87", "1.500.000"), not a decimal mark.
  // One or two zero decimals after an amount are the same value ("6,00" = "6", "25000.00" = "25000",
  // "1.000,00" = "1000"); three digits after a single mark may group thousands ("1.000"), and groups
  // of two digits are a phone number ("04.55.55.01.00"), so those stay.
  const zeroCents = /^(-?(?:\d+|\d{1,3}(?:\.\d{3})+))\.0{1,2}$/.exec(out);
  if (zeroCents) out = zeroCents[1]!.replace(/\./g, '');
  if ((out.match(/\./g) ?? []).length > 1) out = out.replace(/\./g, '');
  // "00" is the international call prefix of most countries (ITU-T E.164 Annex; "+" is written for
  // it): "0047 77 61 23 45" = "+47 77 61 23 45".
  if (INTERNATIONAL_PREFIX_RE.test(out)) {
    out = out.slice(2);
    plus = true;
  }
  // A number written with "+" (or "00") is an international phone number: numbers.ts may read it as the
  // national number it calls, and only then.
  return plus && /^\d+$/.test(out) ? `#+${out}` : `#${out}`;
}

/** Is `name` a tracking parameter on `host` (tidy-url's global, prefix, common and per-site lists)? */
function isTracking(name: string, host: string): boolean {
  const n = name.toLowerCase();
  if (TRACKING.global.has(n) || TRACKING.common.has(n) || TRACKING.prefixes.some((p) => n.startsWith(p))) return true;
  return TRACKING.sites.some((s) => s.params.has(n) && s.host.test(host));
}

/**
 * A web or e-mail address by its meaning: scheme, `www.`, host case, default port, fragment, trailing
 * slash and tracking parameters dropped, the other parameters sorted. The path and every identifying
 * query value (an item id) stay, digit for digit.
 */
export function canonicalAddress(raw: string): string {
  let s = raw.replace(/[.,;:!?)\]}'"]+$/, '');
  if (s.includes('@') && !s.includes('/')) return '~' + foldCase(s);
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (/^www\./i.test(s)) s = s.slice(4);
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash);
  const q = s.indexOf('?');
  let query = q >= 0 ? s.slice(q + 1) : '';
  let hostPath = q >= 0 ? s.slice(0, q) : s;
  const slash = hostPath.indexOf('/');
  const host = (slash >= 0 ? hostPath.slice(0, slash) : hostPath).toLowerCase().replace(/^www\./, '').replace(/:(80|443)$/, '');
  const path = slash >= 0 ? hostPath.slice(slash).replace(/\/+$/, '') : '';
  hostPath = host + path;
  const kept = query
    .split(/[&;]/)
    .filter((kv) => kv && !isTracking(kv.split('=')[0] ?? '', host))
    .sort();
  query = kept.join('&');
  return '~' + foldCase(hostPath + (query ? `?${query}` : ''));
}

/**
 * A price's amount: the last mark followed by one or two digits is the decimal mark, every other
 * mark groups thousands ("1.500,00" = "1,500" = "1500"); trailing decimal zeros go ("12.50" = "12,5").
 */
function priceAmount(raw: string): string {
  const digits = raw.replace(/[^\d.,]/g, '');
  const m = /[.,](\d{1,2})$/.exec(digits);
  const int = (m ? digits.slice(0, m.index) : digits).replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');
  const frac = (m?.[1] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

const CURRENCY_AFTER_RE = /^\s{0,4}(\p{Sc}+|[\p{L}]{1,3}\$|\p{L}[\p{L}\p{M}]*)/u;
// A symbol written in letters ("Rs. 4,200", "TSh 6500", "RM 38") as well as in signs and codes.
const CURRENCY_BEFORE_RE = /(\p{Sc}+|[\p{L}]{1,3}\$|\b[A-Z]{3}|(?<![\p{L}\p{M}])\p{L}{2,4}(?=\.?\s{0,2}$))\.?\s{0,4}$/u;
/** A compact number word after the digits, apart from them ("640 rb", "720 هزار", "3 тыс."). */
const COMPACT_AFTER_RE = /^\s{1,2}(\p{L}[\p{L}\p{M}]+)\.?(?![\p{L}\p{M}])/u;
/** Compact number words of scripts written without spaces, glued to digits ("4만8천", "1万2千"). */
const COMPACT_RUN_RE = /^([\p{Script=Hangul}\p{Script=Han}])(?:(\s?\d+)([\p{Script=Hangul}\p{Script=Han}])?)?/u;

const DMY_RE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const YMD_RE = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/;
const MY_RE = /^(\d{1,2})\/(\d{4})$/;
const YEARS_RE = /^(\d{4})\s?[\-\u2010\u2011\u2013]\s?(\d{4})$/;
const isYear = (y: string): boolean => Number(y) >= 1000 && Number(y) <= 2199;

/**
 * A date written in digits, as the tokens of the same date written in words ("27/02/2013" = "27 February
 * 2013" = `#27 @m2 #2013`; "10/2007" = "October 2007"; "2012-06-09"), and a range of years as its two
 * years ("2003–2006" = "from 2003 to 2006"). Day first unless the first number cannot be a month's day
 * but the second can ("12/25/2019"): a date read in the other order is only a missed duplicate, never a
 * merge, since both tips' tokens must still correspond.
 */
function dateParts(num: string): string[] | undefined {
  const day = (d: string): boolean => Number(d) >= 1 && Number(d) <= 31;
  const month = (m: string): boolean => Number(m) >= 1 && Number(m) <= 12;
  const dmy = DMY_RE.exec(num);
  if (dmy && isYear(dmy[4]!)) {
    const [a, b] = [dmy[1]!, dmy[3]!];
    if (day(a) && month(b)) return [`#${Number(a)}`, `@m${Number(b)}`, `#${dmy[4]}`];
    if (month(a) && day(b)) return [`#${Number(b)}`, `@m${Number(a)}`, `#${dmy[4]}`];
    return undefined;
  }
  const ymd = YMD_RE.exec(num);
  if (ymd && isYear(ymd[1]!) && month(ymd[3]!) && day(ymd[4]!)) return [`#${ymd[1]}`, `@m${Number(ymd[3])}`, `#${Number(ymd[4])}`];
  const my = MY_RE.exec(num);
  if (my && isYear(my[2]!) && month(my[1]!)) return [`@m${Number(my[1])}`, `#${my[2]}`];
  const years = YEARS_RE.exec(num);
  if (years && isYear(years[1]!) && isYear(years[2]!) && Number(years[1]) < Number(years[2])) return [`#${years[1]}`, `#${years[2]}`];
  return undefined;
}

/**
 * The number a run like "4만8천" spells, from the digits already read (`p` up to `at`) and the compact
 * words and digits after them: 4 × 10⁴ + 8 × 10³ = 48000. Only the words of scripts written without
 * spaces (Hangul, Han), where such a word glued to digits can be nothing else.
 */
function compactRun(p: string, at: number, script: Script): { value: string; length: number } | undefined {
  const m = COMPACT_RUN_RE.exec(p.slice(at, at + 16));
  const head = m ? MAGNITUDES.get(foldCase(m[1]!, script)) : undefined;
  if (!m || head === undefined) return undefined;
  const digits = /(\d+(?:[.,]\d+)?)$/.exec(p.slice(Math.max(0, at - 24), at));
  if (!digits) return undefined;
  const whole = shiftDecimal(digits[1]!.replace(',', '.'), head);
  if (whole.includes('.')) return undefined;
  let value = BigInt(whole);
  let length = 1;
  if (m[2]) {
    // Another amount of a smaller word ("8천", "2千"), or bare digits glued right after ("4만8000원"),
    // below the first word's unit; digits after a space are another number ("4만 2017년").
    const word = m[3] ? MAGNITUDES.get(foldCase(m[3], script)) : undefined;
    const tail = word ?? (/^\s/.test(m[2]) ? undefined : 0);
    const n = BigInt(m[2].trim());
    if (tail !== undefined && tail < head && n * 10n ** BigInt(tail) < 10n ** BigInt(head)) {
      value += n * 10n ** BigInt(tail);
      length += m[2].length + (word !== undefined ? 1 : 0);
    }
  }
  return { value: value.toString(), length };
}

/**
 * A currency written before the amount: a sign or a code ("€", "US$", "EUR"), or a symbol in letters
 * with a capital ("Rs.", "RM", "TSh") — never a currency's name or a function word ("Mark 5", "är 50").
 */
function currencyBefore(word: string, shouting: boolean): string | undefined {
  if (/^\p{L}+$/u.test(word) && !/^[A-Z]{3}$/.test(word)) {
    if (!/\p{Lu}/u.test(word) || STOPWORDS.has(foldCase(word)) || FILLERS.has(foldCase(word))) return undefined;
    return CURRENCY_SYMBOLS.get(word);
  }
  return currencyOf(word, !shouting);
}

/**
 * The currency class a symbol, ISO code or name stands for, if any. Codes only where capitals mean
 * something (not glued to the digits, not in a shouted text: "70ERN", "12 ALL").
 */
function currencyOf(word: string, codes: boolean): string | undefined {
  const folded = foldCase(word);
  return CURRENCY_SYMBOLS.get(word) ?? (codes && /^[A-Z]{3}$/.test(word) ? CURRENCY_CODES.get(word) : undefined) ?? CURRENCY_SYMBOLS.get(folded) ?? CURRENCY_NAMES.get(folded);
}

function isSentenceStart(p: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = p[i]!;
    if (c === ' ' || c === '"' || c === "'" || c === '“' || c === '(' || c === '«' || c === '-') continue;
    // A lone surrogate half: look at the whole code point.
    const cp = String.fromCodePoint(p.codePointAt(i > 0 && /[\uDC00-\uDFFF]/.test(c) ? i - 1 : i) ?? 32);
    return SENTENCE_END_RE.test(cp);
  }
  return true;
}

function tokenise(p: string, script: Script): RawToken[] {
  let upper = 0;
  let lower = 0;
  for (const c of p) {
    if (UPPER_RE.test(c)) upper++;
    else if (LOWER_RE.test(c)) lower++;
  }
  // A shouted text carries no proper-noun signal in its capitals.
  const shouting = upper + lower >= 8 && upper > 0.6 * (upper + lower);

  const out: RawToken[] = [];
  let segment = 0;
  let sentence = 0;
  let unit = 0;
  let i = 0;
  // Where the digits of a price begin whose currency symbol in letters is glued before them ("RM38").
  let currencyGlued = -1;
  const n = p.length;
  const tryAt = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(p);
    return m ? m[0] : null;
  };
  while (i < n) {
    const c = p[i]!;
    const prevIsWord = i > 0 && i !== currencyGlued && WORD_CHAR_RE.test(p[i - 1]!) && !(c >= '0' && c <= '9' && GLUED_SCRIPT_RE.test(p[i - 1]!));
    if (!prevIsWord) {
      const email = tryAt(EMAIL_RE);
      if (email) {
        out.push({ segment, sentence, text: canonicalAddress(email), strong: true, cap: false });
        i += email.length;
        continue;
      }
      URL_RE.lastIndex = i;
      const url = URL_RE.exec(p);
      if (url && (url[1] || url[2] || TLDS.has(foldCase(url[3] ?? '')))) {
        out.push({ segment, sentence, text: canonicalAddress(url[0]), strong: true, cap: false });
        i += url[0].length;
        continue;
      }
      const num = (c >= '0' && c <= '9') || /[\-\u2212\u2010\u2011\u2013]/.test(c) ? tryAt(NUMBER_RE) : null;
      if (num) {
        // A price: a currency symbol, ISO code or name before or after the amount ("€12", "EUR 12", "12 zł", "12 euros").
        let cls: string | undefined;
        let amount = num;
        let after = 0;
        const glued = GLUED_RE.exec(num);
        if (glued && (cls = currencyOf(glued[2]!, false))) amount = glued[1]!;
        if (!cls) {
          const b = CURRENCY_BEFORE_RE.exec(p.slice(Math.max(0, i - 10), i));
          if (b && (cls = currencyBefore(b[1]!, shouting))) {
            const prev = out.at(-1);
            if (prev && !prev.strong && prev.text === foldCase(b[1]!, script)) out.pop();
          }
        }
        if (!cls) {
          const a = CURRENCY_AFTER_RE.exec(p.slice(i + num.length, i + num.length + 24));
          if (a && (cls = currencyOf(a[1]!, !shouting))) after = a[0].length;
        }
        // A compact number word glued to the digits ("640rb", "5thousand") or written after them ("720
        // هزار", "3 тыс."), or a run of them in Hangul or Han ("4만8천"): the number it spells. Outside a
        // price only words of three letters or more count: a shorter one is as often a letter or an
        // abbreviation ("flat 12a", "12th"). Glued letters that are none stay part of the number ("1970s").
        let power: number | undefined;
        const compact = (w: string): number | undefined => {
          const pw = MAGNITUDES.get(foldCase(w, script));
          return pw !== undefined && (cls !== undefined || Array.from(w).length >= 3) ? pw : undefined;
        };
        if (glued && amount === num && (power = compact(glued[2]!)) !== undefined) amount = glued[1]!;
        const compound = glued ? undefined : compactRun(p, i + num.length, script);
        if (compound) after += compound.length;
        else if (power === undefined && after === 0 && !glued) {
          const spaced = COMPACT_AFTER_RE.exec(p.slice(i + num.length, i + num.length + 24));
          if (spaced && (power = compact(spaced[1]!)) !== undefined) {
            after = spaced[0].length;
            const a = cls ? null : CURRENCY_AFTER_RE.exec(p.slice(i + num.length + after, i + num.length + after + 24));
            if (a && (cls = currencyOf(a[1]!, !shouting))) after += a[0].length;
          }
        }
        const parts = cls || compound || power !== undefined ? undefined : dateParts(num);
        if (parts) {
          for (const text of parts) out.push({ segment, sentence, text, strong: true, cap: false });
          i += num.length + after;
          continue;
        }
        const value = compound?.value ?? (power !== undefined || cls ? shiftDecimal(priceAmount(amount), power ?? 0) : undefined);
        const text = cls ? `#${value}${PRICE_MARK}${cls.replace(/[\s|]/g, '')}` : value !== undefined ? `#${value}` : canonicalNumber(num, p[i - 1] === '+');
        out.push({ segment, sentence, text, strong: true, cap: false });
        i += num.length + after;
        continue;
      }
    }
    let word = tryAt(WORD_RE);
    // A number inside such a run is read whole by the number reader ("で1,500円" → 1500), from its first digit.
    if (word && CONTINUOUS_RE.test(word)) {
      const digit = word.search(/[0-9]/);
      if (digit > 0) word = word.slice(0, digit);
    }
    if (word && CONTINUOUS_RE.test(word)) {
      unit++;
      // Chinese, Japanese, Thai… are written without spaces: a sentence is one "word". Numbers are
      // split out, a whole run that is a greeting stays one word, and the rest is compared as
      // overlapping character pairs, so one changed character changes two pairs, not the sentence.
      for (const run of cutHedges(foldCase(word, script)).flatMap((piece) => piece.match(RUNS_RE) ?? [])) {
        const folded = foldCase(run, script);
        if (/^\p{N}+$/u.test(run)) out.push({ segment, sentence, text: `#${folded}`, strong: true, cap: false, unit });
        // Letters of another script glued into the run ("ไซส์M", "尺码XL") are a code or a name, not a
        // function word of the tip's language: distinctive like a proper noun, never a stopword.
        else if (!CONTINUOUS_RE.test(run)) out.push({ segment, sentence, text: folded, strong: false, cap: true, code: true, unit });
        else if (BOILERPLATE.has(folded) || Array.from(folded).length < 3) out.push({ segment, sentence, text: folded, strong: false, cap: false, unit });
        else {
          // Numerals are numbers, not characters of the text: "九十年代" and "90年代", "二零一八年" and
          // "２０１８年" keep the same pairs around them.
          for (const part of withoutNumerals(folded)) {
            const chars = Array.from(part);
            if (chars.length === 1) out.push({ segment, sentence, text: part, strong: false, cap: false, unit });
            for (let k = 0; k + 1 < chars.length; k++) out.push({ segment, sentence, text: chars[k]! + chars[k + 1]!, strong: false, cap: false, unit });
          }
          for (const c of Array.from(folded)) if (CJK_COLOURS.has(c)) out.push({ segment, sentence, text: `%${c}`, strong: true, cap: false, unit });
          for (const neg of runNegations(folded)) out.push({ segment, sentence, text: neg, strong: true, cap: false, unit });
          for (const value of hanNumbers(folded)) out.push({ segment, sentence, text: `#${value}`, strong: true, cap: false, unit });
        }
      }
      i += word.length;
      continue;
    }
    // A currency symbol in letters glued before the amount ("RM38", "Rp640rb"): the symbol is read as
    // a currency and the digits, from where they start, as its amount.
    const prefixed = word ? /^(\p{L}{1,4})\d/u.exec(word) : null;
    if (prefixed && currencyBefore(prefixed[1]!, shouting)) {
      i += prefixed[1]!.length;
      currencyGlued = i;
      continue;
    }
    if (word) {
      const plain = foldCase(word, script);
      const folded = ABBREVIATIONS.get(plain) ?? streetType(plain, out.at(-1), segment) ?? plain;
      if (/\d/.test(word)) out.push({ segment, sentence, text: `#${folded}`, strong: true, cap: false });
      else if (NUMBER_WORDS.has(folded)) out.push({ segment, sentence, text: `#${NUMBER_WORDS.get(folded)}`, strong: true, cap: false });
      else if (NEGATIONS.has(folded) || isCliticNegation(folded)) out.push({ segment, sentence, text: NEGATION_TOKEN, strong: true, cap: false });
      else if (COLOURS.has(folded)) out.push({ segment, sentence, text: `%${folded}`, strong: true, cap: false });
      else if (MONTHS.has(folded)) out.push({ segment, sentence, text: `@m${MONTHS.get(folded)}`, strong: true, cap: false, word: folded });
      else if (weekdayOf(folded) !== undefined) out.push({ segment, sentence, text: `@d${weekdayOf(folded)}`, strong: true, cap: false });
      else {
        const first = String.fromCodePoint(word.codePointAt(0) ?? 32);
        const acronym = word.length >= 2 && !LOWER_RE.test(word);
        const cap = !shouting && UPPER_RE.test(first) && (acronym || !isSentenceStart(p, i));
        // Written as an abbreviation: a short word closed by "." or "/" ("str.", "Whg.", "c/", "ул."),
        // or an acronym ("LBC"). It may pair with the word it abbreviates (similarity.ts).
        const mark = p[i + word.length];
        // Letters with case only: a caseless script (Korean, Hindi) has neither acronyms nor this use of ".".
        const cased = UPPER_RE.test(word) || LOWER_RE.test(word);
        const abbr = cased && ((!shouting && acronym && word.length <= 5) || ((mark === '.' || mark === '/') && Array.from(word).length <= 5));
        out.push({ segment, sentence, text: folded, strong: false, cap, initial: !shouting && UPPER_RE.test(first), ...(acronym ? { acronym } : {}), ...(abbr ? { abbr } : {}) });
      }
      i += word.length;
      continue;
    }
    const cp = p.codePointAt(i) ?? 32;
    const ch = String.fromCodePoint(cp);
    if (SENTENCE_END_RE.test(ch)) sentence++;
    if (SENTENCE_END_RE.test(ch) || CLAUSE_END_RE.test(ch)) segment++;
    i += ch.length;
  }
  // A month name is a date next to a number ("12 March", "März 2004"); alone it may be a name ("Marco", "June").
  return out.map((t, k) => {
    if (t.word === undefined) return t;
    const near = [out[k - 2], out[k - 1], out[k + 1], out[k + 2]].some((u) => u !== undefined && u.segment === t.segment && u.text.startsWith('#'));
    return near ? t : { segment: t.segment, sentence: t.sentence, text: t.word, strong: false, cap: false };
  });
}

/** A run without spaces with its hedges ("我觉得", "ถ้าจำไม่ผิด") cut out: the pieces around them. */
function cutHedges(run: string): string[] {
  let pieces = [run];
  for (const h of RUN_HEDGES) if (run.includes(h)) pieces = pieces.flatMap((p) => p.split(h));
  return pieces.filter(Boolean);
}

/**
 * Chinese and Japanese numerals (the Unihan kPrimaryNumeric values: 〇/零 0, 一…九, 两 2, 十 10, 百 100,
 * 千 1000, 万/萬 10⁴, 亿/億 10⁸) are numbers like digits: "十块钱" and "二十块钱" are different prices.
 */
const HAN_DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0], ['零', 0], ['一', 1], ['二', 2], ['两', 2], ['兩', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const HAN_UNITS: ReadonlyMap<string, number> = new Map([['十', 10], ['百', 100], ['千', 1000]]);
const HAN_MYRIADS: ReadonlyMap<string, number> = new Map([['万', 1e4], ['萬', 1e4], ['亿', 1e8], ['億', 1e8]]);

/** Every Han numeral character, from the tables above. */
const HAN_NUMERAL_CHARS = [...HAN_DIGITS.keys(), ...HAN_UNITS.keys(), ...HAN_MYRIADS.keys()].join('');
const HAN_NUMERALS_RE = new RegExp(`[${HAN_NUMERAL_CHARS}]+`, 'gu');
/** Han numerals, a 一 only beside another numeral (a lone 一 is mostly an article). */
const HAN_NUMBER_RUN_RE = new RegExp(`((?:[${HAN_NUMERAL_CHARS.replace('一', '')}]|一(?=[${HAN_NUMERAL_CHARS}])|(?<=[${HAN_NUMERAL_CHARS}])一)+)`, 'u');

/** A run without the Han numerals hanNumbers reads as numbers: the pieces around them (a lone 一 stays). */
function withoutNumerals(run: string): string[] {
  return run.split(HAN_NUMBER_RUN_RE).filter((piece, k) => piece !== '' && k % 2 === 0);
}

/** The values of the runs of Han numerals in a run ("二十" → 20, "一百零五" → 105, "二〇一九" → 2019). */
function hanNumbers(run: string): string[] {
  const out: string[] = [];
  for (const m of run.match(HAN_NUMERALS_RE) ?? []) {
    const chars = Array.from(m);
    // Digits only ("二〇一九"): read digit by digit, like a year.
    if (chars.every((c) => HAN_DIGITS.has(c))) {
      // A lone 一 is mostly an article ("一位", "一条": a, one), as "one" is in English: not a number.
      if (m === '一') continue;
      out.push(chars.length > 1 ? chars.map((c) => HAN_DIGITS.get(c)).join('') : String(HAN_DIGITS.get(chars[0]!)));
      continue;
    }
    let total = 0;
    let section = 0;
    let digit = -1;
    for (const c of chars) {
      if (HAN_DIGITS.has(c)) digit = HAN_DIGITS.get(c)!;
      else if (HAN_UNITS.has(c)) {
        section += (digit < 0 ? 1 : digit) * HAN_UNITS.get(c)!;
        digit = -1;
      } else {
        total += (section + Math.max(digit, 0) || 1) * HAN_MYRIADS.get(c)!;
        section = 0;
        digit = -1;
      }
    }
    out.push(String(total + section + Math.max(digit, 0)));
  }
  return out;
}

/** How far a negation in a run without spaces reaches: the negated thing ends its clause or follows within six characters. */
const RUN_SCOPE = 6;

/**
 * Negations inside a run of a script written without spaces, bound to what follows them in the run (the
 * run ends at the clause mark): "不是上海的，是杭州的" and "不是杭州的，是上海的" have the same character
 * pairs but negate different places, `!neg:上海的` / `!neg:杭州的`. Longest negation first at each place.
 */
function runNegations(run: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < run.length; ) {
    const neg = RUN_NEGATIONS.find((m) => run.startsWith(m, k));
    if (!neg) {
      k += run.codePointAt(k)! > 0xffff ? 2 : 1;
      continue;
    }
    k += neg.length;
    const after = Array.from(run.slice(k, k + 2 * RUN_SCOPE)).slice(0, RUN_SCOPE).join('');
    out.push(after ? `${NEGATION_TOKEN}:${after}` : NEGATION_TOKEN);
  }
  return out;
}

/**
 * Arabic and Hebrew write "and" / "so" as a one-letter proclitic glued to the next word: "وليس" (and
 * not), "فلا", "ולא" are negations too.
 */
function isCliticNegation(word: string): boolean {
  return /^[وفו]/u.test(word) && Array.from(word).length > 2 && NEGATIONS.has(word.slice(1));
}

/** Indices [from, to) of the segments that are not greeting / thanks wrappers. */
function contentRange(tokens: readonly RawToken[]): [number, number] {
  const segments = new Map<number, RawToken[]>();
  for (const t of tokens) {
    const list = segments.get(t.segment);
    if (list) list.push(t);
    else segments.set(t.segment, [t]);
  }
  const order = [...segments.keys()];
  const isWrapper = (seg: number): boolean =>
    (segments.get(seg) ?? []).every((t) => !t.strong && (BOILERPLATE.has(t.text) || STOPWORDS.has(t.text)));
  // A name signed under a sign-off ("Kind regards,\nSarah Whitfield", "Pozdrawiam,\nKasia"):
  // at most three plain words after a wrapper clause, at the very end.
  const isSignature = (k: number): boolean => {
    const list = segments.get(order[k]!) ?? [];
    if (list.length > 4 || list.some((t) => t.strong)) return false;
    if (list.length <= 3 && k > 0 && isWrapper(order[k - 1]!)) return true;
    // A sign-off and a name on one line: "Mvh Lena", "S pozdravem J. N.", "Thanks Tom" (capitals or initials only).
    const words = list.filter((t) => !STOPWORDS.has(t.text));
    return words.length >= 2 && words.length <= 3 && SIGN_OFFS.has(words[0]!.text) && words.slice(1).every((t) => t.cap || Array.from(t.text).length <= 2);
  };
  let a = 0;
  let b = order.length;
  // A salutation with its addressee opens the tip ("Estimados señores:", "Tisztelt Rendőrség!",
  // "Dear Sir,"): a greeting word and at most two more plain words, as a clause of its own.
  const isSalutation = (k: number): boolean => {
    const words = (segments.get(order[k]!) ?? []).filter((t) => !STOPWORDS.has(t.text));
    const list = segments.get(order[k]!) ?? [];
    // The addressee follows the greeting word directly: "Hi from Kraków" names a place, not an addressee.
    const next = list[list.indexOf(words[0]!) + 1];
    return words.length >= 2 && words.length <= 3 && GREETING_WORDS.has(words[0]!.text) && next === words[1] && words.every((t) => !t.strong);
  };
  while (a < b && isWrapper(order[a]!)) a++;
  if (a < b - 1 && isSalutation(a)) a++;
  // Initials split by their full stops ("J. N.") belong to the signature before them.
  const isInitials = (k: number): boolean => (segments.get(order[k]!) ?? []).every((t) => !t.strong && Array.from(t.text).length <= 2);
  while (b > a && (isWrapper(order[b - 1]!) || (b - 1 > a && isSignature(b - 1)) || (b - 2 > a && isInitials(b - 1) && isSignature(b - 2)))) b--;
  if (a >= b) return [0, -1];
  return [order[a]!, order[b - 1]!];
}

/**
 * A negation bound to what it negates: "vient de Lyon, pas de Lille" and
 * "vient de Lille, pas de Lyon" have the same words, but "!neg:lille" and
 * "!neg:lyon" are different claims. The scope is, in the same clause, the
 * first proper noun or distinctive token within six tokens after the
 * negation, else the first content word of more than three letters (articles and prepositions of any language are skipped by
 * length: "pas de Lille", "no de España", "nicht aus Polen"); with nothing
 * after it, the nearest such word before it ("Ankara değil, İstanbul").
 */
function negationScope(tokens: readonly RawToken[], k: number): string {
  const at = tokens[k]!;
  const scope = (t: RawToken): string => `${NEGATION_TOKEN}:${t.text.replace(/^[#~%@]/, '')}`;
  const plain = (t: RawToken): boolean => !STOPWORDS.has(t.text) && Array.from(t.text).length > 3;
  let first: RawToken | undefined;
  for (let j = k + 1; j < tokens.length && j <= k + 6; j++) {
    const t = tokens[j]!;
    if (t.segment !== at.segment) break;
    if (t.text === NEGATION_TOKEN) continue;
    if (t.strong || t.cap) return scope(t);
    if (!first && j <= k + 4 && plain(t)) first = t;
  }
  if (first) return scope(first);
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = tokens[j]!;
    if (t.segment !== at.segment) break;
    if (t.text !== NEGATION_TOKEN && (t.strong || t.cap || plain(t))) return scope(t);
  }
  return NEGATION_TOKEN;
}

/**
 * The order of the proper nouns of each sentence that names two or more: `>lyon:h1,geneve:h2`, where
 * h is a hash of the other words of the name's clause and its rank in it. "d'abord à Lyon, puis à
 * Genève" and "d'abord à Genève, puis à Lyon" give the same clause hashes to swapped names (another
 * claim); clauses reordered with their names ("X, the shop is Y" / "the shop is Y, X") keep each
 * name's hash (the same claim). See sequenceConflict in similarity.ts.
 */
/**
 * A name by its first five letters: an inflected name is the same name ("Գյումրիի" / "Գյումրիից",
 * "Gdańsku" / "Gdańsk"), so a swap of two inflected names is still a swap.
 */
const NAME_STEM = 5;
const nameStem = (t: RawToken): string => Array.from(t.text).slice(0, NAME_STEM).join('');

function sequences(tokens: readonly RawToken[], from: number, to: number): string[] {
  const bySentence = new Map<number, RawToken[]>();
  for (const t of tokens) {
    if (t.segment < from || t.segment > to) continue;
    const list = bySentence.get(t.sentence) ?? [];
    list.push(t);
    bySentence.set(t.sentence, list);
  }
  const out: string[] = [];
  const order = (list: readonly RawToken[], isName: (t: RawToken) => boolean, compact = false): void => {
    const names = list.filter((t) => isName(t) && !t.strong && !STOPWORDS.has(t.text));
    if (new Set(names.map(nameStem)).size < 2) return;
    const seen = new Set<string>();
    const parts: string[] = [];
    for (const n of names) {
      const stem = nameStem(n);
      if (seen.has(stem)) continue;
      seen.add(stem);
      const clause = list.filter((t) => t.segment === n.segment);
      const rank = clause.filter((t) => isName(t) && !t.strong).findIndex((t) => t === n);
      // The clause's own words, once each, less hedges ("chyba"). Function words around the names ("sa SM
      // Megamall sa Mandaluyong") say nothing of the clause's role when it has words of its own; a clause of
      // function words only is told by them: in "Saw this first in Leeds, then in York" they ("saw",
      // "then") are all that says which place came first. Its numbers, ordinals and other strong tokens
      // are its own words too: "First in Ghent, then in Bruges" says the order with an ordinal, and "Paid 5
      // in Ghent, 10 in Bruges" / "Paid 10 in Bruges, 5 in Ghent" move each amount with its place.
      // With no such word at all, its stopwords say it ("In Ghent, then Bruges").
      const plain = clause.filter((t) => !isName(t) && !t.strong && !HEDGES.has(t.text)).map((t) => t.text);
      const own = plain.filter((w) => !STOPWORDS.has(w));
      const content = [...own.filter((w) => !FILLERS.has(w)), ...clause.filter((t) => t.strong).map((t) => t.text)];
      const context = [...new Set(content.length > 0 ? content : own.length > 0 ? own : plain)].sort().join(' ');
      const role = hex32(hash32(`${context}#${rank}`));
      parts.push(compact ? `${hex32(hash32(stem)).slice(0, 4)}:${role.slice(0, 4)}` : `${stem}:${role.slice(0, 6)}`);
    }
    out.push('>' + parts.join(','));
  };
  const lists = [...bySentence.values()];
  for (const list of lists) order(list, (t) => t.cap);
  // Names in different sentences have roles too: "…, Lucknow wale store se. Kanpur ka nahi hai." and
  // "…, Kanpur wale store se. Lucknow ka nahi hai." swap them across sentences. So the whole tip is one
  // more list when names stand in two sentences or more; here a capital opening a sentence counts too
  // (the swapped name may open one), which is harmless: only names both tips hold, in the same clauses
  // but exchanged, make a conflict.
  // A function word opening a sentence ("This", "Αυτή") is not a name: the token must stay short, it
  // shares the fingerprint's bytes with the words.
  const initial = (t: RawToken): boolean => t.cap || (t.initial === true && !FILLERS.has(t.text));
  // Names hashed (4 hex digits each, for the name and its role): the token shares the fingerprint's
  // 256 bytes with the words, and a longer one pushed a Greek tip into a sample that lost its match.
  if (lists.filter((l) => l.some((t) => initial(t) && !t.strong && !STOPWORDS.has(t.text))).length >= 2) order(lists.flat(), initial, true);
  return out;
}

/**
 * A greeting or a sign-off run into the claim without punctuation ("Guten Tag The towel is…",
 * "…brought one home Thanks", "…home Cheers Tom"): the leading run of greeting words of the first
 * content clause, and the trailing run of closing words of the last (with a name of one or two
 * capitalised words after a sign-off word), when the clause keeps three tokens of its own.
 */
function unpunctuatedWrappers(tokens: readonly RawToken[], from: number, to: number): Set<number> {
  const skip = new Set<number>();
  const first: number[] = [];
  const kept: number[] = [];
  tokens.forEach((t, k) => {
    if (t.segment === from) first.push(k);
    if (t.segment >= from && t.segment <= to) kept.push(k);
  });
  // A greeting word opens the run; addressees and function words may follow it ("Dear team I saw…").
  let a = 0;
  const wrapper = (k: number): boolean => !tokens[k]!.strong && (GREETING_WORDS.has(tokens[k]!.text) || (a > 0 && (BOILERPLATE.has(tokens[k]!.text) || STOPWORDS.has(tokens[k]!.text))));
  while (a < first.length && wrapper(first[a]!)) a++;
  if (a > 0 && first.length - a >= 3) for (const k of first.slice(0, a)) skip.add(k);
  // From the end of the kept tokens, across clause marks (an entity or a stray comma may split them).
  let b = kept.length;
  const noCaps = !tokens.some((t) => t.cap);
  for (const n of [2, 1]) {
    const name = kept.slice(b - n);
    const before = kept[b - n - 1];
    if (b - n - 1 >= 0 && name.every((k) => (noCaps || tokens[k]!.cap) && !tokens[k]!.strong) && before !== undefined && SIGN_OFFS.has(tokens[before]!.text)) {
      b -= n;
      break;
    }
  }
  const end = b;
  while (b > 0 && !tokens[kept[b - 1]!]!.strong && (BOILERPLATE.has(tokens[kept[b - 1]!]!.text) || STOPWORDS.has(tokens[kept[b - 1]!]!.text))) b--;
  // Only a run that holds a closing word (not just trailing function words), leaving a claim behind.
  const run = kept.slice(b);
  if (b >= 3 && (end < kept.length || run.some((k) => BOILERPLATE.has(tokens[k]!.text) && !STOPWORDS.has(tokens[k]!.text)))) for (const k of run) skip.add(k);
  return skip;
}

/** A separator line of a forwarded message: "---------- Forwarded message ---------", "-----Original Message-----", "-----". */
const SEPARATOR_RE = /^\s*[-_=—–]{3,}/u;
/** A mail header line: a short label and a colon ("From: anon", "Betreff: Hemd", "Fwd: 情報提供"). */
const HEADER_RE = /^\s*\p{L}[\p{L}\p{M} .\-]{0,24}:(?:\s|$)/u;

/**
 * What a mail client adds when a tip is forwarded or quoted, found by its layout, not by its words:
 * separator lines, the header block that follows one (label-and-colon lines up to a blank line), the
 * "…wrote:" line that opens a quoted block, and the quote marks (">") of the block's lines.
 */
export function stripForwarding(p: string): string {
  if (!p.includes('\n')) return p;
  const lines = p.split('\n');
  const out: string[] = [];
  let inHeader = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (SEPARATOR_RE.test(line)) {
      inHeader = true;
      continue;
    }
    if (inHeader) {
      if (line.trim() === '') {
        inHeader = false;
        out.push(line);
        continue;
      }
      if (HEADER_RE.test(line)) continue;
      inHeader = false;
    }
    const quoted = /^\s*>/.test(line);
    const body = line.replace(/^\s*(?:>\s?)+/, '');
    // The attribution line opening a quoted block: it ends with a colon and quoted lines follow.
    const next = lines[k + 1];
    if (body.trimEnd().endsWith(':') && next !== undefined && /^\s*>/.test(next) && (quoted || k === 0 || lines[k - 1]!.trim() === '')) continue;
    out.push(body);
  }
  return out.join('\n');
}

/**
 * A one-letter word elided by an apostrophe before a small letter ("I'm", "I've", "I'd"): its capital is
 * the pronoun's, not a name's. Lowered before the apostrophe is dropped ("Im" would read as a name);
 * "L'Aquila", "O'Brien", "d'Ivoire" keep theirs, a capital following the apostrophe.
 */
const ELIDED_CAPITAL_RE = /(?<![\p{L}\p{M}\p{N}])(\p{Lu})(?=['’ʼ]\p{Ll})/gu;

/**
 * Tokens whose capital only opens the content: the first word after a greeting clause that was dropped
 * ("Good evening, Cupboards like this…") starts the tip as a sentence would. Acronyms stay names.
 */
function openingCapital(tokens: RawToken[], from: number): void {
  if (from === 0) return;
  const k = tokens.findIndex((t) => t.segment >= from);
  const t = tokens[k];
  if (t && t.segment === from && t.cap && !t.acronym && !t.strong) tokens[k] = { ...t, cap: false };
}

const escapeClass = (marks: string): string => marks.replace(/[\\\]\[^-]/g, '\\$&');
/** A decimal mark of another locale between two digits ("٧٫٥"). */
const LOCALE_DECIMAL_RE = NUMBER_MARKS.decimal ? new RegExp(`(?<=\\d)[${escapeClass(NUMBER_MARKS.decimal)}](?=\\d)`, 'gu') : null;
/**
 * A group mark of another locale ("1'299.00", "١٢٬٥٠٠"): only before exactly three digits, so "5'10"
 * (feet and inches) stays two numbers.
 */
const LOCALE_GROUP_RE = NUMBER_MARKS.group ? new RegExp(`(?<=\\d)[${escapeClass(NUMBER_MARKS.group)}](?=\\d{3}(?!\\d))`, 'gu') : null;

/** The number marks of every CLDR locale as the number reader knows them: "." for a decimal mark, "," for a group mark. */
export function foldNumberMarks(p: string): string {
  let s = p;
  if (LOCALE_DECIMAL_RE) s = s.replace(LOCALE_DECIMAL_RE, '.');
  if (LOCALE_GROUP_RE) s = s.replace(LOCALE_GROUP_RE, ',');
  return s;
}

/**
 * Marks a negation that stands in the tip's leading clause: `<!<what it negates>=<the clause's words,
 * joined by +>` (see similarity.ts); `<^=…` and `<$=…` list the words of a first or last clause that may
 * be a wrapper (edgeClauses). In a stored entry the words carry a one-byte flag instead (fingerprint.ts).
 */
export const LEAD_MARK = '<';
/** The most content words a leading stance clause holds (character pairs: a run of 16 characters). */
const LEAD_WORDS = 8;
const LEAD_PAIRS = 15;

/**
 * The tokens of the tip's leading clause when it holds a negation and is a stance, not a fact: the first content clause of
 * a tip that goes on after it (the first space-delimited run of an unspaced script, "ถ้าจำไม่ผิด …",
 * when the clause is the whole sentence), holding no number, address, colour, date or name. "Si je
 * ne me trompe pas, …", "אם אני לא טועה, …", "如果我没记错的话，…" open a tip this way; a claim's own
 * negation ("…, not Bruges, …") stands after what it corrects.
 */
function leadingClause(tokens: readonly RawToken[], from: number, to: number, skip: ReadonlySet<number>): Set<number> {
  const kept: number[] = [];
  tokens.forEach((t, k) => {
    if (t.segment >= from && t.segment <= to && !skip.has(k)) kept.push(k);
  });
  const first = tokens[kept[0] ?? -1];
  if (!first) return new Set();
  let clause = kept.filter((k) => tokens[k]!.segment === first.segment);
  // One clause for the whole tip: an unspaced run opening it is the clause, if more follows in the clause.
  if (clause.length === kept.length) {
    if (first.unit === undefined) return new Set();
    clause = kept.filter((k) => tokens[k]!.unit === first.unit);
    if (clause.length === kept.length) return new Set();
  }
  const negation = (t: RawToken): boolean => t.text === NEGATION_TOKEN || t.text.startsWith(`${NEGATION_TOKEN}:`);
  if (clause.some((k) => (tokens[k]!.strong && !negation(tokens[k]!)) || tokens[k]!.cap)) return new Set();
  // A stance is short: a longer clause may be a claim of its own.
  const words = clause.filter((k) => !tokens[k]!.strong && !STOPWORDS.has(tokens[k]!.text));
  if (words.length > (first.unit === undefined ? LEAD_WORDS : LEAD_PAIRS) || !clause.some((k) => negation(tokens[k]!))) return new Set();
  return new Set(clause);
}

/** The most content words (character pairs) of a first or last clause that may be a wrapper. */
const EDGE_WORDS = 3;
const EDGE_PAIRS = 5;
const CASED_RE = /[\p{Lu}\p{Ll}]/u;

/**
 * The words of the tip's first and of its last content clause, each when it may be a greeting, thanks or
 * sign-off the data does not list ("Bună seara,", "Magandang araw po!", "سلام وقت بخیر"): a clause of its
 * own (the tip has two or more), of at most three words, without a number, address, colour, date,
 * negation or name. Where capitals mean nothing (a cased text without them, in small letters or
 * shouted) a name cannot be told from a word, so only a caseless clause qualifies there: "hi from kraków"
 * stays distinctive. The markers are `<^=words` (first clause) and `<$=words` (last); similarity.ts drops
 * the words when the other tip has none of them and nothing of its own left over.
 */
function edgeClauses(tokens: readonly RawToken[], from: number, to: number, skip: ReadonlySet<number>): ['^' | '$', string[]][] {
  const bySegment = new Map<number, RawToken[]>();
  tokens.forEach((t, k) => {
    if (t.segment < from || t.segment > to || skip.has(k)) return;
    const list = bySegment.get(t.segment) ?? [];
    list.push(t);
    bySegment.set(t.segment, list);
  });
  const order = [...bySegment.keys()];
  if (order.length < 2) return [];
  const capitals = tokens.some((t) => t.cap);
  const out: ['^' | '$', string[]][] = [];
  for (const [at, seg] of [['^', order[0]!], ['$', order.at(-1)!]] as const) {
    const list = bySegment.get(seg)!;
    if (list.some((t) => t.strong || t.cap || t.code)) continue;
    const words = [...new Set(list.filter((t) => !STOPWORDS.has(t.text) && !HEDGES.has(t.text)).map((t) => t.text))];
    const pairs = words.some((w) => CONTINUOUS_RE.test(w));
    if (words.length === 0 || words.length > (pairs ? EDGE_PAIRS : EDGE_WORDS)) continue;
    if (!capitals && words.some((w) => CASED_RE.test(w))) continue;
    out.push([at, words]);
  }
  return out;
}

/**
 * Character pairs of an unspaced run written back as the run ("ถ้", "้า", "าจ" → "ถ้าจ"): a marker
 * holds the run in a third of the bytes. Other words stay as they are. See splitPairs.
 */
function joinPairs(words: readonly string[]): string[] {
  const out: string[] = [];
  let last = '';
  for (const w of words) {
    const c = Array.from(w);
    const pair = c.length === 2 && CONTINUOUS_RE.test(w);
    const prev = Array.from(out.at(-1) ?? '');
    if (pair && last !== '' && prev.at(-1) === c[0]) out[out.length - 1] += c[1]!;
    else out.push(w);
    last = pair ? w : '';
  }
  return out;
}

/** The words a marker lists: a run of an unspaced script back to its character pairs (see joinPairs). */
export function splitPairs(piece: string): string[] {
  const c = Array.from(piece);
  if (c.length < 3 || !CONTINUOUS_RE.test(piece)) return [piece];
  return c.slice(1).map((x, k) => c[k]! + x);
}

export function analyse(text: string): Analysis {
  const script = majorityScript(text);
  const normalised = normalise(text, script);
  const tokens = tokenise(foldNumberMarks(stripForwarding(prepare(text.replace(ELIDED_CAPITAL_RE, (c) => c.toLowerCase()), script))), script);
  const [from, to] = contentRange(tokens);
  openingCapital(tokens, from);
  const skip = unpunctuatedWrappers(tokens, from, to);
  const words = new Map<string, boolean>();
  const strong = new Set<string>();
  const lead = leadingClause(tokens, from, to, skip);
  // The clause's own words, which the marker lists (they are dropped with the clause, similarity.ts).
  const leadWords = new Set([...lead].map((k) => tokens[k]!).filter((t) => !t.strong && !STOPWORDS.has(t.text) && !HEDGES.has(t.text)).map((t) => t.text));
  tokens.forEach((t, k) => {
    if (t.segment < from || t.segment > to || skip.has(k)) return;
    if (t.text === NEGATION_TOKEN || t.text.startsWith(`${NEGATION_TOKEN}:`)) {
      const neg = t.text === NEGATION_TOKEN ? negationScope(tokens, k) : t.text;
      strong.add(neg);
      if (lead.size > 0 && lead.has(k) && neg !== NEGATION_TOKEN) strong.add(`${LEAD_MARK}!${neg.slice(NEGATION_TOKEN.length + 1)}=${joinPairs([...leadWords]).join('+')}`);
    } else if (t.strong) strong.add(t.text);
    else if (t.code || (!STOPWORDS.has(t.text) && !HEDGES.has(t.text))) {
      words.set(t.text, (words.get(t.text) ?? false) || t.cap);
      if (t.abbr) strong.add(`.${t.text}`);
    }
  });
  for (const seq of sequences(tokens, from, to)) strong.add(seq);
  for (const name of streetNames(tokens, from, to, skip)) if (words.get(name)) strong.add(`${STREET_NAME_MARK}${name}`);
  for (const [at, edge] of edgeClauses(tokens, from, to, skip)) strong.add(`${LEAD_MARK}${at}=${joinPairs(edge).join('+')}`);
  return { normalised, hash: sha256Hex(normalised), words, strong };
}
