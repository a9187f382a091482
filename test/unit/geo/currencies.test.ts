import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { currencies, currencyWords } from '#shared/geo/signals.ts';
import type { Mention } from '#shared/geo/mention.ts';
import { classify } from '#shared/geo/index.ts';

const top = (ms: Mention[]): string | undefined => {
  const m = ms[0];
  if (!m) return undefined;
  return [...m.prior].sort((a, b) => b[1] - a[1])[0]?.[0];
};

describe('currencies from CLDR', () => {
  it('reads symbols after and before an amount, and ISO codes', () => {
    // Prepare / Act / Assess
    expect(top(currencies('The price tag is 19,90 zł.'))).toBe('PL');
    expect(top(currencies('The sticker says 2 990 Ft.'))).toBe('HU');
    expect(top(currencies('The price is £4.99 on the shelf edge.'))).toBe('GB');
    expect(top(currencies('Sticker: CHF 12.50'))).toBe('CH');
    expect(top(currencies('I can see 1.200 RSD on the sign.'))).toBe('RS');
    expect(top(currencies('500円のシール'))).toBe('JP');
    expect(top(currencies('가격표에 ₩12,900이라고 써 있어요'))).toBe('KR');
    expect(top(currencies('The price tag reads KSh 350'))).toBe('KE');
  });

  it('reads a former currency a cold case may show (kuna, since 2023 the euro)', () => {
    // Prepare / Act
    const kn = currencies('The price tag says 39,90 kn.');
    // Assess
    expect(top(kn)).toBe('HR');
  });

  it('reads a lettered symbol only in a script the currency\'s countries write', () => {
    // Prepare: CLDR's narrow Belarusian-ruble symbol in a few Latin-script locales is a Latin "p."
    const latin = 'That bag was in Leeds, cost me 10p.';
    const cyrillic = 'Пакет стоил 10 р. в магазине.';
    // Act
    const a = currencies(latin);
    const b = currencies(cyrillic);
    // Assess
    expect(a.some((m) => m.prior.has('BY'))).toBe(false);
    expect(top(b)).toBe('BY');
    expect(classify(latin).country).not.toBe('BY');
  });

  it('splits shared symbols so they never decide alone', () => {
    // Prepare / Act
    const euro = currencies('4,99 €')[0];
    const dollar = currencies('$20')[0];
    // Assess
    expect(euro).toBeDefined();
    expect(Math.max(...euro!.prior.values())).toBeLessThan(0.5);
    expect(dollar!.prior.size).toBeGreaterThan(3);
    expect(Math.max(...dollar!.prior.values())).toBeLessThan(0.6);
  });

  it('does not read units, counts or stopword codes as money', () => {
    // Prepare / Act / Assess: one Latin letter only straight before the amount; "TOP" is an English word.
    expect(currencies('it took 5 L of fuel and 10 K steps')).toEqual([]);
    expect(currencies('TOP 10 items of the year')).toEqual([]);
    expect(currencies('kr 20')).toEqual([]);
    expect(top(currencies('R50 at the till'))).toBe('ZA');
  });

  it('reads currency words in their own script next to an amount, or after a preposition', () => {
    // Prepare / Act / Assess
    expect(top(currencyWords('zapłaciłam 20 złotych'))).toBe('PL');
    expect(top(currencyWords('коштувало 200 гривень'))).toBe('UA');
    expect(top(currencyWords('costs 3000 forint'))).toBe('HU');
    expect(classify('The price is in cedis, so probably from there.').country).toBe('GH');
    // A word only one locale uses for a currency is not read without an amount.
    expect(classify('The city council is expected to vote on the proposal.').candidates.flatMap((c) => c.evidence.map((e) => e.kind))).not.toContain('currency');
  });

  it('spans start and end inside the text and cover the amount (property)', () => {
    // Prepare
    const symbol = fc.constantFrom('zł', 'Kč', 'Ft', '£', '€', 'CHF', 'kr', '₴', 'złotych', 'forint');
    const amount = fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.boolean()).map(([n, dec]) => (dec ? `${n},99` : String(n)));
    const filler = fc.string({ maxLength: 20 }).map((s) => s.replace(/[\d\p{L}]/gu, ' '));
    fc.assert(
      fc.property(filler, amount, symbol, filler, (a, n, sym, b) => {
        // Act
        const text = `${a} ${n} ${sym} ${b}`;
        const found = [...currencies(text), ...currencyWords(text)];
        // Assess
        for (const m of found) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.text).toMatch(/\d/);
        }
        expect(found.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('finds nothing in text without digits or currency words (property)', () => {
    // Prepare
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }).map((s) => s.replace(/[\d\p{L}]/gu, '')), (text) => {
        // Act / Assess
        expect(currencies(text)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
