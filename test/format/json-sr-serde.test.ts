// The JSON_SR serde and its registry work, with the in-process registry: Confluent's framing
// around the JSON text ksqlDB writes (values from ksqlDB's QTT cases json_sr.json, decimal.json,
// elements.json), reading as ksqlDB does (magic byte required, id not looked up, JSON coercions),
// sink schemas registered under ksqlDB's subjects, and columns inferred from the registry.
import { describe, expect, it } from 'vitest';
import { createJsonSrSerde } from '../../src/format/json-sr/json-sr-serde.js';
import {
  inferJsonSrColumns, loadJsonSrSchemaId, prepareJsonSrWrites, registerJsonSrSchema,
} from '../../src/format/json-sr/json-sr-registration.js';
import { schemaCache } from '../../src/format/avro/schema-cache.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import { SerdeError } from '../../src/format/serde.js';
import { Decimal } from '../../src/types/decimal.js';
import type { Column } from '../../src/types/schema.js';
import { array, BIGINT, BOOLEAN, decimal, DOUBLE, INTEGER, STRING, struct, type SqlType } from '../../src/types/sql-type.js';
import { SqlError } from '../../src/types/sql-error.js';

const col = (name: string, type: SqlType, namespace: Column['namespace'] = 'VALUE'): Column => ({ name, type, namespace });
const framed = (id: number, json: string): number[] => [0, (id >>> 24) & 255, (id >>> 16) & 255, (id >>> 8) & 255, id & 255, ...Buffer.from(json)];
const text = (b: Uint8Array | null): string => Buffer.from(b!.subarray(5)).toString();

async function sinkSerde(cols: Column[], opts: { isKey?: boolean; unwrapped?: boolean; topic?: string } = {}) {
  const registry = new InProcessRegistry();
  const isKey = opts.isKey ?? false;
  const unwrapped = opts.unwrapped ?? false;
  const spec = { format: 'JSON_SR' as const, options: { wrapSingleValue: !unwrapped } };
  const id = await registerJsonSrSchema(registry, opts.topic ?? 'OUTPUT', isKey, cols, spec);
  const serde = createJsonSrSerde(cols, { isKey, unwrapped, cache: schemaCache(registry) });
  return { registry, id: id!, serde };
}

describe('the JSON_SR serde writes', () => {
  it('magic byte, the registered schema id, then the JSON text, byte for byte', async () => {
    const { id, serde } = await sinkSerde([col('FOO', INTEGER)]);
    expect([...serde.serialize([10], 'OUTPUT')!]).toEqual(framed(id, '{"FOO":10}'));
    expect([...serde.serialize([null], 'OUTPUT')!]).toEqual(framed(id, '{"FOO":null}'));
    expect(serde.serialize(null, 'OUTPUT')).toBeNull();
  });

  it('single values bare when unwrapped, and a null one as a tombstone (QTT "serialize anonymous primitive - value")', async () => {
    const { id, serde } = await sinkSerde([col('FOO', BOOLEAN)], { unwrapped: true });
    expect([...serde.serialize([true], 'OUTPUT')!]).toEqual(framed(id, 'true'));
    expect(serde.serialize([null], 'OUTPUT')).toBeNull();
    const arr = await sinkSerde([col('FOO', array(BIGINT))], { unwrapped: true });
    expect(text(arr.serde.serialize([[12, 34, null]], 'OUTPUT'))).toBe('[12,34,null]');
    const st = await sinkSerde([col('FOO', struct([{ name: 'F0', type: INTEGER }]))], { unwrapped: true });
    expect(text(st.serde.serialize([{ F0: null }], 'OUTPUT'))).toBe('{"F0":null}');
  });

  it('numbers as ksqlDB does: decimals keep their scale (QTT "JSON_SR should not trim trailing zeros"), doubles as Java prints them', async () => {
    const { serde } = await sinkSerde([col('DEC', decimal(6, 4)), col('D', DOUBLE), col('L', BIGINT)]);
    const out = serde.serialize([Decimal.fromString('10.0000'), 1, 2 ** 53], 'OUTPUT');
    expect(text(out)).toBe('{"DEC":10.0000,"D":1.0,"L":9007199254740992}');
  });

  it('keys under the key subject, written bare (QTT "INT - key - no inference")', async () => {
    const { registry, id, serde } = await sinkSerde([col('K', INTEGER, 'KEY')], { isKey: true, unwrapped: true, topic: 'input_topic' });
    expect((await registry.latest('input_topic-key'))?.id).toBe(id);
    expect([...serde.serialize([12], 'input_topic')!]).toEqual(framed(id, '12'));
    expect(serde.serialize([null], 'input_topic')).toBeNull();
  });

  it('with a registered schema of another shape (VALUE_SCHEMA_ID): its properties, unfilled ones null (QTT "validate extra optional field with schema schema id in csas OK - JSON_SR")', async () => {
    const registry = new InProcessRegistry();
    const id = await registry.register('OUTPUT-value', {
      schemaType: 'JSON', schema: '{"type":"object","properties":{"c1":{"type":"integer"},"c2":{"type":"string"}}}',
    });
    await loadJsonSrSchemaId(registry, id);
    const serde = createJsonSrSerde([col('c1', BIGINT)], { isKey: false, unwrapped: false, cache: schemaCache(registry), schemaId: id });
    expect([...serde.serialize([4], 'OUTPUT')!]).toEqual(framed(id, '{"c1":4,"c2":null}'));
  });

  it('fails a record clearly when the sink schema was never registered', () => {
    const serde = createJsonSrSerde([col('FOO', INTEGER)], { isKey: false, unwrapped: false, cache: schemaCache(new InProcessRegistry()) });
    expect(() => serde.serialize([1], 'OUTPUT')).toThrow(SerdeError);
    expect(() => serde.serialize([1], 'OUTPUT')).toThrow(/not registered in the schema registry \(subject OUTPUT-value\)/);
  });

  it('refuses at creation what JSON cannot hold, with ksqlDB\'s message (QTT "map with non-string keys fails")', () => {
    const cache = schemaCache(new InProcessRegistry());
    expect(() => createJsonSrSerde([col('FOO', { kind: 'MAP', key: INTEGER, value: DOUBLE })], { isKey: false, unwrapped: false, cache }))
      .toThrow('JSON only supports MAP types with STRING keys');
  });
});

describe('the JSON_SR serde reads', () => {
  const cache = schemaCache(new InProcessRegistry());
  const serde = (cols: Column[], unwrapped = false, isKey = false) => createJsonSrSerde(cols, { isKey, unwrapped, cache });

  it('the JSON after the header with the JSON format\'s coercions, whatever schema id it names (ksqlDB never looks it up)', () => {
    const s = serde([col('FOO', STRING)], true);
    // QTT "deserialize anonymous primitive - value - with coercion": 10 read as STRING "10".
    expect(s.deserialize(Uint8Array.from(framed(424242, '10')), 't')).toEqual(['10']);
    expect(serde([col('FOO', array(STRING))], true).deserialize(Uint8Array.from(framed(1, '[1,2,3]')), 't')).toEqual([['1', '2', '3']]);
    expect(serde([col('FOO', INTEGER)]).deserialize(Uint8Array.from(framed(7, '{"foo":10}')), 't')).toEqual([10]);
    expect(serde([col('K', BIGINT, 'KEY')], true, true).deserialize(Uint8Array.from(framed(1, '998877665544332')), 't')).toEqual([998877665544332]);
    expect(s.deserialize(null, 't')).toBeNull();
  });

  it('decimals with their declared scale', () => {
    const [d] = serde([col('DEC', decimal(6, 4))]).deserialize(Uint8Array.from(framed(1, '{"DEC":10.0}')), 't')! as [Decimal];
    expect(d.toString()).toBe('10.0000');
  });

  it('what it writes', async () => {
    const cols = [col('A', STRING), col('B', array(INTEGER)), col('C', struct([{ name: 'X', type: DOUBLE }])), col('D', decimal(4, 2))];
    const { serde: s } = await sinkSerde(cols);
    const row = ['x', [1, null], { X: 1.5 }, Decimal.fromString('65.21')];
    const back = s.deserialize(s.serialize(row, 'OUTPUT'), 'OUTPUT')!;
    expect(back.slice(0, 3)).toEqual(row.slice(0, 3));
    expect(String(back[3])).toBe('65.21');
  });

  it('refuses records without the magic byte with ksqlDB\'s message, and short or broken ones as SerdeErrors', () => {
    const s = serde([col('FOO', INTEGER)]);
    expect(() => s.deserialize(Buffer.from('{"FOO":1}'), 'input_topic')).toThrow(
      'Failed to deserialize value from topic: input_topic. Got unexpected JSON serialization format that did not start with the magic byte.');
    expect(() => s.deserialize(Uint8Array.from([0, 0, 1]), 't')).toThrow(/fewer than the 5 of its magic byte and schema id/);
    expect(() => s.deserialize(Uint8Array.from(framed(1, '{"FOO":')), 't')).toThrow(SerdeError);
    expect(() => s.deserialize(Uint8Array.from(framed(1, '{"FOO":true}')), 't')).toThrow(/Failed to deserialize value from topic: t/);
  });
});

describe('JSON_SR and the registry', () => {
  const FOO = '{"type":"object","properties":{"FOO":{"connect.index":0,"oneOf":[{"type":"null"},{"type":"integer","connect.type":"int32"}]}}}';

  it('infers value and key columns from the subjects\' latest schemas (QTT "INT - key - key and value inference")', async () => {
    const registry = new InProcessRegistry();
    await registry.register('input_topic-key', { schemaType: 'JSON', schema: '{"oneOf":[{"type":"null"},{"type":"integer","connect.type":"int32"}]}' });
    const valueId = await registry.register('input_topic-value', { schemaType: 'JSON', schema: FOO });
    const value = await inferJsonSrColumns(registry, 'input_topic', false, { unwrapped: false });
    expect(value).toEqual({ columns: [col('FOO', INTEGER)], schemaId: valueId });
    const key = await inferJsonSrColumns(registry, 'input_topic', true, { unwrapped: true });
    expect(key.columns).toEqual([col('ROWKEY', INTEGER, 'KEY')]);
  });

  it('upper-cases names from a subject\'s latest schema, keeps them from a schema id (QTT elements.json "... - JSON_SR SCHEMA")', async () => {
    const registry = new InProcessRegistry();
    const id = await registry.register('input-value', { schemaType: 'JSON', schema: '{"type":"object","properties":{"c1":{"type":"integer"}}}' });
    expect((await inferJsonSrColumns(registry, 'input', false, { unwrapped: false })).columns).toEqual([col('C1', BIGINT)]);
    expect((await inferJsonSrColumns(registry, 'input', false, { unwrapped: false, schemaId: id })).columns).toEqual([col('c1', BIGINT)]);
  });

  it('says clearly when there is no schema, or it is not a JSON schema', async () => {
    const registry = new InProcessRegistry();
    await expect(inferJsonSrColumns(registry, 'nothing', false, { unwrapped: false }))
      .rejects.toThrow("Schema for message values on topic 'nothing' does not exist in the Schema Registry.");
    await expect(inferJsonSrColumns(registry, 'nothing', false, { unwrapped: false, schemaId: 99 })).rejects.toThrow(SqlError);
    const avro = await registry.register('avro-value', { schemaType: 'AVRO', schema: '"string"' });
    await expect(inferJsonSrColumns(registry, 'avro', false, { unwrapped: false })).rejects.toThrow(/is a AVRO schema, not a JSON schema/);
    await expect(loadJsonSrSchemaId(registry, avro)).rejects.toThrow(/not a JSON schema/);
  });

  it('registers a source\'s schema only where the subject has none (CREATE with columns), a sink\'s as a new version', async () => {
    const registry = new InProcessRegistry();
    const theirs = await registry.register('t-value', { schemaType: 'JSON', schema: FOO });
    const spec = { format: 'JSON_SR' as const };
    expect(await registerJsonSrSchema(registry, 't', false, [col('BAR', STRING)], spec, true)).toBeUndefined();
    expect((await registry.latest('t-value'))?.id).toBe(theirs);
    const ours = await registerJsonSrSchema(registry, 't', false, [col('BAR', STRING)], spec);
    expect(ours).not.toBe(theirs);
    expect(await registry.latest('t-value')).toMatchObject({ id: ours, schemaType: 'JSON', version: 2 });
    // The same columns again: the same id, no new version.
    expect(await registerJsonSrSchema(registry, 't', false, [col('BAR', STRING)], spec)).toBe(ours);
  });

  it('prepares statement writes (INSERT VALUES): registers the JSON_SR parts, so their serdes know the ids', async () => {
    const registry = new InProcessRegistry();
    const def = {
      topic: 's', schema: { key: [col('K', STRING, 'KEY')], value: [col('V', INTEGER)] },
      keyFormat: { format: 'JSON_SR' as const }, valueFormat: { format: 'JSON_SR' as const },
    };
    await prepareJsonSrWrites(registry, def);
    const key = createJsonSrSerde(def.schema.key, { isKey: true, unwrapped: true, cache: schemaCache(registry) });
    const value = createJsonSrSerde(def.schema.value, { isKey: false, unwrapped: false, cache: schemaCache(registry) });
    expect(text(key.serialize(['k'], 's'))).toBe('"k"');
    expect(text(value.serialize([1], 's'))).toBe('{"V":1}');
    await expect(prepareJsonSrWrites(undefined, def)).rejects.toThrow(/'JSON_SR' format needs a schema registry/);
  });
});
