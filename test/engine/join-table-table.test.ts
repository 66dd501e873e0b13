// Table-table joins on the primary key: every change on either side re-joins its key, emitting
// updates at the later row time and tombstones when a key stops joining.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, schemaOf, errorOf } from './join-helpers.js';

const SOURCES = `
  CREATE TABLE l (id INT PRIMARY KEY, a STRING) WITH (KAFKA_TOPIC='l', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE r (id INT PRIMARY KEY, b STRING) WITH (KAFKA_TOPIC='r', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
`;

// The same changes for every join type: l1, r1, l2, r3.
const CHANGES = `
  INSERT INTO l (ROWTIME, id, a) VALUES (10, 1, 'a1');
  INSERT INTO r (ROWTIME, id, b) VALUES (20, 1, 'b1');
  INSERT INTO l (ROWTIME, id, a) VALUES (30, 2, 'a2');
  INSERT INTO r (ROWTIME, id, b) VALUES (40, 3, 'b3');
`;

/** The sink records of a join of `type`, keyed by ROWKEY, over CHANGES. */
async function outputs(type: string): Promise<unknown[]> {
  await run(`${SOURCES}
    CREATE TABLE out AS SELECT ROWKEY AS k, l.a, r.b FROM l ${type} JOIN r ON l.id = r.id;
    ${CHANGES}
  `);
  return (await topicRecords('OUT')).map((x) => [x.key, x.value, x.ts]);
}

describe('table-table join', () => {
  it('INNER emits only keys present on both sides', async () => {
    await run(`${SOURCES}
      CREATE TABLE out AS SELECT l.id, l.a, r.b FROM l JOIN r ON l.id = r.id;
      ${CHANGES}
      INSERT INTO l (ROWTIME, id, a) VALUES (50, 1, 'a1x');
    `);
    expect((await topicRecords('OUT')).map((x) => [x.key, x.value, x.ts])).toEqual([
      ['1', { A: 'a1', B: 'b1' }, 20],
      ['1', { A: 'a1x', B: 'b1' }, 50],
    ]);
    expect(schemaOf('OUT')).toBe('`L_ID` INTEGER KEY, `A` STRING, `B` STRING');
  });

  it('LEFT emits left rows with or without a match', async () => {
    await run(`${SOURCES}
      CREATE TABLE out AS SELECT l.id, l.a, r.b FROM l LEFT JOIN r ON l.id = r.id;
      ${CHANGES}
    `);
    expect((await topicRecords('OUT')).map((x) => [x.key, x.value, x.ts])).toEqual([
      ['1', { A: 'a1', B: null }, 10],
      ['1', { A: 'a1', B: 'b1' }, 20],
      ['2', { A: 'a2', B: null }, 30],
    ]);
  });

  it('RIGHT emits right rows with or without a match', async () => {
    await run(`${SOURCES}
      CREATE TABLE out AS SELECT r.id, l.a, r.b FROM l RIGHT JOIN r ON l.id = r.id;
      ${CHANGES}
    `);
    expect((await topicRecords('OUT')).map((x) => [x.key, x.value, x.ts])).toEqual([
      ['1', { A: 'a1', B: 'b1' }, 20],
      ['3', { A: null, B: 'b3' }, 40],
    ]);
  });

  it('FULL OUTER keys the result by a synthetic ROWKEY', async () => {
    expect(await outputs('FULL OUTER')).toEqual([
      ['1', { A: 'a1', B: null }, 10],
      ['1', { A: 'a1', B: 'b1' }, 20],
      ['2', { A: 'a2', B: null }, 30],
      ['3', { A: null, B: 'b3' }, 40],
    ]);
    expect(schemaOf('OUT')).toBe('`K` INTEGER KEY, `A` STRING, `B` STRING');
  });

  it('emits a tombstone when a key stops joining', async () => {
    // A filter upstream of the join turns an update into a delete of the key.
    await run(`${SOURCES}
      CREATE TABLE lf AS SELECT * FROM l WHERE a <> 'gone';
      CREATE TABLE out AS SELECT lf.id, lf.a, r.b FROM lf JOIN r ON lf.id = r.id;
      INSERT INTO l (ROWTIME, id, a) VALUES (10, 1, 'a1');
      INSERT INTO r (ROWTIME, id, b) VALUES (20, 1, 'b1');
      INSERT INTO l (ROWTIME, id, a) VALUES (30, 1, 'gone');
    `);
    expect((await topicRecords('OUT')).map((x) => [x.key, x.value, x.ts])).toEqual([
      ['1', { A: 'a1', B: 'b1' }, 20],
      ['1', null, 30],
    ]);
  });

  it('rejects a join on a non-key column of the right table', async () => {
    await run(SOURCES);
    expect(await errorOf('CREATE TABLE x AS SELECT l.id, r.b FROM l JOIN r ON l.id = r.b;'))
      .toContain('Invalid join condition: table-table joins require to join on the primary key of the right input table. Got L.ID = R.B.');
    expect(await errorOf('CREATE TABLE y AS SELECT l.id, r.b FROM l JOIN r WITHIN 1 SECOND ON l.id = r.id;'))
      .toContain('A window definition was provided for a Table-Table join.');
  });
});
