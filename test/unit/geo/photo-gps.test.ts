import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSTAIN_BELOW, classify } from '#shared/geo/index.ts';
import { countryOfPoint } from '#shared/geo/photo.ts';
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

  it('routes on a photo alone with a confidence below the high band: in the labelled set a photo is often not where the object is from', () => {
    // Act
    const { confidence } = classify(NO_PLACE, [LISBON]);

    // Assess: routed (at least the threshold), but not as sure as typed evidence (0.993 with the borrowed weights).
    expect(confidence).toBeGreaterThanOrEqual(ABSTAIN_BELOW);
    expect(confidence).toBeLessThan(0.8);
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

  it('has photo-gps weights learnt from labelled photo tips, not borrowed from typed coordinates', () => {
    // Prepare
    const model = weights as ModelWeights & { trainedOn: { set: string }[] };
    const weightOf = (name: string) => model.candidate.weights[model.candidate.names.indexOf(name)];

    // Assess: the kind is one the trainer saw, from the photo set, with weights of its own.
    expect(model.kinds).toContain('photo-gps');
    expect(model.trainedOn.map((s) => s.set)).toContain('geo-photo-train');
    expect(weightOf('photo-gps.sum')).not.toBe(0);
    expect(weightOf('photo-gps.sum')).not.toBe(weightOf('coordinates.sum'));
  });

  it('lets a place the text names clearly outweigh a photo taken elsewhere', () => {
    // Act: a photo taken at home in Lisbon of an object the tipster says comes from Finland.
    const result = classify('I bought this towel in Helsinki, Finland last summer; the photo is from my flat.', [LISBON]);

    // Assess
    expect(result.country).toBe('FI');
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('names the country a point falls in', () => {
    expect(countryOfPoint(LISBON)).toBe('PT');
    expect(countryOfPoint({ lat: 52.37, lon: 4.89 })).toBe('NL');
  });
});
