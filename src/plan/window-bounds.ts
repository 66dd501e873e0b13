// Checks a WINDOW clause and a join's WITHIN when the query is planned, as Kafka Streams' window
// builders do for ksqlDB: a size, gap or advance must be positive, an advance no larger than the
// size, a grace period, retention or WITHIN bound not negative. A hopping window also may not put
// one record in more windows than eddy.window.max.per.record (SIZE / ADVANCE is that count), so
// that one record's work stays bounded.
import type { WindowSpec, WithinSpec } from '../../grammar/ast.js';
import { formatDuration } from '../../grammar/literals.js';
import { SqlError } from '../types/sql-error.js';

export const MAX_WINDOWS_PER_RECORD = 'eddy.window.max.per.record';
export const DEFAULT_MAX_WINDOWS_PER_RECORD = 10_000;

export function checkWindow(w: WindowSpec, properties: Record<string, string>): void {
  const fail = (message: string): SqlError => new SqlError('INVALID_STATEMENT', message, { position: w.span });
  if (w.kind === 'SESSION') {
    if (w.gapMs <= 0) throw fail(`SESSION window gap must be positive, not ${formatDuration(w.gapMs)}.`);
  } else if (w.sizeMs <= 0) {
    throw fail(`${w.kind} window SIZE must be positive, not ${formatDuration(w.sizeMs)}.`);
  }
  if (w.kind === 'HOPPING') {
    if (w.advanceMs <= 0 || w.advanceMs > w.sizeMs) {
      throw fail(`HOPPING window ADVANCE BY must be positive and no larger than SIZE ${formatDuration(w.sizeMs)}, not ${formatDuration(w.advanceMs)}.`);
    }
    const max = maxWindowsPerRecord(properties);
    const perRecord = Math.ceil(w.sizeMs / w.advanceMs);
    if (perRecord > max) {
      throw fail(`HOPPING window SIZE ${formatDuration(w.sizeMs)} with ADVANCE BY ${formatDuration(w.advanceMs)} puts each record in ${perRecord} windows, more than ${MAX_WINDOWS_PER_RECORD} (${max}).`);
    }
  }
  if (w.graceMs !== undefined && w.graceMs < 0) throw fail(`GRACE PERIOD must not be negative, not ${formatDuration(w.graceMs)}.`);
  if (w.retentionMs !== undefined && w.retentionMs < 0) throw fail(`RETENTION must not be negative, not ${formatDuration(w.retentionMs)}.`);
}

export function checkWithin(w: WithinSpec): void {
  const fail = (message: string): SqlError => new SqlError('INVALID_STATEMENT', message, { position: w.span });
  if (w.beforeMs < 0 || w.afterMs < 0) {
    const what = w.beforeMs === w.afterMs ? formatDuration(w.beforeMs) : `(${formatDuration(w.beforeMs)}, ${formatDuration(w.afterMs)})`;
    throw fail(`WITHIN must not be negative, not ${what}.`);
  }
  if (w.graceMs !== undefined && w.graceMs < 0) throw fail(`GRACE PERIOD must not be negative, not ${formatDuration(w.graceMs)}.`);
}

function maxWindowsPerRecord(properties: Record<string, string>): number {
  const raw = properties[MAX_WINDOWS_PER_RECORD];
  if (raw === undefined) return DEFAULT_MAX_WINDOWS_PER_RECORD;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new SqlError('INVALID_PROPERTY', `${MAX_WINDOWS_PER_RECORD} must be a positive integer, got '${raw}'`);
  }
  return n;
}
