// STUB (being implemented): transactions on Kafka through kafkajs.
import type { Kafka } from 'kafkajs';
import type { ProducerRecord, TransactionalProducer } from './log.js';
import type { KafkaLogOptions } from './kafka-config.js';

export class KafkaTransactionalProducer implements TransactionalProducer {
  constructor(_kafka: Kafka, _id: string, _opts: KafkaLogOptions) {}
  async begin(): Promise<void> { throw new Error('not implemented yet'); }
  async produce(_topic: string, _records: ProducerRecord[]): Promise<void> { throw new Error('not implemented yet'); }
  async sendOffsets(_g: string, _o: { topic: string; partition: number; offset: number }[]): Promise<void> { throw new Error('not implemented yet'); }
  async commit(): Promise<void> { throw new Error('not implemented yet'); }
  async abort(): Promise<void> { throw new Error('not implemented yet'); }
  async close(): Promise<void> { /* nothing open */ }
}
