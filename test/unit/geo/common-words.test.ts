import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classify } from '#shared/geo/index.ts';
import { isCommonWord } from '#shared/geo/places.ts';
import { currencyWords } from '#shared/geo/signals.ts';
import { fold } from '#shared/text/fold.ts';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

describe('common words (stopwords-iso) in the tip language', () => {
  it('does not let a place name that is an ordinary word of the tip language decide alone', () => {
    // Prepare / Act: Indonesian "lima" is five; the same word in English is the Peruvian capital.
    const indonesian = classify('Lima tas seperti ini saya beli kemarin di pasar dekat rumah.');
    const english = classify('I bought this bag in Lima last year.');
    // Assess
    expect(indonesian.language).toBe('id');
    expect(indonesian.country).toBeNull();
    expect(english.country).toBe('PE');
  });

  it('flags by language, never without one, and never an acronym written in capitals', () => {
    // Prepare / Act / Assess
    expect(isCommonWord('lima', 'id')).toBe(true);
    expect(isCommonWord('lima', 'en')).toBe(false);
    expect(isCommonWord('lima', null)).toBe(false);
    expect(classify('The machines cost $45,000 US each, said the spokesman for the US company.').country).toBe('US');
  });

  it('agrees with the stopwords-iso lists it was built from (property)', () => {
    // Prepare
    const lists = require('stopwords-iso') as Record<string, string[]>;
    const langs = ['en', 'de', 'es', 'id', 'pl', 'fr'];
    const listed = (w: string, lang: string) => lists[lang]!.some((x) => fold(x) === w);
    const word = fc.oneof(
      fc.constantFrom(...langs).chain((l) => fc.constantFrom(...lists[l]!.filter((x) => x.length >= 2 && !/\s/.test(x)))).map((x) => fold(x)),
      fc.stringMatching(/^[a-z]{2,8}$/),
    );
    fc.assert(
      fc.property(word, fc.constantFrom(...langs), (w, lang) => {
        // Act / Assess
        expect(isCommonWord(w, lang)).toBe(listed(w, lang));
      }),
      { numRuns: 300 },
    );
  });

  it('does not read an English verb after a preposition as a currency', () => {
    // Prepare / Act / Assess: "mark" names the convertible mark in several locales, and is English.
    expect(currencyWords('We need to mark the box before it ships.')).toEqual([]);
    expect(classify('We need to mark the box before it ships.').candidates).toEqual([]);
  });
});

describe('function words for the glue check come from stopwords-iso in the tip language', () => {
  it('takes the tip language list, and the small hand list only when no language is detected', async () => {
    // Prepare
    const { functionWord } = await import('#shared/geo/places.ts');
    // Act / Assess: "und" is a German function word, not an English one; "and" the reverse.
    expect(functionWord('und', 'de')).toBe(true);
    expect(functionWord('und', 'en')).toBe(false);
    expect(functionWord('and', 'en')).toBe(true);
    expect(functionWord('and', null)).toBe(false);
    expect(functionWord('como', null)).toBe(true);
  });

  it('keeps "school and" apart in an English tip (glued it is one letter from "Schotland")', () => {
    // Prepare / Act
    const r = classify('We saw a towel like this at the school and later in a gym near the station.');
    // Assess
    expect(r.language).toBe('en');
    expect(r.candidates.flatMap((c) => c.evidence.map((e) => e.text))).not.toContain('school and');
  });
});
