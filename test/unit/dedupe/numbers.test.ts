/**
 * Issue 20: numbers compared by value (shared/dedupe/numbers.ts). A resubmission rewrites a phone in
 * its international form, a price without its currency or with a compact number word; one changed
 * digit is still another claim. The sentences and numbers are made up for these tests, not taken
 * from a set.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, compare, DedupeEngine, fingerprintOf, MemoryDedupeIndex } from '#shared/dedupe/index.ts';
import { decodeEntry, encodeEntry } from '#shared/dedupe/fingerprint.ts';
import { CALLING_CODES } from '#shared/dedupe/lexicon.ts';
import { numberKey, sameNumber, shiftDecimal } from '#shared/dedupe/numbers.ts';

/** Both directions, the candidate stored and decoded as the engine reads it. */
const merged = (a: string, b: string): [boolean, boolean] => [
  compare(fingerprintOf('q', analyse(a)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(b))))).duplicate,
  compare(fingerprintOf('q', analyse(b)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(a))))).duplicate,
];

/** Each pair merged in both directions. */
const mergedEach = (pairs: readonly (readonly [string, string])[]): [boolean, boolean][] => pairs.map(([a, b]) => merged(a, b));

const tip = (phone: string): string => `The striped towel came from the market hall in Ghent, the stall owner can be reached on ${phone}.`;

describe('a phone written nationally and internationally', () => {
  it('merges the two forms where the country dials a trunk prefix and where it dials none', () => {
    // Prepare: the UK and Turkey dial "0" before a national number, Spain nothing.
    const pairs = [
      ['01632 960 118', '+44 1632 960118'],
      ['0312 555 01 77', '+90 312 555 0177'],
      ['912 33 44 05', '+34 912 334 405'],
      ['01632 960 118', '0044 1632 960118'],
      // Russia dials "8" before a national number and is "+7": as long, told apart from a typo by the "+".
      ['8 495 555 01 77', '+7 495 555 01 77'],
    ] as const;
    // Act
    const result = pairs.map(([a, b]) => merged(tip(a), tip(b)));
    // Assess
    for (const r of result) expect(r).toEqual([true, true]);
  });

  it('finds the earlier tip through the index, not only in a direct comparison', async () => {
    // Prepare
    const engine = new DedupeEngine(new MemoryDedupeIndex());
    await engine.process({ tipId: 'a', objectId: 'o', text: tip('01632 960 118') });
    // Act
    const d = await engine.process({ tipId: 'b', objectId: 'o', text: tip('+44 1632 960118') });
    // Assess
    expect(d.duplicateOf).toBe('a');
  });

  it('keeps apart a national form and another country code, and a first digit changed where code and prefix are as long', () => {
    // Prepare: "+45" is not the UK; "8 …" / "7 …" without a "+" differ in one digit only, a mistyped digit.
    const other = [tip('01632 960 118'), tip('+45 1632 960118')] as const;
    const firstDigit = [tip('8 495 555 01 77'), tip('7 495 555 01 77')] as const;
    // Act
    const result = [merged(...other), merged(...firstDigit)];
    // Assess
    expect(result).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('property: a national number and its international form are one phone; one changed digit of the national number is another', () => {
    // Prepare: calling codes that dial "0" as trunk prefix, from the data (libphonenumber).
    const codes = [...CALLING_CODES].filter(([, p]) => p.includes('0')).map(([c]) => c);
    const phone = fc.record({
      code: fc.constantFrom(...codes),
      national: fc.stringMatching(/^[1-9]\d{7,9}$/),
      at: fc.nat(),
      digit: fc.integer({ min: 0, max: 9 }),
    });
    // Act / Assess
    fc.assert(
      fc.property(phone, ({ code, national, at, digit }) => {
        const i = at % national.length;
        const changed = national.slice(0, i) + String((Number(national[i]) + 1 + (digit % 9)) % 10) + national.slice(i + 1);
        expect(sameNumber(`#0${national}`, `#+${code}${national}`)).toBe(true);
        expect(sameNumber(`#0${changed}`, `#+${code}${national}`)).toBe(false);
        // Without "+" (or "00") the longer number is just another number.
        expect(sameNumber(`#0${national}`, `#${code}${national}`)).toBe(false);
        expect(numberKey(`#0${national}`)).toBe(numberKey(`#+${code}${national}`));
      }),
    );
  });
});

describe('an amount written another way', () => {
  it('merges a price with the same amount written bare, where the bare tip names no currency', () => {
    // Prepare
    const bare = ['The shop bag was from a kiosk in Pune, it cost ₹340 in 2019.', 'The shop bag was from a kiosk in Pune, it cost 340 in 2019.'] as const;
    // Act / Assess
    expect(merged(...bare)).toEqual([true, true]);
  });

  it('keeps apart two prices swapped between places when one side writes a currency once', () => {
    // Prepare: "7 euros in Ghent, 12 in Ypres": the 12 is euros too.
    const swapped = ['Paid 7 euros in Ghent, 12 in Ypres.', 'Paid 12 euros in Ghent, 7 in Ypres.'] as const;
    // Act / Assess
    expect(merged(...swapped)).toEqual([false, false]);
  });

  it('keeps apart the same amount in two currencies', () => {
    // Prepare
    const pair = ['The blanket was from a shop in Graz, 45 € in 2018.', 'The blanket was from a shop in Graz, 45 $ in 2018.'] as const;
    // Act / Assess
    expect(merged(...pair)).toEqual([false, false]);
  });

  it('reads compact number words of CLDR glued, apart and in a run of Hangul', () => {
    // Prepare
    const pairs = [
      ['Bought the lamp at the night market in Da Nang for 240 nghìn last summer.', 'Bought the lamp at the night market in Da Nang for 240.000 last summer.'],
      ['Tasnya dari toko di Bandung, harganya Rp 87 rb waktu itu.', 'Tasnya dari toko di Bandung, harganya Rp 87.000 waktu itu.'],
      ['이 수건은 대구 서문시장에서 샀어요. 1만2천원 정도였어요.', '이 수건은 대구 서문시장에서 샀어요. 12,000원 정도였어요.'],
    ] as const;
    // Act
    const result = mergedEach(pairs);
    // Assess
    for (const r of result) expect(r).toEqual([true, true]);
  });

  it('keeps apart a compact amount and another amount, and a thousand from a unit', () => {
    // Prepare
    const pairs = [
      ['Bought the lamp at the night market in Da Nang for 240 nghìn last summer.', 'Bought the lamp at the night market in Da Nang for 250.000 last summer.'],
      ['이 수건은 대구 서문시장에서 샀어요. 1만2천원 정도였어요.', '이 수건은 대구 서문시장에서 샀어요. 13,000원 정도였어요.'],
      ['The rug was 1,000 in the shop in Leiden.', 'The rug was 1 in the shop in Leiden.'],
    ] as const;
    // Act
    const result = mergedEach(pairs);
    // Assess
    for (const r of result) expect(r).toEqual([false, false]);
  });

  it('shifts a decimal amount by a power of ten exactly', () => {
    // Act / Assess
    expect([shiftDecimal('1.5', 6), shiftDecimal('240', 3), shiftDecimal('0.25', 3), shiftDecimal('12.345', 2), shiftDecimal('-3', 4)]).toEqual([
      '1500000',
      '240000',
      '250',
      '1234.5',
      '-30000',
    ]);
  });
});

describe('a date written in digits and in words', () => {
  it('merges a day, month and year in digits with the same date in words, and a range of years with its two years', () => {
    // Prepare
    const pairs = [
      ['Der Korb war vom Wochenmarkt in Kassel, gekauft am 14.03.2011.', 'Der Korb war vom Wochenmarkt in Kassel, gekauft am 14. März 2011.'],
      ['The rug came from a stall in Bury market, bought 11/2013.', 'The rug came from a stall in Bury market, bought November 2013.'],
      ['The rug came from a stall in Bury market, sold there 1996–1999.', 'The rug came from a stall in Bury market, sold there from 1996 to 1999.'],
      ['이 가방은 부산 국제시장에서 샀어요. 1만 8천 원이었어요.', '이 가방은 부산 국제시장에서 샀어요. 18,000원이었어요.'],
    ] as const;
    // Act
    const result = mergedEach(pairs);
    // Assess
    for (const r of result) expect(r).toEqual([true, true]);
  });

  it('keeps apart another day, another month and another range', () => {
    // Prepare
    const pairs = [
      ['Der Korb war vom Wochenmarkt in Kassel, gekauft am 14.03.2011.', 'Der Korb war vom Wochenmarkt in Kassel, gekauft am 15. März 2011.'],
      ['Der Korb war vom Wochenmarkt in Kassel, gekauft am 14.03.2011.', 'Der Korb war vom Wochenmarkt in Kassel, gekauft am 14. April 2011.'],
      ['The rug came from a stall in Bury market, sold there 1996–1999.', 'The rug came from a stall in Bury market, sold there from 1996 to 1998.'],
    ] as const;
    // Act
    const result = mergedEach(pairs);
    // Assess
    for (const r of result) expect(r).toEqual([false, false]);
  });
});

describe('numbers that only look alike (found in review)', () => {
  it('keeps apart a day and a month swapped, a letter or unit after a number, a longer number ending alike, three decimals and a thousand', () => {
    // Prepare
    const pairs = [
      ['The towel was sold on 10 January 2019 at the market in Ghent.', 'The towel was sold on 1 October 2019 at the market in Ghent.'],
      ['The towel was sold on 04/03/2019 at the market in Ghent.', 'The towel was sold on 03/04/2019 at the market in Ghent.'],
      ['The bag came from the shop next to flat 12a in Ghent.', 'The bag came from the shop next to flat 12d in Ghent.'],
      ['The shop in Ghent was closed for 2h after the theft.', 'The shop in Ghent was closed for 2d after the theft.'],
      ['The stall is 5 km from the station in Ghent.', 'The stall is 5 mm from the station in Ghent.'],
      ['The shop in Ghent lost 2,500,000 that year.', 'The shop in Ghent lost 12,500,000 that year.'],
      ['The bridge in Ghent is 1,450 m long.', 'The bridge in Ghent is 1.45 m long.'],
      ['About 3 thousand of these bags were sold in Ghent.', 'About 3 of these bags were sold in Ghent.'],
      ['这个包在上海卖1.5万元。', '这个包在上海卖15万元。'],
    ] as const;
    // Act
    const result = mergedEach(pairs);
    // Assess
    for (const r of result) expect(r).toEqual([false, false]);
  });
});
