/**
 * A tip classified with its attachments (issue 15): its photos' GPS points as `photo-gps`
 * evidence, and its PDFs' text layers read like tip text. Evidence found in a PDF has no span
 * in the tip's text, so it is kept with start = end = 0 and `source: 'attachment'`.
 */
import { classify, type GeoPoint, type GeoResult } from '../geo/index.ts';

export function classifyWithAttachments(text: string, photos: readonly GeoPoint[] = [], attachmentText = ''): GeoResult {
  if (attachmentText.trim() === '') return classify(text, photos);
  const result = classify(`${text}\n\n${attachmentText}`, photos);
  const inText = text.length;
  return {
    ...result,
    candidates: result.candidates.map((candidate) => ({
      ...candidate,
      evidence: candidate.evidence.map((e) => (e.start >= inText && e.end > e.start ? { ...e, start: 0, end: 0, source: 'attachment' as const } : e)),
    })),
  };
}
