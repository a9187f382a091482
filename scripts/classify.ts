/**
 * Geo-classify tips: JSON Lines `{ "id", "text", "photos"? }` on stdin (`photos`: the GPS
 * points `[{ "lat", "lon" }]` of the tip's photos, as the pipeline passes them) → one JSON line
 * `{ "id", "country", "confidence", "candidates", "language", "reason"? }` per input on
 * stdout, in input order (`reason` only on abstentions). Lines that are not valid JSON produce an abstention
 * with `id: null`. Usage: npm run --silent classify < tips.jsonl
 * Or one text as arguments: npm run --silent classify -- [--trace] "text" — `--trace` also prints
 * the detected language and each mention the analysis kept (kind, span, countries, weight, flags),
 * to see which evidence decided.
 */
import { createInterface } from 'node:readline';
import { classify, type GeoPoint } from '#shared/geo/index.ts';
import { analyse } from '#shared/geo/analyse.ts';

const FLAGS = ['needsSupport', 'negated', 'madeIn', 'demoted', 'person', 'retracted', 'selfLocation', 'idiom', 'style', 'generic', 'commonWord'] as const;

const argv = process.argv.slice(2);
const trace = argv.includes('--trace');
const words = argv.filter((a) => a !== '--trace');
if (words.length > 0) {
  const text = words.join(' ');
  if (trace) {
    const a = analyse(text);
    console.log(`language: ${a.language ?? '-'}`);
    a.mentions.forEach((m, i) => {
      const dist = [...a.dists[i]!].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([cc, p]) => `${cc}:${p.toFixed(2)}`).join(' ');
      const flags = FLAGS.filter((f) => m[f]).join(',');
      console.log(`${m.kind.padEnd(11)} ${JSON.stringify(m.text).padEnd(24)} w=${m.weight.toFixed(2)} ×${m.mult.toFixed(2)} ${dist}${flags ? ' [' + flags + ']' : ''}${m.needsSupport ? ` support=${m.support.toFixed(2)}` : ''}`);
    });
  }
  console.log(JSON.stringify(classify(text), null, trace ? 0 : 2));
  process.exit(0);
}

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
