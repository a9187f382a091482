/**
 * Processing of one uploaded attachment (issue 15), pure over its bytes: what it is (from the
 * bytes), its SHA-256, what its EXIF says (GPS, capture time, camera make; exifr), a viewing
 * copy re-encoded with every metadata block dropped (sharp writes none unless asked), and a
 * perceptual hash for the dedupe engine. The caller (functions/dedupe) stores the copy and
 * the record; the original is never rewritten.
 */
import { createHash } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import { countryOfPoint } from '../geo/photo.ts';
import { dHash } from './dhash.ts';
import { MAX_PDF_TEXT, pdfText } from './pdf.ts';
import { cleanPdf } from './pdf-clean.ts';
import type { PhotoMetadata, ProcessedAttachment } from './schema.ts';
import { sniffType, typeProblem } from './sniff.ts';

/** A decoded image larger than this (pixels) is refused: a 10 MB file can unpack to gigabytes. */
const MAX_PIXELS = 40_000_000;
/** The viewing copy's longest side: enough to read a label, and it bounds the console's downloads. */
const VIEWING_MAX_SIDE = 2048;

export interface Processed {
  readonly record: ProcessedAttachment;
  /** The viewing copy's bytes, when one was made. */
  readonly viewing?: { readonly bytes: Uint8Array; readonly contentType: string };
  /** A PDF's text layer, for the classifier. */
  readonly text?: string;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

async function photoMetadata(bytes: Uint8Array): Promise<PhotoMetadata | undefined> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(Buffer.from(bytes), { tiff: true, exif: true, gps: true, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false })) as Record<string, unknown> | undefined;
  } catch {
    return undefined; // Malformed EXIF is no evidence, and no reason to refuse the photo.
  }
  if (tags === undefined) return undefined;
  const out: { -readonly [K in keyof PhotoMetadata]: PhotoMetadata[K] } = {};
  const { latitude, longitude } = tags as { latitude?: unknown; longitude?: unknown };
  if (typeof latitude === 'number' && typeof longitude === 'number' && Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
    out.lat = round6(latitude);
    out.lon = round6(longitude);
    out.country = countryOfPoint({ lat: latitude, lon: longitude });
  }
  const taken = tags.DateTimeOriginal ?? tags.CreateDate;
  // exifr reads the zone-less EXIF time as local time; Lambda and the local stack run in UTC, so this is the camera's clock.
  if (taken instanceof Date && !Number.isNaN(taken.getTime())) out.capturedAt = taken.toISOString().slice(0, 19);
  if (typeof tags.Make === 'string' && tags.Make.trim() !== '') out.make = tags.Make.trim().slice(0, 64);
  return Object.keys(out).length === 0 ? undefined : out;
}

async function viewingCopy(bytes: Uint8Array, type: string): Promise<{ bytes: Uint8Array; contentType: string; width: number; height: number }> {
  // rotate() applies the EXIF orientation before the EXIF goes; no withMetadata()/keepMetadata(), so no EXIF, XMP, IPTC or ICC block is written.
  const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: VIEWING_MAX_SIDE, height: VIEWING_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const encoded = type === 'image/png' ? pipeline.png() : type === 'image/webp' ? pipeline.webp({ quality: 85 }) : pipeline.jpeg({ quality: 85, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: data, contentType: type, width: info.width, height: info.height };
}

export async function processAttachment(key: string, bytes: Uint8Array, declared: string | undefined, scan: ProcessedAttachment['scan']): Promise<Processed> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { key, size: bytes.length, sha256, scan };
  const problem = typeProblem(bytes, declared);
  const sniffed = sniffType(bytes);
  if (problem !== null || !sniffed.ok) return { record: { ...base, type: null, refused: problem ?? 'is not an accepted type' } };
  const type = sniffed.type;
  const viewingKey = `viewing/${key.slice(key.indexOf('/') + 1)}`;
  if (type === 'application/pdf') {
    const [text, clean] = await Promise.all([pdfText(bytes, MAX_PDF_TEXT), cleanPdf(bytes)]);
    // No copy when pdf-lib cannot read the file (encrypted, damaged) or an image in it cannot be cleaned (JPEG 2000): the file is original-only.
    const copy = clean === null ? {} : { viewingKey, viewingType: type };
    return {
      record: { ...base, type, pdfTextChars: text.length, ...copy },
      ...(clean === null ? {} : { viewing: { bytes: clean, contentType: type } }),
      ...(text === '' ? {} : { text }),
    };
  }
  try {
    const [photo, copy, hash] = await Promise.all([photoMetadata(bytes), viewingCopy(bytes, type), dHash(bytes)]);
    return {
      record: { ...base, type, viewingKey, viewingType: copy.contentType, width: copy.width, height: copy.height, dhash: hash, ...(photo === undefined ? {} : { photo }) },
      viewing: { bytes: copy.bytes, contentType: copy.contentType },
    };
  } catch (error) {
    return { record: { ...base, type, refused: `could not be read as an image (${(error as Error).message.slice(0, 80)})` } };
  }
}
