/**
 * From text to analysed evidence: runs the extractors, pairs qualifiers and postcodes, marks
 * context cues as flags on the mentions, and resolves ambiguous names by coherence. The
 * learned scorer (features.ts, model.ts, engine.ts) turns the result into a decision.
 * Pure and synchronous.
 */
import { tokenize } from '../text/tokenize.ts';
import { fold } from '../text/fold.ts';
import type { Token } from '../text/tokenize.ts';
import { tokenMentions, textShape, demonymOf } from './places.ts';
import { phones, nanpPhones, nationalPhones, callingCodes, quotedScripts, currencyWords, webAddresses, postcodes, coordinates, currencies, NUMERIC_POSTCODE, NATIONAL_HINT } from './signals.ts';
import { detectLanguage } from './language.ts';
import { mention } from './mention.ts';
import type { Mention } from './mention.ts';
import type { Analysis } from './features.ts';
import { photoMention, type GeoPoint } from './photo.ts';
import { markCoordination } from './coordination.ts';
import { NEGATIONS, CONTRASTS, RETRACTIONS, MADE_IN, GENERIC, STYLE_AFTER, PHRASE_BREAKS, IDIOM_NOUNS, PATTERN_AFTER, PRODUCT_IDIOMS, CLUB_BEFORE, IDIOM_NOUNS_BEFORE, BELIEF_WORDS, PT_NOT_NEGATIONS, UNSURE, NAMED_RE, WRITING_FROM, SELF_LOCATION, MADE_IN_AFTER } from './data/cues.ts';
import { LANG_COUNTRIES } from './data/signals.ts';

/** How strongly the rest of the text pulls an ambiguous name to its countries. */
const COHERENCE = 50;
/** Weight of an unknown name used as an address part before a region/country ("Clacton, Essex"). */
const ADDRESS_WEIGHT = 1.0;
/** Share of its weight a name that still needs support lends to the others. */
const WEAK_VOUCH = 0.5;
/** Longer input is cut here: a tip is at most 5,000 characters; this bounds the work on anything else. */
export const MAX_TEXT = 20_000;

function overlaps(a: Mention, b: Mention): boolean {
  return a.start < b.end && b.start < a.end;
}

function tokenIndexAt(toks: Token[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "Sold everywhere" in phrases the word list cannot hold. */
const GENERIC_PHRASES = /\b(?:all over the world|any country|many countries|sold worldwide)\b/i;

const YEAR_LIKE = /^(?:19|20)\d{2}$/;

/** "75011 Paris", "1010 Wien", "110 00 Praha", "D-80331 München". */
function pairPostcodes(src: string, mentions: Mention[]): Mention[] {
  const extra: Mention[] = [];
  for (const m of mentions) {
    if (m.kind !== 'place' || m.fixed) continue;
    const before = src.slice(Math.max(0, m.start - 12), m.start);
    const pm = before.match(/(?:^|[^\d\p{L}])((?:[A-Z]{1,3}-)?(\d{3} \d{2}|\d{4,6}))\s$/u);
    if (!pm) continue;
    const code = pm[1] ?? '';
    const digits = (pm[2] ?? '').replace(/\s/g, '');
    if (/\s/.test(pm[2] ?? '') === false && YEAR_LIKE.test(digits) && /\b(?:in|since|seit|en|w|v|im|year)\s+$/i.test(src.slice(0, m.start - code.length - 1))) continue;
    const cls = /\s/.test(pm[2] ?? '') ? '3+2' : String(digits.length);
    const allowed = NUMERIC_POSTCODE[cls];
    if (!allowed) continue;
    const inter = new Map([...m.prior].filter(([cc]) => allowed.has(cc)));
    if (inter.size === 0) continue;
    m.prior = inter;
    m.needsSupport = false;
    const start = m.start - 1 - code.length;
    if (src.slice(start, start + code.length) !== code) continue;
    extra.push(mention('postcode', src, start, start + code.length, inter, 1.2, { fixed: false }));
  }
  return extra;
}

/** "Paris, Texas", "London (Ontario)", "Scotland, United Kingdom": restrict both to shared countries. */
function pairQualifiers(src: string, mentions: Mention[]): void {
  const locs = mentions.filter((m) => (m.kind === 'place' || m.kind === 'country') && !m.fixed || (m.kind === 'place' && m.prior.size === 1)).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < locs.length; i++) {
    const a = locs[i]!;
    const b = locs[i + 1]!;
    const gap = src.slice(a.end, b.start);
    if (!/^\s*[,(]\s*$/.test(gap) && !/^\s+in\s+$/.test(gap)) continue;
    const shared = [...a.prior.keys()].filter((cc) => b.prior.has(cc));
    if (shared.length === 0) continue;
    const keep = (m: Mention) => {
      m.prior = new Map([...m.prior].filter(([cc]) => shared.includes(cc)));
      m.needsSupport = false;
      m.mult = Math.max(m.mult, 1);
    };
    keep(a);
    keep(b);
  }
  // "Innisfail, Alberta", "Karak, Jordan": a capitalised name the gazetteer does not know,
  // followed by ", <region or country>", is still a place; the qualifier is then used as
  // an address part, not as a passing mention, so it needs no further support.
  const extra: Mention[] = [];
  for (const m of mentions) {
    if (m.fixed || !(m.kind === 'country' || (m.kind === 'place' && m.weight >= 2.5))) continue;
    const before = src.slice(Math.max(0, m.start - 40), m.start);
    const q = /(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+)?), $/u.exec(before);
    if (!q || !q[1]) continue;
    const qStart = m.start - before.length + q.index;
    const qEnd = qStart + q[1].length;
    if (qStart > 0 && /[\p{L}\p{N}]/u.test(src[qStart - 1] ?? '')) continue;
    if (mentions.some((o) => o !== m && o.start < qEnd && o.end > qStart)) continue;
    // Not a sentence-initial word ("Meanwhile, Jordan …"), not a weekday/date ("Friday, Georgia …" is rare).
    if (/(?:^|[.!?:;"“(]\s*)$/u.test(src.slice(Math.max(0, qStart - 3), qStart))) continue;
    m.needsSupport = false;
    m.mult = Math.max(m.mult, 1);
    // The unknown name is itself an address part: modest evidence for the qualifier's countries.
    extra.push(mention('place', src, qStart, qEnd, new Map(m.prior), ADDRESS_WEIGHT, { fixed: false }));
  }
  mentions.push(...extra);
  // One name, one place: other mentions of a qualified name follow its qualifier.
  const qualified = new Map<string, Map<string, number>>();
  for (const m of locs) if (!m.needsSupport && m.prior.size >= 1 && m.kind === 'place') qualified.set(fold(m.text), m.prior);
  for (const m of mentions) {
    if (m.fixed || m.kind !== 'place') continue;
    const q = qualified.get(fold(m.text));
    if (!q || q === m.prior) continue;
    const inter = new Map([...m.prior].filter(([cc]) => q.has(cc)));
    if (inter.size > 0 && inter.size < m.prior.size) {
      m.prior = inter;
      m.needsSupport = false;
    }
  }
}

function matchPhraseBefore(toks: Token[], end: number, phrase: ReadonlyArray<string>): boolean {
  const L = phrase.length;
  if (end - L < 0) return false;
  for (let k = 0; k < L; k++) if (toks[end - L + k]!.folded !== phrase[k]) return false;
  return true;
}


function applyCues(src: string, toks: Token[], mentions: Mention[], language: string | null): void {
  const generic = toks.some((t) => GENERIC.has(t.folded)) || GENERIC_PHRASES.test(src);
  // Sentence index per token.
  const sent = new Int32Array(toks.length);
  let s = 0;
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && toks[i]!.sentStart) s++;
    sent[i] = s;
  }
  for (const m of mentions) {
    const ti = m.tokStart >= 0 ? m.tokStart : tokenIndexAt(toks, m.start);
    m.tokStart = ti;
    // Made in …
    for (let gap = 0; gap <= 2 && !m.madeIn; gap++) {
      const end = ti - gap;
      for (const p of MADE_IN) {
        if (matchPhraseBefore(toks, end, p)) {
          // Gap words must be articles/determiners, not another clause.
          let okGap = true;
          for (let g = end; g < ti; g++) if (!/^(the|a|an|la|le|l|el|der|die|den|de|in|en|au|aux|w|v)$/.test(toks[g]!.folded)) okGap = false;
          if (okGap) m.madeIn = true;
          break;
        }
      }
    }
    // … and languages that put it after the name: "भारत में बनी", "中国製", "中国制造", "중국산".
    if (!m.madeIn && MADE_IN_AFTER.test(src.slice(m.end, m.end + 12))) m.madeIn = true;
    // Negation within 3 tokens before, same sentence, negator not followed by punctuation.
    // Words of belief and copulas do not count towards the three ("I don't think it's from X").
    for (let k = 1, counted = 0; counted < 3 && k <= 8; k++) {
      const j = ti - k;
      if (j < 0 || sent[j] !== sent[ti]) break;
      const tj = toks[j]!;
      const after = src.slice(tj.end, (toks[j + 1]?.start ?? tj.end));
      if (/[,;:.!?]/.test(after) && k > 1) break;
      // "don't", "isn't", "can't": the tokeniser splits them at the apostrophe.
      const contracted = tj.folded === 't' && j > 0 && /n$/.test(toks[j - 1]!.folded) && /^['’]$/.test(src.slice(toks[j - 1]!.end, tj.start));
      const negator = (NEGATIONS.has(tj.folded) && !(language === 'pt' && PT_NOT_NEGATIONS.has(tj.folded))) || contracted;
      if (negator) {
        if (!/[,;:.!?]/.test(after)) m.negated = true;
        break;
      }
      if (mentions.some((o) => o !== m && o.tokStart === j)) break;
      if (!BELIEF_WORDS.has(tj.folded)) counted++;
    }
    // Demonym used as a style or colour name: "Turkish blue", "Polish pottery style".
    // A country name in one language can be another language's adjective ("Swiss" is Indonesian for
    // Switzerland): style and idiom cues apply to it as to a demonym ("Swiss-style muesli").
    const adjective = m.kind === 'demonym' || (m.kind === 'country' && m.tokEnd - m.tokStart === 1 && /(?:ish|ese|ss|ian)$/i.test(m.text) && demonymOf(fold(m.text)) !== null);
    if (adjective) {
      if (m.kind === 'country') m.weight = Math.min(m.weight, 1.5);
      const te = m.tokEnd >= 0 ? m.tokEnd : ti + 1;
      for (let k = 0; k < 3; k++) {
        const nt = toks[te + k];
        // A verb ends the noun phrase: "the American giant is looking to …" is not a look.
        if (!nt || sent[te + k] !== sent[ti] || PHRASE_BREAKS.has(nt.folded)) break;
        // "… is Czech, 80s panelák style": a comma ends the phrase the demonym qualifies.
        if (/[,;:]/.test(src.slice(toks[te + k - 1]?.end ?? m.end, nt.start))) break;
        if (STYLE_AFTER.has(nt.folded) || /-style$/.test(src.slice(m.end, nt.end))) {
          m.style = true;
          break;
        }
      }
      const next = toks[te];
      const before = toks[ti - 1];
      const own = m.prior.size === 1 ? [...m.prior.keys()][0]! : '';
      if (next && sent[te] === sent[ti] && (IDIOM_NOUNS.has(next.folded) || PRODUCT_IDIOMS[own]?.has(next.folded))) m.idiom = true;
      else if (before && sent[ti - 1] === sent[ti] && IDIOM_NOUNS_BEFORE.has(before.folded)) m.idiom = true;
      if (generic) m.generic = true;
    } else if (m.tokStart >= 0 && (m.kind === 'place' || m.kind === 'country')) {
      // "I'm in Lagos and … could be from anywhere": where the tipster is, not where the object is from.
      const before = src.slice(Math.max(0, m.start - 24), m.start);
      const self = SELF_LOCATION.test(before);
      // "I'm writing from Canada", "Escribo desde Chile": where the tipster writes from, said as such.
      if (WRITING_FROM.test(before) || (self && (generic || UNSURE.test(src)))) m.selfLocation = true;
      else if (generic) m.generic = true;
      const next = toks[m.tokEnd];
      const prev = toks[ti - 1];
      // "a Panama hat", "Bermuda shorts"; "Real Madrid", "FC Barcelona" (a club, its shirt is sold everywhere); "God bless America".
      // "the model is called 'Venezia'", "si chiama 'Venezia'": a product named after a place.
      const named = /['"‘’“”«]\s*$/.test(src.slice(Math.max(0, m.start - 2), m.start)) && NAMED_RE.test(src.slice(Math.max(0, m.start - 30), m.start));
      const idiom = named || (next !== undefined && sent[m.tokEnd] === sent[ti] && PATTERN_AFTER.has(next.folded)) ||
        (prev !== undefined && sent[ti - 1] === sent[ti] && (CLUB_BEFORE.has(prev.folded) || prev.folded === 'bless'));
      if (idiom) {
        m.idiom = true;
        m.needsSupport = true;
      }
    }
  }
  // Contrast / correction: "X but Y", "nicht X sondern Y", "X? No, it says Y".
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const isContrast = CONTRASTS.has(t.folded);
    const isCorrection = t.sentStart && NEGATIONS.has(t.folded) && /^\s*,/.test(src.slice(t.end));
    if (!isContrast && !isCorrection) continue;
    const later = mentions.filter((m) => m.tokStart > i && !m.madeIn && !m.negated && (sent[m.tokStart] ?? -1) - sent[i]! <= 1);
    if (later.length === 0) {
      // "My first thought was Thailand but honestly no, I can't tell": the guess is taken back.
      if (isContrast && RETRACTIONS.test(src.slice(t.end, t.end + 60))) {
        for (const m of mentions) {
          if (m.tokStart >= i || sent[m.tokStart] !== sent[i]) continue;
          m.retracted = true;
        }
      }
      continue;
    }
    for (const m of mentions) {
      if (m.tokStart >= i) continue;
      const sameScope = isContrast ? sent[m.tokStart] === sent[i] : sent[m.tokStart] === sent[i]! - 1;
      if (!sameScope) continue;
      // Only demote when the later place is a different country.
      const laterCountries = new Set(later.flatMap((l) => [...l.prior.keys()]));
      if ([...m.prior.keys()].every((cc) => laterCountries.has(cc))) continue;
      m.demoted = true;
    }
  }
}

function normalise(prior: Map<string, number>, boost?: (cc: string) => number): Map<string, number> {
  let total = 0;
  const out = new Map<string, number>();
  for (const [cc, w] of prior) {
    const v = w * (boost ? boost(cc) : 1);
    out.set(cc, v);
    total += v;
  }
  if (total > 0) for (const [cc, v] of out) out.set(cc, v / total);
  return out;
}

/**
 * How much a mention vouches for its countries when coherence re-weights the others: its
 * strength, or nothing when a cue cancels or reverses it (made in, negated, taken back, the
 * tipster's own location, an idiom or style) or it is a person's name.
 */
function vouch(m: Mention): number {
  if (m.madeIn || m.negated || m.retracted || m.demoted || m.selfLocation || m.idiom || m.style || m.person) return 0;
  const w = m.weight * m.mult;
  return m.needsSupport ? WEAK_VOUCH * w : w;
}

/**
 * Mentions with the same key are one piece of evidence in coherence: a place or country by its
 * folded name, an amount by its currency sign or word ("$37.15" and "$36.1" are both "$").
 */
function sameNameKey(m: Mention): string | undefined {
  if (m.kind === 'place' || m.kind === 'country') return fold(m.text);
  if (m.kind === 'currency') return 'currency:' + fold(m.text.replace(/[\d\s.,'’]+/gu, ''));
  return undefined;
}

/**
 * Everything the scorer needs about a tip: flagged mentions and their distributions. `photos`
 * are the GPS points of its photos (photo.ts): the one way photo evidence enters, for the
 * classifier (engine.ts) and for training (scripts/lib/geo-training.ts) alike.
 */
export function analyse(input: string, photos: readonly GeoPoint[] = []): Analysis {
  const extra = photos.flatMap((point) => photoMention(point) ?? []);
  const text = typeof input === 'string' ? (input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input) : '';
  const language = detectLanguage(text);
  const languagePrior = language ? LANG_COUNTRIES[language] : undefined;
  if (!/[\p{L}\p{N}]/u.test(text)) {
    const mentions = [...extra];
    return { text, language, mentions, dists: mentions.map((m) => normalise(m.prior)), generic: false, unsure: false, languagePrior };
  }

  const toks = tokenize(text);
  const shape = textShape(toks, language);
  const hasDigit = /\d/.test(text);
  const signals: Mention[] = [];
  if (hasDigit && /(?:\+|00)\s?[1-9]/.test(text)) signals.push(...phones(text));
  if (hasDigit && /\d{3}[ .-]\d{4}(?!\d)/.test(text)) signals.push(...nanpPhones(text).filter((p) => !signals.some((s) => overlaps(s, p))));
  if (hasDigit && NATIONAL_HINT.test(text)) signals.push(...nationalPhones(text).filter((p) => !signals.some((s) => overlaps(s, p))));
  if (hasDigit && text.includes('+')) signals.push(...callingCodes(text).filter((p) => !signals.some((s) => overlaps(s, p))));
  if (/[\p{L}\p{N}-]\.[a-z]/u.test(text)) signals.push(...webAddresses(text));
  if (hasDigit) {
    signals.push(...coordinates(text));
    signals.push(...postcodes(text).filter((p) => !signals.some((s) => overlaps(s, p))));
    signals.push(...currencies(text).filter((c) => !signals.some((s) => overlaps(s, c))));
  } else if (/[£€$¥₩₹₪₽₴₺円元원]/u.test(text)) {
    signals.push(...currencies(text));
  }
  signals.push(...currencyWords(text).filter((c) => !signals.some((s) => overlaps(s, c))));
  const tokenBased = tokenMentions(text, toks, shape).filter((m) => !signals.some((s) => overlaps(s, m)));
  const mentions: Mention[] = [...tokenBased, ...signals, ...quotedScripts(text)];
  mentions.push(...pairPostcodes(text, mentions));
  pairQualifiers(text, mentions);
  applyCues(text, toks, mentions, language);
  markCoordination(text, mentions, language);
  // Evidence from outside the text (a photo's GPS) joins after the text's cues, which read
  // spans it does not have, and before coherence, so ambiguous names lean towards its country.
  mentions.push(...extra);
  // Repeating a name is not independent evidence: 1, 1/2, 1/3, …
  const seen = new Map<string, number>();
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.kind !== 'place' && m.kind !== 'country' && m.kind !== 'demonym') continue;
    const k = m.kind + ':' + fold(m.text);
    const c = (seen.get(k) ?? 0) + 1;
    seen.set(k, c);
    if (c > 1) m.mult /= c;
  }

  // Coherence: ambiguous names lean towards countries the rest of the text supports.
  let dists = mentions.map((m) => normalise(m.prior));
  for (let round = 0; round < 2; round++) {
    const total = new Map<string, number>();
    /** The same without names that need support: what a currency's country is read from. */
    const strongTotal = new Map<string, number>();
    const contrib = mentions.map((m, i) => {
      // Weak (unsupported) names vouch for each other only a little, and never a person's name:
      // "Townsville residents … between Ingham and Bowen" is three Queensland towns, "Lucy Lau" is no place.
      const w = vouch(m);
      const c = new Map<string, number>();
      for (const [cc, p] of dists[i]!) {
        if (w * p > 0) {
          c.set(cc, w * p);
          total.set(cc, (total.get(cc) ?? 0) + w * p);
          if (!m.needsSupport) strongTotal.set(cc, (strongTotal.get(cc) ?? 0) + w * p);
        }
      }
      return c;
    });
    // Mentions of the same name are one piece of evidence: they must not vouch for each other
    // ("London … London police" does not make London more British; a phone number with a 519
    // area code should still pull both to Ontario).
    const byName = new Map<string, Map<string, number>>();
    mentions.forEach((m, i) => {
      const k = sameNameKey(m);
      if (k === undefined) return;
      const acc = byName.get(k) ?? new Map<string, number>();
      for (const [cc, v] of contrib[i]!) acc.set(cc, (acc.get(cc) ?? 0) + v);
      byName.set(k, acc);
    });
    dists = mentions.map((m, i) => {
      // A currency several countries write ("$", "kr") is the one of the country the passage is
      // about: "Ottawa … $37.15 billion" is Canadian dollars, though "$" alone leans to the US.
      // Only clean evidence says so: a weak name ("Star paid … $592 million" in an Indian passage) does not.
      if ((m.fixed && m.kind !== 'currency') || m.prior.size <= 1 && !m.needsSupport) return dists[i]!;
      const backing = m.kind === 'currency' ? strongTotal : total;
      const key = sameNameKey(m);
      const own = (key === undefined ? undefined : byName.get(key)) ?? contrib[i]!;
      let sum = 0;
      const other = new Map<string, number>();
      for (const [cc, v] of backing) {
        const o = v - (own.get(cc) ?? 0);
        if (o > 1e-9) {
          other.set(cc, o);
          sum += o;
        }
      }
      const denom = Math.max(1, sum);
      const d = normalise(m.prior, (cc) => 1 + COHERENCE * ((other.get(cc) ?? 0) / denom));
      if (m.needsSupport && round === 1) {
        // How much the rest of the text backs this name's countries: a feature, not a multiplier.
        let support = 0;
        for (const [cc, p] of d) support += p * ((other.get(cc) ?? 0) / denom);
        m.support = Math.min(1, support);
      }
      return d;
    });
  }
  const generic = toks.some((t) => GENERIC.has(t.folded)) || GENERIC_PHRASES.test(text);
  return { text, language, mentions, dists, generic, unsure: UNSURE.test(text), languagePrior };
}
