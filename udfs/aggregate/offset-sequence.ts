// EARLIEST_BY_OFFSET and LATEST_BY_OFFSET tag every value they keep with a sequence number so a
// session-window merge can tell which of two values was processed first (ksqlDB does the same
// with a static AtomicLong). Starting from the clock rather than 0 keeps the numbers increasing
// across restarts, so state restored from a store still merges in processing order.
let next = Date.now() * 1000;

export function nextSequence(): number {
  return next++;
}

/** One value kept by an offset aggregate: its sequence number and its plain value. */
export interface Sequenced {
  s: number;
  v: unknown;
}

export const bySequence = (a: Sequenced, b: Sequenced): number => a.s - b.s;
