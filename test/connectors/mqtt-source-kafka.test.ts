// The MQTT source on a real Kafka broker, in a durable service of two instances: CREATE CONNECTOR
// goes through the command topic to both, exactly one runs it (the holder of its lease), records
// reach the Kafka topic and a push query; when the running instance stops, the other takes over
// the connector and its MQTT session (messages published in between arrive); a new instance
// replays the CREATE; DROP stops it everywhere.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MqttClient } from 'mqtt';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { TestMqttBroker, publisher, until } from './mqtt-test-broker.js';

vi.setConfig({ testTimeout: 120_000 });

let mqttBroker: TestMqttBroker | undefined;
let pub: MqttClient | undefined;
afterEach(async () => {
  await pub?.endAsync(true);
  await mqttBroker?.close();
  pub = undefined; mqttBroker = undefined;
});

describe.skipIf(!kafkaEnabled)('MQTT source on Kafka, two instances of a service', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('runs the connector on one instance only, and on the other once the first stops', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `mqtt_${suffix}`;
    const topic = `cars_${suffix}`;
    mqttBroker = await TestMqttBroker.start();
    const logs = [new KafkaLog({ brokers, clientId: 'eddy-mqtt-a' }), new KafkaLog({ brokers, clientId: 'eddy-mqtt-b' })];
    const engines = await Promise.all(logs.map((log, i) => Engine.create({
      log, durable: true, serviceId, instanceId: `i${i}`, followIntervalMs: 100, properties: { 'auto.offset.reset': 'earliest' },
    })));
    const hosts = () => engines.map((e) => e.state.connectors.get('CARS'));
    const runners = () => hosts().filter((h) => h?.running).length;
    try {
      await engines[0].executeScript(`CREATE SOURCE CONNECTOR cars WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='${mqttBroker.uri}',
        'mqtt.topics'='cars/+/vibration', 'kafka.topic'='${topic}', 'key.mqtt.topic.level'='1', 'mqtt.reconnect.backoff.ms'='100');`);
      await until(() => hosts().every((h) => h !== undefined), 'both instances to know the connector', 10_000);
      await until(() => hosts().some((h) => h!.status.state === 'RUNNING'), 'one instance to run it', 30_000);
      // Give a second runner the chance to appear: there must never be one.
      await new Promise((r) => setTimeout(r, 1000));
      expect(runners()).toBe(1);
      const a = hosts().findIndex((h) => h!.running);
      const b = 1 - a;
      expect(hosts()[b]!.status.state).toBe('UNASSIGNED');
      // Its DESCRIBE shows what the runner reports through the status topic.
      const describeOn = async (i: number) => {
        const [r] = await engines[i].executeScript('DESCRIBE CONNECTOR cars;');
        return new Map(r.kind === 'rows' ? r.rows as [string, string][] : []);
      };
      await until(async () => (await describeOn(b)).get('State') === 'RUNNING', 'the runner\'s report', 10_000);
      expect((await describeOn(b)).get('Worker ID')).toBe(`i${a}`);

      await engines[b].executeScript(`CREATE STREAM vibration_${suffix} (car STRING KEY, g DOUBLE) WITH (kafka_topic='${topic}', value_format='JSON');`);
      const [push] = await engines[b].executeScript(`SELECT car, g FROM vibration_${suffix} EMIT CHANGES LIMIT 2;`);
      pub = await publisher(mqttBroker.uri);
      await pub.publishAsync('cars/1/vibration', '{"g":1}', { qos: 1 });
      await pub.publishAsync('cars/2/vibration', '{"g":2}', { qos: 1 });
      if (push.kind !== 'stream') throw new Error('expected a push query');
      const got: unknown[][] = [];
      for await (const row of push.rows) got.push(row);
      expect(got).toEqual([['1', 1], ['2', 2]]);

      // The runner stops; the other instance takes over the lease and the MQTT session.
      await engines[a].close();
      await pub.publishAsync('cars/3/vibration', '{"g":3}', { qos: 1 });
      await until(() => hosts()[b]!.status.state === 'RUNNING', 'the other instance to take over', 60_000);
      await pub.publishAsync('cars/4/vibration', '{"g":4}', { qos: 1 });
      const keys = async () => new Set((await logs[b].read(topic, 0, 0, 100)).map((r) => Buffer.from(r.key!).toString()));
      await until(async () => (await keys()).size === 4, 'every record', 20_000);
      expect([...(await keys())].sort()).toEqual(['1', '2', '3', '4']);

      // A third instance started now replays the CREATE from the command topic and stands by.
      const log3 = new KafkaLog({ brokers, clientId: 'eddy-mqtt-c' });
      logs.push(log3);
      engines.push(await Engine.create({ log: log3, durable: true, serviceId, instanceId: 'i2', followIntervalMs: 100 }));
      expect(engines[2].state.connectors.get('CARS')?.status.state).toBe('UNASSIGNED');
      await engines[b].executeScript('DROP CONNECTOR cars;');
      expect(engines[b].state.connectors.size).toBe(0);
      await until(() => engines[2].state.connectors.size === 0, 'the DROP to reach the third instance', 10_000);
    } finally {
      for (const e of engines) await e.close();
      for (const l of logs) await l.close();
    }
  });
});
