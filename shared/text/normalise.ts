/**
 * Text normalisation that defeats the usual evasions of a duplicate filter:
 * compatibility forms (fullwidth, ligatures, math letters), invisible and
 * format characters, HTML entities, homoglyphs from other scripts, case,
 * diacritics, whitespace and punctuation. Pure and synchronous; the input is
 * never modified (strings are immutable) and the stored tip keeps its text.
 */
import { CONFUSABLES, HTML_ENTITIES, LETTER_FOLDS } from './tables.ts';

const ENTITY_RE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;
/** Named entities accepted without the closing semicolon (browsers do the same). */
const LEGACY_NO_SEMI = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);

function codePointOrEmpty(cp: number): string {
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '';
  return String.fromCodePoint(cp);
}

/** Decodes named and numeric HTML entities, repeatedly (up to 3 levels of `&amp;` nesting). */
export function decodeEntities(text: string): string {
  let s = text;
  for (let i = 0; i < 4 && s.includes('&'); i++) {
    const next = s.replace(ENTITY_RE, (m: string, hex?: string, dec?: string, name?: string) => {
      if (hex !== undefined) return codePointOrEmpty(parseInt(hex, 16));
      if (dec !== undefined) return codePointOrEmpty(parseInt(dec, 10));
      if (name !== undefined) {
        const v = HTML_ENTITIES.get(name);
        if (v === undefined) return m;
        if (!m.endsWith(';') && !LEGACY_NO_SEMI.has(name)) return m;
        return v;
      }
      return m;
    });
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Invisible characters removed outright (they must not split a word):
 * format characters (zero-width space/joiners, soft hyphen, bidi embeddings,
 * overrides and isolates, word joiner, BOM, tag characters), variation
 * selectors, the combining grapheme joiner, Hangul fillers, the Khmer
 * invisible vowels, Mongolian free variation selectors and the braille blank.
 */
// Also the Arabic tatweel (kashida, U+0640), which stretches a word without changing it ("البطــانية"),
// and the numero sign, which NFKC would turn into the word "No" ("школа № 57").
const INVISIBLE_RE =
  /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFFA0\uFE00-\uFE0F\u2800\u0640\u2116\u{E0100}-\u{E01EF}]/gu;
/** Control characters and every Unicode space become a plain space, except line breaks (they end a clause: a signature line). */
const SPACE_RE = /[^\S\n]|[\p{Cc}\p{Z}](?<!\n)/gu;
const LINE_BREAK_RE = /\r\n?|[\u2028\u2029\u0085\v\f]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(LINE_BREAK_RE, '\n').replace(SPACE_RE, ' ');
}

const CONFUSABLE_RE = new RegExp(`[${Array.from(CONFUSABLES.keys()).join('')}]`, 'gu');

/** Latin letter → the Greek or Cyrillic lookalike it imitates in a text written in that script. */
const REVERSE: Record<'greek' | 'cyrillic', ReadonlyMap<string, string>> = (() => {
  const greek = new Map<string, string>();
  const cyrillic = new Map<string, string>();
  for (const [from, to] of CONFUSABLES) {
    if (/\p{Script=Greek}/u.test(from) && !greek.has(to)) greek.set(to, from);
    if (/\p{Script=Cyrillic}/u.test(from) && !cyrillic.has(to)) cyrillic.set(to, from);
  }
  return { greek, cyrillic };
})();
/** Latin letters that are confusables of other Latin letters (small capitals, "ɑ", long s). */
const LATIN_SELF_CONFUSABLE_RE = new RegExp(
  `[${Array.from(CONFUSABLES.keys())
    .filter((c) => /\p{Script=Latin}/u.test(c))
    .join('')}]`,
  'gu',
);
/** Confusables that compatibility decomposition changes (lunate sigma "ϲ", "Ϲ"). */
const COMPAT_CONFUSABLE_RE = new RegExp(
  `[${Array.from(CONFUSABLES.keys())
    .filter((c) => c.normalize('NFKD') !== c)
    .join('')}]`,
  'gu',
);
// Letters only: a symbol of a script's block ("𝈀", Greek musical notation) is dropped by normalise and must not decide the script.
const GREEK_RE = /(?=\p{L})\p{Script=Greek}/gu;
const CYRILLIC_RE = /(?=\p{L})\p{Script=Cyrillic}/gu;
const LATIN_RE = /(?=\p{L})\p{Script=Latin}/gu;
const LATIN_LOOKALIKE_RE = /[A-Za-z]/g;

/**
 * Greek or Cyrillic when one letter in twelve is of that script and does not
 * look like Latin ones (λ, π, ж, я…): a Latin sentence spoofed with lookalikes
 * has none, a real Greek or Russian sentence has many.
 */
export type Script = 'latin' | 'greek' | 'cyrillic';

const GREEK_OR_CYRILLIC = /[\u0370-\u03FF\u0400-\u052F\u1F00-\u1FFF]/;
const WORD_RE = /[\p{L}\p{M}]+/gu;

export function majorityScript(raw: string): Script {
  // Decided on the text as it reads: letters written as entities ("&#97;", also in fullwidth digits)
  // count as letters, and invisible characters do not split words.
  const ascii = raw.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const text = stripInvisible(ascii.includes('&') ? decodeEntities(ascii) : ascii);
  if (!GREEK_OR_CYRILLIC.test(text)) return 'latin';
  // Base letters only, so composed "ά" and decomposed "α + ́" count alike.
  // Compatibility forms ("ﬁ") split and Latin letters that imitate other Latin letters ("ɑ" → "a") folded,
  // as normalise() will fold them: otherwise its output could be judged another script than its input,
  // and normalise would not be idempotent.
  // Lookalikes that NFKD would turn into another script's own letters (lunate sigma "ϲ" → "σ") count as the
  // Latin letter they imitate, as skeleton() maps them before NFKC: "kitϲhen" is a spoofed Latin word.
  const base = text.replace(COMPAT_CONFUSABLE_RE, (c) => CONFUSABLES.get(c) ?? c).normalize('NFKD').replace(DIACRITIC_RE, '').replace(LATIN_SELF_CONFUSABLE_RE, (c) => CONFUSABLES.get(c) ?? c);
  const letters = (base.match(LATIN_RE)?.length ?? 0) + (base.match(GREEK_RE)?.length ?? 0) + (base.match(CYRILLIC_RE)?.length ?? 0);
  const own = (re: RegExp): number => (base.match(re) ?? []).filter((c) => !CONFUSABLES.has(c)).length;
  const greek = own(GREEK_RE);
  const cyrillic = own(CYRILLIC_RE);
  // Words too: a Latin sentence wrapped in a Russian greeting and sign-off has more words with a Latin
  // letter that script cannot imitate (f, g, u, v, z, L… for Cyrillic) or only Latin letters than words
  // of its own, while a Greek or Russian text spoofed with Latin lookalikes ("Tα σπίpτα") has few.
  const words = base.match(WORD_RE) ?? [];
  const ownWords = (re: RegExp): number => words.filter((w) => [...w].some((c) => !CONFUSABLES.has(c) && re.test(c))).length;
  const latinWords = (reverse: ReadonlyMap<string, string>): number =>
    words.filter((w) => [...w].some((c) => /\p{Script=Latin}/u.test(c) && !reverse.has(c)) || (w.length >= 2 && /^\p{Script=Latin}+$/u.test(w))).length;
  if (greek >= 2 && greek >= 0.08 * letters && greek >= cyrillic && ownWords(/\p{Script=Greek}/u) >= latinWords(REVERSE.greek)) return 'greek';
  if (cyrillic >= 2 && cyrillic >= 0.08 * letters && ownWords(/\p{Script=Cyrillic}/u) >= latinWords(REVERSE.cyrillic)) return 'cyrillic';
  return 'latin';
}

/**
 * Maps homoglyphs to one script (case kept). In a text written mostly in
 * Latin letters, Cyrillic and Greek lookalikes become the Latin letter they
 * imitate ("Hоtеl" → "Hotel"); in a Greek or Cyrillic text, Latin lookalikes
 * become that script's letter instead ("Mυτιλήvης" → "Μυτιλήνης"), so a tip in
 * capitals and the same tip in small letters fold alike (Greek capital Η looks
 * like H, its small η like n).
 */
export function skeleton(text: string, script: Script = majorityScript(text)): string {
  if (script === 'latin') return text.replace(CONFUSABLE_RE, (c) => CONFUSABLES.get(c) ?? c);
  const reverse = REVERSE[script];
  return text.replace(LATIN_LOOKALIKE_RE, (c) => reverse.get(c) ?? c);
}

/** Combining marks removed for matching: the generic diacritic blocks only, so Indic and Arabic vowel signs survive. */
const DIACRITIC_RE = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;
const LETTER_FOLD_RE = new RegExp(`[${Array.from(LETTER_FOLDS.keys()).join('')}]`, 'gu');

export function foldDiacritics(text: string): string {
  return foldDigits(
    text
      .normalize('NFD')
      .replace(DIACRITIC_RE, '')
      .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS.get(c) ?? c)
      .normalize('NFC'),
  );
}

const NON_ASCII_DIGIT_RE = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT_RE = /^\p{Nd}$/u;

/**
 * The decimal digits of every script (Bengali ১২০০, Thai ๑๒๐๐, Arabic-Indic, Devanagari…) as ASCII digits,
 * so numbers, prices and years are read alike in any script. Unicode encodes each script's decimal digits
 * (General_Category Nd) as one contiguous run from 0 to 9 (a stability guarantee of the standard), so a
 * digit's value is its distance from the start of its run, modulo 10 (some blocks hold several runs back
 * to back): no table to maintain.
 */
export function foldDigits(text: string): string {
  if (!NON_ASCII_DIGIT_RE.test(text)) return text;
  NON_ASCII_DIGIT_RE.lastIndex = 0;
  return text.replace(NON_ASCII_DIGIT_RE, (d) => {
    const cp = d.codePointAt(0)!;
    let back = 0;
    while (DECIMAL_DIGIT_RE.test(String.fromCodePoint(cp - back - 1))) back++;
    return String(back % 10);
  });
}

/** Apostrophes inside words are dropped: "don't" → "dont", "it’s" → "its". */
const APOSTROPHE_RE = /(?<=[\p{L}\p{N}])['’ʼ‘`´′](?=\p{L})/gu;

/**
 * Every step except case folding and punctuation folding: the form from
 * which distinctive tokens (proper nouns, numbers, web addresses) are read,
 * because capitalisation and separators still carry information there.
 */
export function prepare(text: string, script: Script = majorityScript(text)): string {
  // Entities first, so their own Latin letters ("&#x43C;", "&nbsp;") are not mapped to Greek or Cyrillic
  // lookalikes in a text of that script; then homoglyphs before NFKC, which would turn some (lunate sigma
  // "ϲ") into letters that no longer look Latin. Fullwidth entities ("＆＃９７；") are decoded after NFKC.
  let s = skeleton(decodeEntities(stripInvisible(text)), script).normalize('NFKC');
  s = stripInvisible(s);
  s = decodeEntities(s).normalize('NFKC');
  s = stripInvisible(s);
  s = skeleton(s, script);
  s = foldDiacritics(s);
  s = skeleton(s, script);
  return s.replace(APOSTROPHE_RE, '');
}

/** Full case folding for matching (the confusable and diacritic folds are re-applied to the lowered form). */
export function foldCase(text: string, script: Script = majorityScript(text)): string {
  return foldDiacritics(skeleton(text.toLowerCase(), script)).toLowerCase();
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
const KEEP_RE = /[\p{L}\p{N}\p{M}\p{Sc}%]/u;
const DIGIT_SEPARATORS = new Set(['.', ',', ':', '/']);
const MINUS_SIGNS = new Set(['-', '\u2212', '\u2010', '\u2011', '\u2013']);

/**
 * Folds punctuation and whitespace: letters, digits, marks, currency signs
 * and `%` are kept; a separator between two digits becomes `.` (so "1.5"
 * and "15" stay different); a minus sign before a number that does not
 * follow a word character is kept (so "-33.86" and "33.86" stay different);
 * everything else becomes one space.
 */
export function foldPunctuation(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (KEEP_RE.test(c)) out += c;
    else if (DIGIT_SEPARATORS.has(c) && isDigit(prev) && isDigit(next)) out += '.';
    else if (MINUS_SIGNS.has(c) && isDigit(next) && !isWordChar(prev) && !DIGIT_SEPARATORS.has(prev ?? '')) out += '-';
    else out += ' ';
  }
  return out.replace(/ +/g, ' ').trim();
}

/**
 * The matching form of a tip: NFKC, invisibles removed, entities decoded,
 * homoglyphs mapped to a Latin skeleton, diacritics and case folded,
 * punctuation and whitespace folded. Idempotent: normalise(normalise(x)) === normalise(x).
 */
export function normalise(text: string, script: Script = majorityScript(text)): string {
  // One script decision for the whole text (the default parameter), from the text as written: a word on
  // its own, or the text after its accents are folded, can look different ("ΕΤΙΚΕΤΑ" is all Latin lookalikes).
  let s = foldPunctuation(foldCase(prepare(text, script), script));
  // Case folding or NFKC can, for a handful of code points, produce a form
  // that folds further; iterate to the fixed point (one extra pass at most in practice).
  for (let i = 0; i < 3; i++) {
    const again = foldPunctuation(foldCase(prepare(s, script), script));
    if (again === s) break;
    s = again;
  }
  return s;
}
