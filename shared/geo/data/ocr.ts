/**
 * Letter confusions of OCR on historical print, as [read, meant]: what the engine read and what
 * the printed page most likely had. Tried only on a capitalised word the gazetteer does not know,
 * in text that shows signs of print (long s, ligatures, words broken at a line end, a dateline),
 * one substitution at a time (shared/geo/ocr.ts).
 *
 * No maintained dataset ships these pairs. Sources:
 *  - Tesseract OCR's character ambiguity tables (`unicharambigs`, format in the unicharambigs(5)
 *    manual page; the English and German tables of tesseract-ocr/langdata list rn↔m, li↔h, cl↔d,
 *    vv↔w among the confusable groups);
 *  - the OCR post-correction literature on historical newspapers, where these are the most
 *    frequent character errors: Reynaert (2008), "Non-interactive OCR post-correction for
 *    giga-scale digitization projects", CICLing; Springmann & Lüdeling (2017), "OCR of historical
 *    printings with an application to building diachronic corpora", DHQ 11(2) — long s (ſ) read as
 *    f, n↔u, e↔c and ü read as ii in Fraktur; the Fraktur tz ligature read as ß.
 */
export const OCR_CONFUSIONS: ReadonlyArray<readonly [read: string, meant: string]> = [
  ['rn', 'm'], ['m', 'rn'], ['li', 'h'], ['h', 'li'], ['cl', 'd'], ['vv', 'w'],
  ['f', 's'], ['n', 'u'], ['u', 'n'], ['c', 'e'], ['e', 'c'], ['ii', 'ü'], ['ii', 'n'], ['ß', 'tz'],
];

/**
 * Spellings of German before the orthography of 1901 (the Second Orthographic Conference, Berlin
 * 1901, replaced c by k or z in most words and names: Cöln → Köln, Carlsruhe → Karlsruhe,
 * Constantinopel → Konstantinopel), as [old, new]; tried like the OCR confusions.
 */
export const HISTORICAL_SPELLINGS: ReadonlyArray<readonly [old: string, current: string]> = [
  ['c', 'k'], ['c', 'z'],
];
