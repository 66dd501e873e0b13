// The order Kafka Streams' stores keep join keys in: by their serialized bytes. Approximated on
// values: numbers as two's complement (negatives last), anything else by its text.
export function compareKeyValues(a: unknown, b: unknown): number {
  // A BIGINT past 2^53 is a bigint (values/long.ts): < compares it with numbers as it is.
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    const na = a < 0;
    const nb = b < 0;
    return na !== nb ? (na ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0;
  }
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
