/**
 * Training for the learned scorer (model.ts): L2-regularised conditional logit fitted by
 * full-batch Adam from zero (deterministic), isotonic calibration by pool-adjacent-violators,
 * and grouped k-fold splits. Pure; used by scripts/train-geo.ts and scripts/eval-geo.ts,
 * never by the classifier at run time.
 */
import { probabilities } from './model.ts';
import type { ModelWeights } from './model.ts';

/** One training tip: its candidates' vectors, the abstain vector, and which options are right. */
export interface Instance {
  rows: { x: Float64Array }[];
  nullX: Float64Array;
  /** Indices into rows of correct candidates; empty means abstaining is the right answer. */
  gold: number[];
  /** Weight of this tip in the loss (1 unless the trainer balances rare outcomes). */
  weight?: number;
}

export interface FitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 1e-3, iterations: 400, learningRate: 0.05 };

type Weights = Pick<ModelWeights, 'candidate' | 'abstain'>;

/**
 * A later stage of a staged fit: start from `init` (candidate weights then abstain weights) and
 * move only the weights `free` marks; the others stay as the earlier stage left them.
 */
export interface FitStage {
  init?: ArrayLike<number>;
  free?: readonly boolean[];
}

/**
 * Minimises mean −log P(any correct option) + l2/2·|θ|² (the abstain bias is not penalised).
 * Multi-country passages count any of their countries as correct (the likelihood of the set).
 */
export function fit(data: readonly Instance[], dimC: number, dimN: number, opt: FitOptions = DEFAULT_FIT, stage: FitStage = {}): { candidate: number[]; abstain: number[] } {
  const dim = dimC + dimN;
  const theta = stage.init === undefined ? new Float64Array(dim) : Float64Array.from(stage.init);
  if (theta.length !== dim) throw new Error(`fit: init has ${theta.length} weights, expected ${dim}`);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const g = new Float64Array(dim);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const w: Weights = { candidate: { names: [], weights: [] }, abstain: { names: [], weights: [] } };
  for (let it = 1; it <= opt.iterations; it++) {
    w.candidate.weights = Array.from(theta.subarray(0, dimC));
    w.abstain.weights = Array.from(theta.subarray(dimC));
    g.fill(0);
    for (const d of data) {
      const { p, pNull } = probabilities(w as ModelWeights, d.rows, d.nullX);
      // Posterior over the correct options: q = p·[correct] / P(correct).
      let pc = 0;
      if (d.gold.length === 0) pc = pNull;
      else for (const k of d.gold) pc += p[k]!;
      if (pc <= 0) continue;
      const qNull = d.gold.length === 0 ? 1 : 0;
      const wt = d.weight ?? 1;
      // d(−log pc)/dz_o = p_o − q_o
      const cn = wt * (pNull - qNull);
      for (let j = 0; j < dimN; j++) g[dimC + j]! += cn * d.nullX[j]!;
      d.rows.forEach((r, k) => {
        const q = d.gold.includes(k) ? p[k]! / pc : 0;
        const c = wt * (p[k]! - q);
        if (c === 0) return;
        for (let j = 0; j < dimC; j++) g[j]! += c * r.x[j]!;
      });
    }
    let n = 0;
    for (const d of data) n += d.weight ?? 1;
    n = Math.max(1, n);
    for (let j = 0; j < dim; j++) {
      if (stage.free !== undefined && !stage.free[j]) continue;
      const reg = j === dimC ? 0 : opt.l2 * theta[j]!;
      const gj = g[j]! / n + reg;
      m[j] = beta1 * m[j]! + (1 - beta1) * gj;
      v[j] = beta2 * v[j]! + (1 - beta2) * gj * gj;
      const mh = m[j]! / (1 - Math.pow(beta1, it));
      const vh = v[j]! / (1 - Math.pow(beta2, it));
      theta[j]! -= (opt.learningRate * mh) / (Math.sqrt(vh) + eps);
    }
  }
  return { candidate: Array.from(theta.subarray(0, dimC)), abstain: Array.from(theta.subarray(dimC)) };
}

/** Isotonic regression (pool adjacent violators) of ys on xs; knots at block means. */
export function isotonic(xs: readonly number[], ys: readonly number[]): { x: number[]; y: number[] } {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
  const bx: number[] = [];
  const by: number[] = [];
  const bn: number[] = [];
  for (const i of order) {
    bx.push(xs[i]!);
    by.push(ys[i]!);
    bn.push(1);
    while (by.length > 1 && by[by.length - 2]! >= by[by.length - 1]!) {
      const n2 = bn.pop()!;
      const y2 = by.pop()!;
      const x2 = bx.pop()!;
      const n1 = bn[bn.length - 1]!;
      by[by.length - 1] = (by[by.length - 1]! * n1 + y2 * n2) / (n1 + n2);
      bx[bx.length - 1] = (bx[bx.length - 1]! * n1 + x2 * n2) / (n1 + n2);
      bn[bn.length - 1] = n1 + n2;
    }
  }
  const round = (a: number) => Math.round(a * 1e4) / 1e4;
  return { x: bx.map(round), y: by.map(round) };
}

/** FNV-1a, for seeded and stable fold assignment. */
export function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Fold index per item from its group key: a group never straddles two folds. */
export function foldsOf(groups: readonly string[], k: number, seed: number): number[] {
  return groups.map((g) => hash32(g, seed) % k);
}
