/**
 * Geo-classify tips: JSON Lines `{ "id", "text", "photos"? }` on stdin (`photos`: the GPS
 * points `[{ "lat", "lon" }]` of the tip's photos, as the pipeline passes them) → one JSON line
 * `{ "id", "country", "confidence", "candidates", "language", "reason"? }` per input on
 * stdout, in input order (`reason` only on abstentions). Lines that are not valid JSON produce an abstention
 * with `id: null`. Usage: npm run --silent classify < tips.jsonl
 */
import { createInterface } from 'node:readline';
import { classify, type GeoPoint } from '#shared/geo/index.ts';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
const out: string[] = [];
const flush = () => {
  if (out.length) {
    process.stdout.write(out.join(''));
    out.length = 0;
  }
};
for await (const line of rl) {
  if (!line.trim()) continue;
  let id: unknown = null;
  let text = '';
  let photos: GeoPoint[] = [];
  try {
    const rec = JSON.parse(line) as { id?: unknown; text?: unknown; photos?: unknown };
    id = rec.id ?? null;
    text = typeof rec.text === 'string' ? rec.text : '';
    // A point that is not two numbers is dropped; classify() itself drops those off the map.
    if (Array.isArray(rec.photos)) photos = rec.photos.filter((p): p is GeoPoint => typeof p?.lat === 'number' && typeof p?.lon === 'number');
  } catch {
    id = null;
  }
  const r = classify(text, photos);
  out.push(JSON.stringify({ id, country: r.country, confidence: r.confidence, candidates: r.candidates, language: r.language, reason: r.reason }) + '\n');
  if (out.length >= 256) flush();
}
flush();
