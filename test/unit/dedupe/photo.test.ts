import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, fingerprintOf } from '#shared/dedupe/fingerprint.ts';
import { DedupeEngine, MemoryDedupeIndex } from '#shared/dedupe/index.ts';
import { analyse } from '#shared/dedupe/analyse.ts';
import { closestPhotos, hammingBits, PHOTO_MAX_BITS, photoChains } from '#shared/dedupe/photo.ts';

const hex64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((v) => v.toString(16).padStart(16, '0'));
/** `hash` with the bits of `mask` flipped. */
const flip = (hash: string, mask: bigint) => (BigInt(`0x${hash}`) ^ mask).toString(16).padStart(16, '0');

describe('photos in the dedupe engine', () => {
  it('links two tips with different words whose photos are the same photo re-compressed', async () => {
    // Prepare
    const engine = new DedupeEngine(new MemoryDedupeIndex());
    const photo = '04511c2c2c1c1104';

    // Act
    const first = await engine.process({ tipId: 't1', objectId: 'obj-1', text: 'I have seen this towel before.', photoHashes: [photo] });
    const again = await engine.process({ tipId: 't2', objectId: 'obj-1', text: 'Photo attached, from my holiday.', photoHashes: [flip(photo, 0b1011_0001n)] });
    const otherObject = await engine.process({ tipId: 't3', objectId: 'obj-2', text: 'Photo attached, from my holiday.', photoHashes: [photo] });
    const otherPhoto = await engine.process({ tipId: 't4', objectId: 'obj-1', text: 'Photo attached, from my trip.', photoHashes: [flip(photo, 0xffff_0000_ffffn)] });

    // Assess
    expect(first.reason).toBe('new');
    expect(again).toMatchObject({ duplicateOf: 't1', reason: 'photo' });
    expect(otherObject.duplicateOf).toBeNull();
    expect(otherPhoto.duplicateOf).toBeNull();
  });

  it('finds every pair within 7 bits through a shared bucket (pigeonhole over 8 bands)', () => {
    fc.assert(
      fc.property(hex64, fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 7 }), (hash, bits) => {
        const other = flip(hash, bits.reduce((m, b) => m | (1n << BigInt(b)), 0n));
        const keys = new Set(photoChains([hash]).map((c) => c[0]));
        return hammingBits(hash, other) === bits.length && photoChains([other]).some((c) => keys.has(c[0]!));
      }),
    );
  });

  it('keeps photo hashes through an entry, and leaves entries without photos as they were', () => {
    fc.assert(
      fc.property(fc.array(hex64, { maxLength: 5 }), fc.string({ maxLength: 400 }), (photos, text) => {
        const entry = encodeEntry(fingerprintOf('t1', analyse(text), photos));
        return entry.length <= 256 && decodeEntry(entry).photos.join(',') === photos.join(',') && (photos.length > 0 || entry.split('|').length === 4);
      }),
    );
  });

  it('measures the closest pair of photos, and none without photos on both sides', () => {
    expect(closestPhotos(['0000000000000000', 'ffffffffffffffff'], ['00000000000000ff'])).toBe(8);
    expect(closestPhotos([], ['00000000000000ff'])).toBeNull();
    expect(PHOTO_MAX_BITS).toBeLessThan(32);
  });
});
