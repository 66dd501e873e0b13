// ksqlDB's JSON reader puts map entries into `new HashMap<>(size)`, and Java's HashMap iterates by
// hash bucket, not insertion order. Maps ksqlDB reads and writes back therefore come out in bucket
// order; these helpers reproduce it so Eddy writes the same bytes.

/** String.hashCode(): 31-based over UTF-16 code units, int32 arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Table size of `new HashMap<>(n)` after n puts (initial tableSizeFor(n), doubling past 0.75 load). */
export function javaHashMapCapacity(n: number): number {
  let cap = 1;
  while (cap < n) cap *= 2;
  while (n > Math.floor(cap * 0.75)) cap *= 2;
  return cap;
}

/**
 * The order a HashMap built from these distinct keys (put in this order) iterates them: indexes
 * into `keys`, or null when that is the given order. Entries sharing a bucket keep insertion order.
 */
export function javaHashMapOrder(keys: readonly string[]): number[] | null {
  const n = keys.length;
  if (n < 2) return null;
  const mask = javaHashMapCapacity(n) - 1;
  const buckets = new Array<number>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const h = javaStringHash(keys[i]);
    buckets[i] = (h ^ (h >>> 16)) & mask;
    if (i > 0 && buckets[i] < buckets[i - 1]) sorted = false;
  }
  if (sorted) return null;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => buckets[a] - buckets[b] || a - b);
  return order;
}

/** A copy of a string-keyed map in Java HashMap iteration order (for values built outside the JSON reader). */
export function inJavaHashMapOrder<V>(map: ReadonlyMap<string, V>): Map<string, V> {
  const keys = [...map.keys()];
  const order = javaHashMapOrder(keys);
  if (order === null) return new Map(map);
  const out = new Map<string, V>();
  for (const i of order) out.set(keys[i], map.get(keys[i]) as V);
  return out;
}
