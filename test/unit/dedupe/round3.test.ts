/**
 * Issue 20, deduplication round three: what the second blind set (dedupe-gen2) showed the round-two
 * engine missing — scripts without capitals or spaces, hedges that hold a negation, digits of other
 * scripts, sampled fingerprints. The sentences here are written for these tests, not taken from a set.
 */
import { describe, expect, it } from 'vitest';
import { analyse, compare, DedupeEngine, fingerprintOf, MemoryDedupeIndex } from '#shared/dedupe/index.ts';
import { decodeEntry, encodeEntry } from '#shared/dedupe/fingerprint.ts';

const same = (a: string, b: string): boolean => compare(fingerprintOf('q', analyse(a)), fingerprintOf('c', analyse(b))).duplicate;
const stored = (text: string) => decodeEntry(encodeEntry(fingerprintOf('c', analyse(text))));

async function clustersOf(texts: readonly string[]): Promise<string[]> {
  const engine = new DedupeEngine(new MemoryDedupeIndex());
  const out: string[] = [];
  for (const [i, text] of texts.entries()) out.push((await engine.process({ tipId: `t${i}`, objectId: 'obj', text })).clusterId);
  return out;
}

describe('scripts without capitals or spaces', () => {
  it('a long tip stored as a sample still tells another town from its own (substitution against a sample)', async () => {
    // Prepare: a Thai tip long enough to be stored as a bottom-k sample, and the same tip naming another town.
    const a = 'ผ้าขนหนูผืนนี้ซื้อที่ห้างเซ็นทรัลสาขาเชียงรายเมื่อปี 2018 ตอนไปเที่ยวกับครอบครัวที่ต่างจังหวัด ยังใช้อยู่ทุกวันจนถึงตอนนี้';
    const b = 'ผ้าขนหนูผืนนี้ซื้อที่ห้างเซ็นทรัลสาขาลำปางเมื่อปี 2018 ตอนไปเที่ยวกับครอบครัวที่ต่างจังหวัด ยังใช้อยู่ทุกวันจนถึงตอนนี้';
    expect(stored(a).sampled).toBe(true);
    // Act
    const [ca, cb] = await clustersOf([a, b]);
    // Assess
    expect(cb).not.toBe(ca);
  });

  it('one mistyped character in a Thai run is a typo, also when a trailing clause is dropped', () => {
    // Prepare: a tone mark changed (้ → ่) and a closing remark dropped.
    const full = 'ผ้าขนหนูผืนนี้ซื้อที่ตลาดนัดสวนจตุจักร ราคา 180 บาท ยังใช้อยู่ทุกวัน';
    const short = 'ผ้าขนหนูผืนนี้ซื่อที่ตลาดนัดสวนจตุจักร ราคา 180 บาท';
    // Act
    const merged = same(short, full);
    // Assess
    expect(merged).toBe(true);
  });

  it('one mistyped letter inside a Korean syllable block is a typo; another word is not', () => {
    // Prepare
    const base = '이 머그컵은 2011년에 인사동 골목의 작은 가게에서 팔아요';
    // Act
    const typo = same(base, '이 머그컵은 2011년에 인사동 골목의 작은 가게에서 팔아오');
    const other = same(base, '이 머그컵은 2011년에 인사동 골목의 작은 시장에서 팔아요');
    // Assess
    expect(typo).toBe(true);
    expect(other).toBe(false);
  });

  it('digits of other scripts are numbers: another price or year in Bengali digits is another claim', () => {
    // Prepare
    const base = 'এই তোয়ালেটা চট্টগ্রামের একটা দোকান থেকে কেনা, দাম ছিল ৪৫০ টাকা।';
    // Act
    const otherPrice = same(base, 'এই তোয়ালেটা চট্টগ্রামের একটা দোকান থেকে কেনা, দাম ছিল ৪৮০ টাকা।');
    const sameInAscii = same(base, 'এই তোয়ালেটা চট্টগ্রামের একটা দোকান থেকে কেনা, দাম ছিল 450 টাকা।');
    // Assess
    expect(otherPrice).toBe(false);
    expect(sameInAscii).toBe(true);
  });
});
