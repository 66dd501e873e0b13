// In-process storage of one topic: an append-only array per partition. Each record also keeps
// the log-wide sequence number of its append, so consumers can merge partitions back into the
// exact global order in which records were produced.

import type { Header, LogRecord, TopicDescription, TopicSpec } from './log.js';

export class MemoryPartition {
  readonly records: LogRecord[] = [];
  /** Global append sequence of each record, parallel to `records`. */
  readonly seqs: number[] = [];

  constructor(readonly topic: string, readonly partition: number) {}

  get endOffset(): number { return this.records.length; }

  append(
    seq: number,
    r: { key: Uint8Array | null; value: Uint8Array | null; timestamp: number; headers: Header[] },
  ): LogRecord {
    const rec: LogRecord = Object.freeze({
      topic: this.topic,
      partition: this.partition,
      offset: this.records.length,
      key: r.key,
      value: r.value,
      timestamp: r.timestamp,
      headers: r.headers,
    });
    this.records.push(rec);
    this.seqs.push(seq);
    return rec;
  }
}

export class MemoryTopic {
  readonly partitions: MemoryPartition[];
  readonly replicas: number;
  readonly config: Record<string, string>;

  constructor(readonly name: string, spec: TopicSpec) {
    this.partitions = Array.from({ length: spec.partitions }, (_, p) => new MemoryPartition(name, p));
    this.replicas = spec.replicas ?? 1;
    this.config = { ...(spec.config ?? {}) };
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
