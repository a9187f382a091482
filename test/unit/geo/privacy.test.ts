import { describe, expect, it } from 'vitest';
import { classify } from '#shared/geo/index.ts';
import { cachedWords } from '#shared/geo/gazetteer.ts';
import { fold } from '#shared/text/fold.ts';

describe('geo: nothing of a tip outlives the call', () => {
  it('keeps no word of a tip that is not a gazetteer key in the module caches', () => {
    // Prepare: a made-up surname and street, capitalised so they reach the lookups and the typo matcher
    const text = 'Mrs Wrzeszczykowska from Quellenbrunnergasse sold this bag in Gdańsk.';
    // Act
    const r = classify(text);
    // Assess: the place was read, and neither the name nor the street sits in any cache
    expect(r.country).toBe('PL');
    const held = cachedWords().join('\n');
    expect(held).not.toContain(fold('Wrzeszczykowska'));
    expect(held).not.toContain(fold('Quellenbrunnergasse'));
  });
});
