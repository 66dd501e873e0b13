// $n parameters of the extended protocol: which `$n` are parameters, the types ParameterDescription
// reports (postgres.js and psycopg encode values by them), and statements bound with the values
// clients send (node-postgres: all text, types inferred; pgjdbc and psycopg: binary ints and more)
// that the engine then runs: rows go in and come back with the exact values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import { bindParameters, inferParameterTypes, parameterCount } from '../../server/pgwire/parameters.js';
import { PgProtocolError } from '../../server/pgwire/sqlstate.js';

let engine: Engine;

const STREAM = `CREATE STREAM t (id INT KEY, name STRING, big BIGINT, price DOUBLE, amount DECIMAL(10, 2), ok BOOLEAN,
  data BYTES, day DATE, tm TIME, ts TIMESTAMP, tags ARRAY<STRING>, attrs MAP<STRING, INT>)
  WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=1);`;
const TABLE = `CREATE TABLE u (uid INT PRIMARY KEY, label STRING) WITH (KAFKA_TOPIC='u', VALUE_FORMAT='JSON', PARTITIONS=1);`;

beforeAll(async () => {
  engine = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  await engine.executeScript(STREAM + TABLE);
}, 30_000);
afterAll(async () => { await engine?.close(); });

const types = (sql: string, declared: number[] = []) => inferParameterTypes(sql, declared, engine);

/** What the server does for a text-format Bind (node-postgres): types inferred, values as text. */
function bindText(sql: string, values: (string | null)[], declared: number[] = []): string {
  return bindParameters(sql, values.map((v) => (v === null ? null : Buffer.from(v, 'utf8'))), values.map(() => 0), types(sql, declared));
}

async function runBound(sql: string): Promise<StatementResult> {
  const results = await engine.executeScript(sql);
  return results[results.length - 1];
}

async function rowsOf(sql: string): Promise<unknown[][]> {
  const r = await runBound(sql);
  if (r.kind !== 'rows') throw new Error(`expected rows, got ${r.kind}`);
  return r.rows;
}

/** The rows of a parameterised pull query, all values sent as text. */
const query = (sql: string, values: (string | null)[]) => rowsOf(bindText(sql, values));

function errorOf(f: () => unknown): PgProtocolError {
  try {
    f();
  } catch (e) {
    if (e instanceof PgProtocolError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('which $n are parameters', () => {
  it('counts the highest $n used', () => {
    expect(parameterCount('SELECT * FROM t WHERE id = $1 AND name = $3')).toBe(3);
    expect(parameterCount('SELECT * FROM t')).toBe(0);
    expect(parameterCount('SELECT * FROM t WHERE id=$12')).toBe(12);
  });

  it('skips $n in strings, quoted names, comments, and ${variables}', () => {
    const sql = `SELECT '$1', 'it''s $2', "$3", \`$4\` -- $5
      /* $6 */ FROM t WHERE name = '\${x}' AND id = $\${y} AND id = \${z} AND big = $7`;
    expect(parameterCount(sql)).toBe(7);
    expect(parameterCount(`SELECT '$1' FROM t -- $2`)).toBe(0);
    // An unterminated string hides the rest.
    expect(parameterCount(`SELECT 'abc $1`)).toBe(0);
  });

  it('refuses $0 and numbers beyond what Bind can carry, as Postgres does (42P02)', () => {
    for (const sql of ['SELECT $0', 'SELECT $65536']) {
      const e = errorOf(() => parameterCount(sql));
      expect(e.code).toBe('42P02');
      expect(e.message).toBe(`there is no parameter ${sql.slice(7)}`);
    }
  });
});

describe('parameter types', () => {
  it('takes the type of the column a parameter is compared with, on either side', () => {
    expect(types('SELECT * FROM t WHERE id = $1 AND $2 < price AND big <> $3 AND $4 >= amount AND ok = $5'))
      .toEqual([23, 701, 20, 1700, 16]);
    expect(types('SELECT * FROM t WHERE day = $1 OR tm > $2 OR ts <= $3 OR data = $4 OR name = $5'))
      .toEqual([1082, 1083, 1114, 17, 25]);
  });

  it('types IN lists, BETWEEN, LIKE, LIMIT, NOT and bare conditions', () => {
    expect(types('SELECT * FROM t WHERE id IN ($1, $2) AND ts BETWEEN $3 AND $4 AND name LIKE $5 LIMIT $6'))
      .toEqual([23, 23, 1114, 1114, 25, 20]);
    expect(types('SELECT * FROM t WHERE $1 BETWEEN price AND 10')).toEqual([701]);
    expect(types('SELECT * FROM t WHERE NOT $1 AND $2')).toEqual([16, 16]);
    expect(types('SELECT * FROM t WHERE $1')).toEqual([16]);
  });

  it('takes the target column types of INSERT VALUES, listed or in the source column order', () => {
    expect(types('INSERT INTO t (ts, id, amount, ROWTIME) VALUES ($1, $2, $3, $4)')).toEqual([1114, 23, 1700, 20]);
    expect(types('INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)'))
      .toEqual([23, 25, 20, 701, 1700, 16, 17, 1082, 1083, 1114, 114, 114]);
    expect(types('INSERT INTO u (uid, label) VALUES ($1, $2)')).toEqual([23, 25]);
  });

  it('types against expressions: arithmetic, functions, aggregates, subscripts', () => {
    expect(types('SELECT * FROM t WHERE price * 2 > $1 AND UCASE(name) = $2 AND price * $3 > 1')).toEqual([701, 25, 701]);
    expect(types('SELECT SUBSTRING(name, $1, $2), IFNULL(price, $3), ARRAY_CONTAINS(tags, $4) FROM t')).toEqual([23, 23, 701, 25]);
    expect(types('SELECT id, COUNT(*) FROM t GROUP BY id HAVING COUNT(*) > $1 AND SUM(price) < $2')).toEqual([20, 701]);
    expect(types('SELECT tags[$1], attrs[$2] FROM t')).toEqual([23, 25]);
    expect(types('SELECT CASE WHEN $1 THEN price ELSE $2 END FROM t')).toEqual([16, 701]);
    // Through arithmetic only when nothing closer says: `price * $1 > 1` is a DOUBLE, not the INTEGER 1.
    expect(types('SELECT * FROM t WHERE price = $1 + -$2 AND price * $3 > 1')).toEqual([701, 701, 701]);
  });

  it('resolves columns of joined sources by alias', () => {
    expect(types('SELECT * FROM t a JOIN u b ON a.id = b.uid WHERE b.label = $1 AND a.amount > $2')).toEqual([25, 1700]);
  });

  it('keeps a declared type, and gives text where nothing says otherwise', () => {
    expect(types('SELECT * FROM t WHERE id = $1 AND name = $2', [20, 0])).toEqual([20, 25]);
    expect(types('SELECT * FROM t WHERE id = $1', [0, 1082])).toEqual([23, 1082]); // more declared than used
    expect(types('SELECT $1 FROM t')).toEqual([25]);
    expect(types('SELECT * FROM nowhere WHERE a = $1')).toEqual([25]);
    expect(types('SELEKT $1 $2')).toEqual([25, 25]);
    expect(types('SELECT * FROM t WHERE id = $2')).toEqual([25, 23]); // $1 unused
  });
});

describe('binding values the engine runs', () => {
  const ALL = 'INSERT INTO t (id, name, big, price, amount, ok, data, day, tm, ts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)';
  const READ = 'SELECT name, big, price, amount, ok, data, day, tm, ts FROM t WHERE id = $1';

  it('inserts text values of every type (node-postgres) and reads them back exactly', async () => {
    const name = `it's "quoted" -- not a comment /* nor this */ \${x} $1 ✓`;
    await runBound(bindText(ALL, ['101', name, '-9007199254740991', '-1.5', '-12.34', 't', '\\x00ff10', '1999-12-31',
      '23:59:59.999', '2024-01-02 03:04:05.678']));
    const [row] = await query(READ, ['101']);
    expect(row[0]).toBe(name);
    expect(row.slice(1, 3)).toEqual([-9007199254740991, -1.5]);
    expect(String(row[3])).toBe('-12.34');
    expect(row[4]).toBe(true);
    expect(Buffer.from(row[5] as Uint8Array).toString('hex')).toBe('00ff10');
    expect(row.slice(6)).toEqual([Date.parse('1999-12-31') / 86400000, 86399999, Date.parse('2024-01-02T03:04:05.678Z')]);
  });

  it('binds NULL as NULL', async () => {
    await runBound(bindText(ALL, ['102', null, null, null, null, null, null, null, null, null]));
    expect(await query(READ, ['102'])).toEqual([[null, null, null, null, null, null, null, null, null]]);
  });

  it('reads the spellings Postgres accepts: booleans, NaN and infinities, ISO timestamps with offsets', async () => {
    const insert = 'INSERT INTO t (id, ok, price, ts) VALUES ($1, $2, $3, $4)';
    await runBound(bindText(insert, ['103', ' OFF ', 'NaN', '2024-01-02T03:04:05.678+01:00']));
    await runBound(bindText(insert, ['104', 'yes', '-Infinity', '2024-01-02 02:04:05.678Z']));
    await runBound(bindText(insert, ['105', '1', '1e-7', '2024-01-02 02:04:05.678123']));
    const rows = await query('SELECT id, ok, price, ts FROM t WHERE id BETWEEN $1 AND $2', ['103', '105']);
    const ts = Date.parse('2024-01-02T02:04:05.678Z');
    expect(rows.map((r) => r.slice(0, 2))).toEqual([[103, false], [104, true], [105, true]]);
    expect(rows.map((r) => r[2])).toEqual([NaN, -Infinity, 1e-7]);
    expect(rows.map((r) => r[3])).toEqual([ts, ts, ts]);
  });

  it('reads bytea escapes, and json and uuid (declared by the client) as text', async () => {
    await runBound(bindText('INSERT INTO t (id, data, name) VALUES ($1, $2, $3)', ['106', 'a\\\\\\001', '{"k": [1, "\${v}"]}'], [0, 0, 114]));
    await runBound(bindText('INSERT INTO t (id, name) VALUES ($1, $2)', ['107', '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}'], [0, 2950]));
    await runBound(bindText('INSERT INTO t (id, data) VALUES ($1, $2)', ['108', '\\x']));
    const rows = await query('SELECT data, name FROM t WHERE id IN ($1, $2, $3)', ['106', '107', '108']);
    expect(Buffer.from(rows[0][0] as Uint8Array)).toEqual(Buffer.from([0x61, 0x5c, 0x01]));
    expect(rows.map((r) => r[1])).toEqual(['{"k": [1, "\${v}"]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', null]);
    expect(Buffer.from(rows[2][0] as Uint8Array).length).toBe(0);
  });

  it('binds values that compare with columns: timestamps, dates, booleans, numbers, IN lists', async () => {
    await runBound(bindText('INSERT INTO t (id, price, ok, day, ts, amount) VALUES ($1, $2, $3, $4, $5, $6)',
      ['110', '5', 'false', '2020-02-29', '2020-02-29 12:00:00', '7.5']));
    const ids = async (where: string, values: string[]) =>
      (await query(`SELECT id FROM t WHERE id >= 110 AND ${where}`, values)).map((r) => r[0]);
    expect(await ids('ts > $1', ['2020-02-29 11:59:59.999'])).toEqual([110]);
    expect(await ids('ts > $1', ['2020-02-29T12:00:00Z'])).toEqual([]);
    expect(await ids('day = $1', ['2020-02-29'])).toEqual([110]);
    expect(await ids('ok = $1 AND price BETWEEN $2 AND $3', ['f', '4.5', '5'])).toEqual([110]);
    expect(await ids('amount IN ($1, $2)', ['1', '7.50'])).toEqual([110]);
    // A negative value right after a minus sign stays arithmetic, not a -- comment.
    expect(await ids('price-$1 = 6', ['-1'])).toEqual([110]);
    expect(await ids('price = $1 + $1', ['2.5'])).toEqual([110]);
  });

  it('binds LIMIT as a bare number, and LIMIT NULL as no limit', async () => {
    await runBound(bindText('INSERT INTO t (id) VALUES ($1)', ['120']));
    await runBound(bindText('INSERT INTO t (id) VALUES ($1)', ['121']));
    expect(await query('SELECT id FROM t WHERE id >= $1 LIMIT $2', ['120', '1'])).toEqual([[120]]);
    expect(await query('SELECT id FROM t WHERE id >= $1 LIMIT $2', ['120', null])).toEqual([[120], [121]]);
  });

  it('inserts binary values (pgjdbc, psycopg) and reads them back exactly', async () => {
    const int4 = Buffer.alloc(4); int4.writeInt32BE(130);
    const int8 = Buffer.alloc(8); int8.writeBigInt64BE(-5n);
    const float8 = Buffer.alloc(8); float8.writeDoubleBE(0.1);
    const values = [
      int4, Buffer.from("o'neil"), int8, float8,
      Buffer.from('0002000040000004007b1194', 'hex'), // numeric -123.4500 (PG 15 numeric_send)
      Buffer.from([1]), Buffer.from([0xde, 0xad]),
      Buffer.from('ffffffff', 'hex'), // date 1999-12-31
      Buffer.from('00000002925fabb0', 'hex'), // time 03:04:05.678
      Buffer.from('fffc96188bb04178', 'hex'), // timestamp 1969-07-20 20:17:40.123
    ];
    const oids = [23, 1043, 20, 701, 1700, 16, 17, 1082, 1083, 1114];
    await runBound(bindParameters(ALL, values, values.map(() => 1), oids));
    const [row] = await query(READ, ['130']);
    expect(row.slice(0, 3)).toEqual(["o'neil", -5, 0.1]);
    expect(String(row[3])).toBe('-123.45');
    expect(row[4]).toBe(true);
    expect(Buffer.from(row[5] as Uint8Array).toString('hex')).toBe('dead');
    expect(row.slice(6)).toEqual([Date.parse('1999-12-31') / 86400000, 11045678, Date.parse('1969-07-20T20:17:40.123Z')]);
  });

  it('writes float4 values as the float they are', async () => {
    const float4 = Buffer.alloc(4); float4.writeFloatBE(1.1);
    await runBound(bindParameters('INSERT INTO t (id, price) VALUES ($1, $2)', [Buffer.from('140'), float4], [0, 1], [23, 700]));
    expect(await query('SELECT price FROM t WHERE id = $1', ['140'])).toEqual([[1.1]]);
  });
});

describe('bad parameter values', () => {
  const bad = (sql: string, values: (string | null)[], declared: number[] = []) => errorOf(() => bindText(sql, values, declared));

  it('reports text that is not of the parameter type as Postgres does (22P02)', () => {
    const cases: [string, string, string][] = [
      ['SELECT * FROM t WHERE id = $1', 'abc', 'invalid input syntax for type integer: "abc"'],
      ['SELECT * FROM t WHERE big = $1', '1.5', 'invalid input syntax for type bigint: "1.5"'],
      ['SELECT * FROM t WHERE price = $1', 'ten', 'invalid input syntax for type double precision: "ten"'],
      ['SELECT * FROM t WHERE amount = $1', '1,5', 'invalid input syntax for type numeric: "1,5"'],
      ['SELECT * FROM t WHERE ok = $1', 'maybe', 'invalid input syntax for type boolean: "maybe"'],
      ['SELECT * FROM t WHERE ts > $1', 'yesterday', 'invalid input syntax for type timestamp: "yesterday"'],
      ['SELECT * FROM t WHERE day > $1', '02/03/2024', 'invalid input syntax for type date: "02/03/2024"'],
      ['SELECT * FROM t WHERE data = $1', '\\xzz', 'invalid hexadecimal digit: "z"'],
    ];
    for (const [sql, value, message] of cases) {
      const e = bad(sql, [value]);
      expect([e.code, e.message]).toEqual(['22P02', message]);
    }
  });

  it('reports values out of range (22003, 22008)', () => {
    expect(bad('SELECT * FROM t WHERE id = $1', ['99999999999'])).toMatchObject({ code: '22003', message: 'value "99999999999" is out of range for type integer' });
    expect(bad('SELECT * FROM t WHERE price = $1', ['1e400'])).toMatchObject({ code: '22003', message: '"1e400" is out of range for type double precision' });
    expect(bad('SELECT * FROM t WHERE day = $1', ['2023-02-29'])).toMatchObject({ code: '22008', message: 'date/time field value out of range: "2023-02-29"' });
    expect(bad('SELECT * FROM t WHERE tm = $1', ['25:00'])).toMatchObject({ code: '22008' });
  });

  it('reports bad binary data with the parameter number (22P03), and missing values (08P01)', () => {
    const e = errorOf(() => bindParameters('SELECT * FROM t WHERE name = $1 AND id = $2', [Buffer.from('x'), Buffer.from([0, 1])], [0, 1], [25, 23]));
    expect([e.code, e.message]).toEqual(['22P03', 'incorrect binary data format in bind parameter 2']);
    const missing = errorOf(() => bindParameters('SELECT * FROM t WHERE id = $2', [Buffer.from('1')], [0], [23]));
    expect(missing.code).toBe('08P01');
  });

  it('refuses a negative LIMIT and a DECIMAL NaN', () => {
    expect(bad('SELECT * FROM t LIMIT $1', ['-1']).code).toBe('2201W');
    expect(bad('SELECT * FROM t WHERE amount = $1', ['NaN']).code).toBe('22P02');
  });
});
