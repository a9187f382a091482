/**
 * Historical print read by OCR: whether a text shows signs of it, and the candidate readings of a
 * word under the letter confusions of data/ocr.ts. Corrections are only ever tried on text that
 * looks like print, so a modern tip ("Merci (encore) …") never has its words rewritten.
 */
import type { Token } from '../text/tokenize.ts';
import { HISTORICAL_SPELLINGS, OCR_CONFUSIONS } from './data/ocr.ts';
import { dateFollows } from './dateline.ts';

/** Long s and the Latin ligatures: typography of old print, never typed in a modern tip. */
const PRINT_LETTERS_RE = /[\u017f\u1e9b\ufb00-\ufb06]/u;
/** A name at the very start followed by a comma: the head of a dateline ("Port-Saïd, 17 novembre"). */
const DATELINE_HEAD_RE = /^[ \t]*\p{Lu}[\p{L}\p{M}'’.\- ]{1,40}?(?=[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?,)/u;

/**
 * The text shows signs of historical print: long s or a ligature, a word broken at a line end
 * (the tokeniser joined it, so its text holds the line break), or a dateline with a date at the
 * very start.
 */
export function looksLikePrint(src: string, toks: readonly Token[]): boolean {
  if (PRINT_LETTERS_RE.test(src)) return true;
  if (toks.some((t) => t.text.includes('\n'))) return true;
  const head = DATELINE_HEAD_RE.exec(src);
  return head !== null && dateFollows(src.slice(head[0].length));
}

const PAIRS = [...OCR_CONFUSIONS, ...HISTORICAL_SPELLINGS];

/**
 * Readings of `word` with one confusion undone, lower-case and NFC (so that "ü" typed as u + ¨
 * and as one code point compare equal), in the order of the tables; the word itself excluded.
 */
export function ocrReadings(word: string): string[] {
  const w = word.normalize('NFC').toLowerCase();
  const out = new Set<string>();
  for (const [read, meant] of PAIRS) {
    const r = read.normalize('NFC');
    const m = meant.normalize('NFC');
    for (let at = w.indexOf(r); at >= 0; at = w.indexOf(r, at + 1)) out.add(w.slice(0, at) + m + w.slice(at + r.length));
  }
  out.delete(w);
  return [...out];
}
