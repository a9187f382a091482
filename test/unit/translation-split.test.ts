import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureOf, splitForTranslation, TRANSLATE_MAX_BYTES } from '#shared/tips/translation.ts';

/** A tip goes to Amazon Translate in pieces within its per-call byte limit (shared/tips/translation.ts). */
const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('splitForTranslation', () => {
  it('returns pieces within the limit whose concatenation is the text, for any text in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 8, max: 200 }), (text, limit) => {
        // Act
        const pieces = splitForTranslation(text, limit);

        // Assess
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) expect(bytes(piece)).toBeLessThanOrEqual(limit);
        // No lone surrogate at a cut: each piece is well-formed UTF-16.
        for (const piece of pieces) expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(piece)).toBe(false);
      }),
    );
  });

  it('keeps a tip within the limit in one piece, and cuts a longer one after a sentence', () => {
    // Prepare
    const sentence = 'Ten ręcznik kupiłam w Łodzi. ';
    const long = sentence.repeat(Math.ceil((TRANSLATE_MAX_BYTES * 1.5) / bytes(sentence)));

    // Act
    const short = splitForTranslation(sentence);
    const pieces = splitForTranslation(long);

    // Assess
    expect(short).toEqual([sentence]);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]!.endsWith('Łodzi. ')).toBe(true);
  });
});

describe('failureOf', () => {
  it('tells a text Translate cannot handle from a service that is not available', () => {
    const named = (name: string): Error => Object.assign(new Error(name), { name });
    expect(failureOf(named('UnsupportedLanguagePairException'))).toBe('unsupported-language');
    expect(failureOf(named('DetectedLanguageLowConfidenceException'))).toBe('language-not-detected');
    expect(failureOf(named('ThrottlingException'))).toBe('unavailable');
    expect(failureOf('not an error')).toBe('unavailable');
  });
});
