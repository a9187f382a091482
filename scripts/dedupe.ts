/**
 * npm run --silent dedupe < tips.jsonl
 * Reads JSON Lines { id, objectId, text } in arrival order and writes
 * { id, clusterId, duplicateOf } per input, same order: the intake
 * consumer's logic over the in-memory index.
 */
import { createInterface } from 'node:readline';
import { DedupeEngine, MemoryDedupeIndex } from '#shared/dedupe/index.ts';

interface InputLine {
  id: string;
  objectId: string;
  text: string;
}

const engine = new DedupeEngine(new MemoryDedupeIndex());
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
const out: string[] = [];
for await (const line of rl) {
  if (!line.trim()) continue;
  const tip = JSON.parse(line) as InputLine;
  const d = await engine.process({ tipId: String(tip.id), objectId: String(tip.objectId), text: String(tip.text ?? '') });
  out.push(JSON.stringify({ id: tip.id, clusterId: d.clusterId, duplicateOf: d.duplicateOf }));
  if (out.length >= 1000) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
