import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, normalise } from '#shared/text/normalise.ts';

const BASE = 'I saw this exact towel in a hotel in Lyon last summer, the logo is on the corner.';

/** Plain Latin sentences: the texts that evasions are applied to. */
const sentence = fc
  .array(fc.constantFrom('towel', 'hotel', 'Lyon', 'saw', 'the', 'logo', 'corner', 'Summer', 'box', 'kitchen', 'wallpaper', 'IKEA', 'grandmother'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((ws) => ws.join(' '));

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202c', '\u2066', '\u2069', '\ufe0f', '\u{e0100}', '\u180e', '\u034f'];
const HOMOGLYPH: Record<string, string[]> = {
  a: ['а', 'α', 'ɑ'], c: ['с', 'ϲ'], e: ['е'], i: ['і', 'ι'], o: ['о', 'ο', 'օ'], p: ['р', 'ρ'], s: ['ѕ'], x: ['х', 'χ'],
  y: ['у'], h: ['һ'], j: ['ј'], A: ['А', 'Α'], B: ['В'], E: ['Е'], H: ['Н'], K: ['К'], M: ['М'], O: ['О'], P: ['Р'], T: ['Т'], L: ['Ꮮ'],
};

/** Applies `f` to the characters picked by the boolean mask. */
const mapMasked = (text: string, mask: boolean[], f: (c: string, i: number) => string): string =>
  Array.from(text)
    .map((c, i) => (mask[i % mask.length] ? f(c, i) : c))
    .join('');
const mask = fc.array(fc.boolean(), { minLength: 1, maxLength: 40 });

describe('normalise', () => {
  it('removes zero-width, soft hyphen, bidi and variation-selector characters without splitting words', () => {
    // Prepare
    const evaded = 'to\u200bw\u00adel\u202e in \u2066Ly\u200don\ufe0f';
    // Act
    const out = normalise(evaded);
    // Assess
    expect(out).toBe('towel in lyon');
  });

  it('decodes named, decimal, hexadecimal and double-encoded HTML entities', () => {
    // Prepare
    const encoded = 'caf&eacute;&#44; h&#x6f;tel &amp;amp; &amp;#76;yon&nbsp;&comma;x';
    // Act
    const decoded = decodeEntities(encoded);
    // Assess
    expect(decoded).toBe('café, hotel & Lyon\u00a0,x');
    expect(normalise(encoded)).toBe('cafe hotel lyon x');
  });

  it('maps Cyrillic, Greek and fullwidth lookalikes to a Latin skeleton', () => {
    // Prepare
    const spoofed = 'Ι sаw thіs eхаct tοwеl іn а hоtеl іn Lyοn. Ｔｈｅ ｌｏｇｏ ｉｓ ｏｎ ｔｈｅ ｃｏｒｎｅｒ. ϲοrner';
    // Act
    const out = normalise(spoofed);
    // Assess
    expect(out).toBe('i saw this exact towel in a hotel in lyon the logo is on the corner corner');
  });

  it('folds case and diacritics, including letters without a decomposition', () => {
    // Prepare
    const accented = 'STRAẞE Straße Kraków Gdańsk Øresund Łódź Zürich É\u0301';
    // Act
    const out = normalise(accented);
    // Assess
    expect(out).toBe('strasse strasse krakow gdansk oresund lodz zurich e');
  });

  it('folds whitespace and punctuation but keeps what distinguishes numbers', () => {
    // Prepare
    const text = '  Price:\t1.5 € ,  not 15 €! (-33.86, 151.2) tel. 555-0187\n';
    // Act
    const out = normalise(text);
    // Assess
    expect(out).toBe('price 1.5 € not 15 € -33.86 151.2 tel 555 0187');
    expect(normalise('33.86')).not.toBe(normalise('-33.86'));
  });

  it('does not modify its input', () => {
    // Prepare
    const input = ` ${BASE}\u200b `;
    const copy = input.slice();
    // Act
    normalise(input);
    // Assess
    expect(input).toBe(copy);
  });

  it('is idempotent on arbitrary Unicode text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const once = normalise(s);
        expect(normalise(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent when folding changes which script the text looks like (fast-check counterexample)', () => {
    // Prepare: "ɑ" is a Latin letter no Greek letter imitates; folded to "a" it is a lookalike of "α".
    const once = normalise('Σςɑ%ﬁ');
    // Act / Assess
    expect(normalise(once)).toBe(once);
  });

  it('a Latin sentence spoofed with lunate sigmas and Greek iotas stays Latin (fast-check counterexample)', () => {
    // Prepare: "ϲ" decomposes to the Greek "σ" under NFKD, which made the sentence count as Greek.
    const spoofed = 'ѕаw kitϲhеn kιtϲһen tоwel';
    // Act / Assess
    expect(normalise(spoofed)).toBe(normalise('saw kitchen kitchen towel'));
  });

  it('is idempotent on text built from the tricky characters (property)', () => {
    const tricky = fc.constantFrom(...ZERO_WIDTH, ...Object.values(HOMOGLYPH).flat(), '&', '#', ';', 'amp', '1', '-', '.', ',', ' ', 'İ', 'ß', 'ς', 'Σ', 'ﬁ', '\u0301', 'a', 'Z', '−', '€', '%', 'ϲ', 'Ϲ');
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 30 }), (parts) => {
        const once = normalise(parts.join(''));
        expect(normalise(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  describe('is invariant under each evasion (property)', () => {
    it('zero-width and format characters inserted anywhere', () => {
      fc.assert(
        fc.property(sentence, mask, fc.constantFrom(...ZERO_WIDTH), (s, m, zw) => {
          expect(normalise(mapMasked(s, m, (c) => c + zw))).toBe(normalise(s));
        }),
      );
    });
    it('homoglyph substitution', () => {
      fc.assert(
        fc.property(sentence, mask, fc.nat(), (s, m, k) => {
          const spoofed = mapMasked(s, m, (c) => (HOMOGLYPH[c] ? HOMOGLYPH[c]![k % HOMOGLYPH[c]!.length]! : c));
          expect(normalise(spoofed)).toBe(normalise(s));
        }),
      );
    });
    it('HTML entity encoding (named, decimal, hex)', () => {
      fc.assert(
        fc.property(sentence, mask, fc.constantFrom('dec', 'hex'), (s, m, style) => {
          const enc = mapMasked(s, m, (c) => (style === 'dec' ? `&#${c.codePointAt(0)};` : `&#x${c.codePointAt(0)!.toString(16)};`));
          expect(normalise(enc.replace(/ /g, '&nbsp;'))).toBe(normalise(s));
        }),
      );
    });
    it('case changes', () => {
      fc.assert(
        fc.property(sentence, mask, (s, m) => {
          const flipped = mapMasked(s, m, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
          expect(normalise(flipped)).toBe(normalise(s));
        }),
      );
    });
    it('whitespace and punctuation changes between words', () => {
      fc.assert(
        fc.property(sentence, fc.array(fc.constantFrom(' ', '  ', '\t', '\n', ' , ', '. ', '! ', ' ... ', ' - ', '\u00a0', '\u3000'), { minLength: 1 }), (s, seps) => {
          let k = 0;
          const spaced = `  ${s.replace(/ /g, () => seps[k++ % seps.length]!)} !? `;
          expect(normalise(spaced)).toBe(normalise(s));
        }),
      );
    });
    it('diacritics added to letters (composed or combining)', () => {
      fc.assert(
        fc.property(sentence, mask, fc.constantFrom('\u0301', '\u0300', '\u0308', '\u0327', '\u030c', '\u0303'), fc.boolean(), (s, m, mark, nfc) => {
          const marked = mapMasked(s, m, (c) => (/[a-zA-Z]/.test(c) ? c + mark : c));
          expect(normalise(nfc ? marked.normalize('NFC') : marked)).toBe(normalise(s));
        }),
      );
    });
    it('fullwidth forms and NFD', () => {
      fc.assert(
        fc.property(sentence, mask, (s, m) => {
          const wide = mapMasked(s, m, (c) => (/[!-~]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c));
          expect(normalise(wide.normalize('NFD'))).toBe(normalise(s));
        }),
      );
    });
  });
});
