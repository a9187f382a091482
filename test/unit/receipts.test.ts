import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tipIdForKey } from '#shared/ids.ts';
import { formatReceipt, newReceipt, parseReceipt, RECEIPT_BITS, receiptForKey, receiptHash } from '#shared/receipts.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SHAPE = /^TL-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const canonicalBody = fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 16, maxLength: 16 });

/** Ways a person may type a receipt back: case, separators, the prefix or not, Crockford's confusables. */
const retyped = (body: string) =>
  fc
    .record({
      lower: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      confusable: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      separator: fc.constantFrom('-', ' ', '', ' - ', '\u2013'),
      prefix: fc.constantFrom('TL-', 'tl-', 'TL ', ''),
    })
    .map(({ lower, confusable, separator, prefix }) => {
      const chars = [...body].map((char, i) => {
        let typed = char;
        if (confusable[i] && char === '1') typed = i % 2 === 0 ? 'I' : 'L';
        if (confusable[i] && char === '0') typed = 'O';
        return lower[i] ? typed.toLowerCase() : typed;
      });
      return prefix + (chars.join('').match(/.{4}/g) ?? []).join(separator);
    });

describe('receipts', () => {
  it('are 80 random bits in four groups of four Crockford characters, all distinct', () => {
    // Act
    const receipts = Array.from({ length: 2000 }, () => newReceipt());

    // Assess
    expect(RECEIPT_BITS).toBeGreaterThanOrEqual(80);
    expect(receipts.every((receipt) => SHAPE.test(receipt))).toBe(true);
    expect(new Set(receipts).size).toBe(receipts.length);
    // Every character of the alphabet shows up in every position (no biased position).
    for (let position = 0; position < 16; position += 1) {
      const seen = new Set(receipts.map((receipt) => receipt.replace(/^TL-/, '').replaceAll('-', '')[position]));
      expect(seen.size).toBe(32);
    }
  });

  it('read back however they are typed: case, dashes, spaces, prefix, I/L for 1 and O for 0', () => {
    fc.assert(
      fc.property(canonicalBody.chain((body) => fc.tuple(fc.constant(body), retyped(body))), ([body, typed]) => {
        expect(parseReceipt(typed)).toBe(body);
      }),
    );
  });

  it('format and parse are inverse, and a formatted receipt has the receipt shape', () => {
    fc.assert(
      fc.property(canonicalBody, (body) => {
        expect(formatReceipt(body)).toMatch(SHAPE);
        expect(parseReceipt(formatReceipt(body))).toBe(body);
      }),
    );
  });

  it('refuse what cannot be a receipt: wrong length, U or other letters outside the alphabet, other scripts', () => {
    for (const input of ['', 'TL-', 'TL-7Q4M-KX2P', 'TL-7Q4M-KX2P-9D3F-WH0', 'TL-7Q4M-KX2P-9D3F-WH0BB', 'TL-7Q4M-KX2P-9D3F-WH0U', 'ТL-7Q4M-KX2P-9D3F-WH0B', '7Q4M KX2P 9D3F WH0B!', 'x'.repeat(100)]) {
      expect(parseReceipt(input)).toBeNull();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const parsed = parseReceipt(input);
        expect(parsed === null || /^[0-9A-HJKMNP-TV-Z]{16}$/.test(parsed)).toBe(true);
      }),
    );
  });

  it('hash to the same value however typed, to different values under another key, and never contain the receipt', () => {
    // Prepare
    const receipt = newReceipt();
    const body = parseReceipt(receipt)!;

    // Act
    const hash = receiptHash('key-one', body);

    // Assess
    expect(receiptHash('key-one', parseReceipt(receipt.toLowerCase().replaceAll('-', ' '))!)).toBe(hash);
    expect(receiptHash('key-two', body)).not.toBe(hash);
    expect(hash.toUpperCase()).not.toContain(body);
  });

  it('for an Idempotency-Key, repeat for the same key and differ by key and secret, and the tip id says nothing of them', () => {
    // Act
    const first = receiptForKey('secret-a', 'key-12345678');

    // Assess
    expect(first).toMatch(SHAPE);
    expect(receiptForKey('secret-a', 'key-12345678')).toBe(first);
    expect(receiptForKey('secret-a', 'key-12345679')).not.toBe(first);
    expect(receiptForKey('secret-b', 'key-12345678')).not.toBe(first);
    // The tip id is public to investigators; the receipt does not appear in it.
    expect(tipIdForKey('key-12345678')).not.toContain(parseReceipt(first)!.slice(0, 8));
  });
});
