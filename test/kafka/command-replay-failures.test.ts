// A bad record in a service's command topic (not a command, or a statement that no longer plans)
// must not make every start of the service crash: `eddy server` logs it and starts with the rest.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { freshSuffix } from './engine-on-kafka-helpers.js';
import { cliBuilt, startServer, stopServer, type ServerProcess } from './service-helpers.js';

vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!kafkaEnabled || !cliBuilt())('command topic replay on Kafka', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('eddy server starts on a command topic holding bad commands, logs them and runs the good ones', async () => {
    const s = freshSuffix();
    const serviceId = `badcmd_${s}`;
    const log = new KafkaLog({ brokers, clientId: 'eddy-bad-command-test' });
    let server: ServerProcess | undefined;
    try {
      const setup = await Engine.create({ log, durable: true, serviceId });
      await setup.executeScript(`CREATE STREAM s_${s} (id STRING KEY, v INT) WITH (KAFKA_TOPIC='in_${s}', VALUE_FORMAT='JSON', PARTITIONS=1);`);
      await setup.close();
      const cmd = (o: unknown) => ({ key: null, value: Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)), partition: 0 });
      await log.produce(`_eddy_${serviceId}_commands`, [
        cmd('{"truncated":'),
        cmd({ id: 'x', sql: `CREATE STREAM bad_${s} AS SELECT nope FROM missing_${s};`, properties: {} }),
        cmd({ id: 'y', sql: `CREATE STREAM good_${s} AS SELECT id, v FROM s_${s};`, properties: { 'auto.offset.reset': 'earliest' } }),
      ]);
      server = await startServer(brokers, serviceId, 'a');
      expect(server.stderr()).toMatch(/1 persistent queries running/);
      expect(server.stderr()).toMatch(/command 1 failed on replay/);
      expect(server.stderr()).toMatch(/command 2 failed on replay/);
    } finally {
      if (server) await stopServer(server);
      await log.close();
    }
  });
});
