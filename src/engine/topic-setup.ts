// Makes sure a source's topic exists with the requested partitions, as ksqlDB does.
import type { Log, TopicDescription } from '../log/log.js';
import { LogError } from '../log/log-error.js';
import { SqlError } from '../types/sql-error.js';

export async function ensureTopic(log: Log, topic: string, partitions: number | undefined, replicas: number | undefined,
  retentionMs: number | undefined, compacted: boolean, mustExistUnlessPartitions: boolean): Promise<void> {
  const existing = await log.describeTopic(topic);
  if (existing) return checkExisting(existing, partitions);
  if (partitions === undefined && mustExistUnlessPartitions) {
    throw new SqlError('UNKNOWN_TOPIC',
      `Topic '${topic}' does not exist. If you want to create a new topic for the stream/table please re-run the statement providing the required 'PARTITIONS' configuration in the WITH clause (and optionally 'REPLICAS'). For example: CREATE STREAM FOO (ID INT, NAME STRING) WITH (KAFKA_TOPIC='${topic}', PARTITIONS=2, REPLICAS=1, FORMAT='JSON');`);
  }
  const config: Record<string, string> = {};
  if (retentionMs !== undefined) config['retention.ms'] = String(retentionMs);
  if (compacted) config['cleanup.policy'] = 'compact';
  try {
    await log.createTopic(topic, { partitions: partitions ?? 1, replicas: replicas ?? 1, config });
  } catch (e) {
    if (!(e instanceof LogError && e.code === 'TOPIC_EXISTS')) throw e;
    // Created at the same moment elsewhere (another instance running the same command).
    const now = await log.describeTopic(topic);
    if (!now) throw e;
    checkExisting(now, partitions);
  }
}

function checkExisting(existing: TopicDescription, partitions: number | undefined): void {
  if (partitions !== undefined && existing.partitions !== partitions) {
    throw new SqlError('INVALID_STATEMENT',
      `A Kafka topic with the name '${existing.name}' already exists, with different partition/replica configuration than required. KSQL expects ${partitions} partitions (topic has ${existing.partitions}).`);
  }
}
