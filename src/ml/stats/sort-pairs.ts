// In-place sort of parallel arrays by key, without allocating (t-digest compression runs on the
// hot path and typed arrays have no "sort by another array").

export function sortPairs(keys: Float64Array, values: Float64Array, lo: number, hi: number): void {
  // Quicksort with insertion sort for short runs; hi is exclusive.
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    const pivot = median3(keys[lo], keys[mid], keys[hi - 1]);
    let i = lo, j = hi - 1;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        swap(keys, values, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the smaller side to bound the stack.
    if (j - lo < hi - i) {
      sortPairs(keys, values, lo, j + 1);
      lo = i;
    } else {
      sortPairs(keys, values, i, hi);
      hi = j + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const k = keys[i], v = values[i];
    let j = i - 1;
    while (j >= lo && keys[j] > k) {
      keys[j + 1] = keys[j];
      values[j + 1] = values[j];
      j--;
    }
    keys[j + 1] = k;
    values[j + 1] = v;
  }
}

function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
}

function swap(k: Float64Array, v: Float64Array, i: number, j: number): void {
  const tk = k[i]; k[i] = k[j]; k[j] = tk;
  const tv = v[i]; v[i] = v[j]; v[j] = tv;
}
