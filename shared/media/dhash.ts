import sharp from 'sharp';

/**
 * Difference hash (dHash, Krawetz 2013): the image in grey at 9×8, one bit per pair of
 * horizontal neighbours (is the left one brighter?). Re-compression, resizing and metadata
 * changes move few bits; a different photo differs in about half of the 64.
 */
export async function dHash(bytes: Uint8Array): Promise<string> {
  const pixels = await sharp(bytes, { limitInputPixels: 40_000_000 }).rotate().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let bits = 0n;
  for (let row = 0; row < 8; row++) {
    for (let col = 0; col < 8; col++) bits = (bits << 1n) | (pixels[row * 9 + col]! > pixels[row * 9 + col + 1]! ? 1n : 0n);
  }
  return bits.toString(16).padStart(16, '0');
}

export { hammingBits as hammingDistance } from '../dedupe/photo.ts';
