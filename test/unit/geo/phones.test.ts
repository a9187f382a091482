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

  it('weights the candidate countries by the share of their people who speak the tip language (CLDR)', () => {
    // Prepare
    const top = (text: string, lang: string) => {
      const [m] = nationalPhones(text, lang);
      return m ? [...m.prior].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined;
    };
    // Act / Assess: German tip, German area code: Germany outweighs the other valid countries.
    expect(top('Telefon 0221 123456', 'de')).toBe('DE');
    // The tip's language has no speakers where the digits match the national grouping: the
    // countries where the number is valid in any grouping and the language is spoken are read.
    expect(top('sul cartellino c\'era scritto tel. 055 21 43 87', 'it')).toBe('IT');
    expect(top('Op het label stond een telefoonnummer: 020-6241234', 'nl')).toBe('NL');
    // A French mobile written the French way in a Polish tip stays French: the any-grouping
    // reading is only for countries where the tip's language is official (CLDR), not where a
    // minority speaks it.
    const polish = [...(nationalPhones('Numer na metce: 06 12 34 56 78, chyba sklep', 'pl')[0]?.prior.keys() ?? [])];
    expect(polish).toContain('FR');
    expect(polish).not.toContain('UA');
    // By the share of each country's people who speak it, not the head count: a London number in
    // an English tip is British, though more English speakers live in India, where it is valid too.
    expect(top('The number on the bag is 020 7946 0321, a shop I think', 'en')).toBe('GB');
  });

  it('routes an Italian tip with an Italian landline written in pairs to Italy', () => {
    // Prepare / Act
    const r = classify("sul cartellino c'era scritto tel. 055 21 43 87, forse un negozio di tessuti");
    // Assess
    expect(r.candidates[0]?.country).toBe('IT');
  });

  it('reads the trunk prefix 8 with a bracketed area code, as Russian and Kazakh numbers are written', () => {
    // Prepare / Act
    const kz = nationalPhones('на бирке телефон 8 (727) 250-11-22, кажется магазин', 'ru');
    const ru = nationalPhones('звоните 8 (495) 123-45-67 после обеда', 'ru');
    // Assess
    const top = (m: typeof kz) => [...(m[0]?.prior ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(top(kz)).toBe('KZ');
    expect(top(ru)).toBe('RU');
    expect(nationalPhones('цена 8 (10 шт.) 250 рублей', 'ru')).toEqual([]);
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
