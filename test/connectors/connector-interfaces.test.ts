// The connector statements through Eddy's interfaces: ksqlDB's REST entities (connector_info,
// connector_list, connector_description, drop_connector — Kafka Connect's shapes inside) and the
// Postgres wire's command tags and SHOW/DESCRIBE rows (node-postgres).
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startFixture as startRest, ksql, type Fixture } from '../rest/rest-fixture.js';
import { startFixture as startPg, type PgFixture } from '../pgwire/pg-helpers.js';
import { TestMqttBroker, until } from './mqtt-test-broker.js';

let rest: Fixture | undefined;
let pgfx: PgFixture | undefined;
let broker: TestMqttBroker | undefined;
afterEach(async () => {
  await rest?.close();
  await pgfx?.close();
  await broker?.close();
  rest = undefined; pgfx = undefined; broker = undefined;
});

const create = (uri: string): string => `CREATE SOURCE CONNECTOR car_sensors WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='${uri}', `
  + `'mqtt.topics'='cars/+/vibration', 'kafka.topic'='car_sensors', 'mqtt.username'='u', 'mqtt.password'='pw');`;

describe('connector statements over REST', () => {
  it('answer ksqlDB\'s connector entities', async () => {
    broker = await TestMqttBroker.start();
    rest = await startRest();
    const [created] = await ksql(rest.url, create(broker.uri));
    expect(created).toEqual({
      '@type': 'connector_info', statementText: create(broker.uri), warnings: [],
      info: {
        name: 'CAR_SENSORS', type: 'source', tasks: [{ connector: 'CAR_SENSORS', task: 0 }],
        config: { 'connector.class': 'MqttSource', 'mqtt.server.uri': broker.uri, 'mqtt.topics': 'cars/+/vibration', 'kafka.topic': 'car_sensors', 'mqtt.username': 'u', 'mqtt.password': '[hidden]' },
      },
    });
    await until(() => rest!.engine.state.connectors.get('CAR_SENSORS')!.status.state === 'RUNNING', 'RUNNING');
    const [list] = await ksql(rest.url, 'SHOW CONNECTORS;');
    expect(list).toEqual({
      '@type': 'connector_list', statementText: 'SHOW CONNECTORS;', warnings: [],
      connectors: [{ name: 'CAR_SENSORS', type: 'source', className: 'MqttSource', state: 'RUNNING' }],
    });
    const [described] = await ksql(rest.url, 'DESCRIBE CONNECTOR car_sensors;');
    expect(described).toMatchObject({
      '@type': 'connector_description', statementText: 'DESCRIBE CONNECTOR car_sensors;', connectorClass: 'MqttSource',
      status: {
        name: 'CAR_SENSORS', type: 'source',
        connector: { state: 'RUNNING', worker_id: rest.engine.state.instanceId },
        tasks: [{ id: 0, state: 'RUNNING', worker_id: rest.engine.state.instanceId }],
      },
      sources: [], topics: ['car_sensors'], warnings: [],
      eddyStats: { messagesIn: 0, recordsWritten: 0, errors: 0, lastError: null },
    });
    const [dropped] = await ksql(rest.url, 'DROP CONNECTOR car_sensors;');
    expect(dropped).toEqual({ '@type': 'drop_connector', statementText: 'DROP CONNECTOR car_sensors;', connectorName: 'CAR_SENSORS', warnings: [] });
  });
});

describe('connector statements over the Postgres wire', () => {
  it('answer command tags and rows', async () => {
    broker = await TestMqttBroker.start();
    pgfx = await startPg();
    const c = new pg.Client({ host: '127.0.0.1', port: pgfx.server.port, user: 'eddy', database: 'eddy' });
    await c.connect();
    try {
      // The tag is CREATE CONNECTOR; node-postgres keeps its first word.
      expect((await c.query(create(broker.uri))).command).toBe('CREATE');
      await until(() => pgfx!.engine.state.connectors.get('CAR_SENSORS')!.status.state === 'RUNNING', 'RUNNING');
      const shown = await c.query('SHOW CONNECTORS;');
      expect(shown.fields.map((f) => f.name)).toEqual(['Connector Name', 'Type', 'Class', 'Status']);
      expect(shown.rows).toEqual([{ 'Connector Name': 'CAR_SENSORS', Type: 'SOURCE', Class: 'MqttSource', Status: 'RUNNING' }]);
      const described = await c.query('DESCRIBE CONNECTOR car_sensors;');
      expect(described.rows).toContainEqual({ Property: 'State', Value: 'RUNNING' });
      expect(described.rows).toContainEqual({ Property: 'Config mqtt.password', Value: '[hidden]' });
      expect((await c.query('DROP CONNECTOR car_sensors;')).command).toBe('DROP');
    } finally {
      await c.end();
    }
  });
});
