// CREATE TYPE / DROP TYPE / SHOW TYPES: names for types (ksqlDB's custom types), usable wherever a
// type is written once created — columns, nested in other types, CAST — and kept by a service.
import { describe, it, expect, afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { parseScript } from '../../grammar/index.js';

let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

const props = { 'auto.offset.reset': 'earliest' };
const TYPES = `CREATE TYPE address AS STRUCT<number INTEGER, street VARCHAR>;
  CREATE TYPE person AS STRUCT<name VARCHAR, home ADDRESS>;`;

async function rowsOf(e: Engine, sql: string): Promise<unknown[][]> {
  const [r] = await e.executeScript(sql);
  if (r.kind === 'rows') return r.rows;
  if (r.kind !== 'stream') throw new Error(`not rows: ${r.kind}`);
  const out: unknown[][] = [];
  for await (const row of r.rows) out.push(row);
  return out;
}

describe('custom types', () => {
  it('a type names its definition in columns, nested types, arrays and CAST; SHOW TYPES lists them', async () => {
    const e = (engine = await Engine.create({ properties: props }));
    await e.executeScript(`${TYPES}
      CREATE STREAM people (k STRING KEY, p PERSON, old ARRAY<ADDRESS>) WITH (kafka_topic='people', value_format='JSON', partitions=1);
      INSERT INTO people (k, p) VALUES ('a', STRUCT(name := 'jay', home := STRUCT(number := 899, street := 'W. Evelyn')));`);
    expect(await rowsOf(e, 'DESCRIBE people;')).toEqual([
      ['K', 'STRING (key)'],
      ['P', 'STRUCT<`NAME` STRING, `HOME` STRUCT<`NUMBER` INTEGER, `STREET` STRING>>'],
      ['OLD', 'ARRAY<STRUCT<`NUMBER` INTEGER, `STREET` STRING>>'],
    ]);
    expect(await rowsOf(e, 'SELECT k, p->home->number AS n, CAST(p->home AS ADDRESS) AS h FROM people EMIT CHANGES LIMIT 1;'))
      .toEqual([['a', 899, { NUMBER: 899, STREET: 'W. Evelyn' }]]);
    expect(await rowsOf(e, 'SHOW TYPES;')).toEqual([
      ['ADDRESS', 'STRUCT<`NUMBER` INTEGER, `STREET` STRING>'],
      ['PERSON', 'STRUCT<`NAME` STRING, `HOME` STRUCT<`NUMBER` INTEGER, `STREET` STRING>>'],
    ]);
  });

  it('a second CREATE TYPE of a name is refused (IF NOT EXISTS: a message); DROP TYPE forgets it', async () => {
    const e = (engine = await Engine.create({ properties: props }));
    await e.executeScript(TYPES);
    await expect(e.executeScript('CREATE TYPE address AS STRUCT<x INT>;'))
      .rejects.toThrow("Cannot register custom type 'ADDRESS' since it is already registered with type: STRUCT<`NUMBER` INTEGER, `STREET` STRING>");
    const [r] = await e.executeScript('CREATE TYPE IF NOT EXISTS address AS STRUCT<x INT>;');
    expect(r).toMatchObject({ kind: 'message', message: 'Type ADDRESS already exists.' });
    await e.executeScript('DROP TYPE address;');
    await expect(e.executeScript("CREATE STREAM s (a ADDRESS) WITH (kafka_topic='s', value_format='JSON', partitions=1);")).rejects.toThrow("unknown type 'ADDRESS'");
    await expect(e.executeScript('DROP TYPE address;')).rejects.toThrow('Type ADDRESS does not exist.');
    await e.executeScript('DROP TYPE IF EXISTS address;');
    expect(await rowsOf(e, 'SHOW TYPES;')).toHaveLength(1);
  });

  it('a script may use the types it creates; an unknown type name is a parse error at its place', () => {
    expect(parseScript(`${TYPES}\nCREATE STREAM s (p PERSON) WITH (kafka_topic='s', value_format='JSON');`).errors).toEqual([]);
    const { errors } = parseScript("CREATE STREAM s (p PERSN) WITH (kafka_topic='s', value_format='JSON');");
    expect(errors.map((x) => [x.message, x.position?.column])).toEqual([["unknown type 'PERSN'", 20]]);
  });

  it('a service keeps its types: a restarted instance replays them before the statements that use them', async () => {
    const log = new MemoryLog();
    const first = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await first.executeScript(`${TYPES}
      CREATE STREAM people (k STRING KEY, p PERSON) WITH (kafka_topic='people', value_format='JSON', partitions=1);
      CREATE STREAM homes AS SELECT k, p->home AS home FROM people;`);
    await first.close();
    const second = (engine = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props }));
    expect((await rowsOf(second, 'SHOW TYPES;')).map((r) => r[0])).toEqual(['ADDRESS', 'PERSON']);
    await second.executeScript("INSERT INTO people (k, p) VALUES ('b', STRUCT(name := 'kim', home := STRUCT(number := 1, street := 'Main')));");
    expect(await rowsOf(second, 'SELECT * FROM homes EMIT CHANGES LIMIT 1;')).toEqual([['b', { NUMBER: 1, STREET: 'Main' }]]);
  });
});
