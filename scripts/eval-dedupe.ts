/**
 * npm run eval:dedupe [-- --cli] [-- --verbose] [-- --file other.jsonl]
 * Pairwise precision and recall of the dedupe decisions within each object,
 * overall and per `kind`, on dedupe-dev.jsonl (same `group` = duplicates).
 * By default the engine runs in-process; --cli pipes the data through
 * `node scripts/dedupe.ts` instead (the exact CLI output is scored).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DedupeEngine, MemoryDedupeIndex } from '#shared/dedupe/index.ts';

interface Row {
  id: string;
  objectId: string;
  text: string;
  group: string;
  kind: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const dataDir = process.env['TIPLINE_DEV_DATA'] ?? join(root, '..', 'shared', 'data');
const file = fileArg >= 0 && args[fileArg + 1] ? resolve(args[fileArg + 1]!) : join(dataDir, 'dedupe-dev.jsonl');
const raw = readFileSync(file, 'utf8');
const rows: Row[] = raw
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const cluster = new Map<string, string>();
if (args.includes('--cli')) {
  const input = rows.map((r) => JSON.stringify({ id: r.id, objectId: r.objectId, text: r.text })).join('\n') + '\n';
  const res = spawnSync(process.execPath, [join(root, 'scripts', 'dedupe.ts')], { input, encoding: 'utf8', cwd: root });
  if (res.status !== 0) throw new Error(`CLI failed: ${res.stderr}`);
  for (const line of res.stdout.split('\n').filter((l) => l.trim())) {
    const o = JSON.parse(line) as { id: string; clusterId: string };
    cluster.set(o.id, o.clusterId);
  }
} else {
  const engine = new DedupeEngine(new MemoryDedupeIndex());
  for (const r of rows) {
    const d = await engine.process({ tipId: r.id, objectId: r.objectId, text: r.text });
    cluster.set(r.id, d.clusterId);
  }
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  pairs: number;
}
const tallies = new Map<string, Tally>();
const tally = (k: string): Tally => {
  let t = tallies.get(k);
  if (!t) tallies.set(k, (t = { tp: 0, fp: 0, fn: 0, pairs: 0 }));
  return t;
};
const errors: string[] = [];
for (let i = 0; i < rows.length; i++) {
  for (let j = i + 1; j < rows.length; j++) {
    const a = rows[i]!;
    const b = rows[j]!;
    if (a.objectId !== b.objectId) continue;
    const gold = a.group === b.group;
    const pred = cluster.get(a.id) === cluster.get(b.id);
    for (const k of new Set(['overall', a.kind, b.kind])) {
      const t = tally(k);
      t.pairs++;
      if (gold && pred) t.tp++;
      else if (pred) t.fp++;
      else if (gold) t.fn++;
    }
    if (gold !== pred) errors.push(`${pred ? 'FP' : 'FN'} ${a.id}(${a.kind}) ~ ${b.id}(${b.kind}): ${JSON.stringify(a.text)} | ${JSON.stringify(b.text)}`);
  }
}

const fmt = (x: number): string => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const lines = [`dedupe eval: ${file} (${rows.length} tips)`, 'kind        pairs    TP   FP   FN  precision  recall'];
const kinds = [...tallies.keys()].filter((k) => k !== 'overall').sort();
for (const k of ['overall', ...kinds]) {
  const t = tallies.get(k)!;
  const p = t.tp + t.fp === 0 ? NaN : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? NaN : t.tp / (t.tp + t.fn);
  lines.push(
    `${k.padEnd(10)} ${String(t.pairs).padStart(6)} ${String(t.tp).padStart(5)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}  ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}`,
  );
}
console.log(lines.join('\n'));
if (args.includes('--verbose') && errors.length > 0) console.log('\n' + errors.join('\n'));
const o = tallies.get('overall');
if (o) {
  const p = o.tp / Math.max(1, o.tp + o.fp);
  const r = o.tp / Math.max(1, o.tp + o.fn);
  console.log(`\ntargets: precision ≥ 0.99 ${p >= 0.99 ? 'PASS' : 'FAIL'}, recall ≥ 0.95 ${r >= 0.95 ? 'PASS' : 'FAIL'}`);
}
