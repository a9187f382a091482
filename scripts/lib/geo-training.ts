/**
 * Shared by `npm run train:geo` and `npm run eval:geo`: the labelled sets, their grouping into
 * folds, feature extraction, grouped k-fold cross-validation with nested calibration, and the
 * figures printed for every set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '#shared/geo/analyse.ts';
import { tipFeatures, featureNames, NULL_FEATURES, ATTACHMENT_NULL_FEATURES } from '#shared/geo/features.ts';
import { probabilities, calibrate, calibrationFor, hasAttachmentEvidence, stratumOf, STRATA, ATTACHMENT_KINDS } from '#shared/geo/model.ts';
import type { Stratum } from '#shared/geo/model.ts';
import type { ModelWeights } from '#shared/geo/model.ts';
import { fit, isotonic, foldsOf, DEFAULT_FIT } from '#shared/geo/learn.ts';
import type { Instance } from '#shared/geo/learn.ts';
import { fold } from '#shared/text/fold.ts';
import { ABSTAIN_BELOW } from '#shared/geo/model.ts';
import type { GeoPoint } from '#shared/geo/photo.ts';
import '#shared/schemas/zod-config.ts';
import * as z from 'zod/mini';

/** Optimiser settings; GEO_L2 / GEO_ITERATIONS override them for experiments. */
const FIT = {
  ...DEFAULT_FIT,
  l2: Number(process.env.GEO_L2 ?? DEFAULT_FIT.l2),
  iterations: Number(process.env.GEO_ITERATIONS ?? DEFAULT_FIT.iterations),
};

/** A photo's GPS point in a labelled item; out of range is a broken file, so it fails loudly (the classifier itself would just drop it). */
const PhotoPoint = z.object({ lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) });

/**
 * One labelled item. Besides the text, an item may carry the tip's photo evidence as the
 * pipeline passes it (ClassifyMessage.photos): `photos`, a list of points, or `photo`, one
 * point or null (the format of the photo sets, test/fixtures/README.md). `scenario` names
 * the kind of case (eval:geo prints figures per scenario).
 */
export const ItemSchema = z.object({
  id: z.string(),
  text: z.string(),
  countries: z.array(z.string().check(z.regex(/^[A-Z]{2}$/))),
  category: z.optional(z.string()),
  multi: z.optional(z.boolean()),
  scenario: z.optional(z.string()),
  photo: z.optional(z.nullable(PhotoPoint)),
  photos: z.optional(z.array(PhotoPoint)),
});
export type Item = z.infer<typeof ItemSchema>;

/** The photo points of an item, in the form classify() and analyse() take them. */
export function photosOf(item: Item): GeoPoint[] {
  return [...(item.photos ?? []), ...(item.photo ? [item.photo] : [])];
}
export interface LabelledSet { name: string; items: Item[] }

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = process.env.TIPLINE_DEV_DATA ?? resolve(root, '../shared/data');
const fixtures = join(root, 'test/fixtures');

/** Fixed seed of the fold assignment. */
export const SEED = 13;
export const FOLDS = 5;
/** A "confidently wrong" answer: wrong with at least this confidence (the routing threshold). */
export const CONFIDENT = 0.5;
/** Precision is reported among answers at or above this confidence. */
export const HIGH = 0.8;
const BINS = 10;
/**
 * Loss weight of a tip whose gold answer is "no country". They are rare in the data (≈ 3%)
 * and the cost of a wrong routing is high, so each counts several times; calibration is
 * fitted afterwards on out-of-fold probabilities and undoes the shift this causes.
 */
export const ABSTAIN_WEIGHT = Number(process.env.GEO_ABSTAIN_WEIGHT ?? 10);

/** The development sets from ../shared/data; copies in test/fixtures/ serve when ../shared is absent. */
const SHARED_SETS = ['geo-tips-dev.jsonl', 'geo-news-trnews.jsonl', 'geo-news-lgl-train.jsonl', 'geo-news-geowebnews-train.jsonl'];
/** The project's own labelled fixtures (tips and news passages written for Tipline). */
const FIXTURE_SETS = [
  'geo-challenge.jsonl', 'geo-holdout.jsonl', 'geo-final.jsonl', 'geo-last.jsonl', 'geo-blind5.jsonl', 'geo-heldout.jsonl',
  'geo-news-last.jsonl', 'geo-news-blind2.jsonl', 'geo-news-heldout.jsonl',
  // Tips with their photo's GPS point (issue 15): the only items that teach the photo-gps weights.
  'geo-photo-train.jsonl',
  // Sets written blind in later rounds, scored once as measurements (test/fixtures/README.md) and
  // then added here: short tips in ~100 languages, historical OCR print, news in English.
  'geo-tips-gen2.jsonl', 'geo-tips-gen3.jsonl', 'geo-ocr-gen2.jsonl', 'geo-ocr-gen3.jsonl', 'geo-news-gen2.jsonl',
];

export function readJsonl(path: string): Item[] {
  return readFileSync(path, 'utf8').split('\n').flatMap((l, i) => {
    if (!l.trim()) return [];
    const parsed = ItemSchema.safeParse(JSON.parse(l));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    return [parsed.data];
  });
}

export function loadTrainingSets(): { sets: LabelledSet[]; source: string } {
  const useShared = SHARED_SETS.every((f) => existsSync(join(sharedDir, f)));
  const dir = useShared ? sharedDir : fixtures;
  const sets: LabelledSet[] = [];
  for (const f of SHARED_SETS) if (existsSync(join(dir, f))) sets.push({ name: f.replace(/\.jsonl$/, ''), items: readJsonl(join(dir, f)) });
  for (const f of FIXTURE_SETS) if (existsSync(join(fixtures, f))) sets.push({ name: f.replace(/\.jsonl$/, ''), items: readJsonl(join(fixtures, f)) });
  return { sets, source: useShared ? sharedDir : fixtures };
}

/**
 * Group key per item: passages of one news document share a group ("lgl-41406650-3" →
 * "lgl-41406650"), and so do copies of one text across sets (same folded first 200 characters).
 */
export function groupKeys(items: readonly Item[]): string[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const doc = (it: Item) => 'doc:' + (/^([a-z]+-\d+)-\d+$/.exec(it.id)?.[1] ?? it.id);
  const txt = (it: Item) => 'txt:' + fold(it.text).replace(/\s+/g, ' ').trim().slice(0, 200);
  for (const it of items) union(doc(it), txt(it));
  return items.map((it) => find(doc(it)));
}

export interface Prepared { item: Item; set: string; group: string; attachment: boolean; stratum: Stratum; rows: { country: string; x: Float64Array }[]; nullX: Float64Array; instance: Instance }

/** Mention kinds seen in the data, in a stable order: each gets its own feature bucket. */
export function kindsOf(analyses: ReturnType<typeof analyse>[]): string[] {
  const kinds = new Set<string>();
  for (const a of analyses) for (const m of a.mentions) kinds.add(m.kind);
  return [...kinds].sort();
}

export function prepare(sets: readonly LabelledSet[]): { data: Prepared[]; kinds: string[] } {
  const flat = sets.flatMap((s) => s.items.map((item) => ({ item, set: s.name })));
  const analyses = flat.map((f) => analyse(f.item.text, photosOf(f.item)));
  const kinds = kindsOf(analyses);
  const groups = groupKeys(flat.map((f) => f.item));
  const data = flat.map((f, i) => {
    const tf = tipFeatures(analyses[i]!, kinds);
    const gold = tf.rows.flatMap((r, k) => (f.item.countries.includes(r.country) ? [k] : []));
    return { item: f.item, set: f.set, group: groups[i]!, attachment: hasAttachmentEvidence(analyses[i]!.mentions), stratum: stratumOf(analyses[i]!.mentions, analyses[i]!.text.length), rows: tf.rows, nullX: tf.nullX, instance: { rows: tf.rows, nullX: tf.nullX, gold, weight: f.item.countries.length === 0 ? ABSTAIN_WEIGHT : 1 } };
  });
  return { data, kinds };
}

/**
 * Fits the scorer. Attachment kinds (ATTACHMENT_KINDS) are learned only from their own few
 * labelled items, in a second stage: the rest of the model is fitted without those items first and then held fixed, so 160 photo tips (whose
 * tipsters often write in another country's language than the photo's) cannot move the text
 * weights learned from thousands of passages; only the kind's own block is then fitted, on them.
 */
function train(data: readonly Prepared[], kinds: string[]): ModelWeights {
  const names = featureNames(kinds);
  const later = (name: string): boolean => ATTACHMENT_KINDS.some((kind) => name.startsWith(`${kind}.`) || name.startsWith(`short.${kind}.`));
  const hasLater = data.some((d) => d.attachment) && names.some(later);
  const first = hasLater ? data.filter((d) => !d.attachment) : data;
  let w = fit(first.map((d) => d.instance), names.length, NULL_FEATURES.length, FIT);
  if (hasLater) {
    const free = [...names.map(later), ...NULL_FEATURES.map((n) => (ATTACHMENT_NULL_FEATURES as readonly string[]).includes(n))];
    // Unweighted here: ABSTAIN_WEIGHT offsets how rare "no country" is among text tips (≈ 3%);
    // among the attachment tips it is not rare (13% of geo-photo-train).
    w = fit(data.filter((d) => d.attachment).map((d) => ({ ...d.instance, weight: 1 })), names.length, NULL_FEATURES.length, FIT, { init: [...w.candidate, ...w.abstain], free });
  }
  return { format: 1, kinds, candidate: { names, weights: w.candidate }, abstain: { names: [...NULL_FEATURES], weights: w.abstain }, calibration: { x: [], y: [] } };
}

/** Raw probability of the top candidate and whether it is right. */
function topOf(w: ModelWeights, d: Prepared): { raw: number; country: string | null; right: boolean } {
  const { p } = probabilities(w, d.rows, d.nullX);
  let best = -1;
  for (let k = 0; k < p.length; k++) if (best < 0 || p[k]! > p[best]!) best = k;
  if (best < 0) return { raw: 0, country: null, right: false };
  const country = d.rows[best]!.country;
  return { raw: p[best]!, country, right: d.item.countries.includes(country) };
}

/** Out-of-fold raw top probabilities (one model per fold, trained on the other folds). */
function outOfFold(data: readonly Prepared[], kinds: string[], folds: number[]): ReturnType<typeof topOf>[] {
  const out = new Array<ReturnType<typeof topOf>>(data.length);
  for (let k = 0; k < FOLDS; k++) {
    const w = train(data.filter((_, i) => folds[i] !== k), kinds);
    data.forEach((d, i) => { if (folds[i] === k) out[i] = topOf(w, d); });
  }
  return out;
}

/** A stratum with fewer out-of-fold items than this keeps the pooled table of all text tips. */
const MIN_STRATUM = 100;

/**
 * Isotonic tables from out-of-fold probabilities: one pooled over all text tips, and one per
 * stratum (model.ts STRATA) with enough items of its own.
 */
function calibrateStrata(w: ModelWeights, data: readonly Prepared[], oof: readonly ReturnType<typeof topOf>[]): void {
  const table = (keep: (d: Prepared) => boolean) => {
    const idx = data.map((d, i) => (keep(d) ? i : -1)).filter((i) => i >= 0);
    return { n: idx.length, t: isotonic(idx.map((i) => oof[i]!.raw), idx.map((i) => (oof[i]!.right ? 1 : 0))) };
  };
  w.calibration = table((d) => !d.attachment).t;
  w.strata = {};
  for (const s of STRATA) {
    const { n, t } = table((d) => d.stratum === s);
    if (n >= MIN_STRATUM) w.strata[s] = t;
  }
}

/** Trains on everything: weights plus isotonic calibrations fitted on out-of-fold probabilities. */
export function trainFinal(data: readonly Prepared[], kinds: string[]): ModelWeights {
  const folds = foldsOf(data.map((d) => d.group), FOLDS, SEED);
  const oof = outOfFold(data, kinds, folds);
  const w = train(data, kinds);
  calibrateStrata(w, data, oof);
  return w;
}

export interface Pred { country: string | null; confidence: number; top: string | null }

/**
 * Cross-validated predictions: for each outer fold, a model trained on the other folds, and a
 * calibration fitted on out-of-fold probabilities from an inner split of those folds only, so no
 * figure uses an item that shaped its own model or calibration.
 */
export function crossValidate(data: readonly Prepared[], kinds: string[]): Pred[] {
  const folds = foldsOf(data.map((d) => d.group), FOLDS, SEED);
  const preds = new Array<Pred>(data.length);
  for (let k = 0; k < FOLDS; k++) {
    const trainIdx = data.map((_, i) => i).filter((i) => folds[i] !== k);
    const inner = trainIdx.map((i) => data[i]!);
    const innerFolds = foldsOf(inner.map((d) => d.group), FOLDS, SEED + 1 + k);
    const oof = outOfFold(inner, kinds, innerFolds);
    const w = train(inner, kinds);
    calibrateStrata(w, inner, oof);
    data.forEach((d, i) => {
      if (folds[i] !== k) return;
      const t = topOf(w, d);
      const confidence = t.country === null ? 0 : calibrate(calibrationFor(w, d.stratum), t.raw);
      preds[i] = { country: confidence >= ABSTAIN_BELOW ? t.country : null, confidence, top: t.country };
    });
  }
  return preds;
}

export interface Figures {
  n: number; single: number; singleRight: number; multi: number; multiRight: number; empty: number; abstained: number;
  confWrong: number; high: number; highRight: number; located: number; highLocated: number; ece: number;
  bins: { lo: number; n: number; conf: number; acc: number }[];
}

/** Every figure the eval prints, from items and their predictions. */
export function figures(items: readonly Item[], preds: readonly Pred[]): Figures {
  const f: Figures = { n: items.length, single: 0, singleRight: 0, multi: 0, multiRight: 0, empty: 0, abstained: 0, confWrong: 0, high: 0, highRight: 0, located: 0, highLocated: 0, ece: 0, bins: [] };
  const bins = Array.from({ length: BINS }, (_, b) => ({ lo: b / BINS, n: 0, conf: 0, acc: 0 }));
  items.forEach((it, i) => {
    const p = preds[i]!;
    const topRight = p.top !== null && it.countries.includes(p.top);
    if (it.countries.length === 0) { f.empty++; if (p.country === null) f.abstained++; } else {
      f.located++;
      const right = p.country !== null && it.countries.includes(p.country);
      if (it.countries.length === 1 && !it.multi) { f.single++; if (right) f.singleRight++; } else { f.multi++; if (right) f.multiRight++; }
    }
    if (p.country !== null && !it.countries.includes(p.country) && p.confidence >= CONFIDENT) f.confWrong++;
    if (p.country !== null && p.confidence >= HIGH) {
      f.high++;
      if (topRight) f.highRight++;
      // Coverage is a share of the located items, so a confident answer on an abstain item counts
      // against precision only (it once printed 200% coverage on a set of mostly [] rows).
      if (it.countries.length > 0) f.highLocated++;
    }
    const b = bins[Math.min(BINS - 1, Math.floor(p.confidence * BINS))]!;
    b.n++;
    b.conf += p.confidence;
    b.acc += topRight ? 1 : 0;
  });
  for (const b of bins) {
    if (b.n > 0) f.ece += (b.n / Math.max(1, f.n)) * Math.abs(b.acc / b.n - b.conf / b.n);
    b.conf = b.n ? b.conf / b.n : 0;
    b.acc = b.n ? b.acc / b.n : 0;
  }
  f.bins = bins;
  return f;
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);

export function printFigures(title: string, f: Figures, reliability = true): void {
  console.log(`\n## ${title}  (${f.n} items)`);
  console.log(`  top-1 single-country   ${pct(f.singleRight, f.single)}`);
  if (f.multi) console.log(`  top-1 multi (any gold)  ${pct(f.multiRight, f.multi)}`);
  if (f.empty) console.log(`  abstention on []       ${pct(f.abstained, f.empty)}`);
  console.log(`  confidently wrong      ${pct(f.confWrong, f.n)}  (wrong with conf ≥ ${CONFIDENT})`);
  console.log(`  conf ≥ ${HIGH}: precision ${pct(f.highRight, f.high)}, coverage ${pct(f.highLocated, f.located)} of located`);
  console.log(`  ECE (10 bins)          ${f.ece.toFixed(3)}`);
  if (reliability) {
    console.log('  reliability  bin        n   mean conf  accuracy');
    for (const b of f.bins) if (b.n) console.log(`               ${b.lo.toFixed(1)}–${(b.lo + 0.1).toFixed(1)}  ${String(b.n).padStart(5)}   ${b.conf.toFixed(3)}      ${b.acc.toFixed(3)}`);
  }
}
