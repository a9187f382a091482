import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinOf } from '#shared/geo/coordination.ts';
import { analyse } from '#shared/geo/analyse.ts';
import { ATTACHMENT_NULL_FEATURES, featureNames, NULL_FEATURES, SHORT_TEXT, tipFeatures } from '#shared/geo/features.ts';
import { stratumOf } from '#shared/geo/model.ts';
import weights from '#shared/geo/generated/geo-model.json' with { type: 'json' };

const coordinatedOf = (text: string) =>
  analyse(text).mentions.filter((m) => m.kind === 'place' || m.kind === 'country').map((m) => [m.text, m.coordinated]);

describe('geo coordination: CLDR list connectors', () => {
  it('reads "or" and "and" in the tip\'s language, with a preposition beside the connector', () => {
    // Prepare / Act / Assess
    expect(joinOf(' or ', 'en')).toBe('or');
    expect(joinOf(' ou de ', 'pt')).toBe('or');
    expect(joinOf(' and ', 'en')).toBe('and');
    expect(joinOf(' und ', 'de')).toBe('and');
    expect(joinOf(', ', 'en')).toBe('comma');
  });

  it('rejects a one- or two-letter connector of another language, and a gap that is a sentence', () => {
    // Prepare: Spanish "o" and Portuguese "e" are connectors; in an English tip they are not words
    // Act / Assess
    expect(joinOf(' o ', 'en')).toBeNull();
    expect(joinOf(' e ', 'en')).toBeNull();
    expect(joinOf(' o ', 'es')).toBe('or');
    expect(joinOf(' and then my cousin said it could have come from ', 'en')).toBeNull();
  });

  it('never reads plain letters with no connector as a join', () => {
    // Prepare: words no language uses as a connector
    fc.assert(fc.property(fc.stringMatching(/^[xqz]{3,8}$/), (w) => {
      // Act / Assess
      expect(joinOf(` ${w} `, 'en')).toBeNull();
    }));
  });

  it('marks places of two countries joined by "or", and not a town joined to its own country', () => {
    // Prepare / Act
    const two = coordinatedOf('Either Canada or Australia, not sure which');
    const same = coordinatedOf('Toronto or somewhere else in Canada');
    const one = coordinatedOf('I bought it in Canada');
    // Assess
    expect(two).toEqual([['Canada', 'or'], ['Australia', 'or']]);
    expect(same.every(([, c]) => c === null)).toBe(true);
    expect(one).toEqual([['Canada', null]]);
  });

  it('gives the scorer the join: a tip offering two countries has the alternatives feature', () => {
    // Prepare
    const names = featureNames(weights.kinds);
    // Act
    const or = tipFeatures(analyse('Either Canada or Australia'), weights.kinds);
    const plain = tipFeatures(analyse('I bought it in Canada'), weights.kinds);
    // Assess
    expect(or.nullX[NULL_FEATURES.indexOf('alternatives')]).toBeGreaterThan(0);
    expect(plain.nullX[NULL_FEATURES.indexOf('alternatives')]).toBe(0);
    expect(or.rows.every((r) => r.x[names.indexOf('coordinatedOr')]! > 0)).toBe(true);
  });
});

describe('geo features: the short-text copy and calibration strata', () => {
  const long = 'The towel in the photo looks exactly like the ones sold in Norway. '.repeat(4);
  const short = 'The towel looks like the ones sold in Norway.';

  it('copies every feature for a short text and leaves the copy zero for a long one', () => {
    // Prepare
    const names = featureNames(weights.kinds);
    const half = names.length / 2;
    expect(long.length).toBeGreaterThanOrEqual(SHORT_TEXT);
    expect(short.length).toBeLessThan(SHORT_TEXT);
    // Act
    const l = tipFeatures(analyse(long), weights.kinds);
    const s = tipFeatures(analyse(short), weights.kinds);
    // Assess
    expect(names[half]).toBe('short.' + names[0]);
    for (const r of l.rows) expect([...r.x.subarray(half)].every((v) => v === 0)).toBe(true);
    for (const r of s.rows) expect([...r.x.subarray(half)]).toEqual([...r.x.subarray(0, half)]);
    expect(s.rows.some((r) => r.x.subarray(half).some((v) => v !== 0))).toBe(true);
    // The base abstain features and their short copy; the attachment block after them is zero here.
    const nh = (NULL_FEATURES.length - ATTACHMENT_NULL_FEATURES.length) / 2;
    expect([...l.nullX.subarray(nh)].every((v) => v === 0)).toBe(true);
    expect([...s.nullX.subarray(nh, 2 * nh)]).toEqual([...s.nullX.subarray(0, nh)]);
  });

  it('puts a tip in the attachment, short or long stratum', () => {
    // Prepare / Act / Assess
    expect(stratumOf([{ kind: 'photo-gps' }, { kind: 'place' }], 20)).toBe('attachment');
    expect(stratumOf([{ kind: 'place' }], SHORT_TEXT - 1)).toBe('short');
    expect(stratumOf([{ kind: 'place' }], SHORT_TEXT)).toBe('long');
  });

  it('ships a calibration table for each stratum', () => {
    // Prepare / Act / Assess: a table missing would silently fall back to the all-text one
    expect(Object.keys(weights.strata ?? {}).sort()).toEqual(['attachment', 'long', 'short']);
  });
});

describe('geo cues: contrast words beyond the first languages', () => {
  it.each([
    ['uk', 'Спочатку подумав, що Польща, але це Україна', 'Польща'],
    ['tr', 'İlk aklıma Yunanistan geldi ama bence Bulgaristan', 'Yunanistan'],
    ['id', 'Saya kira Malaysia, tapi sebenarnya Indonesia', 'Malaysia'],
  ])('demotes the earlier guess after "but" (%s)', (_lang, text, earlier) => {
    // Prepare / Act
    const ms = analyse(text).mentions.filter((m) => m.kind === 'country');
    // Assess: the first guess is demoted, the correction is not
    expect(ms.find((m) => m.text === earlier)?.demoted).toBe(true);
    expect(ms.filter((m) => m.text !== earlier).every((m) => !m.demoted)).toBe(true);
  });
});
