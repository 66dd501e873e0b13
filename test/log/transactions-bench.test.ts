import { beforeAll, it } from 'vitest';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers } from '../setup/kafka-broker.js';
let brokers: string[] = [];
beforeAll(async () => { brokers = await kafkaBrokers(); }, 600_000);
it('bench', async () => {
  const log = new KafkaLog({ brokers });
  const t = `bench-${Date.now()}`; const s = `benchsrc-${Date.now()}`;
  await log.createTopic(t, { partitions: 4 }); await log.createTopic(s, { partitions: 4 });
  const p = log.transactionalProducer(`bench-${Date.now()}`);
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await p.begin();
    await p.produce(t, Array.from({ length: 20 }, (_, j) => ({ key: new TextEncoder().encode(`k${j}`), value: new Uint8Array(100) })));
    await p.sendOffsets('g', [0, 1, 2, 3].map((partition) => ({ topic: s, partition, offset: i })));
    await p.commit();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log('median', times[30].toFixed(1), 'p90', times[54].toFixed(1), 'max', times[59].toFixed(1));
  await p.close(); await log.close();
}, 120_000);
