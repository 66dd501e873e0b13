// In-process storage of one topic: its partitions (memory-partition.ts) and its configs, of which
// the cleanup ones (retention, compaction) bound what the partitions keep.

import type { TopicDescription, TopicSpec } from './log.js';
import { MemoryPartition } from './memory-partition.js';
import { cleanupConfig } from './memory-topic-config.js';

export { MemoryPartition };

export class MemoryTopic {
  readonly partitions: MemoryPartition[];
  readonly replicas: number;
  readonly config: Record<string, string>;

  /** Throws INVALID_TOPIC for a cleanup config Kafka would refuse. */
  constructor(readonly name: string, spec: TopicSpec, cleanEvery: number) {
    this.replicas = spec.replicas ?? 1;
    this.config = { ...(spec.config ?? {}) };
    const cleanup = cleanupConfig(name, this.config);
    this.partitions = Array.from({ length: spec.partitions }, (_, p) => new MemoryPartition(name, p, cleanup, cleanEvery));
  }

  describe(): TopicDescription {
    return { name: this.name, partitions: this.partitions.length, replicas: this.replicas, config: { ...this.config } };
  }
}

const LEGAL_NAME = /^[a-zA-Z0-9._-]+$/;

/** Kafka's topic-name rules (Topic.validate), so names that a broker would refuse fail here too. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the topic name is empty';
  if (name === '.' || name === '..') return `'${name}' is not a legal topic name`;
  if (name.length > 249) return `topic name '${name}' is longer than 249 characters`;
  if (!LEGAL_NAME.test(name)) return `topic name '${name}' contains characters other than ASCII letters, digits, '.', '_' and '-'`;
  return undefined;
}
