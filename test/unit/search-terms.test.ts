import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TERMS, searchTerms } from '#shared/tips/search.ts';

describe('searchTerms', () => {
  it('folds case, diacritics and compatibility forms as the deduplicator does', () => {
    // Act
    const terms = searchTerms('Ręcznik z ŁODZI, ｔｏｗｅｌ');

    // Assess
    expect(terms).toEqual(['recznik', 'lodzi', 'towel']);
  });

  it('indexes a word of a script without spaces by its character pairs', () => {
    // Act
    const terms = searchTerms('東京駅');

    // Assess
    expect(terms).toEqual(['東京', '京駅']);
  });

  it('finds every indexed term again when that term is the query (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        // Act
        const terms = searchTerms(text);

        // Assess
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const term of terms) expect(searchTerms(term)).toContain(term);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same terms for a text and its upper-case form in a cased script (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zà-öø-ÿ ]{0,80}$/), (text) => {
        // Act + Assess
        expect(searchTerms(text.toUpperCase())).toEqual(searchTerms(text));
      }),
      { numRuns: 300 },
    );
  });
});
