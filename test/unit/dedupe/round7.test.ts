/**
 * Issue 20, deduplication round seven: what the misses of dedupe-gen5 showed, fixed by general mechanisms
 * (no phrase of a set). The sentences here are written for these tests, not taken from a set.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, compare, fingerprintOf } from '#shared/dedupe/index.ts';
import { decodeEntry, encodeEntry } from '#shared/dedupe/fingerprint.ts';
import { weekdayOf } from '#shared/dedupe/lexicon.ts';

/** Both directions, the candidate stored and decoded as the engine reads it. */
const merged = (a: string, b: string): [boolean, boolean] => [
  compare(fingerprintOf('q', analyse(a)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(b))))).duplicate,
  compare(fingerprintOf('q', analyse(b)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(a))))).duplicate,
];

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const spaced = (s: string) => s.replace(/(\d{2})(?=\d)/g, '$1 ');

describe('phone numbers with the international prefix written as 00 or +', () => {
  it('merges "00<country> …" with "+<country> …", and keeps a one-digit change apart', () => {
    // Prepare: a country code and a subscriber number, written both ways
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }), digits(8), fc.integer({ min: 0, max: 7 }), (cc, number, at) => {
      const tip = (prefix: string, n: string) => `The bag is from the corner shop by the harbour, their phone is ${prefix}${cc} ${spaced(n)}.`;
      const changed = number.slice(0, at) + String((Number(number[at]) + 1) % 10) + number.slice(at + 1);
      // Act / Assess
      expect(merged(tip('00', number), tip('+', number))).toEqual([true, true]);
      expect(merged(tip('00', number), tip('+', changed))).toEqual([false, false]);
    }), { numRuns: 40 });
  });
});

describe('amounts with zero decimals', () => {
  it.each([
    ['The blanket cost 25000.00 won at the market in 2018.', 'The blanket cost 25000 won at the market in 2018.'],
    ['Я купив чашку за 6,00 гривень у 2021 році.', 'Я купив чашку за 6 гривень у 2021 році.'],
  ])('reads "%s" as the same amount', (a, b) => {
    // Prepare / Act / Assess
    expect(merged(a, b)).toEqual([true, true]);
  });

  it('keeps a different decimal and a thousands group apart', () => {
    // Prepare / Act / Assess
    expect(merged('It cost 6.50 at the stall near the station.', 'It cost 6 at the stall near the station.')).toEqual([false, false]);
    expect(merged('The sign said 1.000 at the stall near the station.', 'The sign said 1 at the stall near the station.')).toEqual([false, false]);
  });
});

describe('addresses glued to text written without spaces', () => {
  it('ends a web address at CJK punctuation, so a tracking parameter before it is dropped', () => {
    // Prepare
    const tracked = '这个杯子在网上有卖：https://shop.example.cn/item?id=55512345&utm_source=wechat。';
    const plain = '这个杯子在网上有卖：https://shop.example.cn/item?id=55512345。';
    const other = '这个杯子在网上有卖：https://shop.example.cn/item?id=55512346。';
    // Act / Assess
    expect(merged(tracked, plain)).toEqual([true, true]);
    expect(merged(plain, other)).toEqual([false, false]);
  });
});

describe('a salutation with its addressee', () => {
  it('drops an opening greeting and its addressee from the content words the index keys on', () => {
    // Prepare
    const body = 'The striped towel with the anchor was sold at the beach kiosk in Brighton in 2016.';
    // Act
    const [spanish, english, plain] = [`Estimados señores:\n${body}`, `Dear officers,\n${body}`, body].map((t) => [...analyse(t).words.keys()]);
    // Assess
    expect(spanish).toEqual(plain);
    expect(english).toEqual(plain);
  });

  it('keeps a greeting clause that names more than an addressee', () => {
    // Prepare / Act
    const long = [...analyse('Hello officers in Brighton and Hove,\nthe towel was sold at the beach kiosk.').words.keys()];
    const from = [...analyse('Hi from Brighton,\nthe towel was sold at the beach kiosk.').words.keys()];
    // Assess
    expect(long).toContain('brighton');
    expect(from).toContain('brighton');
  });
});

describe('a weekday in a case form', () => {
  it('reads declined weekday names as the weekday CLDR names in the nominative', () => {
    // Prepare / Act / Assess
    expect(weekdayOf('subota')).toBe(weekdayOf('subotu'));
    expect(weekdayOf('суббота')).toBe(weekdayOf('субботу'));
    expect(weekdayOf('sonntag')).toBe(weekdayOf('sonntags'));
    expect(weekdayOf('subota')).not.toBeUndefined();
    expect(weekdayOf('stanica')).toBeUndefined();
  });

  it('keeps a tip apart from the same tip plus a declined weekday', () => {
    // Prepare
    const plain = 'Vidio sam dijete u crvenoj jakni na autobusnoj stanici u Splitu.';
    const dated = 'Vidio sam dijete u crvenoj jakni na autobusnoj stanici u Splitu u subotu navečer.';
    // Act / Assess
    expect(merged(plain, dated)).toEqual([false, false]);
  });
});
