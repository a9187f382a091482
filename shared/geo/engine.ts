/**
 * The decision: analysed evidence (analyse.ts) → features per candidate country (features.ts)
 * → the learned scorer's probabilities (model.ts) → a calibrated confidence, a country or an
 * abstention with its reason. Pure and synchronous.
 */
import { analyse } from './analyse.ts';
import { tipFeatures } from './features.ts';
import { ABSTAIN_BELOW, calibrate, calibrationFor, checkWeights, probabilities, stratumOf } from './model.ts';
import type { ModelWeights } from './model.ts';
import type { GeoPoint } from './photo.ts';
import weights from './generated/geo-model.json' with { type: 'json' };
import type { Candidate, GeoResult, AbstainReason } from './schema.ts';

export { ABSTAIN_BELOW } from './model.ts';
const MAX_CANDIDATES = 5;
/** Candidates whose calibrated score rounds below this are not listed. */
const MIN_LISTED = 0.01;
/** An abstention is `several-countries` when the runner-up has at least this share of the leader's probability. */
const SEVERAL_RATIO = 0.5;

/** The trained model, checked once at module init: a stale weights file fails loudly. */
const MODEL: ModelWeights = checkWeights(weights as ModelWeights);

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** `photos`: where the tip's photos were taken (their EXIF GPS), evidence of kind `photo-gps` beside the text's. */
export function classifyText(input: string, photos: readonly GeoPoint[] = []): GeoResult {
  const a = analyse(input, photos);
  const tf = tipFeatures(a, MODEL.kinds);
  const { p } = probabilities(MODEL, tf.rows, tf.nullX);
  const calibration = calibrationFor(MODEL, stratumOf(a.mentions, a.text.length));
  const order = tf.rows.map((_, i) => i).sort((i, j) =>
    p[j]! - p[i]! || tf.rows[i]!.firstPos - tf.rows[j]!.firstPos || (tf.rows[i]!.country < tf.rows[j]!.country ? -1 : 1));
  const cands: Candidate[] = [];
  for (const i of order) {
    const r = tf.rows[i]!;
    if (r.evidence.length === 0) continue;
    // One monotone map for all candidates keeps their order; the top one's score is the confidence.
    const score = round3(calibrate(calibration, p[i]!));
    if (score < MIN_LISTED) continue;
    cands.push({ country: r.country, score, evidence: r.evidence });
    if (cands.length === MAX_CANDIDATES) break;
  }
  const best = cands[0];
  const confidence = best ? best.score : 0;
  if (best && confidence >= ABSTAIN_BELOW) return { country: best.country, confidence, candidates: cands, language: a.language };
  return { country: null, confidence, candidates: cands, language: a.language, reason: abstainReason(tf.rows.length, cands) };
}

/** Why an abstention abstains: no candidate at all, a runner-up close to the leader, or only weak evidence. */
export function abstainReason(candidateCount: number, cands: readonly Candidate[]): AbstainReason {
  if (candidateCount === 0) return 'no-place-evidence';
  const [first, second] = cands;
  if (first && second && second.score >= SEVERAL_RATIO * first.score) return 'several-countries';
  return 'weak-evidence';
}
