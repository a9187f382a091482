/**
 * Small static tables for the normaliser: HTML entities, confusable
 * homoglyphs with a Latin skeleton, and letters that Unicode does not
 * decompose into a base letter plus a diacritic.
 */

/** Named HTML entities: the HTML 4 set (Latin-1, symbols, punctuation) plus common HTML5 punctuation names. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );

const OTHER_ENTITIES: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192,
  circ: 0x2c6, tilde: 0x2dc, ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009,
  zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f, ndash: 0x2013, mdash: 0x2014,
  lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e,
  dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026, permil: 0x2030,
  prime: 0x2032, Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, frasl: 0x2044,
  euro: 0x20ac, trade: 0x2122, minus: 0x2212, lowast: 0x2217,
  // HTML5 punctuation names, used by evasion tools to hide separators.
  comma: 0x2c, period: 0x2e, colon: 0x3a, semi: 0x3b, excl: 0x21, quest: 0x3f,
  lpar: 0x28, rpar: 0x29, lsqb: 0x5b, rsqb: 0x5d, lcub: 0x7b, rcub: 0x7d,
  num: 0x23, dollar: 0x24, percnt: 0x25, ast: 0x2a, plus: 0x2b, sol: 0x2f, bsol: 0x5c,
  hyphen: 0x2010, dash: 0x2010, lowbar: 0x5f, commat: 0x40, verbar: 0x7c, vert: 0x7c, grave: 0x60,
  Hat: 0x5e, equals: 0x3d, NewLine: 0x0a, Tab: 0x09, nbsp: 0xa0, shy: 0xad,
  ZeroWidthSpace: 0x200b, NoBreak: 0x2060, InvisibleTimes: 0x2062, InvisibleComma: 0x2063,
};

export const HTML_ENTITIES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  LATIN1_NAMES.forEach((name, i) => m.set(name, String.fromCodePoint(0xa0 + i)));
  for (const [name, cp] of Object.entries(OTHER_ENTITIES)) m.set(name, String.fromCodePoint(cp));
  return m;
})();

/**
 * Confusable characters mapped to the Latin letter they imitate, after
 * Unicode's confusables.txt (UTS #39) restricted to Latin targets: Cyrillic,
 * Greek, Armenian and Cherokee lookalikes and Latin small capitals / IPA
 * letters. Fullwidth forms, mathematical alphanumerics, circled and
 * superscript letters are already folded by NFKC before this table applies.
 * Both cases are listed so the mapping commutes with case folding.
 */
const CONFUSABLE_PAIRS =
  // Cyrillic lower / upper
  'аaеeёeоoрpсcуyхxѕsіiїiјjһhԁdԛqԝwӏlүyкkвbмmтtпnгrьb' +
  'АAВBЕEЁEКKМMНHОOРPСCТTУYХXЅSІIЇIЈJԚQԜWҮYӀIЬb' +
  // Greek lower / upper
  'αaγyιiκkνvοoρpτtυuχxωwϲcϳjϱpβbεeηnμu' +
  'ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXϹCϿO' +
  // Armenian
  'օoոnսuհhզqցgԱUՏSՕO' +
  // Cherokee capitals
  'ᎪAᏴBᏟCᎠDᎬEᏀGᎻHᎫJᏦKᏞLᎷMᏢPᎡRᏚSᎢTᏙVᏔWᎳWᎩYᏃZ' +
  // Latin small capitals, IPA and other Latin lookalikes
  'ᴀaʙbᴄcᴅdᴇeɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzıiȷjɑaɡgɩiɪiʋvꞵbſs';

export const CONFUSABLES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(CONFUSABLE_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i]!;
    const to = chars[i + 1]!;
    if (/[A-Za-z]/.test(to)) m.set(from, to);
  }
  // The other case of each lookalike (Cherokee small letters, …), unless listed explicitly.
  for (const [from, to] of [...m]) {
    for (const [f, t] of [
      [from.toLowerCase(), to.toLowerCase()],
      [from.toUpperCase(), to.toUpperCase()],
    ] as const) {
      if (f !== from && Array.from(f).length === 1 && !m.has(f) && !/[A-Za-z]/.test(f)) m.set(f, t);
    }
  }
  return m;
})();

/** Letters with no canonical decomposition that should still fold for matching. */
export const LETTER_FOLDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D',
    ð: 'd', Ð: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ŧ: 't', Ŧ: 'T', ħ: 'h', Ħ: 'H',
    ĸ: 'k', ŉ: 'n', ƒ: 'f', ς: 'σ',
    // Arabic and Persian forms of the same letters (typed on either keyboard): yeh, alef maksura, kaf.
    'ي': 'ی', 'ى': 'ی', 'ك': 'ک',
    // Digits of other scripts (NFKC leaves them) are folded by normalise.ts foldDigits, for every script.
  }),
);
