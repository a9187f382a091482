import { describe, it, expect } from 'vitest';
import { classify } from '#shared/geo/index.ts';
import { lookup, isFirstWord, gazetteerSize } from '#shared/geo/gazetteer.ts';
import { isAsciiFirstWord } from '#shared/geo/packed.ts';
import gaz from '#shared/geo/generated/gazetteer.json' with { type: 'json' };

describe('packed gazetteer', () => {
  it('stores the data as compact ASCII strings (cheap to bundle)', () => {
    // Prepare / Act
    const json = JSON.stringify(gaz);
    // Assess: no \uXXXX-escaped text for esbuild to inline, well under the size budget.
    expect(/[^\x00-\x7f]/.test(json)).toBe(false);
    expect(json.length).toBeLessThan(2_500_000);
    expect(gazetteerSize).toBeGreaterThan(100_000);
  });

  it('finds keys in both the ASCII part and the lazily decoded non-Latin part', () => {
    // Prepare / Act
    const paris = lookup('paris');
    const moscow = lookup('москва');
    const tokyo = lookup('東京');
    // Assess
    expect(paris?.map((e) => e.cc)).toContain('FR');
    expect(paris?.[0]).toMatchObject({ cc: 'FR', type: 'p' });
    expect(moscow?.map((e) => e.cc)).toContain('RU');
    expect(tokyo?.map((e) => e.cc)).toContain('JP');
    expect(lookup('zzzz qqqq')).toBeUndefined();
  });

  it('answers first-word queries for multi-word names', () => {
    // Prepare / Act / Assess
    expect(isFirstWord('new')).toBe(true); // "new york"
    expect(isFirstWord('qqqqzz')).toBe(false);
    expect(isAsciiFirstWord('san 東京')).toBe(true);
    expect(isAsciiFirstWord('東京')).toBe(false);
  });
});

describe('qualified unknown names', () => {
  it.each([
    ['unknown town, country', 'The bus left Qatraneh, Jordan at dawn and reached the coast by noon.', 'JO'],
    ['unknown town, region', 'Our neighbour brought it back from Wetaskiwinville, Alberta.', 'CA'],
  ])('%s → the qualifier is an address part', (_label, text, cc) => {
    // Prepare / Act
    const r = classify(text);
    // Assess
    expect(r.country).toBe(cc);
  });

  it('does not treat a sentence-initial word before a comma as a place', () => {
    // Prepare: "Jordan" is also a given name; nothing says it is the country.
    const text = 'Meanwhile, Jordan called me about the parcel.';
    // Act
    const r = classify(text);
    // Assess
    expect(r.country).toBeNull();
  });
});
