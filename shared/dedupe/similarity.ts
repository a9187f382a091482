/**
 * Confirms (or rejects) that two tips make the same claim.
 *
 * Rules, in order:
 *  1. same SHA-256 prefix of the normalised text → exact duplicate;
 *  2. strong tokens (numbers, addresses, negation) must correspond (numbers
 *     digit for digit, addresses up to one typo);
 *  3. content words are matched exactly, then leftover words are paired as
 *     typos (one edit, transposition included, with length and first-letter
 *     guards; stricter for proper nouns);
 *  4. a leftover proper noun on either side → different claims;
 *  5. leftover words on BOTH sides (a substitution: "blue"/"red",
 *     "Lyon"/"lille") → different claims;
 *  6. otherwise the Jaccard similarity of the matched words must reach the
 *     threshold (one-sided additions, e.g. an unrecognised greeting, are tolerated).
 */
import { editDistance } from '../edit-distance.ts';
import type { Fingerprint } from './fingerprint.ts';
import { hash32 } from '../hash.ts';
import { FILLERS, STOPWORDS } from './lexicon.ts';
import { hasPrice, sameNumber, type Priced } from './numbers.ts';
import { CONTINUOUS_RE, LEAD_MARK, splitPairs, STREET_NAME_MARK } from './analyse.ts';
import calibration from './data/calibration.json' with { type: 'json' };

/**
 * Fitted by `npm run eval:dedupe -- --fit` on the development sets (see data/calibration.json):
 * the Jaccard threshold of the similarity rule, and the smallest claim the containment rule accepts.
 */
export const DEFAULT_THRESHOLD: number = calibration.threshold;
export const CONTAINMENT: Containment = calibration.containment;

/**
 * The containment rule's limits: the shorter tip is a claim of its own when it keeps `minWords` matched
 * words, or `minDistinctive` matched distinctive tokens (numbers, addresses, dates, proper nouns: "Found
 * it: <address>" is a whole claim in two words), and covers `minShare` of the longer.
 */
export interface Containment {
  readonly minWords: number;
  readonly minShare: number;
  readonly minDistinctive?: number;
}

export interface Calibration {
  readonly threshold: number;
  readonly containment: Containment;
}
export const DEFAULT_CALIBRATION: Calibration = { threshold: DEFAULT_THRESHOLD, containment: CONTAINMENT };

export { editDistance };

export interface Comparison {
  readonly duplicate: boolean;
  readonly exact: boolean;
  readonly similarity: number;
  /** Why a near-identical pair was kept apart (for tests and the README). */
  readonly veto?: 'strong' | 'sequence' | 'propernoun' | 'substitution' | 'threshold';
  /** True when the decision came from the containment rule. */
  readonly contained?: boolean;
}

/** A character pair from a script written without spaces (see analyse.ts). */
const CHAR_PAIR_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}ー]{2}$/u;

/**
 * True when `a` and `b` are at most one edit apart (insertion, deletion,
 * substitution or adjacent transposition). Linear, allocation-free; works on
 * UTF-16 units, which is exact for the BMP and errs towards "not a typo"
 * for astral characters.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  let la = a.length;
  let lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la < lb) {
    [a, b] = [b, a];
    [la, lb] = [lb, la];
  }
  let i = 0;
  while (i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la !== lb) return a.slice(i + 1) === b.slice(i);
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Could `a` and `b` be the same word with one typo (one insertion, deletion,
 * substitution or transposition)? Proper nouns need the same initial (or
 * seven letters and the same final) and four letters, and a four-letter name
 * may only lose, gain or swap a letter: "Germnay"/"Germany", "Leipzg"/"Leipzig",
 * "Milka"/"Mika" yes; "Lyon"/"Lille", "Nice"/"Rice", "Bern"/"Born",
 * "Poland"/"Roland" no.
 * Other words need three letters and the same initial or final letter, and a
 * 3-letter word may only gain or swap a letter ("summr"/"summer",
 * "swithc"/"switch", "bxo"/"box"; not "bed"/"bad").
 */
export function isTypo(a: string, b: string, properNoun: boolean): boolean {
  if (a === b) return true;
  if (HANGUL_RE.test(a) && HANGUL_RE.test(b) && hangulTypo(a, b)) return true;
  if (swappedLetters(a, b)) return true;
  // Two edits in a long ordinary word that keeps its first four letters ("identicle" / "identical").
  if (!properNoun && longWordTwoEdits(a, b)) return true;
  if (a[0] !== b[0] && a.at(-1) !== b.at(-1)) return false;
  if (!withinOneEdit(a, b)) return false;
  const la = Array.from(a).length;
  const lb = Array.from(b).length;
  const min = Math.min(la, lb);
  if (properNoun) {
    if (min < 4) return false;
    if (a[0] !== b[0] && (min < 7 || a.at(-1) !== b.at(-1))) return false;
    // Four-letter names: a dropped, added or swapped letter only ("Turin"/"Turn"; not "Bern"/"Born").
    if (min === 4 && la === lb && [...a].sort().join('') !== [...b].sort().join('')) return false;
  } else {
    if (min < 3) return false;
    if (a[0] !== b[0] && a.at(-1) !== b.at(-1)) return false;
    if (min === 3 && la === lb && a[0] === b[0] && [...a].sort().join('') !== [...b].sort().join('')) return false;
  }
  return true;
}

const HANGUL_RE = /[\uAC00-\uD7A3]/;
const HAN_RE = /\p{Script=Han}/u;

/**
 * A Korean syllable block holds two or three letters (jamo): a mistyped letter changes the whole block
 * ("샀어요" / "샀어여"), which the letter-count guards above read as a 3-letter word with another letter.
 * A word of three blocks or more with one block changed by one letter (compared decomposed, NFD) is a typo.
 */
function hangulTypo(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length !== y.length || x.length < 3) return false;
  const diff = x.flatMap((c, i) => (c === y[i] ? [] : [i]));
  if (diff.length !== 1) return false;
  const i = diff[0]!;
  return withinOneEdit(x[i]!.normalize('NFD'), y[i]!.normalize('NFD'));
}

/**
 * One mistyped character of a Chinese, Japanese or Thai run changes the two character pairs that hold it
 * ("ซื่อ" / "ซื้อ": "ื่", "่อ" against "ื้", "้อ"). Finds that signature — pairs x1 x2 on one side and y1 y2
 * on the other with x1 = a·c, x2 = c·b, y1 = a·c', y2 = c'·b — and returns the leftovers without it. One
 * character per pair of tips: more is another word.
 */
function pairTypo(leftQ: string[], leftC: string[]): { leftQ: string[]; leftC: string[]; found: boolean } {
  const q = leftQ.filter((w) => CHAR_PAIR_RE.test(w));
  const c = leftC.filter((w) => CHAR_PAIR_RE.test(w));
  if (q.length < 2 || c.length < 2) return { leftQ, leftC, found: false };
  const chars = (w: string): string[] => Array.from(w);
  for (const x1 of q) {
    const [a, cq] = chars(x1);
    for (const x2 of q) {
      if (x2 === x1 || chars(x2)[0] !== cq) continue;
      const b = chars(x2)[1];
      for (const y1 of c) {
        const [a2, cc] = chars(y1);
        if (a2 !== a || cc === cq) continue;
        // A Han character is a word or a morpheme of one: changing it makes another word, often another
        // place ("苏州" / "杭州", Suzhou / Hangzhou). Telling a slip of the input method from another name
        // would need the gazetteer, too large for the dedupe bundle; a wrong merge hides a claim, so a
        // changed Han character is never a typo (Thai and kana letters still are).
        if (HAN_RE.test(cq!) || HAN_RE.test(cc!)) continue;
        const y2 = `${cc}${b}`;
        if (y2 === y1 || !c.includes(y2)) continue;
        const drop = (list: string[], u: string, v: string): string[] => {
          const out = [...list];
          out.splice(out.indexOf(u), 1);
          out.splice(out.indexOf(v), 1);
          return out;
        };
        return { leftQ: drop(leftQ, x1, x2), leftC: drop(leftC, y1, y2), found: true };
      }
    }
  }
  return { leftQ, leftC, found: false };
}

function longWordTwoEdits(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 9 || a.slice(0, 4) !== b.slice(0, 4)) return false;
  return editDistance(a, b, 2) <= 2;
}

/** Two letters of a long word swapped, not side by side ("concesionario" / "consecionario"). */
function swappedLetters(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length !== y.length || x.length < 9) return false;
  const diff: number[] = [];
  for (let i = 0; i < x.length && diff.length <= 2; i++) if (x[i] !== y[i]) diff.push(i);
  return diff.length === 2 && x[diff[0]!] === y[diff[1]!] && x[diff[1]!] === y[diff[0]!];
}

function joinSplitWords(
  leftQ: string[],
  leftC: string[],
  aligned: number,
): { leftQ: string[]; leftC: string[]; aligned: number } {
  if (leftQ.length === 0 || leftC.length === 0 || leftQ.length + leftC.length > 16) return { leftQ, leftC, aligned };
  const tryJoin = (joined: string[], parts: string[]): [string[], string[], number] | null => {
    for (let i = 0; i < joined.length; i++) {
      for (let x = 0; x < parts.length; x++) {
        for (let y = 0; y < parts.length; y++) {
          if (x !== y && parts[x]! + parts[y]! === joined[i]) {
            return [joined.filter((_, k) => k !== i), parts.filter((_, k) => k !== x && k !== y), 2];
          }
        }
        // Glued to a function word: "thecorner" ~ "the" + "corner".
        const w = joined[i]!;
        const p = parts[x]!;
        if ((w.endsWith(p) && STOPWORDS.has(w.slice(0, -p.length))) || (w.startsWith(p) && STOPWORDS.has(w.slice(p.length)))) {
          return [joined.filter((_, k) => k !== i), parts.filter((_, k) => k !== x), 1];
        }
      }
    }
    return null;
  };
  for (;;) {
    const a = tryJoin(leftQ, leftC);
    if (a) {
      [leftQ, leftC] = [a[0], a[1]];
      aligned += a[2];
      continue;
    }
    const b = tryJoin(leftC, leftQ);
    if (b) {
      [leftC, leftQ] = [b[0], b[1]];
      aligned += b[2];
      continue;
    }
    return { leftQ, leftC, aligned };
  }
}

/**
 * Strong tokens must correspond one to one. Numbers match digit for digit;
 * a decimal mark may be missing on one side only (punctuation stripped:
 * "4,99" ~ "499", but "4.99" ≁ "49.9"). A web or e-mail address of ten
 * characters or more may differ by one typo; a number never.
 */
export function sameStrong(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const onlyA = [...a].filter((x) => !b.has(x) && !isMarker(x));
  const onlyB = [...b].filter((x) => !a.has(x) && !isMarker(x));
  if (onlyA.length !== onlyB.length) return false;
  const priced = { x: hasPrice(a), y: hasPrice(b) };
  for (const x of onlyA) {
    const j = onlyB.findIndex((y) => strongTypo(x, y, priced));
    if (j < 0) return false;
    onlyB.splice(j, 1);
  }
  return true;
}

/**
 * Tokens that describe the claim's structure rather than state a fact of it: claim order (`>…`),
 * abbreviations (`.str`), clause markers (`<…`) and street names (`=mound`, see analyse.ts). They never have to correspond one to one.
 */
export const isMarker = (t: string): boolean => t[0] === '>' || t[0] === '.' || t[0] === LEAD_MARK || t[0] === STREET_NAME_MARK;

/**
 * Could `short`, written as an abbreviation ("str.", "Whg.", "c/", "LBC"), stand for `long`? The same
 * first letter and the abbreviation's letters in order in the longer word: "str" / "strada", "whg" /
 * "wohnung", "buc" / "bucuresti", "lbc" / "leboncoin".
 */
export function abbreviates(short: string, long: string): boolean {
  const s = Array.from(short);
  const l = Array.from(long);
  if (s.length === 0 || l.length <= s.length || s[0] !== l[0]) return false;
  let i = 0;
  for (const c of l) if (c === s[i]) i++;
  return i === s.length;
}

/**
 * Pairs leftover abbreviations of one side with a leftover word of the other that they abbreviate
 * (each word once). `abbr` is the set of words the side wrote as abbreviations.
 */
function pairAbbreviations(left: string[], abbr: ReadonlySet<string>, other: string[]): { left: string[]; other: string[]; paired: number } {
  const rest = [...other];
  const kept: string[] = [];
  let paired = 0;
  for (const w of left) {
    const j = abbr.has(w) ? rest.findIndex((v) => abbreviates(w, v)) : -1;
    if (j >= 0) {
      rest.splice(j, 1);
      paired++;
    } else kept.push(w);
  }
  return { left: kept, other: rest, paired };
}

const abbreviationsOf = (strong: ReadonlySet<string>): Set<string> => new Set([...strong].filter((t) => t[0] === '.').map((t) => t.slice(1)));

/**
 * Claim structure: the same proper nouns of one sentence in another order ("first Lyon, then Geneva" /
 * "first Geneva, then Lyon") are different claims. Compared only when both tips carry the sentence
 * (a tip in small letters has no proper nouns to order).
 */
export function sequenceConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const seqs = (s: ReadonlySet<string>): Map<string, string>[] =>
    [...s].filter((t) => t[0] === '>').map((t) => new Map(t.slice(1).split(',').map((p) => p.split(':') as [string, string])));
  const sa = seqs(a);
  if (sa.length === 0) return false;
  const sb = seqs(b);
  for (const x of sa) {
    for (const y of sb) {
      const common = [...x.keys()].filter((w) => y.has(w));
      if (common.length < 2) continue;
      // The same clauses (multiset of clause hashes), but names moved between them.
      const hx = common.map((w) => x.get(w)!);
      const hy = common.map((w) => y.get(w)!);
      if ([...hx].sort().join() === [...hy].sort().join() && hx.join() !== hy.join()) return true;
      // Or two names that traded places while the rest of the tips differ ("Cześć, chyba …, najpierw w
      // Sopocie, potem w Gdyni" / "…, najpierw w Gdyni, potem w Sopocie"): each stands where the other stood.
      for (let i = 0; i < common.length; i++) {
        for (let j = i + 1; j < common.length; j++) {
          if (hx[i] !== hx[j] && hx[i] === hy[j] && hx[j] === hy[i]) return true;
        }
      }
    }
  }
  return false;
}

function strongTypo(x: string, y: string, priced: Priced): boolean {
  if (x[0] !== y[0]) return false;
  if (x[0] === '#') {
    // By value (numbers.ts): a decimal mark missing on one side, a phone either way, the same amount,
    // a bare amount against a price of a tip that names no currency.
    return sameNumber(x, y, priced);
  }
  // Addresses are compared by their canonical form (analyse.ts): two listings on one shop differ by one
  // digit of an item id. A parameter one address adds is view or tracking state, not another item, when
  // the item is named already (sameAddress).
  if (x[0] === '~' && y[0] === '~') return sameAddress(x, y);
  // A typo in the negated word ("pas de Lile") still negates the same thing.
  if (x.startsWith('!neg:') && y.startsWith('!neg:')) return isTypo(x.slice(5), y.slice(5), false);
  return false;
}

/** A run of four digits or more: an item id, in a path segment or a parameter's value. */
const ITEM_ID_RE = /\d{4,}/;
/**
 * A parameter value that is itself an identifier: one token of letters and digits (joined by "-" or "_")
 * holding four digits or more, like an item id in a path ("variant=67890", "sku=ab12cd34", a UUID). A
 * word ("from=share"), a short number ("boutique=61") or a composite of dotted or encoded fields (an
 * analytics cookie "2.1234.5678", "ivf%3dfalse") is view or session state.
 */
const ID_VALUE_RE = /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u;
const isIdValue = (v: string): boolean => ID_VALUE_RE.test(v) && (v.match(/\p{N}/gu)?.length ?? 0) >= 4;
/** A slug of three words or more ("retro-orange-floral", "wallpaper-motif-bunga-45cm") names an item too. */
const SLUG_RE = /^[^-/]+(?:-[^-/]+){2,}$/;

/**
 * Two canonical web addresses (`~host/path?k=v&…`, analyse.ts) of one item: the same host and path, the
 * same value for every parameter both carry, and parameters only one carries allowed when the item is
 * named without them — a path segment holding an id or a slug ("/dp/b08xyz1234", "/lp-2031",
 * "/items/3947718823-serviette-plage"), or a parameter both carry whose value is an id
 * ("goods.html?goods_id=428193745012"). Otherwise the parameters are the item ("item.php?id=48213" and
 * "item.php?pid=77120" are two listings; so are "?size=m" and "?size=l").
 */
export function sameAddress(x: string, y: string): boolean {
  const split = (t: string): [string, Map<string, string>] => {
    const q = t.indexOf('?');
    const params = new Map<string, string>();
    if (q >= 0) for (const kv of t.slice(q + 1).split('&')) {
      const eq = kv.indexOf('=');
      params.set(eq >= 0 ? kv.slice(0, eq) : kv, eq >= 0 ? kv.slice(eq + 1) : '');
    }
    return [q >= 0 ? t.slice(0, q) : t, params];
  };
  const [px, qx] = split(x);
  const [py, qy] = split(y);
  if (px !== py || x.includes('@') || y.includes('@')) return false;
  let sharedId = false;
  for (const [k, v] of qx) {
    if (!qy.has(k)) continue;
    if (qy.get(k) !== v) return false;
    if (ITEM_ID_RE.test(v)) sharedId = true;
  }
  // A parameter only one side carries whose value is an identifier selects another item or variant of
  // the item the path names ("/product/12345" / "/product/12345?variant=67890").
  const oneSided = (p: Map<string, string>, q: Map<string, string>): boolean => [...p].some(([k, v]) => !q.has(k) && isIdValue(v));
  if (oneSided(qx, qy) || oneSided(qy, qx)) return false;
  const segments = px.split('/').slice(1);
  return sharedId || segments.some((g) => ITEM_ID_RE.test(g) || SLUG_RE.test(g.replace(/\.[a-z]{2,5}$/, '')));
}

/**
 * Negations of `a` that belong to a clause `a` adds, not to a claim both tips make: the negated word is
 * an ordinary word of `a` (a small letter in a tip that writes capitals, so not a name) and `b` does not
 * have it in any form (word, typo, token, negated or not): "if I'm not mistaken" negates nothing the
 * other tip says. Such a negation no longer vetoes the pair; its word stays a word `a` adds, judged by
 * the similarity and containment rules like any other addition. A flipped claim ("sold" / "not sold")
 * keeps its veto, its word being on both sides; so does a negated name ("not Bruges"), a negation in a
 * tip without capitals (a name cannot be told from a word there), one inside a run of an unspaced
 * script, and any negation against a sampled fingerprint (its words are not all there to check).
 */
function asideNegations(a: Fingerprint, b: Fingerprint): { negations: Set<string>; words: Set<string> } {
  const out = { negations: new Set<string>(), words: new Set<string>() };
  if (b.sampled) return out;
  let capitals = false;
  for (const cap of a.words.values()) if (cap) capitals = true;
  // Negations in the leading clause (analyse.ts): the negated thing → the clause's words.
  const leads = new Map<string, string[]>();
  for (const t of a.strong) {
    if (t[0] !== LEAD_MARK || t[1] !== '!') continue;
    const eq = t.indexOf('=');
    leads.set(t.slice(2, eq), t.slice(eq + 1).split('+').filter(Boolean).flatMap(splitPairs));
  }
  for (const t of a.strong) {
    if (!t.startsWith(`${NEG_PREFIX}`) || b.strong.has(t)) continue;
    const w = t.slice(NEG_PREFIX.length);
    const lead = leads.get(w);
    const run = CONTINUOUS_RE.test(w);
    if (lead) {
      // Without capitals a name cannot be told from a word, but a leading clause whose every word the
      // other tip lacks ("si je ne me trompe pas, …", "如果我没记错的话，…") is a stance: it goes whole,
      // its words counting neither for nor against the pair, as fillers do.
      // Character pairs of an unspaced run recur by chance (Thai vowel signs: "้า", "าจ"): a third of the
      // clause's may stand in the other tip; the negated characters themselves may not.
      const pairs = lead.filter((v) => CHAR_PAIR_RE.test(v));
      const sharedPairs = pairs.filter((v) => b.words.has(v)).length;
      if (!(run ? runAbsent(w, b) : wordAbsent(w, b)) || 3 * sharedPairs > pairs.length || !lead.every((v) => CHAR_PAIR_RE.test(v) || wordAbsent(v, b))) continue;
      out.negations.add(t);
      for (const v of lead) out.words.add(v);
      continue;
    }
    if (!capitals || run || a.words.get(w) !== false || !wordAbsent(w, b)) continue;
    out.negations.add(t);
  }
  return out;
}

/**
 * The words of `strong`'s wrapper markers (`<^=words` first clause, `<$=words` last clause, analyse.ts)
 * that are among `left` (the words the other tip lacks), by position, when all but its fillers are.
 */
function edgeWords(strong: ReadonlySet<string>, left: readonly string[]): { first: Set<string>; last: Set<string>; size: number } {
  const out = { first: new Set<string>(), last: new Set<string>(), size: 0 };
  for (const t of strong) {
    if (t[0] !== LEAD_MARK || (t[1] !== '^' && t[1] !== '$')) continue;
    const words = t.slice(3).split('+').filter(Boolean).flatMap(splitPairs);
    // Its fillers aside: a particle both tips use ("po") may stand in it.
    const own = words.filter((w) => !FILLERS.has(w));
    if (own.length > 0 && own.every((w) => left.includes(w))) for (const w of words) if (left.includes(w)) (t[1] === '^' ? out.first : out.last).add(w);
  }
  out.size = new Set([...out.first, ...out.last]).size;
  return out;
}

/** Is every word of `left` in one of `sets`? */
const within = (left: readonly string[], ...sets: ReadonlySet<string>[]): boolean => left.every((w) => sets.some((x) => x.has(w)));

/** A strong token's word without its kind prefix (negation, number, address, …; analyse.ts). */
const TOKEN_KIND_RE = /^(?:!neg:|[#~%@.])/;
/** Does some strong token of `b` carry the word `w`, negated or not? */
const inStrong = (w: string, b: Fingerprint): boolean => [...b.strong].some((x) => x.replace(TOKEN_KIND_RE, '') === w);

/** `b` has `w` in no form: word, typo, token, negated or not. */
function wordAbsent(w: string, b: Fingerprint): boolean {
  for (const v of b.words.keys()) if (v === w || isTypo(w, v, false)) return false;
  return !inStrong(w, b);
}

/** `b` has none of the character pairs of the negated run `w`, nor the run in a token. */
function runAbsent(w: string, b: Fingerprint): boolean {
  const chars = Array.from(w);
  for (let k = 0; k + 1 < chars.length; k++) if (b.words.has(chars[k]! + chars[k + 1]!)) return false;
  return !inStrong(w, b) && chars.length > 1;
}
const NEG_PREFIX = '!neg:';

/**
 * Compares a new tip (`q`, complete) with a stored fingerprint (`c`, which
 * may be a bottom-k sample of a long tip).
 */
export function compare(q: Fingerprint, c: Fingerprint, calibration: Calibration | number = DEFAULT_CALIBRATION): Comparison {
  const cal: Calibration = typeof calibration === 'number' ? { threshold: calibration, containment: CONTAINMENT } : calibration;
  const threshold = cal.threshold;
  if (q.hash === c.hash) return { duplicate: true, exact: true, similarity: 1 };
  const qAside = asideNegations(q, c);
  const cAside = asideNegations(c, q);
  const qStrong = qAside.negations.size > 0 ? new Set([...q.strong].filter((t) => !qAside.negations.has(t))) : q.strong;
  const cStrong = cAside.negations.size > 0 ? new Set([...c.strong].filter((t) => !cAside.negations.has(t))) : c.strong;
  if (!sameStrong(qStrong, cStrong)) return { duplicate: false, exact: false, similarity: 0, veto: 'strong' };
  if (sequenceConflict(q.strong, c.strong)) return { duplicate: false, exact: false, similarity: 0, veto: 'sequence' };

  // A leading stance clause set aside goes with its words.
  const without = (words: ReadonlyMap<string, boolean>, drop: ReadonlySet<string>): ReadonlyMap<string, boolean> =>
    drop.size === 0 ? words : new Map([...words].filter(([w]) => !drop.has(w)));
  const cWords = without(c.words, cAside.words);
  // Restrict the query to the sampled hash range when the candidate is a sample.
  let qWords = without(q.words, qAside.words);
  if (c.sampled) {
    const restricted = new Map<string, boolean>();
    // A word the sample kept is compared whatever its hash: the sample keeps every proper noun, and the
    // same words written in small letters ("glasgow" for "Glasgow") must still meet them.
    for (const [w, cap] of qWords) if (cap || cWords.has(w) || hash32(w) <= c.sampleLimit) restricted.set(w, cap);
    qWords = restricted;
  }
  const strongCount = [...qStrong].filter((t) => !isMarker(t)).length;
  const onlyQ: string[] = [];
  let common = 0;
  let commonWeak = 0;
  let commonNames = 0;
  for (const [w, cap] of qWords) {
    if (cWords.has(w)) {
      common++;
      if (FILLERS.has(w)) commonWeak++;
      else if (cap || cWords.get(w)) commonNames++;
    } else onlyQ.push(w);
  }
  const onlyC: string[] = [];
  for (const w of cWords.keys()) if (!qWords.has(w)) onlyC.push(w);
  // First and last clauses that may be wrappers (analyse.ts), whose words the other tip lacks.
  const qEdge = edgeWords(q.strong, onlyQ);
  // A sample may have lost words of a clause: its markers are not trusted.
  const cEdge = c.sampled ? { first: new Set<string>(), last: new Set<string>(), size: 0 } : edgeWords(c.strong, onlyC);
  const strongWords = (left: readonly string[]): number => left.reduce((n, w) => n + (FILLERS.has(w) ? 0 : 1), 0);
  // Even if every leftover paired up (a typo pairs two words, a split word three), could the pair reach
  // the threshold, or could one tip contain the other?
  const sure = common - commonWeak + strongCount;
  const pairable = Math.min(onlyQ.length, onlyC.length);
  // Optimistic, as a bound must be: a wrapper clause may go.
  const restQ = Math.max(0, strongWords(onlyQ) - qEdge.size);
  const restC = Math.max(0, strongWords(onlyC) - cEdge.size);
  const unpaired = Math.max(0, Math.abs(restQ - restC) - pairable);
  const best = (sure + 2 * pairable) / (sure + 2 * pairable + unpaired || 1);
  // Containment at best: every leftover pairs up, and the longer side keeps its surplus.
  const most = sure + pairable;
  const surplus = Math.max(0, Math.max(restQ, restC) - pairable);
  const minDistinctive = cal.containment.minDistinctive ?? Infinity;
  const canContain = (most >= cal.containment.minWords || strongCount + commonNames + pairable >= minDistinctive) && most / (most + surplus) >= cal.containment.minShare;
  if (best < threshold && !canContain) {
    return { duplicate: false, exact: false, similarity: sure / (sure + onlyQ.length + onlyC.length || 1), veto: 'threshold' };
  }

  // Pair leftovers as typos (greedy; leftovers are few).
  let aligned = 0;
  let leftQ: string[] = [];
  const usedC = new Set<number>();
  // A street's name is matched exactly: "Mound Road" and "Mount Road" are two streets.
  const exact = (fp: Fingerprint, w: string): boolean => fp.strong.has(STREET_NAME_MARK + w);
  for (const w of onlyQ) {
    const capQ = qWords.get(w) ?? false;
    let hit = -1;
    for (let j = 0; j < onlyC.length; j++) {
      if (usedC.has(j)) continue;
      const v = onlyC[j]!;
      if (exact(q, w) || exact(c, v)) continue;
      if (isTypo(w, v, capQ || (cWords.get(v) ?? false))) {
        hit = j;
        break;
      }
    }
    if (hit >= 0) {
      usedC.add(hit);
      aligned++;
    } else leftQ.push(w);
  }
  let leftC = onlyC.filter((_, j) => !usedC.has(j));
  // A dropped or added space: "lightswitch" ~ "light" + "switch".
  ({ leftQ, leftC, aligned } = joinSplitWords(leftQ, leftC, aligned));
  // Abbreviations written out on the other side ("str." / "strada", "Whg." / "Wohnung"), either way.
  {
    const a = pairAbbreviations(leftQ, abbreviationsOf(q.strong), leftC);
    const b = pairAbbreviations(a.other, abbreviationsOf(c.strong), a.left);
    leftQ = b.other;
    leftC = b.left;
    aligned += a.paired + b.paired;
  }
  // One mistyped character in a script written without spaces.
  const typoPairs = pairTypo(leftQ, leftC);
  if (typoPairs.found) {
    ({ leftQ, leftC } = typoPairs);
    aligned += 2;
  }

  // A first or last clause only one tip has, every word of it left over, while the other tip has nothing
  // left over: an unlisted greeting or sign-off ("Bună seara,"), counting neither for nor against.
  // Both tips may have one, at opposite ends: a greeting opening one, a sign-off closing the other. Two
  // clauses at the same end are a substitution ("…, small." / "…, large.").
  const qAll = new Set([...qEdge.first, ...qEdge.last]);
  const cAll = new Set([...cEdge.first, ...cEdge.last]);
  if (leftC.length === 0 && qEdge.size > 0) leftQ = leftQ.filter((w) => !qAll.has(w));
  else if (leftQ.length === 0 && cEdge.size > 0) leftC = leftC.filter((w) => !cAll.has(w));
  else if (leftQ.length > 0 && leftC.length > 0 && ((within(leftQ, qEdge.first) && within(leftC, cEdge.last)) || (within(leftQ, qEdge.last) && within(leftC, cEdge.first)))) {
    leftQ = [];
    leftC = [];
  }

  // Fillers ("I think", "vielleicht") count neither for nor against a pair.
  const matched = common - commonWeak + aligned + strongCount;
  const extraQ = strongWords(leftQ);
  const extraC = strongWords(leftC);
  const union = matched + extraQ + extraC;
  const similarity = union === 0 ? 0 : matched / union;
  if (leftQ.some((w) => qWords.get(w)) || leftC.some((w) => cWords.get(w))) {
    return { duplicate: false, exact: false, similarity, veto: 'propernoun' };
  }
  // Character pairs of Chinese, Japanese or Thai text: one changed character leaves at most two
  // pairs over on each side; more is another word ("上海" → "北京").
  const words = (left: string[]): number => left.filter((w) => !CHAR_PAIR_RE.test(w)).length;
  const pairs = (left: string[]): number => left.length - words(left);
  // Leftovers on both sides are a substitution even when one side's are fillers: stopword lists hold
  // verbs and adjectives too ("made" / "bought", "new" / "old").
  const sq = leftQ;
  const sc = leftC;
  const substituted = (words(sq) > 0 && words(sc) > 0) || pairs(sq) > 2 || pairs(sc) > 2 || (pairs(sq) > 0 && words(sc) > 0) || (words(sq) > 0 && pairs(sc) > 0);
  // Also against a sampled fingerprint: the query is restricted to the sample's hash range above, so a
  // leftover on each side is a real difference there (a long Thai tip naming another town was merged).
  if (sq.length > 0 && sc.length > 0 && substituted) {
    return { duplicate: false, exact: false, similarity, veto: 'substitution' };
  }
  if (union > 0 && similarity >= threshold) return { duplicate: true, exact: false, similarity };
  // Containment: one tip says all the other says, and what the longer adds is not distinctive (no
  // proper noun, number, address, date, colour or negation: those were vetoed above) — a trailing
  // clause dropped or added. The shorter must still be a claim of its own (minWords), and cover a
  // share of the longer (minShare).
  const shorterExtra = Math.min(extraQ, extraC);
  const longerExtra = Math.max(extraQ, extraC);
  const claimOfItsOwn = matched >= cal.containment.minWords || strongCount + commonNames >= minDistinctive;
  if (shorterExtra === 0 && claimOfItsOwn && matched / (matched + longerExtra) >= cal.containment.minShare) {
    return { duplicate: true, exact: false, similarity, contained: true };
  }
  return { duplicate: false, exact: false, similarity, veto: 'threshold' };
}
