// A record a topic can never take (over its max.message.bytes) is refused alone: the rest of its
// batch is appended once, in order — on MemoryLog and on a real broker alike.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryLog } from '../../src/log/memory-log.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import type { Log, ProducerRecord } from '../../src/log/log.js';
import { RecordsRefused } from '../../src/log/produce-errors.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

vi.setConfig({ testTimeout: 60_000 });

const rec = (partition: number, value: string): ProducerRecord => ({ key: null, value: Buffer.from(value), partition });
const texts = async (log: Log, topic: string, p: number): Promise<string[]> =>
  (await log.read(topic, p, 0, 100)).map((r) => Buffer.from(r.value!).toString());

async function refusesTheBigRecordOnly(log: Log, topic: string): Promise<void> {
  await log.createTopic(topic, { partitions: 2, config: { 'max.message.bytes': '2000' } });
  // One request holds both partitions; the broker refuses partition 0's batch and appends
  // partition 1's: the producer must find the one record at fault and write the rest once.
  const batch = [rec(0, 'a'), rec(1, 'b'), rec(0, 'x'.repeat(3000)), rec(1, 'c'), rec(0, 'd')];
  const err = await log.produce(topic, batch).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecordsRefused);
  expect((err as RecordsRefused).refused.map((r) => r.index)).toEqual([2]);
  expect((err as RecordsRefused).message).toMatch(/max\.message\.bytes/);
  expect(await texts(log, topic, 0)).toEqual(['a', 'd']);
  expect(await texts(log, topic, 1)).toEqual(['b', 'c']);
}

describe('records a topic refuses', () => {
  it('MemoryLog refuses a record over the topic\'s max.message.bytes and appends the rest of the batch', async () => {
    const log = new MemoryLog();
    await refusesTheBigRecordOnly(log, 'small_messages');
    // Kafka's default limit (about 1 MB) holds without a config.
    await log.createTopic('plain', { partitions: 1 });
    await expect(log.produce('plain', [rec(0, 'y'.repeat(1_100_000))])).rejects.toThrow(/max\.message\.bytes \(1048588\)/);
    expect(await log.endOffsets('plain')).toEqual([0]);
  });

  describe.skipIf(!kafkaEnabled)('on Kafka', () => {
    let brokers: string[] = [];
    beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

    it('KafkaLog refuses a record over the topic\'s max.message.bytes and appends the rest of the batch once', async () => {
      const log = new KafkaLog({ brokers, clientId: 'eddy-refused-test' });
      const topic = `small-messages-${process.pid}-${Date.now().toString(36)}`;
      try {
        await refusesTheBigRecordOnly(log, topic);
      } finally {
        await log.deleteTopic(topic).catch(() => undefined);
        await log.close();
      }
    });
  });
});
