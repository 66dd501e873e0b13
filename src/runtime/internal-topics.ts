// A durable query's internal topics: a compacted changelog per state store and its repartition
// topics, each with one partition per task (the most partitions any source topic has), or as
// many as the source topic it is partitioned like (a foreign-key join's). Created on first
// start; later starts (restarts, other instances) find them.
import type { Log } from '../log/log.js';
import { LogError } from '../log/log-error.js';
import type { StateStores } from './state/state-stores.js';
import { changelogTopic } from './state/changelog.js';

export async function ensureInternalTopics(
  log: Log, sources: string[], stores: StateStores, prefix: string, repartitionTopics: string[],
  onePartition: ReadonlySet<string> = new Set(), partitionsLike: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  let tasks = 1;
  for (const s of sources) tasks = Math.max(tasks, (await log.describeTopic(s))?.partitions ?? 1);
  const wanted: [string, Record<string, string>][] = [
    ...stores.maps.map((m): [string, Record<string, string>] => [changelogTopic(prefix, m.storeName), { 'cleanup.policy': 'compact' }]),
    ...repartitionTopics.map((t): [string, Record<string, string>] => [t, {}]),
  ];
  for (const [name, config] of wanted) {
    const like = partitionsLike.get(name);
    const partitions = onePartition.has(name) ? 1 : like !== undefined ? (await log.describeTopic(like))?.partitions ?? tasks : tasks;
    try {
      await log.createTopic(name, { partitions, config });
    } catch (e) {
      if (!(e instanceof LogError && e.code === 'TOPIC_EXISTS')) throw e;
    }
  }
}
