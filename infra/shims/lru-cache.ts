/**
 * Stand-in for `mnemonist/lru-cache` in Lambda bundles (esbuild alias of
 * infra/bundling.ts). Its one importer is `@aws-sdk/endpoint-cache`, which
 * the DynamoDB client builds for endpoint discovery (off unless enabled) and
 * uses through `get`, `set`, `has`, `peek` and `clear`. mnemonist's cache,
 * with `obliterator` and its typed-array helpers, is ~7 KB of a bundle; a
 * `Map` in insertion order gives the same least-recently-used behaviour:
 * `get` and `set` make a key the most recent, `has` and `peek` do not, and a
 * `set` of a new key on a full cache evicts the least recent one.
 */
export default class LRUCache<K, V> {
  readonly capacity: number;
  readonly #items = new Map<K, V>();

  constructor(capacity: number) {
    if (typeof capacity !== 'number' || capacity <= 0) throw new Error('mnemonist/lru-cache: capacity should be positive number.');
    this.capacity = capacity;
  }

  get size(): number {
    return this.#items.size;
  }

  clear(): void {
    this.#items.clear();
  }

  set(key: K, value: V): this {
    if (this.#items.has(key)) this.#items.delete(key);
    else if (this.#items.size >= this.capacity) this.#items.delete(this.#items.keys().next().value as K);
    this.#items.set(key, value);
    return this;
  }

  get(key: K): V | undefined {
    if (!this.#items.has(key)) return undefined;
    const value = this.#items.get(key) as V;
    this.#items.delete(key);
    this.#items.set(key, value);
    return value;
  }

  peek(key: K): V | undefined {
    return this.#items.get(key);
  }

  has(key: K): boolean {
    return this.#items.has(key);
  }
}
