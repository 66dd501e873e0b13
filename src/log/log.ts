// The Log: Kafka's data model (topics, partitions, offsets, consumer groups) behind one
// interface. MemoryLog implements it in-process; KafkaLog (kafkajs) implements it on a broker.

export interface Header { key: string; value: Uint8Array | null }

/** A record to produce. Without `partition`, the default partitioner picks one from the key. */
export interface ProducerRecord {
  key: Uint8Array | null;
  value: Uint8Array | null;
  /** Epoch ms; defaults to the time of the append. */
  timestamp?: number;
  headers?: Header[];
  partition?: number;
}

/** What each column of a kept row holds (null, or a value of this kind): RowEncoder.kinds. */
export const KEPT_STRING = 0;
export const KEPT_BOOLEAN = 1;
export const KEPT_INTEGER = 2;
export const KEPT_BIGINT = 3;
/** A finite double. */
export const KEPT_DOUBLE = 4;

/** Encodes kept rows of one codec (a RowRecord's, see row-record.ts) into their value bytes. */
export interface RowEncoder {
  readonly codec: number;
  /** Per column, KEPT_STRING ... KEPT_DOUBLE (a log in this process stores the rows by column). */
  readonly kinds: Uint8Array;
  encode(row: readonly unknown[]): Uint8Array;
  /** The sizes of encode(row), found without encoding, in one pass over the row. */
  measure(row: readonly unknown[], into: RowSizes): void;
}

/** RowEncoder.measure's answer. */
export interface RowSizes {
  /** At least encode(row).byteLength (max.message.bytes is checked on it). */
  bound: number;
  /** About encode(row).byteLength (where a log's sizes need not be exact). */
  estimate: number;
}

/** A record as stored in a partition. */
export interface LogRecord {
  topic: string;
  partition: number;
  offset: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  timestamp: number;
  headers: Header[];
  /** As ProducerRecord's, kept by a log in this process; undefined on records from a broker. */
  valueRow?: readonly unknown[];
  valueCodec?: number;
  /** Where valueRow is kept by column: writes its values into into[at..] (no array of their own). */
  copyValues?(into: unknown[], at: number): void;
}

export interface TopicSpec {
  partitions: number;
  replicas?: number;
  /** Kafka topic configs, e.g. { 'cleanup.policy': 'compact', 'retention.ms': '604800000' }. */
  config?: Record<string, string>;
}

export interface TopicDescription extends TopicSpec {
  name: string;
  config: Record<string, string>;
}

export interface TopicPartition { topic: string; partition: number }

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** Where a partition with no committed offset starts: earliest (default) or latest. */
  autoOffsetReset?: 'earliest' | 'latest';
  /**
   * With latest: the end offsets to start at by topic and partition, in place of the end when
   * the partition is assigned (a query starts where its statement was accepted). Unlisted: the end.
   */
  latestOffsets?: Record<string, number[]>;
}

export interface Consumer {
  /**
   * The next records, in append order per partition (MemoryLog: in global append order across
   * partitions and topics). Waits up to `maxWaitMs` for data; returns [] on timeout or close.
   */
  poll(opts?: { maxRecords?: number; maxWaitMs?: number }): Promise<LogRecord[]>;
  /** Commit the position after the records handed out so far (or the given offsets). */
  commit(offsets?: { topic: string; partition: number; offset: number }[]): Promise<void>;
  /** The next offset this consumer will read per assigned partition. */
  positions(): Map<string, number>;
  assignment(): TopicPartition[];
  /**
   * Grows whenever partitions are revoked from or added to this consumer, so a caller that saw
   * the same assignment() twice knows whether it changed (and changed back) in between.
   */
  assignmentGeneration(): number;
  /**
   * Everything handed out so far is processed and its output written: when the group next
   * rebalances, these positions are committed before partitions move (Kafka Streams commits in
   * onPartitionsRevoked), so a new owner does not read those records again. Optional: a log
   * whose groups never move partitions between processes need not implement it.
   */
  flushed?(): void;
  /** Whether the group is rebalancing (this consumer is about to rejoin): commit without delay. */
  rebalancing?(): boolean;
  /**
   * Moves the positions of assigned partitions (others are ignored): the next poll reads from
   * there. Optional: only a log in this process has it (a query riding another's runner resumes
   * its own reading with it; see QueryRunner).
   */
  seek?(positions: ReadonlyMap<string, number>): void;
  close(): Promise<void>;
}

/**
 * Kafka transactions (processing.guarantee=exactly_once): records to several topics and a
 * group's consumed offsets become visible together on commit, or not at all. Readers see only
 * committed records (Kafka's read_committed: consumers and read() both read that way).
 */
export interface TransactionalProducer {
  /** Starts a transaction; the first call also fences older producers with the same id. */
  begin(): Promise<void>;
  /** Sends records within the open transaction. */
  produce(topic: string, records: ProducerRecord[]): Promise<void>;
  /** Adds a group's next offsets to the open transaction (committed with it). */
  sendOffsets(groupId: string, offsets: { topic: string; partition: number; offset: number }[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  close(): Promise<void>;
}

export interface Log {
  /** The log is in this process: it keeps a RowRecord's row with its record (LogRecord.valueRow). */
  readonly keepsRows?: boolean;
  /**
   * How many records a query takes per poll (default 5,000). A log in this process hands records
   * over as fast as they are asked for, and a smaller batch keeps each record's objects in the
   * CPU's cache until the batch's flush writes its output; against a broker, bigger batches
   * share each produce request among more records.
   */
  readonly pollRecords?: number;
  createTopic(name: string, spec: TopicSpec): Promise<void>;
  deleteTopic(name: string): Promise<void>;
  describeTopic(name: string): Promise<TopicDescription | undefined>;
  listTopics(): Promise<TopicDescription[]>;
  /** Appends in order; returns where each record landed. */
  produce(topic: string, records: ProducerRecord[]): Promise<{ partition: number; offset: number }[]>;
  /** As produce, for a writer that does not ask where its records landed (no object per record). */
  append(topic: string, records: ProducerRecord[]): Promise<void>;
  /** End offsets (the next offset to be written) per partition, by "topic/partition". */
  endOffsets(topic: string): Promise<number[]>;
  /** Reads a partition from an offset without a group (PRINT, tests). */
  read(topic: string, partition: number, fromOffset: number, maxRecords: number): Promise<LogRecord[]>;
  consumer(opts: ConsumerOptions): Consumer;
  /** A group's committed offsets for a topic, by partition (partitions without one are absent). */
  committedOffsets(groupId: string, topic: string): Promise<Map<number, number>>;
  /** A producer whose writes are atomic; one transactional id is one producer at a time. */
  transactionalProducer(transactionalId: string): TransactionalProducer;
  close(): Promise<void>;
}

export const tpKey = (topic: string, partition: number): string => `${topic}/${partition}`;

/** The inverse of tpKey (topic names cannot contain '/'). */
export function parseTpKey(key: string): TopicPartition {
  const i = key.lastIndexOf('/');
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}
