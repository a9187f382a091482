import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestLanguage, LANGUAGE_TAG, parseAcceptLanguage } from '#shared/i18n/negotiate.ts';

const tag = fc.stringMatching(/^[a-z]{2,3}(-[A-Z]{2})?$/);

describe('parseAcceptLanguage', () => {
  it('orders by q, then by position, and drops q=0 and *', () => {
    expect(parseAcceptLanguage('fr;q=0.5, pl-PL, de;q=0.9, *;q=0.1, es;q=0')).toEqual(['pl-pl', 'de', 'fr']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('never throws and only ever answers well-formed tags (any input)', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const tags = parseAcceptLanguage(header);
        for (const parsed of tags) expect(LANGUAGE_TAG.test(parsed)).toBe(true);
        expect(new Set(tags).size).toBe(tags.length);
      }),
    );
  });

  it('puts the highest q first whatever the order it was written in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(tag, fc.integer({ min: 1, max: 1000 })), { selector: ([t]) => t.toLowerCase(), minLength: 1, maxLength: 6 }), (entries) => {
        const header = entries.map(([t, q]) => `${t};q=${(q / 1000).toFixed(3)}`).join(', ');
        const best = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
        expect(parseAcceptLanguage(header)[0]).toBe(best[0].toLowerCase());
      }),
    );
  });
});

describe('bestLanguage', () => {
  it('takes an exact tag, then the same primary language, else null', () => {
    expect(bestLanguage(['pt-br'], ['en', 'pt', 'pt-BR'])).toBe('pt-BR');
    expect(bestLanguage(['pt-br'], ['en', 'pt'])).toBe('pt');
    expect(bestLanguage(['pt'], ['en', 'pt-PT'])).toBe('pt-PT');
    expect(bestLanguage(['ja', 'de'], ['en', 'de'])).toBe('de');
    expect(bestLanguage(['ja'], ['en', 'de'])).toBeNull();
  });

  it('answers one of the available tags or null (any input)', () => {
    fc.assert(
      fc.property(fc.array(tag), fc.array(tag), (preferred, available) => {
        const best = bestLanguage(preferred, available);
        if (best !== null) expect(available).toContain(best);
        if (preferred.length > 0 && available.includes(preferred[0]!)) expect(best).toBe(preferred[0]);
      }),
    );
  });
});
