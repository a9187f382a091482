import { describe, expect, it } from 'vitest';
import { figures } from '../../../scripts/lib/geo-training.ts';
import type { Item, Pred } from '../../../scripts/lib/geo-training.ts';

describe('eval:geo figures', () => {
  it('counts coverage over located items only, so a confident answer on an abstain item cannot lift it', () => {
    // Prepare: one located item answered confidently, two abstain items answered confidently (both wrong)
    const items = [
      { id: 'a', text: 'x', countries: ['PL'] },
      { id: 'b', text: 'y', countries: [] },
      { id: 'c', text: 'z', countries: [] },
    ] as Item[];
    const preds: Pred[] = [
      { country: 'PL', confidence: 0.9, top: 'PL' },
      { country: 'DE', confidence: 0.9, top: 'DE' },
      { country: 'FR', confidence: 0.9, top: 'FR' },
    ];
    // Act
    const f = figures(items, preds);
    // Assess: precision counts all three confident answers, coverage only the one located item
    expect(f.high).toBe(3);
    expect(f.highRight).toBe(1);
    expect(f.highLocated).toBe(1);
    expect(f.highLocated / f.located).toBe(1);
  });
});
