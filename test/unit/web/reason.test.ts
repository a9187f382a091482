import { describe, expect, it } from 'vitest';
import { unroutedExplanation } from '../../../web/src/lib/reason.ts';
import { classify } from '#shared/geo/index.ts';

describe('unroutedExplanation', () => {
  it('explains each abstention reason on an unrouted tip', () => {
    // Prepare
    const reasons = ['no-place-evidence', 'several-countries', 'weak-evidence'];
    // Act
    const texts = reasons.map((abstainReason) => unroutedExplanation({ queue: 'unrouted', country: null, abstainReason }));
    // Assess: three different, non-empty explanations
    expect(texts.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toMatch(/no place/i);
  });

  it('says nothing for a routed tip and names the guess of a low-confidence one', () => {
    // Prepare / Act
    const routed = unroutedExplanation({ queue: 'PT', country: 'PT', abstainReason: null });
    const low = unroutedExplanation({ queue: 'unrouted', country: 'GB', abstainReason: null });
    const unknown = unroutedExplanation({ queue: 'unrouted', country: null, abstainReason: 'something-else' });
    // Assess
    expect(routed).toBeNull();
    expect(low).toContain('GB');
    expect(unknown).toBeNull();
  });

  it('has an explanation for every reason the classifier gives', () => {
    // Prepare: tips that abstain for each reason
    const results = ['My aunt had exactly this pattern in her hallway.', 'Nice picture, very clear.'].map((t) => classify(t));
    // Act / Assess
    for (const r of results) {
      expect(r.country).toBeNull();
      expect(unroutedExplanation({ queue: 'unrouted', country: r.country, abstainReason: r.reason ?? null })).not.toBeNull();
    }
  });
});
