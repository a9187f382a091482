import { describe, it, expect } from 'vitest';
import { detectLanguage } from '#shared/geo/language.ts';

describe('tip language guess on short tips', () => {
  it('guesses a short German tip', () => {
    // Prepare / Act
    const de = detectLanguage('Ich habe das in Wien gekauft, glaube ich');
    // Assess
    expect(de).toBe('de');
  });

  it('keeps a short tip written with letters only one language uses', () => {
    // Prepare: Polish with ą, ę, ł and only the one-letter stopword "w" (the pipeline stores this
    // guess as the tip's detected language, which Translate then needs as its source)
    // Act
    const pl = detectLanguage('Taką torbę dostałam w piekarni w Łodzi, Polska.');
    // Assess
    expect(pl).toBe('pl');
  });
});
