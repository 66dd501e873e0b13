// The topic configs MemoryLog honours, with Kafka's names, defaults and validation:
// cleanup.policy (delete | compact | compact,delete), retention.ms, retention.bytes and
// delete.retention.ms, and segment.bytes (the active segment is never cleaned). Times are
// measured against the newest record time of the partition (not the wall clock), so old event
// times replayed into a fresh topic are not dropped at once.

import { LogError } from './log-error.js';

export interface CleanupConfig {
  /** Old records are deleted from the start of the log (cleanup.policy has delete). */
  delete: boolean;
  /** Only the latest record per key is kept (cleanup.policy has compact). */
  compact: boolean;
  /** retention.ms; Infinity for -1. */
  retentionMs: number;
  /** retention.bytes per partition; Infinity for -1. */
  retentionBytes: number;
  /** delete.retention.ms: how long a tombstone outlives the records it deletes. */
  deleteRetentionMs: number;
  /** segment.bytes: the active segment, never cleaned, rolls at this size. */
  segmentBytes: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000; // Kafka's log.retention.hours=168
const DAY_MS = 24 * 60 * 60 * 1000; // Kafka's log.cleaner.delete.retention.ms
// Kafka's default is 1 GiB; in memory a smaller active segment keeps the bound (retention plus
// one segment per partition) useful, while scripts' data sets still fit in one segment.
export const MEMORY_SEGMENT_BYTES = 16 * 1024 * 1024;

export function cleanupConfig(topic: string, config: Readonly<Record<string, string>>): CleanupConfig {
  const policy = (config['cleanup.policy'] ?? 'delete').split(',').map((s) => s.trim().toLowerCase());
  if (policy.length === 0 || policy.some((p) => p !== 'delete' && p !== 'compact')) {
    throw invalid(topic, 'cleanup.policy', config['cleanup.policy'], "'delete', 'compact' or 'compact,delete'");
  }
  return {
    delete: policy.includes('delete'),
    compact: policy.includes('compact'),
    retentionMs: limit(topic, config, 'retention.ms', WEEK_MS),
    retentionBytes: limit(topic, config, 'retention.bytes', Infinity),
    deleteRetentionMs: limit(topic, config, 'delete.retention.ms', DAY_MS, false),
    segmentBytes: limit(topic, config, 'segment.bytes', MEMORY_SEGMENT_BYTES, false),
  };
}

/** A long config: -1 means no limit where `unlimited` allows it, as Kafka's. */
function limit(topic: string, config: Readonly<Record<string, string>>, name: string, dflt: number, unlimited = true): number {
  const raw = config[name];
  if (raw === undefined) return dflt;
  const text = raw.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (unlimited && n === -1) return Infinity;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw invalid(topic, name, raw, unlimited ? 'a whole number of at least -1' : 'a whole number of at least 0');
  }
  return n;
}

function invalid(topic: string, name: string, value: string | undefined, expected: string): LogError {
  return new LogError('INVALID_TOPIC', `topic '${topic}': invalid value '${value}' for ${name}: expected ${expected}`);
}
