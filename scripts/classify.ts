/**
 * Geo-classify tips: JSON Lines `{ "id", "text" }` on stdin → one JSON line
 * `{ "id", "country", "confidence", "candidates", "language", "reason"? }` per input on
 * stdout, in input order (`reason` only on abstentions). Lines that are not valid JSON produce an abstention
 * with `id: null`. Usage: npm run --silent classify < tips.jsonl
 */
import { createInterface } from 'node:readline';
import { classify } from '#shared/geo/index.ts';

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
  try {
    const rec = JSON.parse(line) as { id?: unknown; text?: unknown };
    id = rec.id ?? null;
    text = typeof rec.text === 'string' ? rec.text : '';
  } catch {
    id = null;
  }
  const r = classify(text);
  out.push(JSON.stringify({ id, country: r.country, confidence: r.confidence, candidates: r.candidates, language: r.language, reason: r.reason }) + '\n');
  if (out.length >= 256) flush();
}
flush();
