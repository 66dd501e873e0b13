// The MQTT source when the Log refuses writes: it retries with backoff for errors.retry.timeout
// and carries on when the Log comes back (nothing lost, nothing acknowledged early); past the
// limit it stops FAILED with the reason, its messages unacknowledged, so the broker still has
// them for the connector's session: created again, the connector gets them.
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { ProducerRecord } from '../../src/log/log.js';
import { TestMqttBroker, publisher, until } from './mqtt-test-broker.js';

/** A MemoryLog whose writes to `topic` fail while `down` is set. */
class FlakyLog extends MemoryLog {
  down = false;
  constructor(private readonly topic: string) { super(); }
  override async produce(topic: string, records: ProducerRecord[]): Promise<{ partition: number; offset: number }[]> {
    if (this.down && topic === this.topic) throw new Error('broker unavailable (injected)');
    return super.produce(topic, records);
  }
}

let engine: Engine | undefined;
let broker: TestMqttBroker | undefined;
let pub: MqttClient | undefined;
afterEach(async () => {
  await pub?.endAsync(true);
  await engine?.close();
  await broker?.close();
  engine = undefined; broker = undefined; pub = undefined;
});

async function start(log: FlakyLog, retryMs: number): Promise<Engine> {
  const e = await Engine.create({ log });
  await e.executeScript(`CREATE OR REPLACE SOURCE CONNECTOR c WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='${broker!.uri}',
    'mqtt.topics'='t/#', 'kafka.topic'='out', 'errors.retry.timeout'='${retryMs}', 'errors.retry.delay.max.ms'='50');`);
  await until(() => e.state.connectors.get('C')?.status.state === 'RUNNING', 'RUNNING');
  return e;
}

const values = async (log: MemoryLog): Promise<string[]> => (await log.read('out', 0, 0, 100)).map((r) => Buffer.from(r.value!).toString());

describe('MQTT source when the Log fails', () => {
  it('retries a failing write and carries on when the Log is back', async () => {
    broker = await TestMqttBroker.start();
    const log = new FlakyLog('out');
    engine = await start(log, 10_000);
    log.down = true;
    pub = await publisher(broker.uri);
    await pub.publishAsync('t/1', 'a', { qos: 1 });
    await pub.publishAsync('t/2', 'b', { qos: 1 });
    const status = engine.state.connectors.get('C')!.status;
    await until(() => status.counters.errors >= 2, 'retries');
    expect(await values(log)).toEqual([]);
    log.down = false;
    await until(async () => (await values(log)).length === 2, 'the records');
    expect(await values(log)).toEqual(['a', 'b']);
    expect(status.state).toBe('RUNNING');
    expect(status.counters.lastError).toMatch(/writing to topic 'out' failed: broker unavailable/);
  });

  it('stops FAILED past errors.retry.timeout, and leaves the message with the broker', async () => {
    broker = await TestMqttBroker.start();
    const log = new FlakyLog('out');
    engine = await start(log, 200);
    log.down = true;
    pub = await publisher(broker.uri);
    await pub.publishAsync('t/1', 'kept', { qos: 1 });
    const status = engine.state.connectors.get('C')!.status;
    await until(() => status.state === 'FAILED', 'FAILED');
    expect(status.trace).toMatch(/gave up after 200 ms: errors.retry.timeout/);
    const [described] = await engine.executeScript('DESCRIBE CONNECTOR c;');
    const d = new Map(described.kind === 'rows' ? described.rows as [string, string][] : []);
    expect(d.get('State')).toBe('FAILED');
    expect(d.get('Reason')).toMatch(/broker unavailable/);
    // The Log is back; the connector created again resumes the session and gets the message.
    log.down = false;
    await engine.executeScript(`CREATE OR REPLACE SOURCE CONNECTOR c WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='${broker.uri}',
      'mqtt.topics'='t/#', 'kafka.topic'='out');`);
    await until(async () => (await values(log)).length === 1, 'the message again');
    expect(await values(log)).toEqual(['kept']);
  });
});
