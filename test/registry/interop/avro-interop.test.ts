// Eddy's AVRO format against clients nobody here wrote, on the real broker and the real registry
// (Apicurio): records written by Confluent's Python AvroSerializer and by Confluent's Node
// AvroSerializer are read by Eddy with columns inferred from the registry, and an Eddy AVRO sink
// is read by Python's AvroDeserializer with the same values and the Python types a user expects.
// The first block checks the harness itself (the clients agree with each other), so a failure
// below it is Eddy's.
import { describe, expect, it } from 'vitest';
import { freshSuffix } from '../../kafka/engine-on-kafka-helpers.js';
import { kafkaEnabled } from '../../setup/kafka-broker.js';
import { registryEnabled } from '../registry-fixture.js';
import { interopHarness } from './interop-harness.js';
import { READINGS, READING_COLUMNS, READING_ROWS, READING_SCHEMA, asSinkRecord } from './avro-sample.js';
import {
  nodeConfluentProduce, pythonConsume, pythonProduce,
} from './interop-clients.js';

const h = interopHarness('avro');

/** The Python types a user of AvroDeserializer gets for READINGS[0] (a Python-side fact). */
const READING_PYTHON_TYPES = {
  i: 'int', l: 'int', d: 'float', s: 'str', b: 'bool', opt: 'NoneType', nested: { x: 'int', tag: 'str' },
  arr: ['int', 'int'], m: { k: 'float' }, price: 'Decimal', ts: 'datetime',
};

describe.skipIf(!kafkaEnabled || !registryEnabled)('registry interop: AVRO', () => {
  describe('the harness (the clients agree with each other)', () => {
    it('Python AvroSerializer → Python AvroDeserializer: same values, ints as int, decimals as Decimal, timestamps as datetime', async () => {
      const topic = `py_self_${freshSuffix()}`;
      await pythonProduce(h.python, 'avro_interop', h.at, topic, READING_SCHEMA, READINGS);
      const got = await pythonConsume(h.python, 'avro_interop', h.at, topic, READINGS.length);
      expect(got.map((r) => r.value)).toEqual(READINGS);
      expect(got[0].types).toEqual(READING_PYTHON_TYPES);
      expect(got[0].schema_id).toBeGreaterThan(0);
    });

    it('Node (Confluent AvroSerializer + kafkajs) → Python AvroDeserializer: same values', async () => {
      const topic = `node_self_${freshSuffix()}`;
      const id = await nodeConfluentProduce(h.at, topic, READING_SCHEMA, READINGS);
      const got = await pythonConsume(h.python, 'avro_interop', h.at, topic, READINGS.length);
      expect(got.map((r) => r.value)).toEqual(READINGS);
      expect(got.map((r) => r.schema_id)).toEqual(READINGS.map(() => id));
    });
  });

  describe('Eddy reads what they wrote', () => {
    it('Python-produced records: CREATE STREAM with no columns infers them from the registry; a push query returns the same values', async () => {
      const topic = `py_in_${freshSuffix()}`;
      await pythonProduce(h.python, 'avro_interop', h.at, topic, READING_SCHEMA, READINGS);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='AVRO');`);
      const got = await h.pushQuery(engine, `SELECT * FROM s EMIT CHANGES LIMIT ${READINGS.length};`);
      expect(got.columns).toEqual(READING_COLUMNS);
      expect(got.rows).toEqual(READING_ROWS);
    });

    it('Node-produced records (Confluent AvroSerializer): the same columns and values', async () => {
      const topic = `node_in_${freshSuffix()}`;
      await nodeConfluentProduce(h.at, topic, READING_SCHEMA, READINGS);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='AVRO');`);
      const got = await h.pushQuery(engine, `SELECT * FROM s EMIT CHANGES LIMIT ${READINGS.length};`);
      expect(got.columns).toEqual(READING_COLUMNS);
      expect(got.rows).toEqual(READING_ROWS);
    });
  });

  describe('Python reads what Eddy wrote', () => {
    it('an AVRO sink: AvroDeserializer gets the same values, with ints as int, decimals as Decimal, timestamps as datetime, nested as dicts', async () => {
      const suffix = freshSuffix();
      const input = `py_src_${suffix}`;
      const output = `eddy_out_${suffix}`;
      await pythonProduce(h.python, 'avro_interop', h.at, input, READING_SCHEMA, READINGS);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='AVRO');
        CREATE STREAM out WITH (KAFKA_TOPIC='${output}', VALUE_FORMAT='AVRO') AS SELECT * FROM s;`);
      await engine.settle();
      const got = await pythonConsume(h.python, 'avro_interop', h.at, output, READINGS.length);
      // The sink's fields are its columns, named as inferred (upper case).
      expect(got.map((r) => r.value)).toEqual(READINGS.map(asSinkRecord));
      expect(got[0].types).toEqual(asSinkRecord(READING_PYTHON_TYPES));
      expect(got[1].types).toMatchObject({ OPT: 'str', ARR: [], M: {} });
      // Every record names the schema the sink registered under <topic>-value.
      const latest = await fetch(`${h.at.registry}/subjects/${output}-value/versions/latest`).then((r) => r.json()) as { id: number };
      expect(got.map((r) => r.schema_id)).toEqual(READINGS.map(() => latest.id));
    });

    it('computed columns: Python gets the new names and types (DECIMAL arithmetic, a built STRUCT, a BIGINT from an INTEGER)', async () => {
      const suffix = freshSuffix();
      const input = `py_src2_${suffix}`;
      const output = `eddy_out2_${suffix}`;
      await pythonProduce(h.python, 'avro_interop', h.at, input, READING_SCHEMA, READINGS);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='AVRO');
        CREATE STREAM out WITH (KAFKA_TOPIC='${output}', VALUE_FORMAT='AVRO') AS
          SELECT PRICE * 2 AS DOUBLE_PRICE, STRUCT(A := I, B := S) AS PAIR, CAST(I AS BIGINT) + 1 AS NEXT_I,
                 NESTED->TAG AS TAG
          FROM s;`);
      await engine.settle();
      const got = await pythonConsume(h.python, 'avro_interop', h.at, output, READINGS.length);
      expect(got.map((r) => r.value)).toEqual(READINGS.map((r) => ({
        DOUBLE_PRICE: (Number(r.price) * 2).toFixed(2), PAIR: { A: r.i, B: r.s }, NEXT_I: r.i + 1, TAG: r.nested.tag,
      })));
      expect(got[0].types).toEqual({ DOUBLE_PRICE: 'Decimal', PAIR: { A: 'int', B: 'str' }, NEXT_I: 'int', TAG: 'str' });
    });
  });
});
