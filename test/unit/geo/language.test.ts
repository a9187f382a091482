import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectLanguage } from '#shared/geo/language.ts';
import { stopwordsOf } from '#shared/geo/stopwords.ts';
import { fold } from '#shared/text/fold.ts';

const stopwordHits = (text: string, lang: string): number =>
  (text.match(/\p{L}+/gu) ?? []).filter((w) => stopwordsOf(lang)?.has(fold(w))).length;

describe('tip language guess on short tips', () => {
  it('keeps a short guess backed by at least two stopwords of that language', () => {
    // Prepare / Act
    const de = detectLanguage('Ich habe das in Wien gekauft, glaube ich');
    // Assess
    expect(de).toBe('de');
  });

  it('keeps a short tip written with letters only one language uses, whatever its stopwords', () => {
    // Prepare: Polish with ą, ę, ł and only the one-letter stopword "w" (the pipeline stores this
    // guess as the tip's detected language, which Translate then needs as its source)
    // Act
    const pl = detectLanguage('Taką torbę dostałam w piekarni w Łodzi, Polska.');
    // Assess
    expect(pl).toBe('pl');
  });

  it('returns unknown for a short tip whose guessed language has fewer than two of its stopwords there', () => {
    // Prepare: Slovene, which neither the letter rule nor the function-word vote covers
    const text = 'Brisača je iz Mercatorja, kupila sem jo v Mariboru';
    // Act
    const lang = detectLanguage(text);
    // Assess
    expect(lang === null || stopwordHits(text, lang) >= 2).toBe(true);
  });

  it('any guess on a short Latin-script tip without a one-language letter has at least two stopwords of the guessed language (property)', () => {
    // Prepare: short sequences of words from several languages, names and shop words
    const pool = ['towel', 'Mariboru', 'kupila', 'Føtex', 'posen', 'bolsa', 'Aarhus', 'sak', 'gekry', 'Tartus', 'kott', 'Lugo',
      'toalla', 'pyyhe', 'Kaune', 'mačiau', 'Bilbon', 'erosi', 'handklæði', 'Akureyri', 'the', 'de', 'je', 'og', 'ja', 'sem'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 3, maxLength: 8 }), (words) => {
        // Act
        const text = words.join(' ');
        const lang = detectLanguage(text);
        // Assess
        const letters = text.replace(/[^\p{L}]/gu, '').length;
        if (lang !== null && letters < 60 && stopwordsOf(lang)) expect(stopwordHits(text, lang)).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});
