// Which time windows a timestamp falls in, aligned to the epoch as Kafka Streams' TimeWindows.
export function timeWindowStarts(ts: number, sizeMs: number, advanceMs: number): number[] {
  const starts: number[] = [];
  let start = Math.floor(Math.max(0, ts - sizeMs + advanceMs) / advanceMs) * advanceMs;
  for (; start <= ts; start += advanceMs) starts.push(start);
  return starts;
}

/** Kafka Streams' default grace when none is given (ksqlDB keeps the 24-hour default). */
export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;
