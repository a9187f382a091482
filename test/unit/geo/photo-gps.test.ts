import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '#shared/geo/index.ts';
import { countryOfPoint } from '#shared/geo/photo.ts';
import { UNTRAINED_KINDS, withUntrainedKinds } from '#shared/geo/untrained-kinds.ts';
import weights from '#shared/geo/generated/geo-model.json' with { type: 'json' };
import type { ModelWeights } from '#shared/geo/model.ts';

const LISBON = { lat: 38.7223, lon: -9.1393 };
const NO_PLACE = 'My aunt had exactly this pattern in her hallway.';

describe('photo-gps evidence', () => {
  it('routes a tip naming no place to the country its photo was taken in', () => {
    // Act
    const result = classify(NO_PLACE, [LISBON]);

    // Assess
    expect(result.country).toBe('PT');
    expect(result.candidates[0]!.evidence.map((e) => e.kind)).toContain('photo-gps');
  });

  it('leaves the same text unrouted without the photo', () => {
    expect(classify(NO_PLACE).country).toBeNull();
  });

  it('adds nothing for a point at sea', () => {
    // Act
    const result = classify(NO_PLACE, [{ lat: 30, lon: -40 }]);

    // Assess
    expect(result.country).toBeNull();
    expect(result.candidates).toEqual([]);
  });

  it('never throws, and routes only on a finite point with a country near it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.double({ noNaN: false }), (lat, lon) => {
        const result = classify(NO_PLACE, [{ lat, lon }]);
        return result.country === null || (Number.isFinite(lat) && Number.isFinite(lon) && result.candidates.length > 0);
      }),
    );
  });

  it('gives photo-gps its own feature block, borrowed from coordinates, and keeps the measured calibration', () => {
    // Prepare
    const trained = weights as ModelWeights;

    // Act
    const model = withUntrainedKinds(trained);

    // Assess
    expect(trained.kinds).not.toContain('photo-gps');
    expect(model.kinds).toContain('photo-gps');
    const weightOf = (name: string) => model.candidate.weights[model.candidate.names.indexOf(name)];
    expect(weightOf('photo-gps.sum')).toBe(weightOf(`${UNTRAINED_KINDS['photo-gps']!.like}.sum`));
    expect(weightOf('photo-gps.sum')).not.toBe(0);
    expect(weightOf('place.sum')).toBe(trained.candidate.weights[trained.candidate.names.indexOf('place.sum')]);
    expect(model.calibration).toEqual(trained.calibration);
  });

  it('names the country a point falls in', () => {
    expect(countryOfPoint(LISBON)).toBe('PT');
    expect(countryOfPoint({ lat: 52.37, lon: 4.89 })).toBe('NL');
  });
});
