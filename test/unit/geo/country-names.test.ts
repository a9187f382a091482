import { describe, it, expect } from 'vitest';
import { lookup } from '#shared/geo/gazetteer.ts';
import { classify } from '#shared/geo/index.ts';

describe('country names from CLDR beside i18n-iso-countries', () => {
  it('knows names only CLDR has (Swahili, Tigrinya) and keeps the i18n ones', () => {
    // Prepare / Act
    const swahili = lookup('jamhuri ya kidemokrasia ya kongo');
    const tigrinya = lookup('ኣርጀንቲና');
    // Assess
    expect(swahili?.some((e) => e.cc === 'CD' && e.type === 'c')).toBe(true);
    expect(tigrinya?.some((e) => e.cc === 'AR' && e.type === 'c')).toBe(true);
    expect(lookup('polska')?.some((e) => e.cc === 'PL' && e.type === 'c')).toBe(true);
  });

  it('does not turn a short or common word of another language into a country', () => {
    // Prepare / Act: CLDR names below 4 letters or made of stopwords/English nouns are not added.
    const lau = lookup('lau');
    const r = classify('When Lucy Lau was born in Churchill, Manitoba, her parents were worried.');
    // Assess
    expect(lau?.some((e) => e.type === 'c') ?? false).toBe(false);
    expect(r.country).toBe('CA');
  });
});
