/**
 * Features per (tip, candidate country) for the learned scorer (model.ts).
 *
 * The extractors and context cues produce mentions (kind, span, prior over countries,
 * strength, flags); coherence gives each mention a distribution over its countries. This
 * module turns them into one numeric vector per candidate country plus one for the explicit
 * "abstain" option. It is generic over mention kinds: the kinds come from the weights file
 * (the trainer lists those it saw), and a kind the model was not trained on falls into the
 * `other` bucket, so a new extractor plugs in with only retraining.
 */
import { fold } from '../text/fold.ts';
import type { Mention } from './mention.ts';
import type { Evidence } from './schema.ts';

/** What the engine knows about one tip before scoring. */
export interface Analysis {
  text: string;
  language: string | null;
  mentions: Mention[];
  /** Per mention: its distribution over countries after coherence (sums to 1). */
  dists: Map<string, number>[];
  /** The tip says the object is sold everywhere / in many countries. */
  generic: boolean;
  /** The tip says the writer does not know ("no idea", "can't tell"). */
  unsure: boolean;
  /** Weak prior from the tip's language (LANG_COUNTRIES), per country. */
  languagePrior: Readonly<Record<string, number>> | undefined;
}

/**
 * Where a mention's evidence goes. A mention lands in exactly one bucket: the first cue flag
 * that applies, else `weak` (a name that needs support), else `generic` (the tip says "sold
 * everywhere"), else its kind. The order puts the cues that reverse or cancel evidence first.
 */
export const FLAG_BUCKETS = ['madeIn', 'negated', 'retracted', 'demoted', 'selfLocation', 'idiom', 'style', 'person', 'stem', 'generic'] as const;
type FlagBucket = (typeof FLAG_BUCKETS)[number];
/**
 * Flag buckets whose evidence still points somewhere (shares, totals, namesakes) and that the flag's
 * own weight discounts: a stem read, a name in a "sold everywhere" tip. The other flags reverse or
 * cancel their evidence.
 */
const POSITIVE_FLAGS: ReadonlySet<string> = new Set<FlagBucket>(['stem', 'generic']);

export const CANDIDATE_GLOBALS = [
  'share', 'logShare', 'logStrength', 'top', 'margin', 'kinds', 'names',
  'ambiguity', 'onlyAmbiguous', 'prominence', 'priorShare', 'language', 'position', 'noClean', 'shareSquared',
  'namesakeRival', 'namesakeBacked', 'dateline', 'coordinatedOr', 'coordinatedAnd',
] as const;

const BASE_NULL_FEATURES = [
  'bias', 'noEvidence', 'logStrength', 'candidates', 'topShare', 'topMargin', 'onlyWeak', 'generic', 'unsure', 'negated', 'length',
  'alternatives', 'listed',
] as const;

/**
 * Texts shorter than this get a second copy of every feature (`short.<name>`), zero for longer
 * texts ("frustratingly easy" domain adaptation, Daumé 2007): one-line tips and news passages
 * share what the evidence means, and the copy learns where they differ (the same country name
 * decides a news passage less often than a tip, a bare list of two countries means "not sure"
 * in a tip). All tip sets have a median under 70 characters and 96–100% of their items under
 * 200; the news halves a median near 500 and 3–4% under 200. The calibration is split at the
 * same length (model.ts stratumOf).
 */
/**
 * Evidence kinds read from an attachment's metadata rather than the text. They are learned in a
 * second stage with the text weights held fixed (scripts/lib/geo-training.ts), and tips that
 * carry them are calibrated in their own stratum (stratumOf).
 */
export const ATTACHMENT_KINDS: readonly string[] = ['photo-gps'];

/** Whether an analysis holds attachment evidence. */
export const hasAttachmentEvidence = (mentions: readonly { kind: string }[]): boolean => mentions.some((m) => ATTACHMENT_KINDS.includes(m.kind));

export const SHORT_TEXT = 200;
const SHORT_PREFIX = 'short.';

/**
 * The abstain option's features for a tip with attachment evidence, zero otherwise, fitted in the
 * attachment stage with the photo weights (scripts/lib/geo-training.ts): where a photo was taken
 * says less when the text names nothing ("an IKEA towel, we have one too, photo attached": the
 * photo shows where the tipster lives), and the text-stage abstain weights never saw a photo.
 */
export const ATTACHMENT_NULL_FEATURES = ['attach.bias', 'attach.noText', 'attach.textStrength'] as const;

export const NULL_FEATURES: readonly string[] = [...BASE_NULL_FEATURES, ...BASE_NULL_FEATURES.map((n) => SHORT_PREFIX + n), ...ATTACHMENT_NULL_FEATURES];

/** Kind bucket for mentions of a kind the model was not trained on. */
export const OTHER_KIND = 'other';
/**
 * Per kind: clean evidence (sum of strength × share, max share, count), and names that need
 * support split by how much the rest of the text backs them: a weak country name ("Chad
 * thinks") and a weak small town in a local paper behave differently, so each kind has its own.
 */
const PER_KIND = ['sum', 'max', 'count', 'weakSupported', 'weakUnsupported'] as const;

/** A mention's share of a country below this is noise (rounding of the coherence re-weighting). */
const MIN_SHARE = 0.02;
/** A mention "supports" a country when at least this share of it goes there (evidence lists, counts). */
const SUPPORT_SHARE = 0.2;
/** A namesake this large (pseudo-population) in another country makes a place name ambiguous. */
const LARGE_NAMESAKE = 1e5;
/** Pseudo-populations span 10^0..10^8: log10 / this maps them to 0..1. */
const LOG_POP_SCALE = 8;
/** Floor inside log(share) so that a share of 0 stays finite. */
const SHARE_FLOOR = 0.01;
/** Text length enters as log1p(length) / this (≈ 1 at 3,000 characters). */
const LOG_LENGTH_SCALE = 8;

export function featureNames(kinds: readonly string[]): string[] {
  const names: string[] = [];
  for (const k of [...kinds, OTHER_KIND]) for (const p of PER_KIND) names.push(`${k}.${p}`);
  for (const f of FLAG_BUCKETS) names.push(`flag.${f}`);
  for (const g of CANDIDATE_GLOBALS) names.push(g);
  return [...names, ...names.map((n) => SHORT_PREFIX + n)];
}

export interface CandidateRow {
  country: string;
  x: Float64Array;
  evidence: Evidence[];
  firstPos: number;
}

export interface TipFeatures {
  rows: CandidateRow[];
  nullX: Float64Array;
  /** Sum of positive evidence over all countries (0: nothing points anywhere). */
  strength: number;
}

function bucketOf(m: Mention): FlagBucket | 'weak' | 'clean' {
  if (m.madeIn) return 'madeIn';
  if (m.negated) return 'negated';
  if (m.retracted) return 'retracted';
  if (m.demoted) return 'demoted';
  if (m.selfLocation) return 'selfLocation';
  if (m.idiom) return 'idiom';
  if (m.style) return 'style';
  if (m.person) return 'person';
  if (m.stem) return 'stem';
  if (m.needsSupport) return 'weak';
  if (m.generic) return 'generic';
  return 'clean';
}

function hasLargeNamesake(prior: Map<string, number>, cc: string): boolean {
  for (const [k, w] of prior) if (k !== cc && w >= LARGE_NAMESAKE) return true;
  return false;
}

/**
 * Per candidate country while the mentions are read. `v` holds, for nk kinds, five blocks of nk
 * (clean sum, max share, count, weak backed, weak not backed) and then the flag buckets: one
 * allocation per country, since a tip can have dozens of candidate countries.
 */
interface Acc {
  v: Float64Array;
  positive: number;
  clean: number;
  kinds: Set<number> | null;
  names: Set<string> | null;
  ambiguity: number;
  ambiguousNames: Set<string> | null;
  unambiguousSupport: boolean;
  prominence: number;
  priorShare: number;
  firstPos: number;
  /** Largest share of this country in a name that opens a dateline (the report's own place). */
  dateline: number;
  evidence: Evidence[];
}

/** Feature vectors for every candidate country of a tip, plus the abstain option's. */
export function tipFeatures(a: Analysis, kinds: readonly string[]): TipFeatures {
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));
  const nk = kinds.length + 1;
  const flagIndex = new Map(FLAG_BUCKETS.map((f, i) => [f, i]));
  const accs = new Map<string, Acc>();
  const acc = (cc: string): Acc => {
    let x = accs.get(cc);
    if (!x) {
      x = {
        v: new Float64Array(PER_KIND.length * nk + FLAG_BUCKETS.length),
        positive: 0, clean: 0, kinds: null, names: null, ambiguity: Infinity, ambiguousNames: null, unambiguousSupport: false,
        prominence: 0, priorShare: 0, firstPos: Infinity, dateline: 0, evidence: [],
      };
      accs.set(cc, x);
    }
    return x;
  };
  let anyClean = false;
  let anyNegated = false;
  /** Positive evidence from the text alone (not from an attachment's metadata). */
  let textTotal = 0;
  // Positive evidence per country, overall and per name (folded text), for the namesake features:
  // a name shared by several countries (Dublin, Athens, Alexandria) says less when the rest of the
  // passage backs one of its namesakes (a county, a township, a currency of that other country).
  const byCountry = new Map<string, number>();
  const byName = new Map<string, Map<string, number>>();
  const names: string[] = a.mentions.map((m) => fold(m.text));
  a.mentions.forEach((m, i) => {
    const s = m.weight * m.mult;
    const bucket = bucketOf(m);
    if (!(s > 0) || (bucket !== 'clean' && bucket !== 'weak' && !POSITIVE_FLAGS.has(bucket))) return;
    let per = byName.get(names[i]!);
    if (!per) byName.set(names[i]!, (per = new Map()));
    for (const [cc, p] of a.dists[i]!) {
      const v = s * p * (bucket === 'weak' ? m.support : 1);
      byCountry.set(cc, (byCountry.get(cc) ?? 0) + v);
      per.set(cc, (per.get(cc) ?? 0) + v);
    }
  });
  let evidenceTotal = 0;
  for (const v of byCountry.values()) evidenceTotal += v;
  /** Share of the evidence outside name `n` that goes to countries in `ccs` (0 if nothing else is there). */
  const outside = (n: string, ccs: Iterable<string>): number => {
    const own = byName.get(n);
    let ownTotal = 0;
    if (own) for (const v of own.values()) ownTotal += v;
    const rest = evidenceTotal - ownTotal;
    if (!(rest > 1e-9)) return 0;
    let sum = 0;
    for (const cc of ccs) sum += (byCountry.get(cc) ?? 0) - (own?.get(cc) ?? 0);
    return Math.max(0, Math.min(1, sum / rest));
  };
  const rival = new Map<string, number>();
  const backed = new Map<string, number>();
  a.mentions.forEach((m, i) => {
    if ((m.kind !== 'place' && m.kind !== 'country') || m.prior.size < 2 || !(m.weight * m.mult > 0)) return;
    const n = names[i]!;
    for (const cc of m.prior.keys()) {
      const p = a.dists[i]!.get(cc) ?? 0;
      const others = [...m.prior.keys()].filter((d) => d !== cc);
      // The name leans to cc, yet the rest of the passage backs its namesakes elsewhere.
      if (p >= SUPPORT_SHARE) rival.set(cc, Math.max(rival.get(cc) ?? 0, outside(n, others)));
      // cc is a namesake of the name, and the rest of the passage backs cc.
      backed.set(cc, Math.max(backed.get(cc) ?? 0, outside(n, [cc])));
    }
  });
  a.mentions.forEach((m, i) => {
    const s = m.weight * m.mult;
    if (!(s > 0)) return;
    const bucket = bucketOf(m);
    const flagIdx = bucket === 'clean' || bucket === 'weak' ? -1 : flagIndex.get(bucket)!;
    let name: string | undefined;
    if (bucket === 'negated') anyNegated = true;
    if (bucket === 'clean') anyClean = true;
    let priorTotal = 0;
    for (const v of m.prior.values()) priorTotal += v;
    const kIdx = kindIndex.get(m.kind) ?? kinds.length;
    for (const [cc, p] of a.dists[i]!) {
      if (p < MIN_SHARE) continue;
      const x = acc(cc);
      const v = s * p;
      let positive = 0;
      if (bucket === 'clean') {
        x.v[kIdx]! += v;
        x.v[nk + kIdx] = Math.max(x.v[nk + kIdx]!, p);
        if (p >= SUPPORT_SHARE) x.v[2 * nk + kIdx]! += 1;
        positive = v;
        x.clean += v;
        if (m.dateline) x.dateline = Math.max(x.dateline, p);
      } else if (bucket === 'weak') {
        x.v[3 * nk + kIdx]! += v * m.support;
        x.v[4 * nk + kIdx]! += v * (1 - m.support);
        positive = v * m.support;
      } else {
        x.v[PER_KIND.length * nk + flagIdx]! += v;
        if (POSITIVE_FLAGS.has(bucket)) positive = v;
      }
      x.positive += positive;
      if (!ATTACHMENT_KINDS.includes(m.kind)) textTotal += positive;
      // Anything but a reversed or cancelled mention or a person's name is evidence the
      // investigator should see, weak names included: the model weighs them, the list shows them.
      if (bucket !== 'madeIn' && bucket !== 'negated' && bucket !== 'person' && p >= SUPPORT_SHARE) {
        (x.kinds ??= new Set()).add(kIdx);
        name ??= names[i]!;
        (x.names ??= new Set()).add(name);
        x.evidence.push({ kind: m.kind, text: m.text, start: m.start, end: m.end });
        // Position in the text: evidence from outside it (a photo's GPS, no span) has none.
        if (m.end > m.start && m.start < x.firstPos) x.firstPos = m.start;
        if (m.kind === 'place' || m.kind === 'country') {
          x.ambiguity = Math.min(x.ambiguity, m.prior.size);
          if (m.kind === 'place') x.prominence = Math.max(x.prominence, Math.log10(1 + (m.prior.get(cc) ?? 0)) / LOG_POP_SCALE);
        }
        if (m.kind === 'place' && !m.fixed && hasLargeNamesake(m.prior, cc)) (x.ambiguousNames ??= new Set()).add(name);
        else x.unambiguousSupport = true;
        if (priorTotal > 0) x.priorShare = Math.max(x.priorShare, (m.prior.get(cc) ?? 0) / priorTotal);
      }
    }
  });
  // Places joined by "or" / "and" (coordination.ts): per country, its largest share in such a
  // mention; per tip, how many countries the joins name (the abstain option reads it).
  const coordinated = { or: new Map<string, number>(), and: new Map<string, number>() };
  a.mentions.forEach((m, i) => {
    if (m.coordinated === null) return;
    const per = coordinated[m.coordinated];
    for (const [cc, p] of a.dists[i]!) if (p >= SUPPORT_SHARE) per.set(cc, Math.max(per.get(cc) ?? 0, p));
  });
  let total = 0;
  let best = 0;
  let second = 0;
  for (const x of accs.values()) {
    total += x.positive;
    if (x.positive > best) { second = best; best = x.positive; } else if (x.positive > second) second = x.positive;
  }
  const nf = nk * PER_KIND.length + FLAG_BUCKETS.length + CANDIDATE_GLOBALS.length;
  // A tip with a photo's GPS point is read by its own, later-fitted weights (training), not the
  // short copy: with the copy, photo-train CV top-1 fell from 81.3% to 70.5%.
  const attached = hasAttachmentEvidence(a.mentions);
  const short = a.text.length < SHORT_TEXT && !attached;
  const len = Math.max(1, a.text.length);
  const rows: CandidateRow[] = [];
  let nCands = 0;
  for (const [cc, x] of accs) {
    // A country with no evidence of its own (only negated, made-in or stray shares) is no candidate.
    if (x.evidence.length === 0) continue;
    const f = new Float64Array(2 * nf);
    let o = 0;
    for (let k = 0; k < nk; k++) {
      f[o++] = Math.log1p(x.v[k]!);
      f[o++] = x.v[nk + k]!;
      f[o++] = Math.log1p(x.v[2 * nk + k]!);
      f[o++] = Math.log1p(x.v[3 * nk + k]!);
      f[o++] = Math.log1p(x.v[4 * nk + k]!);
    }
    for (let k = 0; k < FLAG_BUCKETS.length; k++) f[o++] = Math.log1p(x.v[PER_KIND.length * nk + k]!);
    const share = total > 0 ? x.positive / total : 0;
    if (share >= SUPPORT_SHARE / 2) nCands++;
    const other = x.positive === best ? second : best;
    f[o++] = share;
    f[o++] = Math.log(share + SHARE_FLOOR);
    f[o++] = Math.log1p(x.positive);
    f[o++] = x.positive > 0 && x.positive === best ? 1 : 0;
    f[o++] = total > 0 ? (x.positive - other) / total : 0;
    f[o++] = Math.log1p(x.kinds?.size ?? 0);
    f[o++] = Math.log1p(x.names?.size ?? 0);
    f[o++] = Number.isFinite(x.ambiguity) ? Math.log(x.ambiguity) : 0;
    f[o++] = !x.unambiguousSupport && x.ambiguousNames?.size === 1 ? 1 : 0;
    f[o++] = x.prominence;
    f[o++] = x.priorShare;
    f[o++] = a.languagePrior?.[cc] ?? 0;
    f[o++] = Number.isFinite(x.firstPos) ? 1 - x.firstPos / len : 0;
    f[o++] = x.clean > 0 ? 0 : 1;
    f[o++] = share * share;
    f[o++] = rival.get(cc) ?? 0;
    f[o++] = backed.get(cc) ?? 0;
    f[o++] = x.dateline;
    f[o++] = coordinated.or.get(cc) ?? 0;
    f[o++] = coordinated.and.get(cc) ?? 0;
    if (short) f.copyWithin(nf, 0, nf);
    if ((a.languagePrior?.[cc] ?? 0) > 0) x.evidence.push({ kind: 'language', text: '', start: 0, end: 0 });
    rows.push({ country: cc, x: f, evidence: x.evidence, firstPos: x.firstPos });
  }
  const base = [
    1,
    total > 0 ? 0 : 1,
    Math.log1p(total),
    Math.log1p(nCands),
    total > 0 ? best / total : 0,
    total > 0 ? (best - second) / total : 0,
    anyClean ? 0 : 1,
    a.generic ? 1 : 0,
    a.unsure ? 1 : 0,
    anyNegated ? 1 : 0,
    Math.log1p(a.text.length) / LOG_LENGTH_SCALE,
    Math.log1p(coordinated.or.size),
    Math.log1p(coordinated.and.size),
  ];
  const attach = attached ? [1, textTotal > 0 ? 0 : 1, Math.log1p(textTotal)] : [0, 0, 0];
  const nullX = Float64Array.from([...base, ...base.map((v) => (short ? v : 0)), ...attach]);
  return { rows, nullX, strength: total };
}
