/**
 * shared/text (the one normalisation module of geo and dedupe) and
 * shared/hash.ts: properties over arbitrary Unicode text.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '#shared/hash.ts';
import { CLAIM_NEGATIONS, fold, foldCase, foldKey, normalise, PLACE_NEGATIONS, STOPWORDS, tokenize, unbreak } from '#shared/text/index.ts';

/** Letters of several scripts, marks, spaces and punctuation: what tips are made of. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...Array.from('aZéÉßøŁıς Ё ї ΑΩάλ مرحبا שלום मुंबई 東京 ไทย 1 2 . , ! \n \u0301 \u200b ſﬅﬁ - ¬')),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('fold / foldKey', () => {
  it('fold is idempotent and never changes the length of pure ASCII text', () => {
    fc.assert(
      fc.property(text, fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (s, ascii) => {
        // Act
        const once = fold(s);

        // Assess
        expect(fold(once)).toBe(once);
        expect(fold(ascii)).toBe(ascii.toLowerCase());
      }),
    );
  });

  it('foldKey yields words separated by single spaces, with no edge spaces', () => {
    fc.assert(
      fc.property(text, (s) => {
        // Act
        const key = foldKey(s);

        // Assess
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/[^\p{L}\p{M}\p{N}] |  /u);
      }),
    );
  });
});

describe('tokenize', () => {
  it('each token is the slice of the text at its offsets, in order, folded with fold (line-end hyphens removed)', () => {
    fc.assert(
      fc.property(text, (s) => {
        // Act
        const tokens = tokenize(s);

        // Assess
        let previousEnd = 0;
        for (const t of tokens) {
          expect(s.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(previousEnd);
          expect(t.folded).toBe(fold(unbreak(t.text)));
          previousEnd = t.end;
        }
      }),
    );
  });
});

describe('normalise', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(normalise(normalise(s))).toBe(normalise(s));
      }),
    );
  });
});

describe('word lists', () => {
  it('are written in the folded form their stage matches against', () => {
    // Prepare
    const unfolded = (list: ReadonlySet<string>, f: (w: string) => string): string[] => [...list].filter((w) => f(w) !== w);
    // A tip is folded with its own script's homoglyph map (a Russian tip keeps "не").
    const ownScript = (w: string) => (/\p{Script=Cyrillic}/u.test(w) ? 'cyrillic' : /\p{Script=Greek}/u.test(w) ? 'greek' : 'latin');

    // Act / Assess: a word a fold would change could never match.
    expect(unfolded(PLACE_NEGATIONS, fold)).toEqual([]);
    expect(unfolded(CLAIM_NEGATIONS, (w) => foldCase(w, ownScript(w)))).toEqual([]);
    expect(unfolded(STOPWORDS, (w) => foldCase(w, ownScript(w)))).toEqual([]);
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 bytes, as 64 lower-case hex digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // Act
        const hex = sha256Hex(s);

        // Assess
        expect(hex).toMatch(/^[0-9a-f]{64}$/);
        expect(hex).toBe(createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex'));
      }),
    );
  });
});

describe('normalise: digits and entities in every script', () => {
  it('folds the decimal digits of every script to ASCII digits', () => {
    // Prepare: one number written in Bengali, Thai, Tibetan, Khmer, Myanmar, Gujarati and Fullwidth digits.
    const written = ['১২০০', '๑๒๐๐', '༡༢༠༠', '១២០០', '၁၂၀၀', '૧૨૦૦', '１２００'];
    // Act
    const folded = written.map((w) => normalise(`price ${w}`));
    // Assess
    expect(folded).toEqual(written.map(() => 'price 1200'));
  });

  it('decodes HTML entities in a Cyrillic or Greek text before mapping lookalike letters', () => {
    // Prepare: the entities' own Latin letters (x, nbsp) must not be mapped to Cyrillic or Greek lookalikes.
    const pairs = [
      ['Очень узнавае&#x43C;ый рис&#1091;нок', 'Очень узнаваемый рисунок'],
      ['Τα πλακάκια, τηλέφωνο 2810&nbsp;223456', 'Τα πλακάκια, τηλέφωνο 2810 223456'],
    ] as const;
    // Act
    const results = pairs.map(([a, b]) => [normalise(a), normalise(b)]);
    // Assess
    for (const [a, b] of results) expect(a).toBe(b);
  });
});
