import { z } from 'zod';

export const EvidenceKindSchema = z.enum([
  'place', 'country', 'demonym', 'phone', 'domain', 'email', 'postcode', 'coordinates', 'currency', 'chain', 'institution', 'language',
  /** A photo's own EXIF coordinates (issue 15): not in the text, so text is '' and start = end = 0, as for `language`. */
  'photo-gps',
]);

export const EvidenceSchema = z.object({
  kind: EvidenceKindSchema,
  text: z.string(),
  /** UTF-16 offsets into the original text: text.slice(start, end) === evidence.text */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Found in an attachment (a PDF's text layer), not in the tip's text: start = end = 0. */
  source: z.enum(['attachment']).optional(),
});

export const CandidateSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  score: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
});

/**
 * Why the classifier abstained: nothing in the tip points to a place; two or more countries
 * are about equally likely; or the evidence is too weak (a common word, a name shared by many
 * countries, a mention taken back) to route on.
 */
export const AbstainReasonSchema = z.enum(['no-place-evidence', 'several-countries', 'weak-evidence']);

export const GeoResultSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/).nullable(),
  confidence: z.number().min(0).max(1),
  candidates: z.array(CandidateSchema),
  language: z.string().regex(/^[a-z]{2}$/).nullable(),
  /** Set when country is null. */
  reason: AbstainReasonSchema.optional(),
});

export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Candidate = z.infer<typeof CandidateSchema>;
export type AbstainReason = z.infer<typeof AbstainReasonSchema>;
export type GeoResult = z.infer<typeof GeoResultSchema>;
