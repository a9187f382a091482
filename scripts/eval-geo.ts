/**
 * Scores the geo classifier on the dev tips and the TR-News passages.
 * Data dir: ../shared/data relative to the repo root, or $TIPLINE_DEV_DATA.
 * Usage: npm run eval:geo [-- --cli] [-- --errors]
 *   --cli     spawn `node scripts/classify.ts` instead of calling classify() in-process
 *   --errors  list misclassified items
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '#shared/geo/index.ts';

interface Item { id: string; text: string; countries: string[]; category?: string; multi?: boolean }
interface Pred { id: string; country: string | null; confidence: number }

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.TIPLINE_DEV_DATA ?? resolve(root, '../shared/data');
const useCli = process.argv.includes('--cli');
const showErrors = process.argv.includes('--errors');

function load(name: string): Item[] {
  return readFileSync(join(dataDir, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);
}

function predict(items: Item[]): Pred[] {
  if (!useCli) return items.map((it) => { const r = classify(it.text); return { id: it.id, country: r.country, confidence: r.confidence }; });
  const input = items.map((it) => JSON.stringify({ id: it.id, text: it.text })).join('\n') + '\n';
  const res = spawnSync(process.execPath, [join(root, 'scripts/classify.ts')], { input, encoding: 'utf8', maxBuffer: 1 << 28, cwd: root });
  if (res.status !== 0) throw new Error(`classify CLI failed: ${res.stderr}`);
  return res.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Pred);
}

interface Stats { n: number; located: number; correct: number; empty: number; abstained: number; confWrong: number; wrong: number }
const blank = (): Stats => ({ n: 0, located: 0, correct: 0, empty: 0, abstained: 0, confWrong: 0, wrong: 0 });

function add(s: Stats, it: Item, p: Pred): boolean {
  s.n++;
  let ok: boolean;
  if (it.countries.length === 0) {
    s.empty++;
    ok = p.country === null;
    if (ok) s.abstained++;
  } else {
    s.located++;
    ok = p.country !== null && it.countries.includes(p.country);
    if (ok) s.correct++;
  }
  if (p.country !== null && !it.countries.includes(p.country)) {
    s.wrong++;
    if (p.confidence >= 0.5) s.confWrong++;
  }
  return ok;
}

const pct = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
function row(name: string, s: Stats): string {
  return `${name.padEnd(26)} ${String(s.n).padStart(4)}  ${pct(s.correct, s.located)} (${s.correct}/${s.located})`.padEnd(50) +
    `  abst ${pct(s.abstained, s.empty)} (${s.abstained}/${s.empty})`.padEnd(24) + `  conf-wrong ${pct(s.confWrong, s.n)} (${s.confWrong})`;
}

const errors: string[] = [];
function run(title: string, items: Item[], groupBy: (it: Item) => string[]): Map<string, Stats> {
  const preds = predict(items);
  const groups = new Map<string, Stats>();
  items.forEach((it, i) => {
    const p = preds[i]!;
    let ok = true;
    for (const g of groupBy(it)) {
      if (!groups.has(g)) groups.set(g, blank());
      ok = add(groups.get(g)!, it, p);
    }
    if (!ok) errors.push(`${title} ${it.id} gold=${it.countries.join('/') || '∅'} pred=${p.country ?? '∅'} (${p.confidence}) ${it.text.slice(0, 140).replace(/\n/g, ' ')}`);
  });
  console.log(`\n## ${title}  (top-1 on located | abstention on empty | confidently wrong = wrong & conf ≥ 0.5)`);
  const keys = [...groups.keys()].sort((a, b) => (a === 'ALL' ? -1 : b === 'ALL' ? 1 : a.localeCompare(b)));
  for (const k of keys) console.log(row(k, groups.get(k)!));
  return groups;
}

const tips = load('geo-tips-dev.jsonl');
const news = load('geo-news-trnews.jsonl');
const t = run('geo-tips-dev', tips, (it) => ['ALL', `cat:${it.category ?? '?'}`]);
const n = run('geo-news-trnews', news, (it) => ['ALL', it.multi ? 'multi-gold' : 'single-gold']);

// Sets written for this project by authors who had not seen the classifier's code
// (test/fixtures/), reported per category, no target. Each was scored blind once
// (shared/geo/README.md has those first figures) and then used to find and fix
// general gaps, so what this prints is no longer a blind measure.
for (const [title, file] of [
  ['geo-challenge (fitted)', 'geo-challenge.jsonl'],
  ['geo-holdout (fitted)', 'geo-holdout.jsonl'],
  ['geo-final (fitted)', 'geo-final.jsonl'],
  ['geo-last (fitted)', 'geo-last.jsonl'],
  ['geo-news-last (fitted)', 'geo-news-last.jsonl'],
  ['geo-blind5 (fitted)', 'geo-blind5.jsonl'],
  ['geo-news-blind2 (fitted)', 'geo-news-blind2.jsonl'],
  // Held out: written last, scored once, not used to develop (one bug fix after: a big city's
  // alternate name read as a person's). The closest thing here to the held-back data.
  ['geo-heldout (held out)', 'geo-heldout.jsonl'],
  ['geo-news-heldout (held out)', 'geo-news-heldout.jsonl'],
] as const) {
  const path = join(root, 'test/fixtures', file);
  if (!existsSync(path)) continue;
  const items = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);
  run(title, items, (it) => ['ALL', it.category !== undefined ? `cat:${it.category}` : it.countries.length > 1 ? 'multi-gold' : 'single-gold']);
}

const T = t.get('ALL')!;
const S = n.get('single-gold')!;
console.log('\n## Targets');
const check = (label: string, ok: boolean, val: string) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${label.padEnd(44)} ${val}`);
check('dev tips top-1 on located ≥ 95%', T.correct / T.located >= 0.95, pct(T.correct, T.located));
check('dev tips abstention on countries:[] ≥ 90%', T.abstained / T.empty >= 0.9, pct(T.abstained, T.empty));
check('dev tips confidently wrong ≤ 2%', T.confWrong / T.n <= 0.02, pct(T.confWrong, T.n));
check('TR-News single-gold top-1 ≥ 90%', S.correct / S.located >= 0.9, pct(S.correct, S.located));
if (showErrors) {
  console.log('\n## Errors');
  for (const e of errors) console.log(e);
}
