/**
 * Text folding shared by the gazetteer build and the runtime matcher.
 * Case + diacritics are removed, a few letters that do not decompose under
 * NFD are mapped by hand, and Ukrainian/Belarusian letters are merged with
 * their Russian counterparts so that "Києва" and "Киева" meet.
 */

const SPECIAL: Record<string, string> = {
  'ß': 'ss', 'ẞ': 'ss', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ł': 'l', 'đ': 'd', 'ħ': 'h',
  'ı': 'i', 'þ': 'th', 'ð': 'd', 'ŀ': 'l', 'ŧ': 't', 'ƒ': 'f', 'ĸ': 'k',
  'ς': 'σ', 'і': 'и', 'ї': 'и', 'є': 'е', 'ё': 'е', 'ў': 'у', 'ґ': 'г',
  '’': "'", 'ʼ': "'", '‘': "'", '`': "'",
};
const SPECIAL_RE = /[ßẞøæœłđħıþðŀŧƒĸςіїєёўґ’ʼ‘`]/g;
// Marks are dropped only after Latin, Greek, Cyrillic, Hebrew and Arabic bases
// (accents, niqqud, harakat); Indic vowel signs and kana voicing marks carry
// meaning and are kept.
const MARKS_RE = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}])\p{M}+/gu;
// Historical print: long s (ſ, ẛ) and the Latin presentation-form ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ,
// U+FB00–FB06) are typography, not spelling; NFKC maps exactly these to their plain letters
// (Unicode compatibility decompositions), so "Weichſel" and "geﬅern" meet "Weichsel", "gestern".
// Only these code points: NFKC on the whole text would also rewrite superscripts, fractions,
// full-width forms and Hangul jamo.
const HISTORICAL_RE = /[\u017f\u1e9b\ufb00-\ufb06]/g;
// Only text that is pure ASCII lowercase-able letters/digits can skip NFD.
const ASCII_RE = /^[\x00-\x7f]*$/;

// Devanagari spelling variants: a nasal consonant + virama before a consonant is
// written interchangeably with anusvara (मुम्बई = मुंबई), chandrabindu with anusvara,
// and nukta is often omitted. All fold to anusvara / no nukta.
const DEVANAGARI_RE = /[\u0900-\u097f]/;
const DEVA_NASAL_RE = /[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])/g;
const DEVA_MARKS_RE = /\u0901/g;
const DEVA_NUKTA_RE = /\u093c/g;

function foldDevanagari(s: string): string {
  return s.normalize('NFD').replace(DEVA_NUKTA_RE, '').replace(DEVA_MARKS_RE, '\u0902').replace(DEVA_NASAL_RE, '\u0902');
}

export function fold(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_RE.test(lower)) return lower;
  const out = lower
    .replace(HISTORICAL_RE, (m) => m.normalize('NFKC'))
    .normalize('NFD')
    .replace(MARKS_RE, '$1')
    .replace(SPECIAL_RE, (m) => SPECIAL[m] ?? m)
    .normalize('NFC');
  return DEVANAGARI_RE.test(out) ? foldDevanagari(out).normalize('NFC') : out;
}

/** Fold a multi-word name into a lookup key: words joined by single spaces. */
export function foldKey(s: string): string {
  return fold(s)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}
