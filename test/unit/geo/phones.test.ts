import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { nationalPhones } from '#shared/geo/signals.ts';
import { classify } from '#shared/geo/index.ts';

const countries = (text: string): string[] => nationalPhones(text).flatMap((m) => [...m.prior.keys()]).sort();

describe('national-format phone numbers (libphonenumber, grouping as each country writes it)', () => {
  it('gives the countries where the number is valid and written in their national groups', () => {
    // Prepare / Act / Assess
    expect(countries('Appelez le 06 12 34 56 78 svp')).toContain('FR');
    expect(countries('Appelez le 06 12 34 56 78 svp')).not.toContain('NL');
    expect(countries('Tel. 030 12345678')).toContain('DE');
    expect(countries('Tel. 030 12345678').length).toBeLessThanOrEqual(6);
  });

  it('splits the prior evenly between the candidate countries', () => {
    // Prepare / Act
    const [m] = nationalPhones('Telefon 0221 123456');
    // Assess
    expect(m).toBeDefined();
    const shares = [...m!.prior.values()];
    expect(new Set(shares).size).toBe(1);
    expect(m!.prior.has('DE')).toBe(true);
  });

  it('splits a foreign-looking number evenly whatever the tip language: a Rome number in a Spanish tip is not read as Paraguayan alone', () => {
    // Prepare / Act
    const [m] = nationalPhones('Llámame al 06 1234 5678, vi la bolsa en una tienda.');
    const r = classify('Llámame al 06 1234 5678, vi la bolsa en una tienda.');
    // Assess
    expect(m).toBeDefined();
    expect(m!.prior.has('IT')).toBe(true);
    expect(new Set(m!.prior.values()).size).toBe(1);
    expect(r.country === 'PY' && r.confidence >= 0.5).toBe(false);
  });

  it('reads the trunk prefix 8 with a bracketed area code, as Russian and Kazakh numbers are written', () => {
    // Prepare / Act
    const kz = nationalPhones('на бирке телефон 8 (727) 250-11-22, кажется магазин');
    const ru = nationalPhones('звоните 8 (495) 123-45-67 после обеда');
    // Assess
    expect([...(kz[0]?.prior.keys() ?? [])]).toContain('KZ');
    expect([...(ru[0]?.prior.keys() ?? [])]).toContain('RU');
    expect(nationalPhones('цена 8 (10 шт.) 250 рублей')).toEqual([]);
  });

  it('does not read dates, prices or short numbers as phones', () => {
    // Prepare / Act / Assess
    expect(nationalPhones('on 01.02.2023 we went')).toEqual([]);
    expect(nationalPhones('it was 0,99 € and 2023')).toEqual([]);
    expect(nationalPhones('code 0123')).toEqual([]);
  });

  it('ranks France first for a French tip with a French-grouped mobile number (a split prior alone does not route)', () => {
    // Prepare / Act
    const r = classify('Mon numéro est le 06 12 34 56 78, rappelez-moi.');
    // Assess
    expect(r.candidates[0]?.country).toBe('FR');
    expect(r.candidates[0]?.evidence.map((e) => e.kind)).toContain('phone');
  });

  it('spans are exact slices and always contain at least 9 digits (property)', () => {
    // Prepare
    const groups = fc.array(fc.integer({ min: 10, max: 99_999 }).map(String), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), groups, fc.constantFrom(' ', '-', '.', '/'), (area, gs, sep) => {
        // Act
        const text = `call 0${area}${sep}${gs.join(sep)} today`;
        const found = nationalPhones(text);
        // Assess
        for (const m of found) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.text.replace(/\D/g, '').length).toBeGreaterThanOrEqual(9);
          expect(m.prior.size).toBeLessThanOrEqual(6);
        }
      }),
      { numRuns: 150 },
    );
  });
});
