/**
 * Scores the geo classifier. The sets it was trained on (the dev tips, TR-News, LGL and
 * GeoWebNews halves, the project's fixtures) are reported cross-validated: grouped 5-fold,
 * each item predicted by a model (and calibration) that never saw it, exactly as
 * `npm run train:geo` prints. A file given with --file is scored in-process with the shipped
 * model (use it for sets the model has not seen). An item's photo points (`photo` or `photos`,
 * scripts/lib/geo-training.ts) go to the classifier as the pipeline passes them, and a set
 * whose items name a `scenario` also gets a row per scenario.
 * Usage: npm run eval:geo [-- --errors] [-- --file path.jsonl [--cli]]
 *   --errors  list the wrong and the confidently wrong items
 *   --cli     with --file: spawn `node scripts/classify.ts` instead of calling classify()
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadTrainingSets, prepare, crossValidate, figures, printFigures, readJsonl, photosOf, root, FOLDS, SEED, CONFIDENT, HIGH } from './lib/geo-training.ts';
import type { Item, Pred, Figures } from './lib/geo-training.ts';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const fileArg = args.indexOf('--file');
const file = fileArg >= 0 ? args[fileArg + 1] : undefined;

async function shippedPredictions(items: Item[]): Promise<Pred[]> {
  if (!args.includes('--cli')) {
    // Loaded only here: cross-validation needs no weights file, so it runs even while the
    // shipped one is stale (after a feature change, before `npm run train:geo`).
    // The pipeline's own entry (functions/classify): text and photo points, nothing else.
    const { classifyWithAttachments } = await import('#shared/media/classify.ts');
    return items.map((it) => { const r = classifyWithAttachments(it.text, photosOf(it)); return { country: r.country, confidence: r.confidence, top: r.candidates[0]?.country ?? null }; });
  }
  const input = items.map((it) => JSON.stringify({ id: it.id, text: it.text, photos: photosOf(it) })).join('\n') + '\n';
  const res = spawnSync(process.execPath, [join(root, 'scripts/classify.ts')], { input, encoding: 'utf8', maxBuffer: 1 << 28, cwd: root });
  if (res.status !== 0) throw new Error(`classify CLI failed: ${res.stderr}`);
  return res.stdout.split('\n').filter(Boolean).map((l) => {
    const r = JSON.parse(l) as { country: string | null; confidence: number; candidates: { country: string }[] };
    return { country: r.country, confidence: r.confidence, top: r.candidates[0]?.country ?? null };
  });
}

function listErrors(title: string, items: Item[], preds: Pred[]): void {
  items.forEach((it, i) => {
    const p = preds[i]!;
    const ok = it.countries.length === 0 ? p.country === null : p.country !== null && it.countries.includes(p.country);
    if (ok) return;
    const tag = p.country !== null && !it.countries.includes(p.country) && p.confidence >= CONFIDENT ? 'CONF-WRONG' : 'miss';
    const photo = photosOf(it).map((pt) => `photo@${pt.lat.toFixed(3)},${pt.lon.toFixed(3)}`).join(' ');
    console.log(`${tag} ${title} ${it.id} gold=${it.countries.join('/') || '∅'} pred=${p.country ?? '∅'} top=${p.top ?? '∅'} (${p.confidence.toFixed(3)}) ${photo ? photo + ' ' : ''}${it.text.slice(0, 160).replace(/\n/g, ' ')}`);
  });
}

const rows: [string, Figures][] = [];

/** A set whose items name their `scenario` (the photo sets) also gets one row per scenario. */
function scenarioRows(name: string, items: Item[], preds: Pred[]): void {
  const scenarios = [...new Set(items.flatMap((it) => (it.scenario === undefined ? [] : [it.scenario])))].sort();
  for (const sc of scenarios) {
    const idx = items.flatMap((it, i) => (it.scenario === sc ? [i] : []));
    const f = figures(idx.map((i) => items[i]!), idx.map((i) => preds[i]!));
    printFigures(`${name} · ${sc}`, f, false);
    rows.push([`  · ${sc}`, f]);
  }
}

if (file) {
  const items = readJsonl(file);
  const preds = await shippedPredictions(items);
  const f = figures(items, preds);
  printFigures(`${file} (shipped model)`, f);
  rows.push([file, f]);
  scenarioRows(file, items, preds);
  if (showErrors) listErrors(file, items, preds);
} else {
  const { sets, source } = loadTrainingSets();
  const { data, kinds } = prepare(sets);
  const preds = crossValidate(data, kinds);
  console.log(`# Cross-validated figures (out-of-fold, ${FOLDS}-fold grouped by document and copy, seed ${SEED}, nested calibration); data from ${source}`);
  console.log('# Every set below is training data: these are NOT in-sample figures; each item is scored by a model that never saw it.');
  const all = figures(data.map((d) => d.item), preds);
  printFigures('ALL (cross-validated)', all);
  rows.push(['ALL', all]);
  for (const s of sets) {
    const idx = data.map((d, i) => ({ d, p: preds[i]! })).filter((x) => x.d.set === s.name);
    const items = idx.map((x) => x.d.item);
    const ps = idx.map((x) => x.p);
    const f = figures(items, ps);
    printFigures(`${s.name} (cross-validated)`, f);
    rows.push([s.name, f]);
    scenarioRows(s.name, items, ps);
    if (showErrors) listErrors(s.name, items, ps);
  }
}

const pct = (a: number, b: number) => (b === 0 ? '    – ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
console.log(`\n## Summary  (top-1 single | abstention on [] | confidently wrong | ECE | precision @ conf ≥ ${HIGH} | coverage)`);
for (const [name, f] of rows) {
  console.log(`${name.padEnd(28)} ${pct(f.singleRight, f.single)}  ${pct(f.abstained, f.empty)}  ${pct(f.confWrong, f.n)}  ${f.ece.toFixed(3)}  ${pct(f.highRight, f.high)}  ${pct(f.highLocated, f.located)}`);
}

// The "Done when" figures, on the cross-validated run (not with --file).
if (!file) {
  const get = (name: string) => rows.find(([n]) => n === name)?.[1];
  const all = get('ALL')!;
  const dev = get('geo-tips-dev');
  const trn = get('geo-news-trnews');
  const rate = (a: number, b: number) => (b === 0 ? NaN : a / b);
  const check = (label: string, value: number, ok: boolean) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${label.padEnd(58)} ${Number.isNaN(value) ? '–' : (100 * value).toFixed(1) + '%'}`);
  console.log('\n## Targets (issue 13), cross-validated');
  check('CV top-1 single-country ≥ 93%', rate(all.singleRight, all.single), rate(all.singleRight, all.single) >= 0.93);
  check('CV confidently wrong ≤ 3%', rate(all.confWrong, all.n), rate(all.confWrong, all.n) <= 0.03);
  if (trn) check('TR-News top-1 single-country ≥ 93%', rate(trn.singleRight, trn.single), rate(trn.singleRight, trn.single) >= 0.93);
  if (dev) {
    check('dev tips top-1 single-country ≥ 97%', rate(dev.singleRight, dev.single), rate(dev.singleRight, dev.single) >= 0.97);
    check('dev tips abstention ≥ 95%', rate(dev.abstained, dev.empty), rate(dev.abstained, dev.empty) >= 0.95);
    check('dev tips confidently wrong ≤ 1%', rate(dev.confWrong, dev.n), rate(dev.confWrong, dev.n) <= 0.01);
  }
  // Per set; a scenario row is a slice of a set (a dozen items), too small for its own ECE target.
  const worst = rows.filter(([n]) => !n.startsWith('  · ')).reduce((m, [, f]) => Math.max(m, f.ece), 0);
  console.log(`${worst <= 0.05 ? 'PASS' : 'FAIL'}  ${'ECE ≤ 0.05 on every set'.padEnd(58)} worst ${worst.toFixed(3)}`);
  check(`precision at conf ≥ ${HIGH} ≥ 98%`, rate(all.highRight, all.high), rate(all.highRight, all.high) >= 0.98);
  check(`coverage at conf ≥ ${HIGH} ≥ 60%`, rate(all.highLocated, all.located), rate(all.highLocated, all.located) >= 0.6);
}
