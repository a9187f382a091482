/**
 * Issue 20, deduplication round four: what the third blind set (dedupe-gen3) showed — negation and
 * numerals inside scripts written without spaces, proclitic negations, names swapped across sentences,
 * abbreviations, forwarded mail, numbers glued to particles. The sentences here are written for these
 * tests, not taken from a set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, compare, fingerprintOf } from '#shared/dedupe/index.ts';
import { decodeEntry, encodeEntry } from '#shared/dedupe/fingerprint.ts';
import { stripForwarding } from '#shared/dedupe/analyse.ts';
import { abbreviates } from '#shared/dedupe/similarity.ts';

/** Both directions, the candidate stored and decoded as the engine reads it. */
const same = (a: string, b: string): boolean => {
  const x = compare(fingerprintOf('q', analyse(a)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(b))))).duplicate;
  const y = compare(fingerprintOf('q', analyse(b)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(a))))).duplicate;
  return x && y;
};
const apart = (a: string, b: string): boolean => {
  const x = compare(fingerprintOf('q', analyse(a)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(b))))).duplicate;
  const y = compare(fingerprintOf('q', analyse(b)), decodeEntry(encodeEntry(fingerprintOf('c', analyse(a))))).duplicate;
  return !x && !y;
};

describe('claims in scripts written without spaces', () => {
  it('keeps apart a Chinese claim and its negation swapped ("not A, but B" / "not B, but A")', () => {
    // Prepare
    const a = '这个杯子不是北京的，是天津的，在老街买的';
    const b = '这个杯子不是天津的，是北京的，在老街买的';
    // Act
    const merged = !apart(a, b);
    // Assess
    expect(merged).toBe(false);
  });

  it('keeps apart a Thai claim and its swapped negation', () => {
    // Prepare
    const a = 'แก้วใบนี้ไม่ใช่ของลำปางแต่เป็นของเชียงรายครับ';
    const b = 'แก้วใบนี้ไม่ใช่ของเชียงรายแต่เป็นของลำปางครับ';
    // Act
    const merged = !apart(a, b);
    // Assess
    expect(merged).toBe(false);
  });

  it('reads Chinese numerals as numbers: ten and twenty yuan are different prices, 二十 equals 20', () => {
    // Prepare
    const ten = '这条毛巾是在县城的集市上买的，十块钱一条';
    const twenty = '这条毛巾是在县城的集市上买的，二十块钱一条';
    // Act
    const tokens = [...analyse(twenty).strong];
    // Assess
    expect(apart(ten, twenty)).toBe(true);
    expect(tokens).toContain('#20');
    expect([...analyse('一百零五').strong]).toContain('#105');
    expect([...analyse('三万五千').strong]).toContain('#35000');
  });

  it('a changed Han character is another word, not a typo (Suzhou / Hangzhou)', () => {
    // Prepare
    const a = '这个包是在苏州的老街上买的，店主很热情';
    const b = '这个包是在杭州的老街上买的，店主很热情';
    // Act
    const merged = !apart(a, b);
    // Assess
    expect(merged).toBe(false);
  });

  it('keeps Latin letters glued into a Thai run as a code (size M vs size XL)', () => {
    // Prepare
    const m = 'เสื้อตัวนี้ซื้อที่ตลาดนัดในลำปาง ป้ายบอกไซส์M';
    const xl = 'เสื้อตัวนี้ซื้อที่ตลาดนัดในลำปาง ป้ายบอกไซส์XL';
    // Act
    const merged = !apart(m, xl);
    // Assess
    expect(merged).toBe(false);
  });

  it('reads a number glued to a particle whole: "3,000원이에요" equals "3000원이에요", "で1,500円" equals "で1500円"', () => {
    // Act
    const korean = same('이 컵은 부산 시장에서 샀어요. 3,000원이에요.', '이 컵은 부산 시장에서 샀어요. 3000원이에요.');
    const japanese = same('このカップは京都の市場で1,500円でした。', 'このカップは京都の市場で1500円でした。');
    // Assess
    expect(korean).toBe(true);
    expect(japanese).toBe(true);
    expect(apart('이 컵은 부산 시장에서 샀어요. 3000원이에요.', '이 컵은 부산 시장에서 샀어요. 4000원이에요.')).toBe(true);
  });
});

describe('negation with a proclitic', () => {
  it('reads Arabic "وليس" (and not) as a negation bound to what follows', () => {
    // Prepare
    const a = 'الكوب مصنوع في الأردن وليس في سوريا، اشتريته من سوق عمان';
    const b = 'الكوب مصنوع في سوريا وليس في الأردن، اشتريته من سوق عمان';
    // Act
    const merged = !apart(a, b);
    // Assess
    expect(merged).toBe(false);
    expect([...analyse(a).strong].some((t) => t.startsWith('!neg:'))).toBe(true);
  });
});

describe('names swapped across sentences', () => {
  it('keeps apart two tips whose names trade places between sentences', () => {
    // Prepare
    const a = 'I bought the mug at a market stall in Leeds. My sister found the same one in York last winter.';
    const b = 'I bought the mug at a market stall in York. My sister found the same one in Leeds last winter.';
    // Act
    const merged = !apart(a, b);
    // Assess
    expect(merged).toBe(false);
  });

  it('still merges the same sentences in another order', () => {
    // Prepare
    const a = 'I bought the mug at a market stall in Leeds. My sister found the same one in York last winter.';
    const b = 'My sister found the same one in York last winter. I bought the mug at a market stall in Leeds.';
    // Act
    const merged = same(a, b);
    // Assess
    expect(merged).toBe(true);
  });
});

describe('abbreviations', () => {
  it('pairs an abbreviation closed by a dot or slash with the word it stands for', () => {
    // Act / Assess
    expect(same('The lamp was sold at a shop on Maple Rd. 14 in Dover, my aunt had one.', 'The lamp was sold at a shop on Maple Road 14 in Dover, my aunt had one.')).toBe(true);
    expect(same('Die Lampe stand in unserer Whg. in Kassel, Gartenweg 9, seit 1985.', 'Die Lampe stand in unserer Wohnung in Kassel, Gartenweg 9, seit 1985.')).toBe(true);
    expect(same('Лампа была у бабушки в Твери, пер. Садовый, 7, с 1979 года.', 'Лампа была у бабушки в Твери, переулок Садовый, 7, с 1979 года.')).toBe(true);
  });

  it('never pairs an abbreviation with a word of another initial, nor an unmarked short word', () => {
    // Act / Assess
    expect(apart('The lamp was sold at a shop on Maple Rd. 14 in Dover, my aunt had one.', 'The lamp was sold at a shop on Maple Lane 14 in Dover, my aunt had one.')).toBe(true);
    expect(abbreviates('str', 'strada')).toBe(true);
    expect(abbreviates('whg', 'wohnung')).toBe(true);
    expect(abbreviates('whg', 'wagen')).toBe(false);
    expect(abbreviates('str', 'str')).toBe(false);
  });

  it('property: a word abbreviates only words that start with its first letter and are longer', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ minLength: 1, maxLength: 12 }), (a, b) => {
        if (abbreviates(a, b)) {
          expect(Array.from(b).length).toBeGreaterThan(Array.from(a).length);
          expect(Array.from(b)[0]).toBe(Array.from(a)[0]);
        }
      }),
    );
  });
});

describe('forwarded and quoted mail', () => {
  const tip = 'The towel is from a market stall in Whitby, the seller said it was made in 2011.';

  it('cuts a forwarding separator and its header block', () => {
    // Prepare
    const fwd = `---------- Forwarded message ---------\nFrom: someone\nSubject: towel\n\n${tip}`;
    // Act
    const merged = same(fwd, tip);
    // Assess
    expect(merged).toBe(true);
  });

  it('cuts the "…wrote:" line and the quote marks of a quoted tip', () => {
    // Prepare
    const quoted = `> On Monday, a neighbour wrote:\n> ${tip}`;
    // Act
    const merged = same(quoted, tip);
    // Assess
    expect(merged).toBe(true);
  });

  it('keeps label-and-colon lines that do not follow a separator (they may be the claim)', () => {
    // Prepare
    const text = 'Shop: Harbour Linens\nTown: Whitby\n\nI bought the same towel there.';
    // Act
    const out = stripForwarding(text);
    // Assess
    expect(out).toContain('Harbour Linens');
    expect(out).toContain('Whitby');
  });

  it('property: text without line breaks is left as it is', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('\n')), (s) => stripForwarding(s) === s));
  });
});
