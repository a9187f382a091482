/**
 * The JPEG segment walker behind a PDF's clean copy (issue 15): metadata segments go, the
 * picture stays byte for byte, and no input makes it throw or hand back a half-walked file.
 */
import exifr from 'exifr';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripJpegMetadata } from '#shared/media/jpeg-strip.ts';
import { photoWithGps } from '../../support/files.ts';

const segment = (marker: number, payload: Uint8Array): Buffer => Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
const withSegmentsAfterSoi = (jpeg: Buffer, segments: readonly Buffer[]): Buffer => Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
/** The marker bytes of every segment before the first scan. */
function headerMarkers(jpeg: Uint8Array): number[] {
  const markers: number[] = [];
  for (let at = 2; at + 4 <= jpeg.length && jpeg[at] === 0xff; ) {
    markers.push(jpeg[at + 1]!);
    if (jpeg[at + 1] === 0xda) break;
    at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
  }
  return markers;
}

let photo: Buffer;
let plain: Buffer;
beforeAll(async () => {
  photo = await photoWithGps({ lat: 38.7223, lon: -9.1393, make: 'TipsterPhone' });
  plain = await sharp(photo).jpeg({ quality: 80, progressive: true }).toBuffer();
});

describe('stripJpegMetadata', () => {
  it('drops EXIF, XMP, IPTC, COM, MPF and a trailer, keeps JFIF, ICC and Adobe, and the pixels', async () => {
    // Prepare
    const icc = await sharp(photo).keepMetadata().withIccProfile('srgb').jpeg().toBuffer();
    const extra = [
      segment(0xed, Buffer.from('Photoshop 3.0\0' + '8BIM\x04\x04 IPTC city Lisboa', 'latin1')),
      segment(0xfe, Buffer.from('taken by Jane at home', 'latin1')),
      segment(0xe2, Buffer.from('MPF\0 second image here', 'latin1')),
      segment(0xee, Buffer.from('Adobe\0\x64\0\0\0\0\x01', 'latin1')),
    ];
    const input = Buffer.concat([withSegmentsAfterSoi(icc, extra), Buffer.from('MotionPhoto_Data ftypmp42 trailer')]);
    expect(await exifr.gps(input)).toMatchObject({ latitude: expect.closeTo(38.7223, 3) });

    // Act
    const out = Buffer.from(stripJpegMetadata(input)!);

    // Assess
    expect(await exifr.gps(out).catch(() => undefined)).toBeUndefined();
    for (const marker of ['Exif\0\0', 'xmpmeta', 'TipsterPhone', 'Photoshop', 'Lisboa', 'Jane', 'MPF\0', 'MotionPhoto', 'ftyp']) expect(out.includes(marker), marker).toBe(false);
    expect(out.includes('ICC_PROFILE\0')).toBe(true);
    expect(out.includes('Adobe\0')).toBe(true);
    expect(headerMarkers(out).filter((m) => m === 0xe1 || m === 0xed || m === 0xfe)).toEqual([]);
    expect(out.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const [a, b] = await Promise.all([sharp(input).raw().toBuffer(), sharp(out).raw().toBuffer()]);
    expect(b.equals(a)).toBe(true);
  });

  it('any APPn/COM segments added to a JPEG come out as the same clean file (property)', () => {
    // Prepare
    const metadataMarker = fc.constantFrom(0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe);
    const segments = fc.array(fc.tuple(metadataMarker, fc.uint8Array({ maxLength: 300 })).map(([m, p]) => segment(m, p)), { maxLength: 6 });
    const baseline = stripJpegMetadata(plain)!;

    fc.assert(
      fc.property(segments, (added) => {
        // Act
        const out = stripJpegMetadata(withSegmentsAfterSoi(plain, added));

        // Assess: the added segments are gone, whatever their bytes (a 0xFF inside a payload included)
        expect(out).not.toBeNull();
        expect(Buffer.from(out!).equals(Buffer.from(baseline))).toBe(true);
      }),
    );
  });

  it('never throws, and returns null or a whole JPEG, on any bytes; stripping twice changes nothing (property)', () => {
    const mutated = fc.tuple(fc.nat({ max: 4000 }), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, bytes]) => {
      const copy = Buffer.from(plain);
      copy.set(bytes, Math.min(at, copy.length - bytes.length));
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mutated), (bytes) => {
        // Act
        const out = stripJpegMetadata(bytes);

        // Assess
        if (out === null) return;
        expect([out[0], out[1], out.at(-2), out.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
        expect(Buffer.from(stripJpegMetadata(out)!).equals(Buffer.from(out))).toBe(true);
      }),
    );
  });
});

describe('JFIF thumbnails', () => {
  it('drops a JFIF segment that carries a thumbnail (it may show the uncropped photo) and keeps one that does not', () => {
    // Prepare: JFIF 1.01, no density units, 1×1 density; one with a 1×1 RGB thumbnail, one without
    const jfif = (thumb: number[]) => segment(0xe0, Uint8Array.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, thumb.length === 0 ? 0 : 1, thumb.length === 0 ? 0 : 1, ...thumb]));
    const base = Buffer.from(stripJpegMetadata(plain)!);
    const withoutApp0 = Buffer.from(stripJpegMetadata(withSegmentsAfterSoi(base, []))!);

    // Act
    const thumbed = stripJpegMetadata(withSegmentsAfterSoi(base, [jfif([200, 10, 10])]))!;
    const bare = stripJpegMetadata(withSegmentsAfterSoi(base, [jfif([])]))!;

    // Assess
    expect(headerMarkers(thumbed).filter((m) => m === 0xe0).length).toBe(headerMarkers(withoutApp0).filter((m) => m === 0xe0).length);
    expect(headerMarkers(bare).filter((m) => m === 0xe0).length).toBe(headerMarkers(withoutApp0).filter((m) => m === 0xe0).length + 1);
  });
});
