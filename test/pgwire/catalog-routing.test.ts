// Which statements are Postgres' (answered by the catalog) and which are Eddy's (undefined),
// and the drivers' catalog lookups answered with Postgres 15's shapes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { answerPostgresQuery, type CatalogAnswer, type PgSessionInfo } from '../../server/pgwire/catalog/postgres-query.js';

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.create();
  await engine.executeScript(`CREATE STREAM s (id INT KEY, name STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);
    CREATE STREAM pg_like (id INT KEY) WITH (kafka_topic='pg_like', value_format='JSON', partitions=1);`);
});
afterAll(async () => engine.close());

function session(): PgSessionInfo {
  const settings = new Map([['application_name', 'test'], ['datestyle', 'ISO, MDY'], ['timezone', 'UTC']]);
  return { user: 'eddy', database: 'eddy', get applicationName() { return settings.get('application_name') ?? ''; }, settings, pid: 7 };
}

const answer = (sql: string, s = session()): CatalogAnswer | undefined => answerPostgresQuery(sql, { engine, session: s });

describe('routing', () => {
  it.each([
    'SHOW STREAMS', 'show tables extended', 'LIST TOPICS', 'SHOW ALL TOPICS', 'SHOW PROPERTIES', 'SHOW FUNCTIONS',
    "SET 'auto.offset.reset' = 'earliest'", 'SELECT * FROM s', 'select id from s where name = \'pg_catalog.x\'',
    'SELECT * FROM pg_like', 'DESCRIBE s', 'INSERT INTO s (id) VALUES (1)', 'BEGIN', '',
  ])('leaves %j to Eddy', (sql) => {
    expect(answer(sql)).toBeUndefined();
  });

  it.each([
    ['SET extra_float_digits = 3', 'SET'], ["SET application_name = 'PostgreSQL JDBC Driver'", 'SET'], ['SET SESSION timezone TO \'UTC\'', 'SET'],
    ['RESET ALL', 'RESET'], ['set local statement_timeout = 0;', 'SET'],
  ])('answers %j with the tag %s', (sql, tag) => {
    expect(answer(sql)).toMatchObject({ kind: 'command', tag });
  });

  it('refuses other catalog reads with 0A000 rather than guess their shape', () => {
    for (const sql of ['SELECT * FROM pg_catalog.pg_type', 'select relname from pg_class', 'SELECT table_name FROM information_schema.tables']) {
      expect(answer(sql)).toMatchObject({ kind: 'error', code: '0A000' });
    }
  });
});

describe('settings', () => {
  it('reports the settings clients track, with their new value', () => {
    const s = session();
    expect(answer("SET application_name = 'x'", s)).toEqual({ kind: 'command', tag: 'SET', reported: [['application_name', 'x']] });
    expect(answer('SET extra_float_digits = 3', s)).toEqual({ kind: 'command', tag: 'SET' });
    expect(answer('SET datestyle = iso, dmy', s)).toEqual({ kind: 'command', tag: 'SET', reported: [['DateStyle', 'ISO, DMY']] });
    expect(answer('RESET ALL', s)).toMatchObject({ kind: 'command', tag: 'RESET', reported: expect.arrayContaining([['application_name', 'test'], ['DateStyle', 'ISO, MDY']]) });
  });

  it('lists: search_path items are quoted when they need it, DateStyle\'s are keywords', () => {
    const s = session();
    answer("SET search_path = public, \"$user\", 'Mixed'", s);
    expect(answer('SHOW search_path', s)).toMatchObject({ result: { rows: [['public, "$user", "Mixed"']] } });
    answer("SET DateStyle TO 'ISO, DMY'", s);
    expect(answer('SHOW datestyle', s)).toMatchObject({ result: { columns: [{ name: 'DateStyle', oid: 25 }], rows: [['ISO, DMY']] } });
    answer('SET DateStyle = ISO', s); // the order stays
    expect(answer('SHOW datestyle', s)).toMatchObject({ result: { rows: [['ISO, DMY']] } });
  });

  it('SET LOCAL and SET TRANSACTION check the value but change nothing outside a transaction', () => {
    const s = session();
    expect(answer('SET LOCAL statement_timeout = 5000', s)).toEqual({ kind: 'command', tag: 'SET' });
    expect(s.settings.has('statement_timeout')).toBe(false);
    expect(answer('SET LOCAL statement_timeout = -1', s)).toMatchObject({ kind: 'error', code: '22023' });
    expect(answer('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE', s)).toEqual({ kind: 'command', tag: 'SET' });
  });

  it('pgjdbc\'s setTransactionIsolation changes SHOW TRANSACTION ISOLATION LEVEL', () => {
    const s = session();
    answer('SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ', s);
    expect(answer('SHOW TRANSACTION ISOLATION LEVEL', s)).toEqual({
      kind: 'rows', result: { columns: [{ name: 'transaction_isolation', oid: 25 }], rows: [['repeatable read']], tag: 'SHOW' },
    });
  });

  it('current_setting and set_config read and write the same settings', () => {
    const s = session();
    const r = answer("select set_config('search_path', 'public', false), current_setting('search_path'), current_setting('nope.x', true)", s);
    expect(r).toMatchObject({ kind: 'rows', result: { rows: [['public', 'public', null]] } });
    expect(answer("select current_setting('nope')", s)).toMatchObject({ kind: 'error', code: '42704' });
  });
});

describe('constant SELECTs', () => {
  it('gives Postgres\' column names and types', () => {
    const r = answer("SELECT 1, 3000000000, 1.5, 'a', true, null, 1::text, version()::text, current_user AS who, pg_backend_pid()");
    expect(r?.kind).toBe('rows');
    if (r?.kind !== 'rows') return;
    expect(r.result.columns.map((c) => [c.name, c.oid])).toEqual([
      ['?column?', 23], ['?column?', 20], ['?column?', 1700], ['?column?', 25], ['?column?', 16], ['?column?', 25],
      ['text', 25], ['version', 25], ['who', 19], ['pg_backend_pid', 23]]);
    expect(r.result.rows[0].slice(0, 7)).toEqual(['1', '3000000000', '1.5', 'a', 't', null, '1']);
    expect(r.result.rows[0][9]).toBe('7');
    expect(r.result.tag).toBe('SELECT 1');
  });

  it('now() follows the session\'s TimeZone', () => {
    const s = session();
    answer("SET TIME ZONE 'Asia/Kolkata'", s);
    const r = answer('select now()', s);
    expect(r).toMatchObject({ kind: 'rows', result: { columns: [{ name: 'now', oid: 1184 }] } });
    expect(r?.kind === 'rows' && r.result.rows[0][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+05:30$/);
  });

  it('reads strings as strings: a quoted comma or parenthesis is no separator', () => {
    expect(answer("SELECT '(', 'a, b' AS x")).toMatchObject({ kind: 'rows', result: { rows: [['(', 'a, b']] } });
    expect(answer("SELECT 'from'")).toMatchObject({ kind: 'rows', result: { rows: [['from']] } });
  });

  it('leaves what it cannot evaluate to Eddy, whose parser says where it is wrong (a typo such as FROMM)', () => {
    expect(answer('SELECT 1 + 1')).toBeUndefined();
    expect(answer('SELECT nosuch()')).toBeUndefined();
    expect(answer('SELECT id FROMM orders')).toBeUndefined();
  });
});

describe('drivers\' type lookups', () => {
  it('postgres.js 3: each built-in type with its array type, as Postgres 15', () => {
    // The text postgres.js 3.4 sends at connect (reference transcript 06).
    const r = answer(" select b.oid, b.typarray from pg_catalog.pg_type a left join pg_catalog.pg_type b on b.oid = a.typelem where a.typcategory = 'A' group by b.oid, b.typarray order by b.oid ");
    expect(r?.kind).toBe('rows');
    if (r?.kind !== 'rows') return;
    expect(r.result.columns).toEqual([{ name: 'oid', oid: 26 }, { name: 'typarray', oid: 26 }]);
    expect(r.result.rows).toContainEqual(['23', '1007']);
    expect(r.result.rows).toContainEqual(['25', '1009']);
    expect(r.result.rows).toContainEqual(['1700', '1231']);
    expect(r.result.rows.length).toBe(86);
  });

  it('psycopg2 (SQLAlchemy at connect): no hstore type', () => {
    const r = answer("SELECT t.oid, typarray\nFROM pg_type t JOIN pg_namespace ns\n    ON typnamespace = ns.oid\nWHERE typname = 'hstore';\n");
    expect(r).toEqual({ kind: 'rows', result: { columns: [{ name: 'oid', oid: 26 }, { name: 'typarray', oid: 26 }], rows: [], tag: 'SELECT 0' } });
  });

  it('postgres.js 4: no domains and no user-defined array types', () => {
    const r = answer("select oid::int, typelem::int as element, typdelim as delimiter, typbasetype::int as base, typtype as kind from pg_catalog.pg_type where typtype = 'd' or (typcategory = 'A' and oid >= 16384)");
    expect(r).toEqual({
      kind: 'rows',
      result: { columns: [{ name: 'oid', oid: 23 }, { name: 'element', oid: 23 }, { name: 'delimiter', oid: 18 }, { name: 'base', oid: 23 }, { name: 'kind', oid: 18 }], rows: [], tag: 'SELECT 0' },
    });
  });
});
