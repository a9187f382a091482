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

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of src.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const base = m.index;
    // Split mixed CJK/non-CJK runs ("東京のcafe" stays one CJK piece, "Tokyo東京" splits).
    let parts = CJK_RE.test(raw) ? raw.split(CJK_SPLIT_RE).filter(Boolean) : [raw];
    if (SEA_RE.test(raw)) parts = parts.flatMap((p) => (CJK_RE.test(p) ? [p] : p.split(SEA_SPLIT_RE).filter(Boolean)));
    let off = base;
    for (const p of parts) {
      out.push(makeToken(p, off, src, prevEnd, out.length === 0));
      off += p.length;
      prevEnd = off;
    }
  }
  return out;
}

/** Characters allowed between the words of one multi-word name. */
export function joinable(src: string, a: Token, b: Token): boolean {
  const gap = src.slice(a.end, b.start);
  if (!/^[ \t\-'’.]{1,3}$/.test(gap)) return false;
  // "St. John", "U.S.", but not "Paris. Texas".
  return !gap.includes('.') || a.text.length <= 3;
}
