/**
 * Trains the geo scorer (shared/geo/model.ts) and writes shared/geo/generated/geo-model.json.
 * Deterministic: fixed fold seed, full-batch optimisation from zero. Prints grouped 5-fold
 * cross-validated figures per set first (nested calibration, see scripts/lib/geo-training.ts).
 * Usage: npm run train:geo [-- --no-cv]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrainingSets, prepare, crossValidate, trainFinal, figures, printFigures, root, FOLDS, SEED } from './lib/geo-training.ts';

const t0 = performance.now();
const { sets, source } = loadTrainingSets();
const { data, kinds } = prepare(sets);
console.log(`training data: ${data.length} items in ${sets.length} sets (${sets.map((s) => `${s.name} ${s.items.length}`).join(', ')}) from ${source}`);
console.log(`mention kinds: ${kinds.join(', ')}; features extracted in ${Math.round(performance.now() - t0)} ms`);

if (!process.argv.includes('--no-cv')) {
  const preds = crossValidate(data, kinds);
  console.log(`\n# Cross-validated (out-of-fold, ${FOLDS}-fold grouped, seed ${SEED}, nested calibration)`);
  const all = figures(data.map((d) => d.item), preds);
  const singleNews = data.map((d, i) => ({ d, p: preds[i]! }));
  printFigures('ALL training data', all);
  for (const s of sets) {
    const idx = singleNews.filter((x) => x.d.set === s.name);
    printFigures(s.name, figures(idx.map((x) => x.d.item), idx.map((x) => x.p)), false);
  }
}

const w = trainFinal(data, kinds);
const out = {
  ...w,
  candidate: { names: w.candidate.names, weights: w.candidate.weights.map((v) => Math.round(v * 1e5) / 1e5) },
  abstain: { names: w.abstain.names, weights: w.abstain.weights.map((v) => Math.round(v * 1e5) / 1e5) },
  trainedOn: sets.map((s) => ({ set: s.name, items: s.items.length })),
};
const path = join(root, 'shared/geo/generated/geo-model.json');
writeFileSync(path, JSON.stringify(out, null, 1) + '\n');
console.log(`\nwrote ${path} (${w.candidate.names.length} candidate + ${w.abstain.names.length} abstain weights, ${w.calibration.x.length} calibration knots) in ${Math.round(performance.now() - t0)} ms`);
