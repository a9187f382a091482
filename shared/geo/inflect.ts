/**
 * Language-aware candidate lemmas for an inflected, FOLDED word form.
 * Instead of listing every case form of every name, strip common case endings
 * (Slavic, Baltic, Finnic, Hungarian, Greek, German genitive) and undo the
 * usual stem alternations, then let the gazetteer decide which candidate exists.
 */

// [ending, replacements] — folded forms (diacritics removed, й→и, і→и, ς→σ).
const RULES: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Slavic (pl, cs, sk, sl, hr, sr, bg, ru, uk)
  ['iach', ['ia', 'ie']], ['ach', ['y', 'a', '', 'i']], ['ech', ['y', '']], ['ich', ['', 'y']],
  ['owie', ['ow', '']], ['ami', ['y', 'a']], ['iu', ['', 'o']], ['ie', ['', 'a', 'e', 'o']],
  ['ii', ['ia', 'ija', 'ie']], ['ji', ['ja']], ['iji', ['ija']], ['ije', ['ija']], ['iju', ['ija']],
  ['u', ['', 'o', 'a']], ['e', ['', 'a', 'o', 'i']], ['y', ['a', '']], ['a', ['', 'o', 'e']],
  ['i', ['a', '', 'e', 'ia']], ['oj', ['a']], ['ej', ['a']], ['om', ['', 'o']], ['em', ['', 'o']], ['ou', ['a']],
  ['ovi', ['']], ['skem', ['sko']], ['sku', ['sko']], ['ska', ['sko']], ['ecku', ['ecko']],
  // Cyrillic
  ['е', ['', 'а', 'я', 'ь']], ['и', ['а', 'я', 'ь', '']], ['ы', ['а']], ['у', ['', 'а']], ['ом', ['']], ['ем', ['', 'ь']],
  ['ии', ['ия']], ['ию', ['ия']], ['иеи', ['ия']], ['ою', ['а']], ['ои', ['а']], ['а', ['', 'ь']], ['я', ['ь', '', 'и']],
  ['ах', ['ы', 'и', '']], ['ях', ['и']], ['ю', ['ь', 'я']], ['ого', ['ии', 'ое']], ['ом', ['']],
  // Mongolian (ablative, dative-locative, genitive): Улаанбаатараас → Улаанбаатар
  ['аас', ['']], ['ээс', ['']], ['оос', ['']], ['өөс', ['']], ['ад', ['']], ['ын', ['']], ['ийн', ['']],
  // Finnish / Estonian
  ['essa', ['i']], ['esta', ['i']], ['ella', ['i']], ['elta', ['i']], ['elle', ['i']], ['en', ['i', '']],
  ['ssa', ['']], ['sta', ['']], ['lla', ['']], ['lta', ['']], ['lle', ['']], ['an', ['']], ['hin', ['']], ['iin', ['i', '']], ['in', ['']],
  ['n', ['']], ['st', ['']], ['s', ['']], ['sse', ['']], ['l', ['']], ['lt', ['']], ['le', ['']], ['ist', ['i']], ['is', ['i']],
  // Hungarian
  ['bol', ['']], ['rol', ['']], ['tol', ['']], ['ban', ['']], ['ben', ['']], ['ba', ['']], ['be', ['']], ['on', ['']],
  ['ra', ['']], ['re', ['']], ['nak', ['']], ['nek', ['']], ['hoz', ['']], ['hez', ['']], ['ig', ['']], ['i', ['']],
  ['ot', ['']], ['et', ['']], ['t', ['']],
  // Baltic
  ['oje', ['a', 'as']], ['je', ['', 's', 'a']], ['os', ['a']], ['o', ['as', 'a']], ['uje', ['us']], ['yje', ['is', 'ys']],
  // German genitive / Scandinavian genitive
  ['es', ['']],
  // Armenian (ablative, locative, genitive/dative, instrumental, definite article): Երևանից → Երևան
  ['ից', ['']], ['ում', ['']], ['ի', ['']], ['ին', ['']], ['ով', ['']], ['ը', ['']], ['ն', ['']],
  // Greek
  ['σ', ['']], ['ησ', ['η']], ['ασ', ['α']], ['ου', ['οσ', 'ο', 'α']], ['ο', ['οσ']], ['ων', ['α', 'η']],
];

// Stem-final alternations to undo (applied to the stripped stem).
const ALTERNATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['sc', ['sk']], ['cz', ['c']], ['c', ['k']], ['dz', ['g']], ['z', ['h', 'g']], ['rz', ['r']], ['sz', ['ch']], ['ci', ['t']],
  ['dzi', ['d']], ['ni', ['n']], ['si', ['s']], ['zi', ['z']], ['ng', ['nk']], ['mm', ['mp']], ['nn', ['nt']],
  ['ll', ['lt']], ['rr', ['rt']], ['k', ['kk']], ['t', ['tt']], ['p', ['pp']], ['v', ['p']], ['d', ['t']],
  ['ев', ['ив']], ['ов', ['ив']], ['ц', ['к']], ['з', ['г']],
];

const MIN_STEM = 3;

export function lemmaCandidates(word: string): string[] {
  const out = new Set<string>();
  const n = word.length;
  for (const [end, reps] of RULES) {
    if (n - end.length < MIN_STEM || !word.endsWith(end)) continue;
    const stem = word.slice(0, n - end.length);
    for (const r of reps) {
      out.add(stem + r);
      for (const [a, bs] of ALTERNATIONS) {
        if (stem.length - a.length < 2 || !stem.endsWith(a)) continue;
        const base = stem.slice(0, stem.length - a.length);
        for (const b of bs) out.add(base + b + r);
      }
    }
  }
  // Finnic e-stems lengthen the stem vowel before case endings: Tampereella → tamperee → tampere,
  // Tampereen → tamperee → tampere. Drop one vowel of a final doubled vowel.
  for (const c of [...out]) {
    const m = c.length - 1;
    if (m >= MIN_STEM && c[m] === c[m - 1] && /[aeiouy]/.test(c[m]!)) out.add(c.slice(0, m));
  }
  out.delete(word);
  return [...out];
}

const HEBREW_PREFIX = /^[בלמהוכש]{1,2}(?=[\u05d0-\u05ea]{2})/u;
const ARABIC_PREFIX = /^(?:وال|بال|لل|فال|كال|ال|و|ب|ل|ف|ك)(?=[\u0621-\u064a]{3})/u;

// Georgian case endings; a name's nominative -ი drops before some of them
// (თბილისი: თბილისში "in", თბილისიდან "from", თბილისის "of").
const GEORGIAN_SUFFIX = /(?:იდან|დან|ში|ის|ით|ად|ზე|თან|ს)(?:ა|აა)?$/u;
// Nepali (and Marathi) write case endings on the name: काठमाडौंको, काठमाडौंमा, पोखराबाट.
const DEVANAGARI_SUFFIX = /(?:को|मा|बाट|लाई|ले|च्या|मध्ये)$/u;
// Amharic prepositions are prefixes: ከአዲስ አበባ "from Addis Ababa", በአዲስ "in Addis".
const ETHIOPIC_PREFIX = /^[ከበለየ](?=\p{Script=Ethiopic})/u;
// Bengali genitive/locative/dative endings on a name (ঢাকার, ঢাকায়, ঢাকাতে).
const BENGALI_SUFFIX = /(?:ের|র|য়|তে|কে)$/u;
// Tamil locative/ablative/dative: the name's final -u sign gives way to the ending (கொழும்பு → கொழும்பில்).
const TAMIL_SUFFIX = /(?:யிலிருந்து|யில்|யிலே|ிலிருந்து|ில்|ிற்கு|ுக்கு|ிலே|க்கு)$/u;

/** Proclitic stripping for Hebrew and Arabic (בירושלים → ירושלים, بالقاهرة → القاهرة); case endings of caseless Georgian. */
export function prefixCandidates(word: string): string[] {
  const out: string[] = [];
  const g = word.match(GEORGIAN_SUFFIX);
  if (g && word.length - g[0].length >= 3) {
    const stem = word.slice(0, word.length - g[0].length);
    out.push(stem, stem.endsWith('ი') ? stem : stem + 'ი');
  }
  const n = word.match(DEVANAGARI_SUFFIX);
  if (n && word.length - n[0].length >= 2) out.push(word.slice(0, word.length - n[0].length));
  if (ETHIOPIC_PREFIX.test(word) && word.length >= 3) out.push(word.slice(1));
  const b = word.match(BENGALI_SUFFIX);
  if (b && word.length - b[0].length >= 2) out.push(word.slice(0, word.length - b[0].length));
  const t = word.match(TAMIL_SUFFIX);
  if (t && word.length - t[0].length >= 2) {
    const stem = word.slice(0, word.length - t[0].length);
    out.push(stem + 'ு', stem);
  }
  const h = word.match(HEBREW_PREFIX);
  if (h) {
    out.push(word.slice(h[0].length));
    if (h[0].length === 2) out.push(word.slice(1));
  }
  const a = word.match(ARABIC_PREFIX);
  if (a) {
    const rest = word.slice(a[0].length);
    out.push(rest);
    if (!rest.startsWith('ال')) out.push('ال' + rest);
  }
  return out;
}
