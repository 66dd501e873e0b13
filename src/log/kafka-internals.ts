// The few kafkajs internals KafkaLog uses, typed. kafkajs has no group-less consumer (no
// assign()), and its admin adds every topic it looks at to a metadata set that breaks once such a
// topic is deleted elsewhere. So reads, offsets and existence checks go through a private
// kafkajs Cluster instead. kafkajs is pinned to 2.2.4 in package.json (and unmaintained since
// 2023), so these internals do not move under us; anything missing fails loudly here.

import { createRequire } from 'node:module';
import type { Kafka } from 'kafkajs';

export const READ_COMMITTED = 1;
export const EARLIEST = -2;
export const LATEST = -1;

export interface RawMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | null | (Buffer | null)[]>;
  isControlRecord?: boolean;
}

export interface PartitionMetadata { partitionId: number; leader: number; replicas: number[]; partitionErrorCode: number }

export interface InternalBroker {
  metadata(topics: string[]): Promise<{ topicMetadata: { topic: string; isInternal?: boolean; partitionMetadata: PartitionMetadata[] }[] }>;
  listOffsets(req: {
    replicaId?: number;
    isolationLevel: number;
    topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; offset: string; errorCode: number }[] }[] }>;
  fetch(req: {
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<{ responses: { topicName: string; partitions: FetchedPartition[] }[] }>;
  offsetFetch(req: {
    groupId: string;
    topics: { topic: string; partitions: { partition: number }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; offset: string }[] }[] }>;
}

export interface FetchedPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  abortedTransactions: unknown[];
  messages: RawMessage[];
}

export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Refreshes the known brokers (and the metadata of no topic: KafkaLog adds none). */
  refreshMetadata(): Promise<void>;
  findBroker(req: { nodeId: number }): Promise<InternalBroker>;
  findGroupCoordinator(req: { groupId: string }): Promise<InternalBroker>;
  // Cluster.metadata() swallows errors (an unknown topic comes back as null), so KafkaDirect
  // sends metadata requests to a connected broker itself.
  brokerPool: { findConnectedBroker(): Promise<InternalBroker> };
}

/** kafkajs's Batch: the records of a fetch from `fetchedOffset` on, without control or aborted records. */
export interface InternalBatch { messages: RawMessage[] }
type BatchClass = new (topic: string, fetchedOffset: string, partitionData: FetchedPartition) => InternalBatch;

const require = createRequire(import.meta.url);

export const Batch: BatchClass = require('kafkajs/src/consumer/batch.js') as BatchClass;

/** A new Cluster with the client's connection settings (brokers, TLS, SASL, retry, logger). */
export function createCluster(kafka: Kafka, metadataMaxAge = 30_000): InternalCluster {
  const sym = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  const create = sym && (kafka as unknown as Record<symbol, unknown>)[sym];
  if (typeof create !== 'function') {
    throw new Error('KafkaLog needs kafkajs 2.2.x (its internal cluster factory was not found)');
  }
  return create({ metadataMaxAge, allowAutoTopicCreation: false, isolationLevel: READ_COMMITTED }) as InternalCluster;
}
