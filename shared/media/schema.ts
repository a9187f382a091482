import '../schemas/zod-config.ts';
import * as z from 'zod/mini';

/** What the photo's own metadata says (EXIF), kept as evidence and labelled so in the console. */
export const PhotoMetadata = z.object({
  lat: z.optional(z.number()),
  lon: z.optional(z.number()),
  /** The country the point falls in (the classifier's country-coder grid), null at sea. */
  country: z.optional(z.nullable(z.string())),
  /** The camera's clock to the second, as written (EXIF has no time zone). */
  capturedAt: z.optional(z.string()),
  make: z.optional(z.string()),
});
export type PhotoMetadata = z.infer<typeof PhotoMetadata>;

/**
 * One processed attachment, stored on its tip (`attachments`). The original stays under its
 * key, never rewritten; `viewingKey` is the metadata-free copy the console shows. `scan` is the
 * malware scan: `pending` until GuardDuty tags the original on AWS, `local` on the local stack.
 */
export const ProcessedAttachment = z.object({
  key: z.string(),
  /** The type its bytes are (shared/media/sniff.ts), null when refused. */
  type: z.nullable(z.string()),
  size: z.number(),
  /** SHA-256 (hex) of the original's bytes, also appended to the tip's audit trail. */
  sha256: z.string(),
  /** Why no viewing copy was made (bytes of another type, undecodable image). */
  refused: z.optional(z.string()),
  viewingKey: z.optional(z.string()),
  viewingType: z.optional(z.string()),
  width: z.optional(z.number()),
  height: z.optional(z.number()),
  photo: z.optional(PhotoMetadata),
  /** 64-bit difference hash (16 hex digits) of an image: the same photo re-compressed keeps it within a few bits. */
  dhash: z.optional(z.string()),
  /** Characters of text found in a PDF's text layer (the text itself goes to the classifier, not the tip item). */
  pdfTextChars: z.optional(z.number()),
  scan: z.enum(['local', 'pending', 'clean', 'threat']),
  /**
   * The file had not arrived when the tip was processed (an upload after the tip, or one still
   * running): a placeholder (size 0, no hash) that the pipeline's re-check replaces with the
   * processed record once the file is there (shared/media/pipeline.ts `processLateAttachments`).
   */
  awaiting: z.optional(z.literal(true)),
});
export type ProcessedAttachment = z.infer<typeof ProcessedAttachment>;

/** The records stored on a tip (`attachments`), one per key, in the order of its keys. */
export const StoredAttachments = z.array(ProcessedAttachment);

/** GuardDuty Malware Protection for S3 tags each scanned original with its result under this key (read by the console, denied on by the bucket policy). */
export const SCAN_TAG = 'GuardDutyMalwareScanStatus';
