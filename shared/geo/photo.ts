/**
 * A photo's GPS position as geo evidence (issue 15): kind `photo-gps`, mapped to countries with
 * the country-coder grid the text's coordinates use (signals.ts `countryAt`). Where a photo was
 * taken is usually, not always, where the object is; the scorer weighs the kind on its own
 * (untrained-kinds.ts says how that weight was set).
 */
import { mention, type Mention } from './mention.ts';
import { countryAt } from './signals.ts';

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** Same strength as a typed coordinate pair (signals.ts `coordMention`). */
const PHOTO_WEIGHT = 3;

/** The mention of one photo's point, or null off the map or at sea (no country within a cell). */
export function photoMention(point: GeoPoint): Mention | null {
  const { lat, lon } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const dist = countryAt(lat, lon);
  if (dist.size === 0) return null;
  // No span: the evidence is not in the text (text '' and start = end = 0, like `language`).
  return mention('photo-gps', '', 0, 0, dist, PHOTO_WEIGHT);
}

/** The country a point falls in (the grid's own cell), or null at sea: what the console shows beside the coordinates. */
export function countryOfPoint(point: GeoPoint): string | null {
  const dist = countryAt(point.lat, point.lon);
  let best: string | null = null;
  let weight = 0;
  for (const [cc, w] of dist) if (w > weight) [best, weight] = [cc, w];
  return best;
}
