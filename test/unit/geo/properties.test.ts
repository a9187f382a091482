import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classify, fold, ABSTAIN_BELOW } from '#shared/geo/index.ts';
import { GeoResultSchema } from '#shared/geo/schema.ts';
import { tokenize } from '#shared/text/tokenize.ts';

const placey = fc.constantFrom('Kraków', 'Wien', '+49 30 1234567', 'www.shop.fr', '19,90 zł', '52.52, 13.40', 'SW1A 1AA', 'Suomessa', 'στην Ελλάδα', '東京', 'not', 'Made in', ', ', '\n');
const tipArb = fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 }), placey), { maxLength: 12 }).map((xs) => xs.join(' '));

describe('geo properties', () => {
  it('classify never throws and always returns a schema-valid result', () => {
    fc.assert(
      fc.property(tipArb, (text) => {
        // Act
        const r = classify(text);
        // Assess
        expect(GeoResultSchema.safeParse(r).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('evidence offsets always slice to the evidence text', () => {
    fc.assert(
      fc.property(tipArb, (text) => {
        const r = classify(text);
        for (const c of r.candidates) for (const e of c.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
      }),
      { numRuns: 300 },
    );
  });

  it('folding is idempotent and case-insensitive', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,20}$/), (s) => {
        expect(fold(s.toUpperCase())).toBe(fold(s.toLowerCase()));
      }),
    );
  });

  it('tokens map back to their source text', () => {
    fc.assert(
      fc.property(tipArb, (text) => {
        for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
      }),
      { numRuns: 300 },
    );
  });

  it('confidence is within [0,1], a country is only returned with confidence ≥ ABSTAIN_BELOW, an abstention has a reason', () => {
    fc.assert(
      fc.property(tipArb, (text) => {
        const r = classify(text);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        if (r.country !== null) expect(r.confidence).toBeGreaterThanOrEqual(ABSTAIN_BELOW);
        expect(r.reason === undefined).toBe(r.country !== null);
      }),
      { numRuns: 200 },
    );
  });
});
