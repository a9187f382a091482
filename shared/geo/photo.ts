/**
 * A photo's GPS position as geo evidence (issue 15): kind `photo-gps`, mapped to countries with
 * the country-coder grid the text's coordinates use (signals.ts `countryAt`). Where a photo was
 * taken is usually, not always, where the object is; the scorer weighs the kind on its own,
 * with weights learnt by `npm run train:geo` from labelled tips with photos
 * (test/fixtures/geo-photo-train.jsonl).
 */
import type { Mention } from './mention.ts';
import { countryAt, pointMention } from './signals.ts';

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** The mention of one photo's point, or null off the map or at sea. No span: the evidence is not in the text (text '' and start = end = 0, like `language`). */
export function photoMention(point: GeoPoint): Mention | null {
  return pointMention('photo-gps', '', 0, 0, point.lat, point.lon);
}

/** The country a point falls in (the grid's own cell), or null at sea: what the console shows beside the coordinates. */
export function countryOfPoint(point: GeoPoint): string | null {
  const dist = countryAt(point.lat, point.lon);
  let best: string | null = null;
  let weight = 0;
  for (const [cc, w] of dist) if (w > weight) [best, weight] = [cc, w];
  return best;
}
