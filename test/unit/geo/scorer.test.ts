import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify } from '#shared/geo/index.ts';
import { abstainReason } from '#shared/geo/engine.ts';
import { tipFeatures, featureNames, NULL_FEATURES, OTHER_KIND } from '#shared/geo/features.ts';
import type { Analysis } from '#shared/geo/features.ts';
import { mention } from '#shared/geo/mention.ts';
import type { EvidenceKind } from '#shared/geo/schema.ts';
import { calibrate, checkWeights, probabilities } from '#shared/geo/model.ts';
import type { ModelWeights } from '#shared/geo/model.ts';
import { fit, isotonic, foldsOf } from '#shared/geo/learn.ts';

const analysisWith = (kind: string, text = 'Acme bag'): Analysis => {
  const m = mention(kind as EvidenceKind, text, 0, 4, { NO: 1 }, 2);
  return { text, language: null, mentions: [m], dists: [new Map([['NO', 1]])], generic: false, unsure: false, languagePrior: undefined };
};

describe('geo scorer: features', () => {
  it('puts a mention kind the model was not trained on into the generic bucket instead of failing', () => {
    // Prepare: a kind a future extractor might add ("brand"), a model that knows only places
    const kinds = ['place'];
    const names = featureNames(kinds);
    // Act
    const tf = tipFeatures(analysisWith('brand'), kinds);
    // Assess
    expect(tf.rows).toHaveLength(1);
    expect(tf.rows[0]!.x).toHaveLength(names.length);
    expect(tf.rows[0]!.x[names.indexOf(`${OTHER_KIND}.sum`)]).toBeGreaterThan(0);
    expect(tf.rows[0]!.x[names.indexOf('place.sum')]).toBe(0);
  });

  it('gives a kind listed in the weights file its own bucket', () => {
    // Prepare
    const kinds = ['brand', 'place'];
    const names = featureNames(kinds);
    // Act
    const tf = tipFeatures(analysisWith('brand'), kinds);
    // Assess
    expect(tf.rows[0]!.x[names.indexOf('brand.sum')]).toBeGreaterThan(0);
    expect(tf.rows[0]!.x[names.indexOf(`${OTHER_KIND}.sum`)]).toBe(0);
  });

  it('turns a negated mention into a flag feature and no candidate of its own', () => {
    // Prepare
    const a = analysisWith('country', 'Not Norway');
    a.mentions[0]!.negated = true;
    // Act
    const tf = tipFeatures(a, ['country']);
    // Assess: nothing positive is left, so there is no candidate and abstaining has the no-evidence feature
    expect(tf.rows).toHaveLength(0);
    expect(tf.nullX[NULL_FEATURES.indexOf('noEvidence')]).toBe(1);
    expect(tf.nullX[NULL_FEATURES.indexOf('negated')]).toBe(1);
  });

  it('marks a namesake the rest of the passage contradicts (a county of the other country)', () => {
    // Prepare: one name two countries share, leaning to the larger one (IE), and a county of the
    // smaller one's country (US); the same name without that county
    const town = (text: string) => mention('place', text, 0, 6, { IE: 1e6, US: 4e4 }, 2.4, { fixed: false });
    const county = (text: string) => mention('place', text, 11, 26, { US: 1 }, 1.8);
    const text = 'Dublin and Franklin County';
    const contested: Analysis = {
      text, language: 'en', mentions: [town(text), county(text)],
      dists: [new Map([['IE', 0.88], ['US', 0.12]]), new Map([['US', 1]])], generic: false, unsure: false, languagePrior: undefined,
    };
    const alone: Analysis = { ...contested, mentions: [town(text)], dists: [contested.dists[0]!] };
    const names = featureNames(['place']);
    const row = (a: Analysis, cc: string) => tipFeatures(a, ['place']).rows.find((r) => r.country === cc)!;
    // Act
    const ieContested = row(contested, 'IE').x;
    const usContested = row(contested, 'US').x;
    const ieAlone = row(alone, 'IE').x;
    // Assess: the leaning country's name is contradicted by the rest; the namesake country is backed
    expect(ieContested[names.indexOf('namesakeRival')]).toBeCloseTo(1, 5);
    expect(usContested[names.indexOf('namesakeBacked')]).toBeCloseTo(1, 5);
    expect(ieAlone[names.indexOf('namesakeRival')]).toBe(0);
    expect(ieContested[names.indexOf('namesakeBacked')]).toBe(0);
  });
});

describe('geo scorer: learning and calibration', () => {
  it('isotonic calibration is non-decreasing and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 200 }), (pairs) => {
        // Act
        const cal = isotonic(pairs.map((p) => p[0]), pairs.map((p) => (p[1] ? 1 : 0)));
        // Assess
        for (let i = 1; i < cal.y.length; i++) expect(cal.y[i]!).toBeGreaterThanOrEqual(cal.y[i - 1]!);
        for (const q of [0, 0.1, 0.5, 0.9, 1]) {
          const v = calibrate(cal, q);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(calibrate(cal, Math.min(1, q + 0.05))).toBeGreaterThanOrEqual(v);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('isotonic calibration recovers the accuracy of each confidence level', () => {
    // Prepare: raw 0.2 is right 1 time in 4, raw 0.9 is right 3 times in 4
    const xs = [0.2, 0.2, 0.2, 0.2, 0.9, 0.9, 0.9, 0.9];
    const ys = [1, 0, 0, 0, 1, 1, 1, 0];
    // Act
    const cal = isotonic(xs, ys);
    // Assess
    expect(calibrate(cal, 0.2)).toBeCloseTo(0.25, 5);
    expect(calibrate(cal, 0.9)).toBeCloseTo(0.75, 5);
  });

  it('learns to prefer the candidate with more evidence and to abstain when there is none', () => {
    // Prepare: one feature; the right candidate has the larger value; tips without evidence abstain
    const row = (v: number) => ({ x: Float64Array.of(v) });
    const data = [
      ...Array.from({ length: 20 }, () => ({ rows: [row(2), row(0.5)], nullX: Float64Array.of(1, 0), gold: [0] })),
      ...Array.from({ length: 20 }, () => ({ rows: [row(0.1)], nullX: Float64Array.of(1, 1), gold: [] })),
    ];
    // Act
    const w = fit(data, 1, 2, { l2: 1e-4, iterations: 300, learningRate: 0.1 });
    const model = { candidate: { names: ['x'], weights: w.candidate }, abstain: { names: ['bias', 'none'], weights: w.abstain } } as unknown as ModelWeights;
    const strong = probabilities(model, [row(2), row(0.5)], Float64Array.of(1, 0));
    const empty = probabilities(model, [row(0.1)], Float64Array.of(1, 1));
    // Assess
    expect(strong.p[0]!).toBeGreaterThan(0.8);
    expect(empty.pNull).toBeGreaterThan(0.8);
  });

  it('moves only the weights a later stage frees, from where the earlier stage left them', () => {
    // Prepare: two candidate features; a first stage fitted on the first only, then a stage that frees only the second
    const row = (a: number, b: number) => ({ x: Float64Array.of(a, b) });
    const first = Array.from({ length: 20 }, () => ({ rows: [row(2, 0), row(0.5, 0)], nullX: Float64Array.of(1), gold: [0] }));
    const second = Array.from({ length: 20 }, () => ({ rows: [row(0, 1), row(0, 0)], nullX: Float64Array.of(1), gold: [1] }));
    const opt = { l2: 1e-4, iterations: 200, learningRate: 0.1 };
    const one = fit(first, 2, 1, opt);

    // Act
    const two = fit(second, 2, 1, opt, { init: [...one.candidate, ...one.abstain], free: [false, true, false] });

    // Assess: the frozen weights are exactly the first stage's; the freed one learned that feature b points away from the answer
    expect(two.candidate[0]).toBe(one.candidate[0]);
    expect(two.abstain).toEqual(one.abstain);
    expect(one.candidate[1]).toBe(0);
    expect(two.candidate[1]!).toBeLessThan(-0.5);
  });

  it('keeps a group in one fold whatever the order of the items', () => {
    // Prepare
    const groups = ['a', 'b', 'a', 'c', 'b', 'a'];
    // Act
    const folds = foldsOf(groups, 5, 13);
    const again = foldsOf([...groups].reverse(), 5, 13).reverse();
    // Assess
    expect(folds[0]).toBe(folds[2]);
    expect(folds[2]).toBe(folds[5]);
    expect(folds[1]).toBe(folds[4]);
    expect(again).toEqual(folds);
  });

  it('refuses a weights file that does not match the feature layout', () => {
    // Prepare
    const stale = { format: 1, kinds: ['place'], candidate: { names: ['place.sum'], weights: [1] }, abstain: { names: [...NULL_FEATURES], weights: NULL_FEATURES.map(() => 0) }, calibration: { x: [], y: [] } };
    // Act / Assess
    expect(() => checkWeights(stale)).toThrow(/train:geo/);
  });
});

describe('geo scorer: abstention reasons', () => {
  it('says why it abstains', () => {
    // Prepare / Act
    const none = classify('My aunt had exactly this pattern in her hallway.');
    const weak = classify('Nice picture, very clear.');
    const located = classify('I think this towel is from Portugal');
    // Assess
    expect(none).toMatchObject({ country: null, reason: 'no-place-evidence' });
    expect(weak).toMatchObject({ country: null, reason: 'weak-evidence' });
    expect(located.country).toBe('PT');
    expect(located.reason).toBeUndefined();
  });

  it('reports several countries when the runner-up is close to the leader, weak evidence otherwise', () => {
    // Prepare: candidates as the engine lists them (calibrated scores, leader first)
    const cand = (country: string, score: number) => ({ country, score, evidence: [] });
    // Act
    const close = abstainReason(2, [cand('US', 0.32), cand('CA', 0.31)]);
    const far = abstainReason(2, [cand('US', 0.32), cand('CA', 0.05)]);
    const alone = abstainReason(1, [cand('US', 0.32)]);
    const nothing = abstainReason(0, []);
    // Assess
    expect(close).toBe('several-countries');
    expect(far).toBe('weak-evidence');
    expect(alone).toBe('weak-evidence');
    expect(nothing).toBe('no-place-evidence');
  });
});
