// Eddy's AVRO format against clients nobody here wrote, on the real broker and the real registry
// (Apicurio): records written by Confluent's Python AvroSerializer and by Confluent's Node
// AvroSerializer are read by Eddy with columns inferred from the registry, and an Eddy AVRO sink
// is read by Python's AvroDeserializer with the same values and the Python types a user expects.
// The first block checks the harness itself (the clients agree with each other), so a failure
// below it is Eddy's.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { formatType } from '../../../src/types/sql-type.js';
import { KafkaLog } from '../../../src/log/kafka-log.js';
import { rowsOf } from '../../engine/engine-helpers.js';
import { freshSuffix } from '../../kafka/engine-on-kafka-helpers.js';
import { kafkaBrokers, kafkaEnabled } from '../../setup/kafka-broker.js';
import { REGISTRY_START_MS, registryEnabled, registryUrl } from '../registry-fixture.js';
import { READINGS, READING_COLUMNS, READING_ROWS, READING_SCHEMA, asSinkRecord, plain } from './avro-sample.js';
import {
  INSTALL_MS, installPythonClient, nodeConfluentProduce, pythonConsume, pythonProduce, type Endpoints,
} from './interop-clients.js';

let python: string;
let at: Endpoints;

beforeAll(async () => {
  if (!kafkaEnabled || !registryEnabled) return;
  const [launcher, brokers, registry] = await Promise.all([installPythonClient(), kafkaBrokers(), registryUrl()]);
  python = launcher;
  at = { brokers, registry };
}, REGISTRY_START_MS + INSTALL_MS);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** A durable engine on the broker whose registry formats use the test registry. */
async function eddy(): Promise<Engine> {
  const log = new KafkaLog({ brokers: at.brokers, clientId: 'eddy-registry-interop' });
  closers.push(() => log.close());
  const engine = await Engine.create({
    log, durable: true, serviceId: `interop_${freshSuffix()}`,
    properties: { 'auto.offset.reset': 'earliest', 'schema.registry.url': at.registry },
  });
  closers.push(() => engine.close());
  return engine;
}

/** A push query's columns (name and type) and its rows as plain JSON, until LIMIT. */
async function pushQuery(engine: Engine, sql: string): Promise<{ columns: string[][]; rows: unknown[] }> {
  const res = await engine.executeScript(sql);
  const r = res[res.length - 1];
  if (r.kind !== 'stream') throw new Error(`expected a push query, got ${JSON.stringify(r)}`);
  return { columns: r.columns.map((c) => [c.name, formatType(c.type)]), rows: (await rowsOf(r)).map(plain) };
}

/** The Python types a user of AvroDeserializer gets for READINGS[0] (a Python-side fact). */
const READING_PYTHON_TYPES = {
  i: 'int', l: 'int', d: 'float', s: 'str', b: 'bool', opt: 'NoneType', nested: { x: 'int', tag: 'str' },
  arr: ['int', 'int'], m: { k: 'float' }, price: 'Decimal', ts: 'datetime',
};

describe.skipIf(!kafkaEnabled || !registryEnabled)('registry interop: AVRO', () => {
  describe('the harness (the clients agree with each other)', () => {
    it('Python AvroSerializer → Python AvroDeserializer: same values, ints as int, decimals as Decimal, timestamps as datetime', async () => {
      const topic = `py_self_${freshSuffix()}`;
      await pythonProduce(python, 'avro_interop', at, topic, READING_SCHEMA, READINGS);
      const got = await pythonConsume(python, 'avro_interop', at, topic, READINGS.length);
      expect(got.map((r) => r.value)).toEqual(READINGS);
      expect(got[0].types).toEqual(READING_PYTHON_TYPES);
      expect(got[0].schema_id).toBeGreaterThan(0);
    });

    it('Node (Confluent AvroSerializer + kafkajs) → Python AvroDeserializer: same values', async () => {
      const topic = `node_self_${freshSuffix()}`;
      const id = await nodeConfluentProduce(at, topic, READING_SCHEMA, READINGS);
      const got = await pythonConsume(python, 'avro_interop', at, topic, READINGS.length);
      expect(got.map((r) => r.value)).toEqual(READINGS);
      expect(got.map((r) => r.schema_id)).toEqual(READINGS.map(() => id));
    });
  });

  describe('Eddy reads what they wrote', () => {
    it('Python-produced records: CREATE STREAM with no columns infers them from the registry; a push query returns the same values', async () => {
      const topic = `py_in_${freshSuffix()}`;
      await pythonProduce(python, 'avro_interop', at, topic, READING_SCHEMA, READINGS);
      const engine = await eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='AVRO');`);
      const got = await pushQuery(engine, `SELECT * FROM s EMIT CHANGES LIMIT ${READINGS.length};`);
      expect(got.columns).toEqual(READING_COLUMNS);
      expect(got.rows).toEqual(READING_ROWS);
    });

    it('Node-produced records (Confluent AvroSerializer): the same columns and values', async () => {
      const topic = `node_in_${freshSuffix()}`;
      await nodeConfluentProduce(at, topic, READING_SCHEMA, READINGS);
      const engine = await eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='AVRO');`);
      const got = await pushQuery(engine, `SELECT * FROM s EMIT CHANGES LIMIT ${READINGS.length};`);
      expect(got.columns).toEqual(READING_COLUMNS);
      expect(got.rows).toEqual(READING_ROWS);
    });
  });

  describe('Python reads what Eddy wrote', () => {
    it('an AVRO sink: AvroDeserializer gets the same values, with ints as int, decimals as Decimal, timestamps as datetime, nested as dicts', async () => {
      const suffix = freshSuffix();
      const input = `py_src_${suffix}`;
      const output = `eddy_out_${suffix}`;
      await pythonProduce(python, 'avro_interop', at, input, READING_SCHEMA, READINGS);
      const engine = await eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='AVRO');
        CREATE STREAM out WITH (KAFKA_TOPIC='${output}', VALUE_FORMAT='AVRO') AS SELECT * FROM s;`);
      await engine.settle();
      const got = await pythonConsume(python, 'avro_interop', at, output, READINGS.length);
      // The sink's fields are its columns, named as inferred (upper case).
      expect(got.map((r) => r.value)).toEqual(READINGS.map(asSinkRecord));
      expect(got[0].types).toEqual(asSinkRecord(READING_PYTHON_TYPES));
      expect(got[1].types).toMatchObject({ OPT: 'str', ARR: [], M: {} });
      // Every record names the schema the sink registered under <topic>-value.
      const latest = await fetch(`${at.registry}/subjects/${output}-value/versions/latest`).then((r) => r.json()) as { id: number };
      expect(got.map((r) => r.schema_id)).toEqual(READINGS.map(() => latest.id));
    });

    it('computed columns: Python gets the new names and types (DECIMAL arithmetic, a built STRUCT, a BIGINT from an INTEGER)', async () => {
      const suffix = freshSuffix();
      const input = `py_src2_${suffix}`;
      const output = `eddy_out2_${suffix}`;
      await pythonProduce(python, 'avro_interop', at, input, READING_SCHEMA, READINGS);
      const engine = await eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='AVRO');
        CREATE STREAM out WITH (KAFKA_TOPIC='${output}', VALUE_FORMAT='AVRO') AS
          SELECT PRICE * 2 AS DOUBLE_PRICE, STRUCT(A := I, B := S) AS PAIR, CAST(I AS BIGINT) + 1 AS NEXT_I,
                 NESTED->TAG AS TAG
          FROM s;`);
      await engine.settle();
      const got = await pythonConsume(python, 'avro_interop', at, output, READINGS.length);
      expect(got.map((r) => r.value)).toEqual(READINGS.map((r) => ({
        DOUBLE_PRICE: (Number(r.price) * 2).toFixed(2), PAIR: { A: r.i, B: r.s }, NEXT_I: r.i + 1, TAG: r.nested.tag,
      })));
      expect(got[0].types).toEqual({ DOUBLE_PRICE: 'Decimal', PAIR: { A: 'int', B: 'str' }, NEXT_I: 'int', TAG: 'str' });
    });
  });
});
