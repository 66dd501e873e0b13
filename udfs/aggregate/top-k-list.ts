// The sorted-descending bounded lists behind TOPK and TOPKDISTINCT, with ksqlDB's tie rules:
// a new value goes after the values equal to it (Java's stable sort), and merges prefer the
// first list on ties.
import type { Compare } from '../../src/values/java-compare.js';
import { SqlError } from '../../src/types/sql-error.js';

export function checkK(k: unknown): number {
  const n = k as number;
  if (!(n >= 1)) throw new SqlError('FUNCTION_ARGS', `k must be 1 or greater, got ${String(k)}`);
  return n;
}

/**
 * Offers `item` (whose sort value is `value`) to `list`, kept sorted descending by `sortOf` and
 * at most `k` long. Returns false when the item does not make the cut.
 */
export function offerTop<E>(list: E[], item: E, value: unknown, k: number, sortOf: (e: E) => unknown, compare: Compare): boolean {
  if (list.length === k && compare(value, sortOf(list[k - 1])) <= 0) return false;
  if (list.length === k) list.pop();
  let i = list.length;
  while (i > 0 && compare(sortOf(list[i - 1]), value) < 0) i--;
  list.splice(i, 0, item);
  return true;
}

/** TOPK's merge: the k largest of two sorted lists, the first list winning ties. */
export function mergeTop<E>(one: E[], two: E[], k: number, sortOf: (e: E) => unknown, compare: Compare): E[] {
  const out: E[] = [];
  let i = 0, j = 0;
  while (out.length < k && (i < one.length || j < two.length)) {
    if (j >= two.length || (i < one.length && compare(sortOf(one[i]), sortOf(two[j])) >= 0)) out.push(one[i++]);
    else out.push(two[j++]);
  }
  return out;
}

/** TOPKDISTINCT's merge: as mergeTop, but a value in both lists is taken once. */
export function mergeTopDistinct<E>(one: E[], two: E[], k: number, compare: Compare): E[] {
  const out: E[] = [];
  let i = 0, j = 0;
  while (out.length < k && (i < one.length || j < two.length)) {
    const c = i >= one.length ? -1 : j >= two.length ? 1 : compare(one[i], two[j]);
    if (c > 0) out.push(one[i++]);
    else if (c < 0) out.push(two[j++]);
    else {
      out.push(one[i++]);
      j++;
    }
  }
  return out;
}
