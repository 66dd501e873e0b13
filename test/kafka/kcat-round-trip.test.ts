// Real clients on a real broker: kcat produces JSON records, an Eddy query on KafkaLog filters
// and projects them, and kcat reads the sink topic back — the bytes ksqlDB would write.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';

vi.setConfig({ testTimeout: 120_000 });

function ensureKcat(): void {
  try {
    execFileSync('kcat', ['-V'], { stdio: 'ignore' });
  } catch {
    execFileSync(join(__dirname, '..', '..', 'scripts', 'local-kafka.sh'), ['ensure-kcat'], { stdio: 'inherit' });
  }
}

describe.skipIf(!kafkaEnabled)('kcat round trip through an Eddy query on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); ensureKcat(); }, 15 * 60_000);

  it('kcat in, CSAS on KafkaLog, kcat out', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const input = `orders_${suffix}`;
    const sink = `BIG_ORDERS_${suffix}`.toUpperCase();
    const engine = await Engine.create({
      log: new KafkaLog({ brokers, clientId: 'eddy-kcat-test' }), durable: true, serviceId: `kcat_${suffix}`,
      properties: { 'auto.offset.reset': 'earliest' },
    });
    try {
      await engine.executeScript(`
        CREATE STREAM orders (id STRING KEY, item STRING, amount DOUBLE)
          WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM ${sink} AS SELECT id, UCASE(item) AS item, amount FROM orders WHERE amount > 10;`);
      const lines = ['o1|{"item":"pen","amount":2.5}', 'o2|{"item":"desk","amount":120.0}', 'o3|{"item":"lamp","amount":35}'];
      execFileSync('kcat', ['-P', '-b', brokers.join(','), '-t', input, '-K', '|'], { input: lines.join('\n') + '\n' });
      await engine.settle();
      const out = execFileSync('kcat', ['-C', '-b', brokers.join(','), '-t', sink, '-o', 'beginning', '-e', '-q', '-f', '%k|%s\\n'], { encoding: 'utf8' });
      expect(out.trim().split('\n')).toEqual(['o2|{"ITEM":"DESK","AMOUNT":120.0}', 'o3|{"ITEM":"LAMP","AMOUNT":35.0}']);
    } finally {
      await engine.close();
      await engine.log.close();
    }
  });
});
