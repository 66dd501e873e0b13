// The benchmark's own kafkajs client (loading, the passthrough baseline, counting records), and
// the two questions every phase asks of the broker: how many records a topic holds, and whether
// a group has committed to its end.
import kafkajs from 'kafkajs';
import type { Admin, Kafka, LogEntry } from 'kafkajs';

const { Kafka: KafkaClient, logLevel } = kafkajs;

/** `quiet`: log nothing (for warming up a fresh broker, where retried errors are expected). */
export function benchKafka(brokers: string[], clientId: string, quiet = false): Kafka {
  // Errors only, and not the Connection namespace's: it logs every error response, including
  // the retried ones of a fresh broker ("group coordinator is not available").
  const logCreator = () => ({ namespace, log }: LogEntry) => {
    if (!quiet && namespace !== 'Connection') console.error(`kafkajs [${namespace}] ${log.message}${log.error ? `: ${String(log.error)}` : ''}`);
  };
  return new KafkaClient({ brokers, clientId, logLevel: logLevel.ERROR, logCreator });
}

/** End offsets by partition (records in a topic written only by this run: its count). */
export async function endOffsets(admin: Admin, topic: string): Promise<number[]> {
  const parts = await retrying(() => admin.fetchTopicOffsets(topic));
  return parts.sort((x, y) => x.partition - y.partition).map((p) => Number(p.high));
}

/**
 * Retries retriable broker errors. admin.fetchTopicOffsets gives up at once on any error but an
 * unknown topic, and a just-created partition can still answer "not the leader" for a moment.
 */
async function retrying<T>(f: () => Promise<T>, attempts = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i >= attempts || !(e as { retriable?: boolean }).retriable) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

/** True when `groupId` has committed the end offset of every partition of `topic`. */
export async function committedToEnd(admin: Admin, groupId: string, topic: string, ends: number[]): Promise<boolean> {
  const [t] = await retrying(() => admin.fetchOffsets({ groupId, topics: [topic] }));
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

/** `p`, or an error naming `what` if it has not settled within `ms`. */
export async function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms); });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}
