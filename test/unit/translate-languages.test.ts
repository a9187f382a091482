import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import translateLanguages from '#shared/tips/data/translate-languages.json' with { type: 'json' };
import { sourceLanguageFor, translateLanguageOf } from '#shared/tips/translation.ts';

/**
 * The source language sent to Amazon Translate is always one of its codes (the data file, from its
 * documentation), never `auto`: auto would make Translate call Amazon Comprehend, an action the
 * investigator role is not granted.
 */
const codes = new Set(translateLanguages.codes);

describe('Amazon Translate language codes', () => {
  it('maps every Translate code, in any case, to itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...translateLanguages.codes), fc.boolean(), (code, upper) => {
        // Act
        const mapped = translateLanguageOf(upper ? code.toUpperCase() : code.toLowerCase());

        // Assess
        expect(mapped).toBe(code);
      }),
    );
  });

  it('maps a tag with any further subtags to a Translate code of the same primary language or its alias', () => {
    fc.assert(
      fc.property(fc.constantFrom(...translateLanguages.codes), fc.array(fc.stringMatching(/^[a-z0-9]{2,8}$/), { minLength: 1, maxLength: 3 }), (code, extra) => {
        // Act
        const mapped = translateLanguageOf([code, ...extra].join('-'));

        // Assess
        expect(mapped).not.toBeNull();
        expect(codes.has(mapped!)).toBe(true);
      }),
    );
  });

  it('resolves every alias to a Translate code', () => {
    // Act
    const targets = Object.values(translateLanguages.aliases).filter((code) => !codes.has(code));

    // Assess
    expect(targets).toEqual([]);
  });

  it.each([
    ['pt-BR', 'pt'],
    ['zh-Hant-TW', 'zh-TW'],
    ['nb', 'no'],
    ['iw', 'he'],
    ['fr-CA', 'fr-CA'],
    ['fr-BE', 'fr'],
    ['tlh', null],
    ['', null],
  ])('maps %s to %s', (tag, code) => {
    // Act
    const mapped = translateLanguageOf(tag);

    // Assess
    expect(mapped).toBe(code);
  });
});

describe('the source language of a translation', () => {
  it('prefers the investigator\'s choice, then the declared language, then the detected one', () => {
    // Act
    const chosen = sourceLanguageFor({ requested: 'cs', declared: 'pl', detected: 'uk' });
    const declared = sourceLanguageFor({ declared: 'pl-PL', detected: 'uk' });
    const detected = sourceLanguageFor({ declared: undefined, detected: 'uk' });
    const skipsUnsupportedDeclared = sourceLanguageFor({ declared: 'tlh', detected: 'uk' });

    // Assess
    expect([chosen, declared, detected, skipsUnsupportedDeclared]).toEqual([{ source: 'cs' }, { source: 'pl' }, { source: 'uk' }, { source: 'uk' }]);
  });

  it('names the problem when the choice is no Translate language or nothing is known, never falling back to auto', () => {
    // Act
    const unsupported = sourceLanguageFor({ requested: 'tlh', declared: 'pl' });
    const unknown = sourceLanguageFor({ declared: null, detected: null });

    // Assess
    expect(unsupported).toEqual({ problem: 'unsupported' });
    expect(unknown).toEqual({ problem: 'unknown' });
  });
});
