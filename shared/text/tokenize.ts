import { fold } from './fold.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  folded: string;
  /** First letter is upper-case (cased scripts only). */
  cap: boolean;
  /** All letters upper-case and at least one letter. */
  upper: boolean;
  /** Script has no letter case (CJK, Arabic, Hebrew, Indic…). */
  caseless: boolean;
  /** Han / Kana / Hangul run — or Thai / Lao / Khmer / Myanmar (written without spaces
   * between words): matched by substring scan. */
  cjk: boolean;
  /** First token of a sentence. */
  sentStart: boolean;
}

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;
const GEORGIAN_RE = /\p{Script=Georgian}/u;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_SPLIT_RE = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/u;
/** Southeast Asian scripts written without spaces between words: also scanned by substring. */
const SEA_RE = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SEA_SPLIT_RE = /([\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+)/u;

function makeToken(text: string, start: number, src: string, prevEnd: number, isFirst: boolean): Token {
  const first = text[0] ?? '';
  const lower = first.toLowerCase();
  const upperCh = first.toUpperCase();
  // Georgian has had capital (Mtavruli) letters in Unicode since 2018, but writes names in
  // Mkhedruli like every other word: for names it is a caseless script.
  const caseless = lower === upperCh || GEORGIAN_RE.test(first);
  const hasLetters = /\p{L}/u.test(text);
  const upper = hasLetters && !caseless && text === text.toUpperCase() && text !== text.toLowerCase();
  const gap = src.slice(prevEnd, start);
  const sentStart = isFirst || /[.!?:;\n…。！？]["'”’)\]]*\s*$/.test(gap) || /\n/.test(gap);
  return {
    text,
    start,
    end: start + text.length,
    folded: fold(text),
    cap: !caseless && first === upperCh && first !== lower,
    upper,
    caseless,
    cjk: CJK_RE.test(text) || SEA_RE.test(text),
    sentStart,
  };
}

/**
 * A word broken at a line end, as print and OCR text break it: a hyphen (or the ¬ / ⸗ that
 * Fraktur OCR writes for it) right after a letter, then the line break, then a lower-case letter
 * ("Neufahr-\nwaſſer"). A capital after the break is a compound written with a hyphen
 * ("Baden-\nWürttemberg") and stays two words.
 */
const LINE_BREAK_HYPHEN_RE = /^[-\u2010\u00ac\u2e17][ \t]*\r?\n[ \t]*$/;
const LINE_BREAK_AFTER_RE = /^[-\u2010\u00ac\u2e17][ \t]*\r?\n/;
const LINE_BREAK_HYPHEN_G = /(\p{L})[-\u2010\u00ac\u2e17][ \t]*\r?\n[ \t]*(?=\p{Ll})/gu;

/** A token's text with its line-end hyphenation removed: what `folded` is the fold of. */
export function unbreak(text: string): string {
  return text.replace(LINE_BREAK_HYPHEN_G, '$1');
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  // The first half of a word broken at a line end waits for its second half.
  let pending: { start: number; word: string } | null = null;
  for (const m of src.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const base = m.index;
    const plain = !CJK_RE.test(raw) && !SEA_RE.test(raw);
    if (pending) {
      const p = pending;
      pending = null;
      if (plain && /^\p{Ll}/u.test(raw) && LINE_BREAK_HYPHEN_RE.test(src.slice(p.start + p.word.length, base))) {
        const tok = makeToken(p.word + raw, p.start, src, prevEnd, out.length === 0);
        tok.end = base + raw.length;
        tok.text = src.slice(p.start, tok.end);
        out.push(tok);
        prevEnd = tok.end;
        continue;
      }
      prevEnd = pushWord(out, src, p.word, p.start, prevEnd);
    }
    if (plain && /\p{L}$/u.test(raw) && LINE_BREAK_AFTER_RE.test(src.slice(base + raw.length, base + raw.length + 8))) {
      pending = { start: base, word: raw };
      continue;
    }
    prevEnd = pushWord(out, src, raw, base, prevEnd);
  }
  if (pending) pushWord(out, src, pending.word, pending.start, prevEnd);
  return out;
}

/** Tokens of one regex match (a run of letters/digits), split at script changes; returns the new prevEnd. */
function pushWord(out: Token[], src: string, raw: string, base: number, prevEnd: number): number {
  // Split mixed CJK/non-CJK runs ("東京のcafe" stays one CJK piece, "Tokyo東京" splits).
  let parts = CJK_RE.test(raw) ? raw.split(CJK_SPLIT_RE).filter(Boolean) : [raw];
  if (SEA_RE.test(raw)) parts = parts.flatMap((p) => (CJK_RE.test(p) ? [p] : p.split(SEA_SPLIT_RE).filter(Boolean)));
  let off = base;
  for (const p of parts) {
    out.push(makeToken(p, off, src, prevEnd, out.length === 0));
    off += p.length;
    prevEnd = off;
  }
  return prevEnd;
}

/** Characters allowed between the words of one multi-word name. */
export function joinable(src: string, a: Token, b: Token): boolean {
  const gap = src.slice(a.end, b.start);
  if (!/^[ \t\-'’.]{1,3}$/.test(gap)) return false;
  // "St. John", "U.S.", but not "Paris. Texas".
  return !gap.includes('.') || a.text.length <= 3;
}
