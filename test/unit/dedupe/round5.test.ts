/**
 * Issue 20, deduplication round five: what the misses of dedupe-gen2/gen3/round2 showed, fixed by general
 * mechanisms (no phrase of a set). The sentences here are written for these tests, not taken from a set.
 */
import { describe, expect, it } from 'vitest';
import { analyse, compare, fingerprintOf } from '#shared/dedupe/index.ts';
import { decodeEntry, encodeEntry } from '#shared/dedupe/fingerprint.ts';

/** Both directions, the candidate stored and decoded as the engine reads it. */
const merged = (a: string, b: string): [boolean, boolean] => [
  compare(fingerprintOf('q', analyse(a)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(b))))).duplicate,
  compare(fingerprintOf('q', analyse(b)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(a))))).duplicate,
];

describe('a negation inside an added clause', () => {
  it('merges a tip with the same tip plus a negated aside about something it never names', () => {
    // Prepare
    const plain = 'The mug was bought at the Saturday market in Ghent in 2015, from an old man selling pottery.';
    const hedged = 'Though I could not swear to it, the mug was bought at the Saturday market in Ghent in 2015, from an old man selling pottery.';
    // Act
    const result = merged(plain, hedged);
    // Assess
    expect(result).toEqual([true, true]);
  });

  it('keeps a claim apart from its negation: the negated word is in the other tip', () => {
    // Prepare
    const sold = 'The mug was sold at the Saturday market in Ghent in 2015, from an old man selling pottery.';
    const notSold = 'The mug was not sold at the Saturday market in Ghent in 2015, from an old man selling pottery.';
    // Act
    const result = merged(sold, notSold);
    // Assess
    expect(result).toEqual([false, false]);
  });

  it('keeps apart an added negated place, capitalised or not', () => {
    // Prepare
    const plain = 'The mug was bought at the Saturday market in Ghent in 2015, from an old man selling pottery.';
    const notBruges = 'The mug was bought at the Saturday market in Ghent in 2015, not Bruges, from an old man selling pottery.';
    const lower = 'the mug was bought at the saturday market in ghent in 2015, not bruges, from an old man selling pottery.';
    // Act
    const capital = merged(plain, notBruges);
    const small = merged(plain.toLowerCase(), lower);
    // Assess
    expect(capital).toEqual([false, false]);
    expect(small).toEqual([false, false]);
  });
});

describe('capitals that are not names', () => {
  it('reads a capital after any sentence terminal of Unicode (the Armenian full stop) as a sentence start', () => {
    // Prepare
    const text = 'Ես գնել եմ Վանաձորում։ Մեծ խանութ էր։';
    // Act
    const words = analyse(text).words;
    // Assess
    expect([...words].filter(([, cap]) => cap).length).toBe(1);
  });

  it('reads the capital of a one-letter word elided by an apostrophe ("I\'m", "I\'ve") as no name', () => {
    // Prepare
    const plain = 'The cupboard came from a flea market in Leuven in 2011, painted by the seller.';
    const hedged = "The cupboard, I'm sure, came from a flea market in Leuven in 2011, painted by the seller.";
    // Act
    const result = merged(plain, hedged);
    // Assess
    expect([...analyse(hedged).words].filter(([, cap]) => cap).map(([w]) => w)).toEqual(['leuven']);
    expect(result).toEqual([true, true]);
  });

  it('reads the first word after a greeting that ends with a comma as a sentence start', () => {
    // Prepare
    const plain = 'Cupboards like this came from a flea market in Leuven in 2011, painted by the seller.';
    const greeted = 'Good evening, Cupboards like this came from a flea market in Leuven in 2011, painted by the seller.';
    // Act
    const words = analyse(greeted).words;
    // Assess
    expect([...words].filter(([, cap]) => cap).map(([w]) => w)).toEqual(['leuven']);
    expect(merged(plain, greeted)).toEqual([true, true]);
  });
});

describe('containment of a short claim made of distinctive tokens', () => {
  it('with minDistinctive set, a claim of two distinctive tokens (a name and a web address) is contained in the same plus an ordinary clause', () => {
    // Prepare
    const short = fingerprintOf('s', analyse('Spotted at Harrods: https://shop.example.org/item/55123-cushion'));
    const long = fingerprintOf('l', analyse('Spotted at Harrods: https://shop.example.org/item/55123-cushion with lovely stitching'));
    const cal = { threshold: 0.85, containment: { minWords: 6, minShare: 0.4, minDistinctive: 2 } };
    const off = { threshold: 0.85, containment: { minWords: 6, minShare: 0.4 } };
    // Act
    const on = compare(short, long, cal).duplicate;
    const without = compare(short, long, off).duplicate;
    // Assess
    expect(on).toBe(true);
    expect(without).toBe(false);
  });
});
