/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and
 * one transposition of neighbours each count as one edit) over code points,
 * for the deduplicator's typo pairing and the geo-classifier's typo index.
 * Returns `limit + 1` as soon as the distance must exceed `limit`. Buffers
 * are reused between calls: the geo-classifier calls this for every unknown
 * capitalised word of a tip.
 */
let a: Int32Array = new Int32Array(64);
let b: Int32Array = new Int32Array(64);
let prev2: Int32Array = new Int32Array(65);
let prev: Int32Array = new Int32Array(65);
let cur: Int32Array = new Int32Array(65);

/** The code points of `s` in `buffer` (which must hold s.length values); returns their count. */
function fill(s: string, buffer: Int32Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      buffer[n++] = s.codePointAt(i)!;
      i++;
    } else buffer[n++] = c;
  }
  return n;
}

export function editDistance(x: string, y: string, limit = 1): number {
  if (x.length > a.length) a = new Int32Array(x.length * 2);
  if (y.length + 1 > b.length) {
    b = new Int32Array(y.length * 2 + 1);
    prev2 = new Int32Array(b.length + 1);
    prev = new Int32Array(b.length + 1);
    cur = new Int32Array(b.length + 1);
  }
  const m = fill(x, a);
  const n = fill(y, b);
  if (Math.abs(m - n) > limit) return limit + 1;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}
