// The benchmark's own kafkajs client (loading, the passthrough baseline, counting records), and
// the two questions every phase asks of the broker: how many records a topic holds, and whether
// a group has committed to its end.
import kafkajs from 'kafkajs';
import type { Admin, Kafka, LogEntry } from 'kafkajs';

const { Kafka: KafkaClient, logLevel } = kafkajs;

export function benchKafka(brokers: string[], clientId: string): Kafka {
  // Errors only, and not the Connection namespace's: it logs every error response, including
  // the retried ones of a fresh broker ("group coordinator is not available").
  const logCreator = () => ({ namespace, log }: LogEntry) => {
    if (namespace !== 'Connection') console.error(`kafkajs [${namespace}] ${log.message}${log.error ? `: ${String(log.error)}` : ''}`);
  };
  return new KafkaClient({ brokers, clientId, logLevel: logLevel.ERROR, logCreator });
}

/** End offsets by partition (records in a topic written only by this run: its count). */
export async function endOffsets(admin: Admin, topic: string): Promise<number[]> {
  const parts = await admin.fetchTopicOffsets(topic);
  return parts.sort((x, y) => x.partition - y.partition).map((p) => Number(p.high));
}

export const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

/** True when `groupId` has committed the end offset of every partition of `topic`. */
export async function committedToEnd(admin: Admin, groupId: string, topic: string, ends: number[]): Promise<boolean> {
  const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const committed = new Map((t?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  return ends.every((end, p) => end === 0 || (committed.get(p) ?? -1) >= end);
}

/**
 * Polls `done` until it holds; returns the elapsed seconds since `t0` (performance.now()). The
 * 50 ms poll bounds the timing error well under the seconds a run takes.
 */
export async function waitUntil(what: string, t0: number, timeoutMs: number, done: () => Promise<boolean>, progress?: () => Promise<string>): Promise<number> {
  for (;;) {
    if (await done()) return (performance.now() - t0) / 1000;
    if (performance.now() - t0 > timeoutMs) {
      throw new Error(`${what}: not done after ${timeoutMs / 1000} s${progress ? ` (${await progress()})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
