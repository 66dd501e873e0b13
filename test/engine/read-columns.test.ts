// A query decodes only the value columns it reads (read-columns.ts): its output is what reading
// them all gives, and a bad value in a column it does not read still fails the record, with the
// same processing-log entry. Queries reading different columns of one topic share no decoded row
// they could not use.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { readValueColumns } from '../../src/runtime/read-columns.js';
import type { SourceStep } from '../../src/plan/physical-plan.js';

const records = [
  '{"A":1,"B":"x","C":2.5,"D":true}',
  '{"A":2,"B":"y","C":"not a number","D":false}', // C is DOUBLE: the record fails, read or not
  '{"a":3,"b":"z","c":4.5,"d":null}', // lower-case keys match as in ksqlDB
  '{"A":4,"B":"w","C":6.5,"D":"maybe"}', // D is BOOLEAN
];

async function run(select: string): Promise<{ rows: string[]; problems: string[] }> {
  const problems: string[] = [];
  const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' }, onProcessingLog: (x) => problems.push(`${x.offset}: ${x.message}`) });
  try {
    await e.executeScript(`CREATE STREAM s (id INT KEY, a INT, b STRING, c DOUBLE, d BOOLEAN) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM out AS ${select};`);
    await e.log.produce('s', records.map((v, i) => ({ key: Buffer.from([0, 0, 0, i]), value: Buffer.from(v) })));
    await e.settle();
    const [end] = await e.log.endOffsets('OUT');
    const rows = (await e.log.read('OUT', 0, 0, end)).map((r) => Buffer.from(r.value!).toString());
    return { rows, problems };
  } finally {
    await e.close();
  }
}

describe('reading only the columns a query uses', () => {
  it('gives the rows and errors reading every column gives', async () => {
    const all = await run('SELECT id, a, b, c, d, a + 1 AS a1 FROM s WHERE a > 0');
    const some = await run('SELECT id, a + 1 AS a1 FROM s WHERE a > 0');
    expect(some.rows).toEqual(['{"A1":2}', '{"A1":4}']);
    expect(all.rows.map((r) => JSON.parse(r).A1)).toEqual([2, 4]);
    expect(some.problems).toEqual(all.problems);
    expect(some.problems).toHaveLength(2);
  });

  it('reads the columns of the projection and the filters below it, and a TIMESTAMP column', () => {
    const source = { kind: 'source', output: 'STREAM', schema: { key: [{ name: 'ID' }], value: [{ name: 'A' }, { name: 'B' }, { name: 'T' }] } } as unknown as SourceStep;
    const col = (index: number) => ({ kind: 'Column', index, name: '' }) as never;
    expect(readValueColumns(source, [col(1)])).toEqual([true, false, false]);
    expect(readValueColumns(source, [col(0), { kind: 'Negate', operand: col(2) } as never])).toEqual([false, true, false]);
    expect(readValueColumns({ ...source, timestampColumn: 'T' }, [col(1)])).toEqual([true, false, true]);
    expect(readValueColumns(source, [col(1), col(2), col(3)])).toBeUndefined(); // all of them
    expect(readValueColumns(source, undefined)).toBeUndefined(); // rows flow on whole
    expect(readValueColumns({ ...source, output: 'TABLE' }, [col(1)])).toBeUndefined(); // tables keep whole rows
  });
});
