// The iteration order of a Java `new HashMap<>()` (default capacity 16, doubling past 0.75 load)
// holding these keys: Confluent's JSON Schema library (everit) keeps an object's properties and
// its unknown keywords ("connect.type", ...) in such maps, so a schema ksqlDB registers lists
// them in this order, not the columns' ("connect.index" keeps the column order).
import { javaStringHash } from '../../values/java-hash-order.js';

/** `keys` (distinct, in insertion order) reordered as the HashMap iterates them. */
export function defaultHashMapOrder<T extends string>(keys: readonly T[]): T[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const mask = capacity - 1;
  const bucket = keys.map((k) => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & mask;
  });
  // Entries of one bucket keep insertion order (no treeified bins at these sizes).
  return keys.map((_, i) => i).sort((a, b) => bucket[a] - bucket[b] || a - b).map((i) => keys[i]);
}
