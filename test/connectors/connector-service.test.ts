// Connectors in a durable service on the embedded log (two engines sharing a MemoryLog, as two
// instances share a Kafka cluster): one instance runs the connector (the lease's consumer
// group), the other shows the state and counters its runner reports; when the runner closes,
// the other takes over; a restarted instance replays CREATE from the command topic.
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import { TestMqttBroker, publisher, until } from './mqtt-test-broker.js';

const engines: Engine[] = [];
let broker: TestMqttBroker | undefined;
let pub: MqttClient | undefined;
afterEach(async () => {
  await pub?.endAsync(true);
  for (const e of engines.splice(0)) await e.close();
  await broker?.close();
  broker = undefined; pub = undefined;
});

const instance = async (log: MemoryLog, id: string): Promise<Engine> => {
  const e = await Engine.create({ log, durable: true, serviceId: 'svc', instanceId: id, followIntervalMs: 50 });
  engines.push(e);
  return e;
};
const described = (r: StatementResult): Map<string, string> => new Map(r.kind === 'rows' ? r.rows as [string, string][] : []);

describe('connectors in a durable service (embedded log)', () => {
  it('run on one instance; the other reports the runner\'s status and takes over when it closes', async () => {
    broker = await TestMqttBroker.start();
    const log = new MemoryLog();
    const [a, b] = [await instance(log, 'a'), await instance(log, 'b')];
    await a.executeScript(`CREATE SOURCE CONNECTOR c WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='${broker.uri}',
      'mqtt.topics'='t/#', 'kafka.topic'='out', 'mqtt.reconnect.backoff.ms'='50');`);
    const host = (e: Engine) => e.state.connectors.get('C');
    await until(() => host(a) !== undefined && host(b) !== undefined, 'both to know it');
    await until(() => [a, b].some((e) => host(e)!.status.state === 'RUNNING'), 'a runner');
    const [runner, other] = host(a)!.running ? [a, b] : [b, a];
    expect(host(other)!.running).toBe(false);
    pub = await publisher(broker.uri);
    await pub.publishAsync('t/1', 'x', { qos: 1 });
    await until(() => host(runner)!.status.counters.recordsWritten === 1, 'the record');
    // The other instance shows what the runner reports.
    await until(async () => described((await other.executeScript('DESCRIBE CONNECTOR c;'))[0]).get('State') === 'RUNNING', 'the reported state');
    const d = described((await other.executeScript('DESCRIBE CONNECTOR c;'))[0]);
    expect(d.get('Worker ID')).toBe(runner.state.instanceId);
    expect(d.get('Reported at')).toMatch(/^\d{4}-/);
    expect((await other.executeScript('SHOW CONNECTORS;'))[0]).toMatchObject({ rows: [['C', 'SOURCE', 'MqttSource', 'RUNNING']] });

    await runner.close();
    engines.splice(engines.indexOf(runner), 1);
    await until(() => host(other)!.running && host(other)!.status.state === 'RUNNING', 'the other to take over');
    await pub.publishAsync('t/2', 'y', { qos: 1 });
    await until(async () => (await log.read('out', 0, 0, 10)).length === 2, 'the second record');

    // A new instance replays the CREATE and stands by.
    const c = await instance(log, 'c');
    expect(host(c)?.running).toBe(false);
  });
});
