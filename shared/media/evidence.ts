/**
 * What the rest of the pipeline takes from a tip's processed attachments (issue 15): the photos'
 * GPS points and hashes, and the PDFs' text layers. Built in one place for both ways a tip is
 * classified and filed in the dedupe index: at intake (functions/dedupe, right after processing)
 * and when retention promotes a duplicate whose first tip expired (shared/tips/expire.ts, from the
 * records stored on the tip), so a promoted tip carries the same evidence as one filed normally.
 * No sharp here: retention's bundle stays free of the image codec.
 */
import type { GeoPoint } from '../geo/index.ts';
import { pdfText, MAX_PDF_TEXT } from './pdf.ts';
import type { ProcessedAttachment } from './schema.ts';

export interface TipMedia {
  readonly photos: readonly GeoPoint[];
  readonly photoHashes: readonly string[];
  /** PDF text layers, joined, for the classifier. */
  readonly text: string;
  /** Keys whose file had not arrived: the pipeline checks again for them (`recheckDelay`). */
  readonly awaiting: number;
}

export const NO_MEDIA: TipMedia = { photos: [], photoHashes: [], text: '', awaiting: 0 };

export function mediaOf(records: readonly ProcessedAttachment[], texts: readonly string[]): TipMedia {
  const photos: GeoPoint[] = [];
  for (const r of records) if (r.photo?.lat !== undefined && r.photo.lon !== undefined) photos.push({ lat: r.photo.lat, lon: r.photo.lon });
  return {
    photos,
    photoHashes: records.flatMap((r) => (r.dhash === undefined ? [] : [r.dhash])),
    text: texts.join('\n'),
    awaiting: records.filter((r) => r.awaiting === true).length,
  };
}

/**
 * The same media from the records stored on a tip. A PDF's text is not stored on the tip (an item
 * stays small, and the text may name people), so it is read again from the original, which is
 * kept unchanged: the same bytes give the same text as at intake.
 */
export async function storedMediaOf(
  records: readonly ProcessedAttachment[],
  readAttachment: (key: string) => Promise<{ bytes: Uint8Array } | { quarantined: true } | null>,
): Promise<TipMedia> {
  const texts: string[] = [];
  for (const r of records) {
    if (r.type !== 'application/pdf' || r.refused !== undefined || (r.pdfTextChars ?? 0) === 0) continue;
    const original = await readAttachment(r.key);
    // Deleted meanwhile (the tip expired too), or quarantined by the malware scan: nothing to read.
    if (original === null || !('bytes' in original)) continue;
    const text = await pdfText(original.bytes, MAX_PDF_TEXT);
    if (text !== '') texts.push(text);
  }
  return mediaOf(records, texts);
}

/** A ClassifyMessage's attachment fields from a tip's media: omitted when there is nothing, as at intake. */
export function classifyFields(media: TipMedia): { photos?: { lat: number; lon: number }[]; attachmentText?: string } {
  return {
    ...(media.photos.length === 0 ? {} : { photos: media.photos.map((p) => ({ lat: p.lat, lon: p.lon })) }),
    ...(media.text === '' ? {} : { attachmentText: media.text }),
  };
}
