/**
 * The dedupe engine: decides, per object, whether a tip repeats an earlier
 * claim, over an async index port (in memory or DynamoDB).
 *
 * Per tip, independent of how many tips the object already has:
 *  - reads: 1 round trip of ≤ 2 bucket items (more only when a bucket has
 *    filled up: ≤ CHAIN_DEPTH round trips), plus the cluster counter of a
 *    duplicate (batched per SQS batch);
 *  - writes: a new cluster root writes its fingerprint into 1 (tips with
 *    numbers/addresses) or 2 buckets; a duplicate writes its cluster counter
 *    once (one write per cluster per batch).
 *
 * Idempotent under redelivery: a root finds its own entry and re-uses the
 * "new" decision (completing any bucket write a crash left out); a duplicate
 * recomputes the same decision and its counter write is skipped because its
 * id hash is in the counter's ring of recently counted members.
 *
 * Retention (shared/tips/expire.ts) takes an expired first tip out of the
 * index (`forget`), files its successor (`file`) and moves the counter
 * (`openCluster`, `closeCluster`). With `isLiveRoot`, a decision never
 * attaches a tip to a first tip that no longer exists: an entry naming one
 * is treated as not found and removed from the buckets that held it.
 */
import { analyse } from './analyse.ts';
import type { Analysis } from './analyse.ts';
import { byteLength, decodeEntry, encodeEntry, entryTipId, fingerprintOf, MAX_ENTRY_BYTES } from './fingerprint.ts';
import type { Fingerprint } from './fingerprint.ts';
import { chains } from './lsh.ts';
import type { BucketState, ClusterState, DedupeIndexPort } from './port.ts';
import { closestPhotos, PHOTO_HASH, PHOTO_MAX_BITS, photoChains } from './photo.ts';
import { compare, DEFAULT_CALIBRATION } from './similarity.ts';
import type { Calibration } from './similarity.ts';
import { clusterKey } from './clusters.ts';

export { clusterKey };
import { createHash } from 'node:crypto';

export interface TipInput {
  readonly tipId: string;
  readonly objectId: string;
  readonly text: string;
  /** Perceptual hashes of the tip's photos (shared/media/dhash.ts): the same photo makes a duplicate whatever the words. */
  readonly photoHashes?: readonly string[];
}

/** `photo`: the tips' words differ but a photo of one is a copy of a photo of the other. */
export type DedupeReason = 'exact' | 'near' | 'photo' | 'new';

export interface DedupeDecision {
  readonly tipId: string;
  /** Id of the first tip of the cluster (this tip's own id when it is new). */
  readonly clusterId: string;
  /** The first tip of the cluster, or null when this tip starts a cluster. */
  readonly duplicateOf: string | null;
  /** Similarity to the cluster's first tip (1 for exact and new). */
  readonly similarity: number;
  readonly reason: DedupeReason;
}

export interface EngineOptions {
  /** Minimum Jaccard similarity of content words for a near duplicate (overrides the calibration's). */
  readonly threshold?: number;
  /** Threshold and containment limits (default: the fitted data/calibration.json). */
  readonly calibration?: Calibration;
  /** Byte budget of the entries of one bucket item (keeps items < 1 KB). */
  readonly bucketBytes?: number;
  /** How many recently counted member ids a cluster counter remembers. */
  readonly ringSize?: number;
  /** Retries after a lost conditional-write race. */
  readonly maxRetries?: number;
  /** Buckets this engine wrote, kept to paper over eventually consistent reads. */
  readonly cacheSize?: number;
  /**
   * Whether a tip is still the first tip of a cluster (it exists and is no
   * duplicate). Asked about the best candidate before a tip is attached to
   * it; without it (CLI, bench) every indexed tip counts as live.
   */
  readonly isLiveRoot?: (tipId: string) => Promise<boolean>;
}

export const MEMBER_HASH_CHARS = 8;
/** Photos per tip that take part (a tip carries at most 5 attachments). */
const MAX_PHOTOS = 5;

interface Candidate {
  readonly fp: Fingerprint;
  readonly similarity: number;
  readonly exact: boolean;
  readonly photo: boolean;
}

export function memberHash(tipId: string): string {
  return createHash('sha256').update(tipId, 'utf8').digest('base64url').slice(0, MEMBER_HASH_CHARS);
}


const entriesBytes = (entries: readonly string[]): number => entries.reduce((n, e) => n + byteLength(e) + 1, 0);

export class DedupeEngine {
  readonly #index: DedupeIndexPort;
  readonly #calibration: Calibration;
  readonly #bucketBytes: number;
  readonly #ringSize: number;
  readonly #maxRetries: number;
  readonly #cacheSize: number;
  readonly #isLiveRoot: ((tipId: string) => Promise<boolean>) | undefined;
  readonly #cache = new Map<string, BucketState>();
  /** Decoded fingerprints of recently seen entries (decoding dominates the per-tip cost otherwise). */
  readonly #decoded = new Map<string, Fingerprint>();

  constructor(index: DedupeIndexPort, options: EngineOptions = {}) {
    this.#index = index;
    const base = options.calibration ?? DEFAULT_CALIBRATION;
    this.#calibration = options.threshold === undefined ? base : { ...base, threshold: options.threshold };
    this.#bucketBytes = options.bucketBytes ?? 880;
    this.#ringSize = options.ringSize ?? 64;
    this.#maxRetries = options.maxRetries ?? 6;
    this.#cacheSize = options.cacheSize ?? 4096;
    this.#isLiveRoot = options.isLiveRoot;
    if (this.#bucketBytes < 2 * MAX_ENTRY_BYTES) throw new Error('bucketBytes too small');
  }

  /** Decides one tip and counts it in its cluster. */
  async process(tip: TipInput): Promise<DedupeDecision> {
    const [d] = await this.processBatch([tip]);
    return d!;
  }

  /**
   * Decides tips in order (a later tip sees the clusters started by earlier
   * ones), then writes the cluster counters: one write per cluster per batch.
   */
  async processBatch(tips: readonly TipInput[]): Promise<DedupeDecision[]> {
    const decisions: DedupeDecision[] = [];
    const pending = new Map<string, string[]>();
    for (const tip of tips) {
      const d = await this.#decide(tip);
      decisions.push(d);
      if (d.duplicateOf !== null) {
        const key = clusterKey(tip.objectId, d.clusterId);
        const list = pending.get(key) ?? [];
        if (!list.includes(tip.tipId)) list.push(tip.tipId);
        pending.set(key, list);
      }
    }
    if (pending.size > 0) await this.#count(pending);
    return decisions;
  }

  /**
   * Takes an expired first tip out of the index: its entry leaves every
   * bucket of its chains, so no later tip can attach to it. Idempotent.
   */
  async forget(tip: TipInput): Promise<void> {
    const { keyChains } = this.#keysOf(tip);
    await this.#strip(await this.#readChains(keyChains, true), tip.tipId);
  }

  /**
   * Files a tip as the first tip of its cluster whatever the index holds (a
   * duplicate promoted when its first tip expired), so later copies find it.
   * Idempotent.
   */
  async file(tip: TipInput): Promise<void> {
    const { keyChains, entry } = this.#keysOf(tip);
    await this.#place(tip, keyChains, await this.#readChains(keyChains, true), entry, true);
  }

  /**
   * Opens the counter of a cluster now led by `rootId`, with `memberIds`
   * already counted (and remembered, so their redelivery is not counted
   * again). A counter that exists already is kept: it is a retry, and tips
   * may have been counted in it since.
   */
  async openCluster(objectId: string, rootId: string, memberIds: readonly string[]): Promise<void> {
    const ring = memberIds.map(memberHash).join('').slice(-this.#ringSize * MEMBER_HASH_CHARS);
    await this.#index.putCluster(clusterKey(objectId, rootId), { count: memberIds.length, ring }, null);
  }

  /** Removes the counter of a cluster whose first tip expired. */
  async closeCluster(objectId: string, rootId: string): Promise<void> {
    await this.#index.deleteCluster(clusterKey(objectId, rootId));
  }

  #keysOf(tip: TipInput): { a: Analysis; fp: Fingerprint; entry: string; keyChains: string[][] } {
    const a = analyse(tip.text);
    const photos = [...new Set((tip.photoHashes ?? []).filter((h) => PHOTO_HASH.test(h)))].slice(0, MAX_PHOTOS);
    const fp = fingerprintOf(tip.tipId, a, photos);
    const keyChains = [...chains(a), ...photoChains(photos)].map((c) => c.map((s) => `${tip.objectId}#${s}`));
    return { a, fp, entry: encodeEntry(fp), keyChains };
  }

  async #decide(tip: TipInput): Promise<DedupeDecision> {
    const { fp, entry, keyChains } = this.#keysOf(tip);
    let state = await this.#readChains(keyChains, false);

    for (let attempt = 0; ; attempt++) {
      const entries = this.#entries(state);
      if (entries.some((e) => entryTipId(e) === tip.tipId)) {
        // Redelivery of a cluster root: same decision, finish any missing placement.
        await this.#place(tip, keyChains, state, entry, true);
        return this.#newDecision(tip.tipId);
      }
      const best = await this.#liveBest(fp, state);
      if (best) return this.#dupDecision(tip.tipId, best);
      if (attempt >= this.#maxRetries) throw new Error(`dedupe: too many write races for tip ${tip.tipId}`);
      const placed = await this.#place(tip, keyChains, state, entry, false);
      if (placed === true) return this.#newDecision(tip.tipId);
      // Lost the race on the first bucket: someone else filed a tip there; re-read and decide again.
      state = await this.#readChains(keyChains, true);
    }
  }

  #newDecision(tipId: string): DedupeDecision {
    return { tipId, clusterId: tipId, duplicateOf: null, similarity: 1, reason: 'new' };
  }

  #dupDecision(tipId: string, c: Candidate): DedupeDecision {
    return {
      tipId,
      clusterId: c.fp.tipId,
      duplicateOf: c.fp.tipId,
      similarity: Math.round(c.similarity * 1000) / 1000,
      reason: c.exact ? 'exact' : c.photo ? 'photo' : 'near',
    };
  }

  /**
   * The best candidate that is still a cluster's first tip. An entry naming a
   * tip that expired (or was never a first tip) is taken out of the buckets
   * read, and the next best is considered.
   */
  async #liveBest(fp: Fingerprint, state: Map<string, BucketState>): Promise<Candidate | null> {
    for (;;) {
      const best = this.#best(fp, this.#entries(state));
      if (best === null || this.#isLiveRoot === undefined || (await this.#isLiveRoot(best.fp.tipId))) return best;
      await this.#strip(state, best.fp.tipId);
    }
  }

  /** Removes `tipId`'s entries from the buckets in `state` (conditional writes, re-read on a lost race). */
  async #strip(state: Map<string, BucketState>, tipId: string): Promise<void> {
    for (const key of [...state.keys()]) {
      for (let attempt = 0; ; attempt++) {
        const cur = state.get(key);
        if (cur === undefined || !cur.entries.some((e) => entryTipId(e) === tipId)) break;
        // `full` stays: deeper levels of the chain are read only below a full bucket.
        const next: BucketState = { version: cur.version + 1, entries: cur.entries.filter((e) => entryTipId(e) !== tipId), full: cur.full };
        if (await this.#index.putBucket(key, next, cur.version)) {
          this.#remember(key, next);
          state.set(key, next);
          break;
        }
        this.#cache.delete(key);
        if (attempt >= this.#maxRetries) throw new Error(`dedupe: too many write races on ${key}`);
        const fresh = (await this.#index.getBuckets([key], true)).get(key);
        if (fresh) state.set(key, fresh);
        else state.delete(key);
      }
    }
  }

  #best(fp: Fingerprint, entries: readonly string[]): Candidate | null {
    let best: Candidate | null = null;
    for (const e of entries) {
      let cand = this.#decoded.get(e);
      if (!cand) {
        cand = decodeEntry(e);
        if (this.#decoded.size >= 4 * this.#cacheSize) this.#decoded.clear();
        this.#decoded.set(e, cand);
      }
      const cmp = compare(fp, cand, this.#calibration);
      const bits = closestPhotos(fp.photos, cand.photos);
      let c: Candidate;
      if (cmp.duplicate) c = { fp: cand, similarity: cmp.similarity, exact: cmp.exact, photo: false };
      // The same photo: the similarity reported is the photos' (1 − differing bits / 64).
      else if (bits !== null && bits <= PHOTO_MAX_BITS) c = { fp: cand, similarity: 1 - bits / 64, exact: false, photo: true };
      else continue;
      if (
        best === null ||
        (c.exact && !best.exact) ||
        (c.exact === best.exact &&
          (c.similarity > best.similarity || (c.similarity === best.similarity && c.fp.tipId < best.fp.tipId)))
      ) {
        best = c;
      }
    }
    return best;
  }

  #entries(state: ReadonlyMap<string, BucketState>): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const b of state.values()) {
      for (const e of b.entries) {
        if (!seen.has(e)) {
          seen.add(e);
          out.push(e);
        }
      }
    }
    return out;
  }

  /** Reads every chain level by level: a level is read only below a full bucket. */
  async #readChains(keyChains: readonly (readonly string[])[], consistent: boolean): Promise<Map<string, BucketState>> {
    const state = new Map<string, BucketState>();
    let toRead = keyChains.map((c) => c[0]!);
    for (let depth = 0; toRead.length > 0; depth++) {
      const got = await this.#index.getBuckets([...new Set(toRead)], consistent);
      for (const k of toRead) {
        const fresh = got.get(k);
        const cached = this.#cache.get(k);
        const b = cached && (!fresh || cached.version > fresh.version) ? cached : fresh;
        if (b) state.set(k, b);
      }
      toRead = [];
      for (const c of keyChains) {
        const k = c[depth];
        const next = c[depth + 1];
        if (k !== undefined && next !== undefined && state.get(k)?.full) toRead.push(next);
      }
    }
    return state;
  }

  /**
   * Files the root's entry in every chain (first bucket of each chain that is
   * not full). Returns false if the FIRST chain's write lost a race (the
   * caller re-decides); later chains retry on their own.
   */
  async #place(
    tip: TipInput,
    keyChains: readonly (readonly string[])[],
    state: Map<string, BucketState>,
    entry: string,
    redelivery: boolean,
  ): Promise<boolean> {
    for (let ci = 0; ci < keyChains.length; ci++) {
      const chain = keyChains[ci]!;
      for (let attempt = 0; ; attempt++) {
        if (chain.some((k) => state.get(k)?.entries.some((e) => entryTipId(e) === tip.tipId))) break;
        let d = 0;
        while (d < chain.length - 1 && state.get(chain[d]!)?.full) d++;
        const key = chain[d]!;
        const cur = state.get(key);
        let entries = [...(cur?.entries ?? []), entry];
        const last = d === chain.length - 1;
        if (last) while (entries.length > 1 && entriesBytes(entries) > this.#bucketBytes) entries = entries.slice(1);
        const full = !last && entriesBytes(entries) + MAX_ENTRY_BYTES + 1 > this.#bucketBytes;
        const next: BucketState = { version: (cur?.version ?? 0) + 1, entries, full };
        if (await this.#index.putBucket(key, next, cur?.version ?? 0)) {
          this.#remember(key, next);
          state.set(key, next);
          break;
        }
        this.#cache.delete(key);
        if (ci === 0 && !redelivery) return false;
        if (attempt >= this.#maxRetries) throw new Error(`dedupe: too many write races on ${key}`);
        const fresh = await this.#readChains([chain], true);
        for (const k of chain) {
          const b = fresh.get(k);
          if (b) state.set(k, b);
          else state.delete(k);
        }
      }
    }
    return true;
  }

  #remember(key: string, b: BucketState): void {
    this.#cache.delete(key);
    this.#cache.set(key, b);
    if (this.#cache.size > this.#cacheSize) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
  }

  /** Adds members to cluster counters, skipping ids already counted (redelivery). */
  async #count(pending: ReadonlyMap<string, readonly string[]>): Promise<void> {
    let keys = [...pending.keys()];
    let consistent = false;
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > this.#maxRetries) throw new Error('dedupe: too many counter write races');
      const got = await this.#index.getClusters(keys, consistent);
      const retry: string[] = [];
      for (const key of keys) {
        const cur: ClusterState | undefined = got.get(key);
        const ring = cur?.ring ?? '';
        const seen = new Set<string>();
        for (let i = 0; i < ring.length; i += MEMBER_HASH_CHARS) seen.add(ring.slice(i, i + MEMBER_HASH_CHARS));
        const fresh = (pending.get(key) ?? []).map(memberHash).filter((h) => !seen.has(h));
        if (fresh.length === 0) continue;
        const next: ClusterState = {
          count: (cur?.count ?? 0) + fresh.length,
          ring: (ring + fresh.join('')).slice(-this.#ringSize * MEMBER_HASH_CHARS),
        };
        if (!(await this.#index.putCluster(key, next, cur ? cur.count : null))) retry.push(key);
      }
      keys = retry;
      consistent = true;
    }
  }
}

export type { Analysis };
