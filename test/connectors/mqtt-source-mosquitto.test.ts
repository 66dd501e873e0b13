// The MQTT source speaking MQTT 5 to Eclipse Mosquitto (from Debian, via scripts/mqtt/mosquitto.sh):
// records arrive; QoS 1 messages published while Eddy was not running are queued by mosquitto for
// the connector's persistent session (same client id, session expiry) and arrive when it runs
// again; a mosquitto restart is ridden out. Skipped, saying why, where mosquitto cannot be installed.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { publisher, until } from './mqtt-test-broker.js';
import { cleanMosquitto, startMosquitto } from './mosquitto-broker.js';

const { broker, reason } = await startMosquitto();
if (reason) console.warn(`skipping the mosquitto tests: ${reason}`);

const engines: Engine[] = [];
let pub: MqttClient | undefined;
afterEach(async () => {
  await pub?.endAsync(true);
  pub = undefined;
  for (const e of engines.splice(0)) await e.close();
});
afterAll(async () => { await cleanMosquitto(broker); });

async function connectorEngine(log: MemoryLog, name: string): Promise<Engine> {
  const e = await Engine.create({ log });
  engines.push(e);
  await e.executeScript(`CREATE SOURCE CONNECTOR ${name} WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='${broker!.uri}',
    'mqtt.version'='5', 'mqtt.topics'='plant/+/temp', 'kafka.topic'='${name}', 'key.mqtt.topic.level'='1', 'mqtt.reconnect.backoff.ms'='100');`);
  await until(() => e.state.connectors.get(name.toUpperCase())?.status.state === 'RUNNING', 'the connector to run');
  return e;
}

const keys = async (log: MemoryLog, topic: string): Promise<string[]> =>
  (await log.read(topic, 0, 0, 1000)).map((r) => `${Buffer.from(r.key!).toString()}=${Buffer.from(r.value!).toString()}`);

describe.skipIf(!broker)('MQTT source on mosquitto (MQTT 5)', () => {
  it('gets what was published while Eddy was not running, from its persistent session', async () => {
    const log = new MemoryLog();
    const name = `plant_${Date.now().toString(36)}`;
    const first = await connectorEngine(log, name);
    pub = await publisher(broker!.uri, 5);
    await pub.publishAsync('plant/a/temp', '20', { qos: 1 });
    await pub.publishAsync('plant/a/pressure', '1', { qos: 1 });
    await until(async () => (await keys(log, name)).length === 1, 'the first record');
    await first.close();
    engines.splice(0);
    // Eddy is away: mosquitto queues these for the connector's session.
    await pub.publishAsync('plant/b/temp', '21', { qos: 1 });
    await pub.publishAsync('plant/c/temp', '22', { qos: 1 });
    await connectorEngine(log, name);
    await until(async () => (await keys(log, name)).length === 3, 'the queued records');
    expect(await keys(log, name)).toEqual(['a=20', 'b=21', 'c=22']);
  });

  it('reconnects after mosquitto restarts', async () => {
    const log = new MemoryLog();
    const name = `restart_${Date.now().toString(36)}`;
    const e = await connectorEngine(log, name);
    await broker!.stop();
    await until(() => e.state.connectors.get(name.toUpperCase())!.status.state === 'RECONNECTING', 'RECONNECTING');
    await broker!.start();
    await until(() => e.state.connectors.get(name.toUpperCase())!.status.state === 'RUNNING', 'RUNNING again', 10_000);
    pub = await publisher(broker!.uri, 5);
    await pub.publishAsync('plant/z/temp', '30', { qos: 1 });
    await until(async () => (await keys(log, name)).length === 1, 'the record');
    expect(await keys(log, name)).toEqual(['z=30']);
  });
});
