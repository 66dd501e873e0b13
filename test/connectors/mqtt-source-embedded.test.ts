// The MQTT source on the embedded log against a real MQTT 3.1.1 broker (aedes, in process):
// messages on matching topics reach the Kafka topic with their keys and payloads and a stream
// over it sees them through SQL; other topics do not; QoS 1 messages published while the
// connector is cut off arrive after it reconnects; DROP stops the flow; SHOW and DESCRIBE; and
// the errors of a bad class, a missing config, a bad URI, an unreachable broker.
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { Engine } from '../../src/engine/engine.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import { TestMqttBroker, publisher, until } from './mqtt-test-broker.js';

let engine: Engine | undefined;
let broker: TestMqttBroker | undefined;
let pub: MqttClient | undefined;
afterEach(async () => {
  await pub?.endAsync(true);
  await engine?.close();
  await broker?.close();
  engine = undefined; broker = undefined; pub = undefined;
});

async function setup(extra = ''): Promise<{ e: Engine; b: TestMqttBroker }> {
  broker = await TestMqttBroker.start();
  engine = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  await engine.executeScript(`CREATE SOURCE CONNECTOR car_sensors WITH (
    'connector.class'='MqttSource', 'mqtt.server.uri'='${broker.uri}', 'mqtt.topics'='cars/+/vibration',
    'kafka.topic'='car_sensors', 'key.mqtt.topic.level'='1', 'mqtt.reconnect.backoff.ms'='50'${extra});`);
  await until(() => state(engine!, 'CAR_SENSORS') === 'RUNNING', 'the connector to run');
  return { e: engine, b: broker };
}

const state = (e: Engine, name: string): string | undefined => e.state.connectors.get(name)?.status.state;

async function topicRecords(e: Engine, topic: string): Promise<{ key: string | null; value: string }[]> {
  const out = [];
  for (const r of await e.log.read(topic, 0, 0, 1000)) {
    out.push({ key: r.key ? Buffer.from(r.key).toString() : null, value: Buffer.from(r.value ?? []).toString() });
  }
  return out;
}

const rowsOf = (r: StatementResult): unknown[][] => (r.kind === 'rows' ? r.rows : []);

describe('MQTT source connector (embedded log, aedes)', () => {
  it('writes matching messages to the Kafka topic, keyed by a topic level, and a push query sees them', async () => {
    const { e, b } = await setup();
    await e.executeScript(`CREATE STREAM vibration (car STRING KEY, g DOUBLE) WITH (kafka_topic='car_sensors', value_format='JSON');`);
    const [push] = await e.executeScript('SELECT car, g FROM vibration EMIT CHANGES LIMIT 3;');
    pub = await publisher(b.uri);
    await pub.publishAsync('cars/17/vibration', JSON.stringify({ g: 0.5 }), { qos: 1 });
    await pub.publishAsync('cars/17/temperature', JSON.stringify({ g: 99 }), { qos: 1 }); // not subscribed
    await pub.publishAsync('trucks/3/vibration', JSON.stringify({ g: 98 }), { qos: 1 }); // not subscribed
    await pub.publishAsync('cars/42/vibration', JSON.stringify({ g: 1.25 }), { qos: 0 });
    await pub.publishAsync('cars/17/vibration', JSON.stringify({ g: 2 }), { qos: 1 });
    if (push.kind !== 'stream') throw new Error('expected a push query');
    const got: unknown[][] = [];
    for await (const row of push.rows) got.push(row);
    expect(got).toEqual([['17', 0.5], ['42', 1.25], ['17', 2]]);
    expect(await topicRecords(e, 'car_sensors')).toEqual([
      { key: '17', value: '{"g":0.5}' }, { key: '42', value: '{"g":1.25}' }, { key: '17', value: '{"g":2}' },
    ]);
    const [rec] = await e.log.read('car_sensors', 0, 0, 1);
    expect(rec.headers.map((h) => h.key)).toEqual(['mqtt.message.id', 'mqtt.qos', 'mqtt.retained', 'mqtt.duplicate']);
  });

  it('keys by the whole MQTT topic by default and keeps payload bytes unchanged', async () => {
    broker = await TestMqttBroker.start();
    engine = await Engine.create();
    await engine.executeScript(`CREATE SOURCE CONNECTOR raw WITH ('connector.class'='io.confluent.connect.mqtt.MqttSourceConnector',
      'mqtt.server.uri'='${broker.uri}', 'mqtt.topics'='sensors/#', 'kafka.topic'='raw');`);
    await until(() => state(engine!, 'RAW') === 'RUNNING', 'the connector to run');
    pub = await publisher(broker.uri);
    const bytes = Buffer.from([0, 255, 10, 13, 128]);
    await pub.publishAsync('sensors/a/b', bytes, { qos: 1 });
    await until(async () => (await engine!.log.read('raw', 0, 0, 10)).length === 1, 'the record');
    const [r] = await engine.log.read('raw', 0, 0, 10);
    expect(Buffer.from(r.key!).toString()).toBe('sensors/a/b');
    expect(Buffer.from(r.value!)).toEqual(bytes);
  });

  it('gets QoS 1 messages published while it was cut off from the broker once it reconnects', async () => {
    const { e, b } = await setup();
    pub = await publisher(b.uri);
    await pub.publishAsync('cars/1/vibration', '{"g":1}', { qos: 1 });
    await until(async () => (await topicRecords(e, 'car_sensors')).length === 1, 'the first record');
    await pub.endAsync(true);
    pub = undefined;
    await b.stopListening();
    await until(() => state(e, 'CAR_SENSORS') === 'RECONNECTING', 'the connector to notice');
    // Published while the connector is away: the broker queues them for its persistent session.
    await b.publish('cars/2/vibration', '{"g":2}', 1);
    await b.publish('cars/3/vibration', '{"g":3}', 1);
    await b.listen();
    await until(async () => (await topicRecords(e, 'car_sensors')).length === 3, 'the queued records', 10_000);
    expect((await topicRecords(e, 'car_sensors')).map((r) => r.key)).toEqual(['1', '2', '3']);
    expect(state(e, 'CAR_SENSORS')).toBe('RUNNING');
  });

  it('stops the flow at DROP CONNECTOR', async () => {
    const { e, b } = await setup();
    pub = await publisher(b.uri);
    await pub.publishAsync('cars/1/vibration', '{"g":1}', { qos: 1 });
    await until(async () => (await topicRecords(e, 'car_sensors')).length === 1, 'the first record');
    const [drop] = await e.executeScript('DROP CONNECTOR car_sensors;');
    expect(drop).toMatchObject({ kind: 'message', message: 'Dropped connector "CAR_SENSORS"' });
    await pub.publishAsync('cars/2/vibration', '{"g":2}', { qos: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await topicRecords(e, 'car_sensors')).toHaveLength(1);
    expect(rowsOf((await e.executeScript('SHOW CONNECTORS;'))[0])).toEqual([]);
    await expect(e.executeScript('DROP CONNECTOR car_sensors;')).rejects.toThrow(/Connector CAR_SENSORS does not exist/);
    expect((await e.executeScript('DROP CONNECTOR IF EXISTS car_sensors;'))[0]).toMatchObject({ kind: 'message' });
  });

  it('shows and describes connectors, with the password hidden', async () => {
    const { e, b } = await setup(", 'mqtt.username'='eddy', 'mqtt.password'='s3cret'");
    pub = await publisher(b.uri);
    await pub.publishAsync('cars/9/vibration', '{"g":1}', { qos: 1 });
    await until(() => e.state.connectors.get('CAR_SENSORS')!.status.counters.recordsWritten === 1, 'the record');
    expect(rowsOf((await e.executeScript('SHOW CONNECTORS;'))[0])).toEqual([['CAR_SENSORS', 'SOURCE', 'MqttSource', 'RUNNING']]);
    expect(rowsOf((await e.executeScript('SHOW SOURCE CONNECTORS;'))[0])).toHaveLength(1);
    expect(rowsOf((await e.executeScript('SHOW SINK CONNECTORS;'))[0])).toEqual([]);
    await e.executeScript(`CREATE STREAM vibration (car STRING KEY, g DOUBLE) WITH (kafka_topic='car_sensors', value_format='JSON');`);
    const d = new Map(rowsOf((await e.executeScript('DESCRIBE CONNECTOR car_sensors;'))[0]) as [string, string][]);
    expect(d.get('Name')).toBe('CAR_SENSORS');
    expect(d.get('Class')).toBe('MqttSource');
    expect(d.get('Type')).toBe('SOURCE');
    expect(d.get('State')).toBe('RUNNING');
    expect(d.get('Kafka topic')).toBe('car_sensors');
    expect(d.get('Related sources')).toBe('VIBRATION (STREAM)');
    expect(d.get('Messages in')).toBe('1');
    expect(d.get('Records written')).toBe('1');
    expect(d.get('Config mqtt.password')).toBe('[hidden]');
    expect(d.get('Config mqtt.username')).toBe('eddy');
    expect([...d.values()].join(' ')).not.toContain('s3cret');
  });

  it('refuses a bad class, a missing config and a bad URI at CREATE', async () => {
    engine = await Engine.create();
    const create = (w: string): Promise<unknown> => engine!.executeScript(`CREATE SOURCE CONNECTOR c WITH (${w});`);
    await expect(create(`'connector.class'='JdbcSource', 'kafka.topic'='t'`)).rejects.toThrow(/Unknown connector class 'JdbcSource'/);
    await expect(create(`'kafka.topic'='t'`)).rejects.toThrow(/Missing required connector config 'connector.class'/);
    await expect(create(`'connector.class'='MqttSource', 'mqtt.server.uri'='tcp://h:1883', 'kafka.topic'='t'`))
      .rejects.toThrow(/Missing required connector config 'mqtt.topics'/);
    await expect(create(`'connector.class'='MqttSource', 'mqtt.server.uri'='h:1883', 'mqtt.topics'='a', 'kafka.topic'='t'`))
      .rejects.toThrow(/Invalid value for connector config 'mqtt.server.uri'/);
    await expect(create(`'connector.class'='MqttSource', 'mqtt.server.uri'='tcp://h', 'mqtt.topics'='a/#/b', 'kafka.topic'='t'`))
      .rejects.toThrow(/Invalid value for connector config 'mqtt.topics'/);
    await expect(create(`'connector.class'='MqttSource', 'mqtt.server.uri'='tcp://h', 'mqtt.topics'='a', 'kafka.topic'='t', 'mqtt.qos'='3'`))
      .rejects.toThrow(/'mqtt.qos'.*from 0 to 1/);
    await expect(create(`'connector.class'='MqttSource', 'mqtt.server.uri'='tcp://h', 'mqtt.topics'='a', 'kafka.topic'='t', 'mqtt.qso'='1'`))
      .rejects.toThrow(/Unknown config 'mqtt.qso'/);
    await expect(engine.executeScript(`CREATE SINK CONNECTOR c WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='tcp://h', 'mqtt.topics'='a', 'kafka.topic'='t');`))
      .rejects.toThrow(/MqttSource is a source connector/);
    expect(engine.state.connectors.size).toBe(0);
    expect(await engine.log.describeTopic('t')).toBeUndefined();
  });

  it('creates a connector whose broker is unreachable, and shows it FAILED with the reason', async () => {
    // A port nobody listens on: a broker started and closed again.
    const gone = await TestMqttBroker.start();
    const uri = gone.uri;
    await gone.close();
    engine = await Engine.create();
    await engine.executeScript(`CREATE SOURCE CONNECTOR c WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='${uri}',
      'mqtt.topics'='a/#', 'kafka.topic'='t', 'mqtt.reconnect.backoff.ms'='100');`);
    await until(() => state(engine!, 'C') === 'FAILED', 'FAILED');
    const d = new Map(rowsOf((await engine.executeScript('DESCRIBE CONNECTOR c;'))[0]) as [string, string][]);
    expect(d.get('State')).toBe('FAILED');
    expect(d.get('Reason')).toMatch(/cannot connect to mqtt:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED.*retrying every 100 ms/);
    expect(rowsOf((await engine.executeScript('SHOW CONNECTORS;'))[0])).toEqual([['C', 'SOURCE', 'MqttSource', 'FAILED']]);
  });

  it('closes the engine promptly while connected', async () => {
    const { e } = await setup();
    const t0 = Date.now();
    await e.close();
    engine = undefined;
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});
