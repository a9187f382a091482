/**
 * Places offered as alternatives or listed side by side: "either Canada or Australia",
 * "Pode ser do Brasil ou de Portugal", "Belfast and Dublin", "香港和澳門". Such a tip names
 * several countries without choosing one, which is what `several-countries` means; the flag is a
 * feature for the learned scorer (features.ts), not a rule. The joining words are CLDR's list
 * connectors for every language (generated/connectors.json, scripts/geo-data/connectors.ts).
 */
import connectorJson from './generated/connectors.json' with { type: 'json' };
import { fold } from '../text/fold.ts';
import type { Mention } from './mention.ts';
import { unpackLines } from './unpack.ts';
import { stopwordsOf } from './stopwords.ts';

export type Coordination = 'or' | 'and';

/** connector → language → type; built once at module load. */
const CONNECTORS = new Map<string, Map<string, Coordination>>();
let longestPhrase = 1;
for (const line of unpackLines(connectorJson.connectors)) {
  const [lang, type, words] = line.split('\t') as [string, Coordination, string];
  for (const w of words.split('|')) {
    let per = CONNECTORS.get(w);
    if (!per) CONNECTORS.set(w, (per = new Map()));
    per.set(lang, type);
    longestPhrase = Math.max(longestPhrase, w.split(' ').length);
  }
}

/**
 * A connector of another language than the tip's counts only when it cannot be a short word of
 * the tip's own ("o", "e", "en", "no" are connectors somewhere and prepositions elsewhere): a
 * single letter never, two letters when they are no stopword of the tip's language. The language
 * of a one-line tip is often guessed wrong ("Either Canada or Australia" reads as Portuguese), so
 * rejecting every short foreign connector would lose the English "or" with it.
 */
const MIN_FOREIGN = 2;
const MIN_UNCHECKED = 3;
/** Words besides the connector a join may hold: prepositions and articles ("or from", "ou de", "oder die"). */
const MAX_EXTRA = 2;
const MAX_EXTRA_LENGTH = 4;
/** A gap longer than this is a sentence, not a join. */
const MAX_GAP = 40;

function connectorType(phrase: string, language: string | null): Coordination | undefined {
  const per = CONNECTORS.get(phrase);
  if (!per) return undefined;
  const own = language === null ? undefined : per.get(language);
  if (own) return own;
  if (phrase.length < MIN_UNCHECKED && /^[\p{Script=Latin}\s]+$/u.test(phrase)) {
    if (phrase.length < MIN_FOREIGN || language === null || (stopwordsOf(language)?.has(phrase) ?? true)) return undefined;
  }
  // Where languages disagree (a word is "or" in one and "and" in another), "and" is the weaker claim.
  return [...per.values()].includes('and') ? 'and' : 'or';
}

/** How the text between two mentions joins them: a connector, a bare comma (a list so far), or nothing. */
export function joinOf(gap: string, language: string | null): Coordination | 'comma' | null {
  if (gap.length > MAX_GAP) return null;
  const g = fold(gap);
  const words = g.split(/[\s\p{P}]+/u).filter((w) => w.length > 0);
  if (words.length === 0) return /[,،、，]/u.test(g) ? 'comma' : null;
  for (let n = Math.min(longestPhrase, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const type = connectorType(words.slice(i, i + n).join(' '), language);
      if (type === undefined) continue;
      const extra = [...words.slice(0, i), ...words.slice(i + n)];
      if (extra.length <= MAX_EXTRA && extra.every((w) => [...w].length <= MAX_EXTRA_LENGTH)) return type;
    }
  }
  return null;
}

function topCountry(m: Mention): string | undefined {
  let best: string | undefined;
  let bw = -Infinity;
  for (const [cc, w] of m.prior) if (w > bw) { best = cc; bw = w; }
  return best;
}

/**
 * Marks `coordinated` on place, country and demonym mentions that a connector joins into one
 * list naming at least two countries. Cancelled mentions (negated, made in, a person) are no items.
 */
export function markCoordination(src: string, mentions: readonly Mention[], language: string | null): void {
  const items = mentions
    .filter((m) => (m.kind === 'place' || m.kind === 'country' || m.kind === 'demonym') && m.end > m.start && !m.negated && !m.madeIn && !m.person)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let chain: Mention[] = [];
  let type: Coordination | null = null;
  const close = () => {
    const countries = new Set(chain.map(topCountry));
    if (type !== null && countries.size >= 2) for (const m of chain) m.coordinated = type;
    chain = [];
    type = null;
  };
  for (const m of items) {
    const prev = chain[chain.length - 1];
    if (prev && m.start < prev.end) continue;
    const join = prev ? joinOf(src.slice(prev.end, m.start), language) : null;
    if (prev && join === null) close();
    if (join === 'or' || (join === 'and' && type !== 'or')) type = join;
    chain.push(m);
  }
  close();
}
