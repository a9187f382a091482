/**
 * Issue 20, deduplication round six: general mechanisms for what a blind set missed (a stance opening a
 * tip with a negation, number formats, web-address parameters). The sentences are written for these
 * tests, not taken from a set.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, compare, fingerprintOf } from '#shared/dedupe/index.ts';
import { decodeEntry, encodeEntry } from '#shared/dedupe/fingerprint.ts';

/** Both directions, the candidate stored and decoded as the engine reads it. */
const merged = (a: string, b: string): [boolean, boolean] => [
  compare(fingerprintOf('q', analyse(a)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(b))))).duplicate,
  compare(fingerprintOf('q', analyse(b)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(a))))).duplicate,
];

describe('a leading stance clause with a negation, in a tip without capitals', () => {
  it('merges a small-letter tip with the same tip opened by "if i am not wrong,"', () => {
    // Prepare
    const plain = 'the lamp was sold at the flea market near the harbour, every sunday morning, by an old couple.';
    const hedged = 'if i am not wrong, the lamp was sold at the flea market near the harbour, every sunday morning, by an old couple.';
    // Act
    const result = merged(plain, hedged);
    // Assess
    expect(result).toEqual([true, true]);
  });

  it('merges a shouted tip opened by a stance with its plain copy', () => {
    // Prepare
    const plain = 'The lamp was sold at the flea market near the harbour, every sunday morning, by an old couple.';
    const hedged = 'UNLESS I AM NOT REMEMBERING IT RIGHT, THE LAMP WAS SOLD AT THE FLEA MARKET NEAR THE HARBOUR, EVERY SUNDAY MORNING, BY AN OLD COUPLE.';
    // Act
    const result = merged(plain, hedged);
    // Assess
    expect(result).toEqual([true, true]);
  });

  it('merges a Chinese tip opened by a stance run ("要是我没看错的话") with the tip without it', () => {
    // Prepare
    const plain = '这个杯子是在成都春熙路的一家小店买的，店主是一位老奶奶。';
    const hedged = '要是我没看错的话，这个杯子是在成都春熙路的一家小店买的，店主是一位老奶奶。';
    // Act
    const result = merged(plain, hedged);
    // Assess
    expect(result).toEqual([true, true]);
  });

  it('keeps apart a leading negation of what the other tip states ("it was not sold …" / "it was sold …")', () => {
    // Prepare
    const sold = 'it was sold at the flea market near the harbour, every sunday morning, by an old couple.';
    const notSold = 'it was not sold at the flea market, near the harbour, every sunday morning, by an old couple.';
    // Act
    const result = merged(sold, notSold);
    // Assess
    expect(result).toEqual([false, false]);
  });

  it('keeps apart a leading negated name in small letters that the other tip names', () => {
    // Prepare
    const a = 'not in ghent, the mug was bought at the saturday market in bruges, from an old man selling pottery.';
    const b = 'not in bruges, the mug was bought at the saturday market in ghent, from an old man selling pottery.';
    // Act
    const result = merged(a, b);
    // Assess
    expect(result).toEqual([false, false]);
  });

  it('keeps apart a Chinese leading negation swapped with the place it corrects', () => {
    // Prepare
    const a = '不是在成都买的，是在重庆的一家小店买的，店主是一位老奶奶。';
    const b = '不是在重庆买的，是在成都的一家小店买的，店主是一位老奶奶。';
    // Act
    const result = merged(a, b);
    // Assess
    expect(result).toEqual([false, false]);
  });

  it('property: a stance with a negation opening any small-letter claim keeps it a duplicate; negating a word of the claim does not', () => {
    const word = fc.constantFrom('lamp', 'market', 'harbour', 'couple', 'morning', 'stall', 'pottery', 'blanket', 'wooden', 'bought', 'seller', 'square');
    fc.assert(
      fc.property(fc.array(word, { minLength: 7, maxLength: 12 }), fc.constantFrom('if i am not mistaken', 'unless i do not remember it well', 'i am not quite certain'), (words, stance) => {
        // Prepare
        const claim = `the ${words.join(' and the ')}.`;
        const negated = `it is not the ${words[0]}, the ${words.join(' and the ')}.`;
        // Act
        const hedged = merged(claim, `${stance}, ${claim}`);
        const flipped = merged(claim, negated);
        // Assess
        expect(hedged).toEqual([true, true]);
        expect(flipped).toEqual([false, false]);
      }),
      { numRuns: 150 },
    );
  });
});
