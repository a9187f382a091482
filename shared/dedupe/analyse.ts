/**
 * Turns a tip into what the matcher compares: its normalised text and
 * SHA-256 (exact duplicates), its content words (stopwords and greeting /
 * thanks wrappers removed) with a flag for proper-noun capitalisation, and
 * its "strong" tokens — numbers, web and e-mail addresses, negation — that
 * must be identical for two tips to make the same claim.
 */
import { createHash } from 'node:crypto';
import { BOILERPLATE, CJK_COLOURS, COLOURS, NEGATIONS, NUMBER_WORDS, SIGN_OFFS, STOPWORDS, TLDS } from './lexicon.ts';
import { foldCase, majorityScript, normalise, prepare, type Script } from './normalise.ts';

export interface Analysis {
  /** normalise(text). */
  readonly normalised: string;
  /** SHA-256 (hex) of the normalised text. */
  readonly hash: string;
  /** Content words (case-folded) → true when written as a proper noun / acronym. */
  readonly words: ReadonlyMap<string, boolean>;
  /** Canonical strong tokens: `#number`, `~address`, `!neg`. */
  readonly strong: ReadonlySet<string>;
}

export const NEGATION_TOKEN = '!neg';

const EMAIL_RE = /[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,24}/uy;
const URL_RE =
  /(https?:\/\/)?(www\.)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+(\p{L}{2,24})(?::\d{1,5})?(?:\/[^\s<>"'|]*)?/uy;
/**
 * A numeric run: digit groups separated by spaces and punctuation, as in
 * "+33 4 55 55 01 87", "45.7640, 4.8357", "555-0187". Letters glued to digits
 * stay with them ("1980s", "12th").
 */
const NUMBER_RE =
  /(?:[\-\u2212\u2010\u2011\u2013](?=\d))?\d[\p{L}\p{N}]*(?:[\s.,:;\/\-\u2212\u2010\u2011\u2013()+]{1,8}\d[\p{L}\p{N}]*)*/uy;
const WORD_RE = /[\p{L}\p{M}\p{N}]+/uy;
const CONTINUOUS_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const RUNS_RE = /\p{N}+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}ー]+|[\p{L}\p{M}]+/gu;
/** Written both ways in addresses: "King St." / "King Street", "Hauptstr." / "Hauptstraße". */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['street', 'st'], ['road', 'rd'], ['avenue', 'ave'], ['saint', 'st'], ['strasse', 'str'], ['mount', 'mt'], ['square', 'sq'],
]);
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
const SENTENCE_END_RE = /[.!?…:;\n\p{Extended_Pictographic}。！？؟।]/u;
const CLAUSE_END_RE = /[,()\[\]{}"“”«»、，،]/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

interface RawToken {
  readonly segment: number;
  /** Canonical text: a case-folded word, or a strong token. */
  readonly text: string;
  readonly strong: boolean;
  readonly cap: boolean;
}

/**
 * Canonical form of a numeric run, insensitive to spacing and to which
 * punctuation separates digit groups (evasions and re-typing change those),
 * but keeping what changes a value: every digit in order, a single decimal
 * mark written between two digits ("1.5" ≠ "15"; several marks are group
 * separators), and a minus sign standing before a group ("-33.86" ≠ "33.86").
 */
function canonicalNumber(raw: string): string {
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
  if ((out.match(/\./g) ?? []).length > 1) out = out.replace(/\./g, '');
  return `#${out}`;
}

function canonicalAddress(raw: string): string {
  return (
    '~' +
    foldCase(raw)
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/[.,;:!?)\]}'"]+$/, '')
      .replace(/\/+$/, '')
  );
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
  let i = 0;
  const n = p.length;
  const tryAt = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(p);
    return m ? m[0] : null;
  };
  while (i < n) {
    const c = p[i]!;
    const prevIsWord = i > 0 && WORD_CHAR_RE.test(p[i - 1]!);
    if (!prevIsWord) {
      const email = tryAt(EMAIL_RE);
      if (email) {
        out.push({ segment, text: canonicalAddress(email), strong: true, cap: false });
        i += email.length;
        continue;
      }
      URL_RE.lastIndex = i;
      const url = URL_RE.exec(p);
      if (url && (url[1] || url[2] || TLDS.has(foldCase(url[3] ?? '')))) {
        out.push({ segment, text: canonicalAddress(url[0]), strong: true, cap: false });
        i += url[0].length;
        continue;
      }
      const num = (c >= '0' && c <= '9') || /[\-\u2212\u2010\u2011\u2013]/.test(c) ? tryAt(NUMBER_RE) : null;
      if (num) {
        out.push({ segment, text: canonicalNumber(num), strong: true, cap: false });
        i += num.length;
        continue;
      }
    }
    const word = tryAt(WORD_RE);
    if (word && CONTINUOUS_RE.test(word)) {
      // Chinese, Japanese, Thai… are written without spaces: a sentence is one "word". Numbers are
      // split out, a whole run that is a greeting stays one word, and the rest is compared as
      // overlapping character pairs, so one changed character changes two pairs, not the sentence.
      for (const run of word.match(RUNS_RE) ?? []) {
        const folded = foldCase(run, script);
        if (/^\p{N}+$/u.test(run)) out.push({ segment, text: `#${folded}`, strong: true, cap: false });
        else if (!CONTINUOUS_RE.test(run) || BOILERPLATE.has(folded) || Array.from(folded).length < 3) out.push({ segment, text: folded, strong: false, cap: false });
        else {
          const chars = Array.from(folded);
          for (let k = 0; k + 1 < chars.length; k++) out.push({ segment, text: chars[k]! + chars[k + 1]!, strong: false, cap: false });
          for (const c of chars) if (CJK_COLOURS.has(c)) out.push({ segment, text: `%${c}`, strong: true, cap: false });
        }
      }
      i += word.length;
      continue;
    }
    if (word) {
      const plain = foldCase(word, script);
      const folded = ABBREVIATIONS.get(plain) ?? plain;
      if (/\d/.test(word)) out.push({ segment, text: `#${folded}`, strong: true, cap: false });
      else if (NUMBER_WORDS.has(folded)) out.push({ segment, text: `#${NUMBER_WORDS.get(folded)}`, strong: true, cap: false });
      else if (NEGATIONS.has(folded)) out.push({ segment, text: NEGATION_TOKEN, strong: true, cap: false });
      else if (COLOURS.has(folded)) out.push({ segment, text: `%${folded}`, strong: true, cap: false });
      else {
        const first = String.fromCodePoint(word.codePointAt(0) ?? 32);
        const acronym = word.length >= 2 && !LOWER_RE.test(word);
        const cap = !shouting && UPPER_RE.test(first) && (acronym || !isSentenceStart(p, i));
        out.push({ segment, text: folded, strong: false, cap });
      }
      i += word.length;
      continue;
    }
    const cp = p.codePointAt(i) ?? 32;
    const ch = String.fromCodePoint(cp);
    if (SENTENCE_END_RE.test(ch) || CLAUSE_END_RE.test(ch)) segment++;
    i += ch.length;
  }
  return out;
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
  while (a < b && isWrapper(order[a]!)) a++;
  // Initials split by their full stops ("J. N.") belong to the signature before them.
  const isInitials = (k: number): boolean => (segments.get(order[k]!) ?? []).every((t) => !t.strong && Array.from(t.text).length <= 2);
  while (b > a && (isWrapper(order[b - 1]!) || (b - 1 > a && isSignature(b - 1)) || (b - 2 > a && isInitials(b - 1) && isSignature(b - 2)))) b--;
  if (a >= b) return [0, -1];
  return [order[a]!, order[b - 1]!];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A negation bound to what it negates: "vient de Lyon, pas de Lille" and
 * "vient de Lille, pas de Lyon" have the same words, but "!neg:lille" and
 * "!neg:lyon" are different claims. The scope is the first content word (or
 * number) after the negation in the same clause, within four tokens; words of
 * three letters or fewer are taken for articles and prepositions and skipped.
 */
function negationScope(tokens: readonly { segment: number; text: string; strong: boolean }[], k: number): string {
  const at = tokens[k]!;
  for (let j = k + 1; j < tokens.length && j <= k + 4; j++) {
    const t = tokens[j]!;
    if (t.segment !== at.segment) break;
    if (t.text === NEGATION_TOKEN) continue;
    // Articles and prepositions of any language ("pas de Lille", "no de España", "nicht aus Polen") are skipped by length.
    if (t.strong || (!STOPWORDS.has(t.text) && Array.from(t.text).length > 3)) return `${NEGATION_TOKEN}:${t.text.replace(/^[#~]/, '')}`;
  }
  return NEGATION_TOKEN;
}

export function analyse(text: string): Analysis {
  const script = majorityScript(text);
  const normalised = normalise(text, script);
  const tokens = tokenise(prepare(text, script), script);
  const [from, to] = contentRange(tokens);
  const words = new Map<string, boolean>();
  const strong = new Set<string>();
  tokens.forEach((t, k) => {
    if (t.segment < from || t.segment > to) return;
    if (t.text === NEGATION_TOKEN) strong.add(negationScope(tokens, k));
    else if (t.strong) strong.add(t.text);
    else if (!STOPWORDS.has(t.text)) words.set(t.text, (words.get(t.text) ?? false) || t.cap);
  });
  return { normalised, hash: sha256Hex(normalised), words, strong };
}
