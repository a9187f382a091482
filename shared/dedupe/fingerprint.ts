/**
 * The compact fingerprint of a cluster's first tip, stored inside index
 * bucket items so a candidate can be confirmed without reading the tip:
 * `tipId|hash12|flags|tokens[|photos]`, tokens space-separated (`word`, `^propernoun`,
 * `#number`, `~address`, `!neg`), photos the tip's image hashes (16 hex digits each,
 * comma-separated; the field is absent without photos, as in entries written before it). Bounded to MAX_ENTRY_BYTES: a long tip keeps
 * all its distinctive tokens and a bottom-k sample of its other words.
 */
import type { Analysis } from './analyse.ts';
import { hash32 } from '../hash.ts';
import { LEAD_MARK, NEGATION_TOKEN, splitPairs, STREET_NAME_MARK } from './analyse.ts';

export const MAX_ENTRY_BYTES = 256;
/** Characters of the base64url SHA-256 prefix stored for exact matching (72 bits). */
export const HASH_CHARS = 12;

export interface Fingerprint {
  readonly tipId: string;
  /** base64url prefix of the SHA-256 of the normalised text. */
  readonly hash: string;
  readonly words: ReadonlyMap<string, boolean>;
  readonly strong: ReadonlySet<string>;
  /** True when `words` is a bottom-k sample of a longer tip. */
  readonly sampled: boolean;
  /** Largest hash32 among sampled plain words (meaningful when sampled). */
  readonly sampleLimit: number;
  /** Perceptual hashes of the tip's photos (shared/dedupe/photo.ts). */
  readonly photos: readonly string[];
}

const utf8 = new TextEncoder();
export const byteLength = (s: string): number => utf8.encode(s).length;

export function shortHash(hexSha256: string): string {
  return Buffer.from(hexSha256, 'hex').toString('base64url').slice(0, HASH_CHARS);
}

export function fingerprintOf(tipId: string, a: Analysis, photos: readonly string[] = []): Fingerprint {
  return { tipId, hash: shortHash(a.hash), words: a.words, strong: a.strong, sampled: false, sampleLimit: 0xffffffff, photos };
}

/**
 * The clause markers of analyse.ts (`<!w=…` a leading negation of w, `<^=…` a first clause, `<$=…` a last
 * clause) are stored as one-byte flags, not as tokens: each word of a first clause ends with "<", of a
 * last clause with ">", and a leading negation `!neg:w` with "<" (decodeEntry rebuilds the markers).
 */
function clauseGroups(strong: ReadonlySet<string>): { first: Set<string>; last: Set<string>; leadNeg?: string } {
  const first = new Set<string>();
  const last = new Set<string>();
  let leadNeg: string | undefined;
  for (const t of strong) {
    if (t[0] !== LEAD_MARK) continue;
    const eq = t.indexOf('=');
    const words = t.slice(eq + 1).split('+').filter(Boolean).flatMap(splitPairs);
    if (t[1] === '!') leadNeg = t.slice(2, eq);
    for (const w of words) (t[1] === '$' ? last : first).add(w);
  }
  // A word of both clauses cannot carry both flags: the last clause's marker goes (it only ever helps a match).
  if ([...last].some((w) => first.has(w))) last.clear();
  return leadNeg === undefined ? { first, last } : { first, last, leadNeg };
}

export function encodeEntry(fp: Fingerprint): string {
  if (fp.tipId.includes('|')) throw new Error('tipId must not contain "|"');
  const head = `${fp.tipId}|${fp.hash}|`;
  // The photos' field comes last and is never cut: the words give way to it.
  const tail = fp.photos.length === 0 ? '' : `|${fp.photos.join(',')}`;
  const groups = clauseGroups(fp.strong);
  // Claim-order tokens (`>…`) go after the proper nouns: a sample that must drop one drops them first.
  const all = [...fp.strong].filter((t) => t[0] !== LEAD_MARK && t[0] !== STREET_NAME_MARK).map((t) => t.replace(/[\s|]/g, ''));
  // A street's name (`=mound`) is stored as its word with "=" after it.
  const streets = new Set([...fp.strong].filter((t) => t[0] === STREET_NAME_MARK).map((t) => t.slice(1)));
  const strong = all.filter((t) => t[0] !== '>' && t[0] !== '.').map((t) => (groups.leadNeg !== undefined && t === `${NEGATION_TOKEN}:${groups.leadNeg}` ? `${t}<` : t));
  // An abbreviation (`.str`) is stored as its word with a final dot ("str."): one byte, not a token.
  const abbr = new Set(all.filter((t) => t[0] === '.').map((t) => t.slice(1)));
  const caps: string[] = [];
  const plain: string[] = [];
  for (const [w, cap] of fp.words) {
    const flag = groups.first.has(w) ? '<' : groups.last.has(w) ? '>' : '';
    const x = `${abbr.has(w) ? `${w}.` : w}${streets.has(w) ? '=' : ''}${flag}`;
    (cap ? caps : plain).push(cap ? `^${x}` : x);
  }
  caps.push(...all.filter((t) => t[0] === '>'));
  const full = [...strong, ...caps, ...plain].join(' ');
  if (byteLength(head) + 1 + byteLength(full) + tail.length <= MAX_ENTRY_BYTES) return `${head}|${full}${tail}`;
  // Too long: keep distinctive tokens first, then the plain words of smallest hash.
  let budget = MAX_ENTRY_BYTES - byteLength(head) - 2 - tail.length;
  const kept: string[] = [];
  for (const t of [...strong, ...caps]) {
    const b = byteLength(t) + 1;
    if (b > budget) break;
    kept.push(t);
    budget -= b;
  }
  const sorted = plain.map((w) => [hash32(w.replace(/[<>]$/, '').replace(/=$/, '').replace(/\.$/, '')), w] as const).sort((x, y) => x[0] - y[0]);
  for (const [, w] of sorted) {
    const b = byteLength(w) + 1;
    if (b > budget) break;
    kept.push(w);
    budget -= b;
  }
  return `${head}s|${kept.join(' ')}${tail}`;
}

export function decodeEntry(entry: string): Fingerprint {
  const [tipId = '', hash = '', flags = '', tokens = '', photoField = ''] = entry.split('|');
  const sampled = flags.includes('s');
  const words = new Map<string, boolean>();
  const strong = new Set<string>();
  const first: string[] = [];
  const last: string[] = [];
  let leadNeg: string | undefined;
  let sampleLimit = sampled ? 0 : 0xffffffff;
  for (const t of tokens.split(' ')) {
    if (!t) continue;
    const c = t[0];
    if (c === '#' || c === '~' || c === '!' || c === '%' || c === '@' || c === '>') {
      if (c === '!' && t.endsWith('<')) {
        strong.add(t.slice(0, -1));
        leadNeg = t.slice(NEGATION_TOKEN.length + 1, -1);
      } else strong.add(t);
      continue;
    }
    const cap = c === '^';
    let w = cap ? t.slice(1) : t;
    const flag = w.length > 1 && (w.endsWith('<') || w.endsWith('>')) ? w.at(-1) : undefined;
    if (flag) w = w.slice(0, -1);
    if (w.length > 1 && w.endsWith('=')) {
      w = w.slice(0, -1);
      strong.add(`${STREET_NAME_MARK}${w}`);
    }
    if (w.length > 1 && w.endsWith('.')) {
      w = w.slice(0, -1);
      strong.add(`.${w}`);
    }
    words.set(w, cap);
    if (flag === '<') first.push(w);
    else if (flag === '>') last.push(w);
    if (!cap && sampled) sampleLimit = Math.max(sampleLimit, hash32(w));
  }
  if (leadNeg !== undefined) strong.add(`${LEAD_MARK}!${leadNeg}=${first.join('+')}`);
  else if (first.length > 0) strong.add(`${LEAD_MARK}^=${first.join('+')}`);
  if (last.length > 0) strong.add(`${LEAD_MARK}$=${last.join('+')}`);
  return { tipId, hash, words, strong, sampled, sampleLimit, photos: photoField === '' ? [] : photoField.split(',') };
}

export const entryTipId = (entry: string): string => entry.slice(0, entry.indexOf('|'));
