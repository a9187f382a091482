/**
 * The learned scorer: a conditional logit (softmax over the tip's candidate countries plus an
 * explicit "abstain" option with its own features), and an isotonic map from the model's
 * probability of the top candidate to the calibrated probability that it is right.
 * Weights and calibration come from generated/geo-model.json, written by `npm run train:geo`
 * and loaded by engine.ts; this module holds only the arithmetic, so training never needs a
 * weights file that matches the current feature layout.
 */
import { featureNames, hasAttachmentEvidence, NULL_FEATURES, SHORT_TEXT } from './features.ts';

/**
 * Below this calibrated confidence the classifier abstains (country null). Chosen on the
 * cross-validated predictions: from 0.35 to 0.4 abstention on tips that name no place rose from
 * 89.0% to 91.2% with no change in top-1; from 0.4 to 0.45 abstention on the third-generation
 * tips rose from 68.3% to 73.0% (blind5 88.2% to 94.1%) with no change in top-1; 0.5 cost news
 * top-1 (GeoWebNews 85.4% to 84.5%, LGL 86.2% to 85.8%).
 */
export const ABSTAIN_BELOW = 0.45;

export interface ModelWeights {
  format: number;
  /** Mention kinds with their own feature bucket (others share `other`). */
  kinds: string[];
  candidate: { names: string[]; weights: number[] };
  abstain: { names: string[]; weights: number[] };
  /** Isotonic calibration of text tips of any length: increasing knots (raw probability → calibrated), linear in between. */
  calibration: CalibrationTable;
  /** One table per stratum (stratumOf), fitted on that stratum alone; a missing one falls back to `calibration`. */
  strata?: Partial<Record<Stratum, CalibrationTable>>;
}

export { ATTACHMENT_KINDS, hasAttachmentEvidence } from './features.ts';

export interface CalibrationTable { x: number[]; y: number[] }


/**
 * The groups calibrated apart: tips with evidence from an attachment's metadata (where a photo
 * was taken is right about the object's origin at another rate than words are), short texts
 * (features.ts SHORT_TEXT: a one-line tip, where the same probability is right at another rate
 * than in a news passage with more evidence behind it) and long texts.
 */
export const STRATA = ['attachment', 'short', 'long'] as const;
export type Stratum = (typeof STRATA)[number];

export function stratumOf(mentions: readonly { kind: string }[], textLength: number): Stratum {
  if (hasAttachmentEvidence(mentions)) return 'attachment';
  return textLength < SHORT_TEXT ? 'short' : 'long';
}

/** The calibration table for a tip's stratum. */
export function calibrationFor(w: ModelWeights, stratum: Stratum): CalibrationTable {
  return w.strata?.[stratum] ?? w.calibration;
}

/** Probabilities of each candidate (same order as `rows`) and of abstaining; they sum to 1. */
export function probabilities(w: ModelWeights, rows: ReadonlyArray<{ x: Float64Array }>, nullX: Float64Array): { p: number[]; pNull: number } {
  const wc = w.candidate.weights;
  const wn = w.abstain.weights;
  let zNull = 0;
  for (let j = 0; j < wn.length; j++) zNull += wn[j]! * nullX[j]!;
  const z = rows.map((r) => {
    let s = 0;
    for (let j = 0; j < wc.length; j++) s += wc[j]! * r.x[j]!;
    return s;
  });
  let max = zNull;
  for (const v of z) if (v > max) max = v;
  let sum = Math.exp(zNull - max);
  const e = z.map((v) => {
    const x = Math.exp(v - max);
    sum += x;
    return x;
  });
  return { p: e.map((v) => v / sum), pNull: Math.exp(zNull - max) / sum };
}

/** Piecewise-linear isotonic map; flat outside the knots. */
export function calibrate(cal: CalibrationTable, p: number): number {
  const { x, y } = cal;
  if (x.length === 0) return p;
  if (p <= x[0]!) return y[0]!;
  if (p >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= p) lo = mid;
    else hi = mid;
  }
  const t = (p - x[lo]!) / (x[hi]! - x[lo]! || 1);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

/** Checks that a weights file matches this code's feature layout; throws otherwise. */
export function checkWeights(w: ModelWeights): ModelWeights {
  const names = featureNames(w.kinds);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(names, w.candidate.names) || w.candidate.weights.length !== names.length) {
    throw new Error('geo-model.json does not match the feature layout of features.ts: run `npm run train:geo`');
  }
  if (!same(NULL_FEATURES, w.abstain.names) || w.abstain.weights.length !== NULL_FEATURES.length) {
    throw new Error('geo-model.json abstain features do not match features.ts: run `npm run train:geo`');
  }
  if (w.calibration.x.length !== w.calibration.y.length) throw new Error('geo-model.json calibration knots are malformed');
  for (const [k, t] of Object.entries(w.strata ?? {})) {
    if (!(STRATA as readonly string[]).includes(k) || t.x.length !== t.y.length) throw new Error(`geo-model.json calibration of stratum ${k} is malformed`);
  }
  return w;
}
