// Every bad statement fails with a SqlError at a position, and a failed statement changes
// nothing: no source, no topic, no query left behind.
import { describe, it, expect, afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import type { AggregateFunction } from '../../udfs/types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { asSqlError } from '../../src/engine/execute-statement.js';
import { parseStatement } from '../../grammar/index.js';
import { rowsOf } from './engine-helpers.js';

let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

async function start(o: Parameters<typeof Engine.create>[0] = {}): Promise<Engine> {
  engine = await Engine.create({ ...o, properties: { 'auto.offset.reset': 'earliest', ...(o.properties ?? {}) } });
  await engine.executeScript(`
    CREATE STREAM s (id INT KEY, a INT, arr ARRAY<INT>) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
    INSERT INTO s (id, a, arr) VALUES (1, 2, ARRAY[1]);`);
  return engine;
}

/** The SqlError a statement fails with (the test fails if it succeeds or throws anything else). */
async function failure(e: Engine, sql: string): Promise<SqlError> {
  try {
    await e.executeScript(sql);
  } catch (err) {
    if (err instanceof SqlError) return err;
    throw new Error(`expected a SqlError, got ${String(err)}`);
  }
  throw new Error(`expected ${sql.slice(0, 80)} to fail`);
}

/** What SHOW STREAMS, TABLES, TOPICS and QUERIES list: a failed statement must not change it. */
async function everything(e: Engine): Promise<unknown> {
  const res = await e.executeScript('SHOW STREAMS; SHOW TABLES; SHOW TOPICS; SHOW QUERIES;');
  return Promise.all(res.map(rowsOf));
}

describe('statements too deep for the stack', () => {
  const sum = (n: number): string => Array(n).fill('a').join(' + ');

  it('a 10,000-term sum fails with a parse error at a position, in SELECT, CSAS, WHERE and EXPLAIN', async () => {
    const e = await start();
    for (const sql of [
      `SELECT ${sum(10000)} AS x FROM s EMIT CHANGES;`,
      `CREATE STREAM o AS SELECT ${sum(10000)} AS x FROM s;`,
      `CREATE STREAM o AS SELECT a FROM s WHERE ${Array(10000).fill('a = 1').join(' OR ')};`,
      `EXPLAIN SELECT ${sum(10000)} AS x FROM s EMIT CHANGES;`,
    ]) {
      const err = await failure(e, sql);
      expect(err.code).toBe('PARSE_ERROR');
      expect(err.message).toMatch(/nested too deeply \(limit \d+\)/);
      expect(err.position?.line).toBe(1);
    }
  });

  it('a 10,000-deep subscript chain fails with a parse error at a position', async () => {
    const e = await start();
    const err = await failure(e, `SELECT arr${'[1]'.repeat(10000)} FROM s EMIT CHANGES;`);
    expect(err.code).toBe('PARSE_ERROR');
    expect(err.position).toBeDefined();
  });

  it('10,000 nested NOTs or parentheses fail with a parse error at a position', async () => {
    const e = await start();
    for (const x of ['NOT '.repeat(10000) + 'true', '('.repeat(10000) + 'a' + ')'.repeat(10000)]) {
      const err = await failure(e, `SELECT ${x} FROM s EMIT CHANGES;`);
      expect(err.code).toBe('PARSE_ERROR');
      expect(err.position).toBeDefined();
    }
  });

  it('a long sum under the limit still plans, explains and runs', async () => {
    const e = await start();
    await e.executeScript(`CREATE STREAM o AS SELECT id, ${sum(900)} AS x FROM s; EXPLAIN SELECT ${sum(900)} FROM s EMIT CHANGES;`);
    const res = await e.executeScript('SELECT x FROM o EMIT CHANGES LIMIT 1;');
    expect(await rowsOf(res[0])).toEqual([[1800]]);
  });
});

describe('a failed CREATE ... AS SELECT leaves nothing behind', () => {
  it('MAX(NULL) fails with a function error at the NULL; the same CREATE with a typed argument then succeeds', async () => {
    const e = await start();
    const before = await everything(e);
    const err = await failure(e, 'CREATE TABLE t AS SELECT id, MAX(NULL) AS m FROM s GROUP BY id;');
    expect(err.code).toBe('FUNCTION_ARGS');
    expect(err.position?.column).toBe(34);
    expect(await everything(e)).toEqual(before);
    await e.executeScript('CREATE TABLE t AS SELECT id, MAX(a) AS m FROM s GROUP BY id;');
    const rows = await rowsOf((await e.executeScript('SELECT * FROM t;'))[0]);
    expect(rows).toEqual([[1, 2]]);
  });

  it('a CREATE TABLE AS SELECT whose query fails to start leaves no table or topic, and can be retried', async () => {
    // An aggregate that plans but cannot be built the second time: the failure comes after the
    // sink was registered and its topic created, and must undo both.
    let creates = 0;
    const flaky: AggregateFunction = {
      kind: 'aggregate', name: 'FLAKY_SUM', category: 'test', description: 'Fails to start once.', examples: [],
      overloads: [{
        params: [{ name: 'x', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' },
        create: () => {
          creates++;
          if (creates === 2) throw new TypeError('cannot start');
          return { initial: () => 0, add: (acc, [v]) => (acc as number) + ((v as number) ?? 0), result: (acc) => acc };
        },
      }],
    };
    const e = await start({ registry: new FunctionRegistry([...builtinFunctions, flaky]) });
    const before = await everything(e);
    const err = await failure(e, 'CREATE TABLE t AS SELECT id, FLAKY_SUM(a) AS m FROM s GROUP BY id;');
    expect(err.code).toBe('INTERNAL');
    expect(err.position).toBeDefined();
    expect(await everything(e)).toEqual(before);
    await e.executeScript('CREATE TABLE t AS SELECT id, FLAKY_SUM(a) AS m FROM s GROUP BY id;');
    expect(await rowsOf((await e.executeScript('SELECT * FROM t;'))[0])).toEqual([[1, 2]]);
  });
});

describe('topic properties are checked before anything is created', () => {
  /** WITH properties, the error, and the property the error points at. */
  const bad: [string, RegExp, string][] = [
    ["KAFKA_TOPIC='a/b', PARTITIONS=1", /Topic name 'a\/b' is illegal/, 'KAFKA_TOPIC='],
    ["KAFKA_TOPIC='', PARTITIONS=1", /Topic name '' is illegal: it is empty/, 'KAFKA_TOPIC='],
    [`KAFKA_TOPIC='${'x'.repeat(250)}', PARTITIONS=1`, /over Kafka's limit of 249/, 'KAFKA_TOPIC='],
    ["KAFKA_TOPIC='..', PARTITIONS=1", /cannot be '.' or '..'/, 'KAFKA_TOPIC='],
    ["KAFKA_TOPIC='ok', PARTITIONS=0", /PARTITIONS: 0: expected a whole number/, 'PARTITIONS='],
    ["KAFKA_TOPIC='ok', PARTITIONS=1.5", /PARTITIONS: 1.5: expected a whole number/, 'PARTITIONS='],
    ["KAFKA_TOPIC='ok', PARTITIONS=1, REPLICAS=0", /REPLICAS: 0: expected a whole number/, 'REPLICAS='],
  ];

  it('CREATE STREAM with an illegal topic name, PARTITIONS or REPLICAS fails at the property and creates nothing', async () => {
    const e = await start();
    const before = await everything(e);
    for (const [props, message, at] of bad) {
      const sql = `CREATE STREAM z (a INT) WITH (${props}, VALUE_FORMAT='JSON');`;
      const err = await failure(e, sql);
      expect(err.code, sql).toBe('INVALID_PROPERTY');
      expect(err.message).toMatch(message);
      expect(err.position?.offset, sql).toBe(sql.indexOf(at) + at.length);
    }
    expect(await everything(e)).toEqual(before);
  });

  it('CREATE STREAM AS SELECT with an illegal topic name or PARTITIONS fails and creates nothing', async () => {
    const e = await start();
    const before = await everything(e);
    for (const [props, message] of bad) {
      const err = await failure(e, `CREATE STREAM z WITH (${props}) AS SELECT * FROM s;`);
      expect(err.code).toBe('INVALID_PROPERTY');
      expect(err.message).toMatch(message);
    }
    const named = await failure(e, 'CREATE STREAM `a/b` AS SELECT * FROM s;');
    expect(named.message).toMatch(/Topic name 'a\/b' is illegal/);
    expect(await everything(e)).toEqual(before);
  });
});

describe('error messages quote a short excerpt of huge text', () => {
  const huge = 'X'.repeat(100_000);

  it('an unknown 100 KB column, source, function or token is quoted in at most a few hundred characters', async () => {
    const e = await start();
    for (const sql of [
      `SELECT ${huge} FROM s EMIT CHANGES;`,
      `SELECT a FROM ${huge} EMIT CHANGES;`,
      `SELECT ${huge}(a) FROM s EMIT CHANGES;`,
      `SELECT a FROM s WHERE a = 1 ${huge} EMIT CHANGES;`,
      `CREATE STREAM z (a INT) WITH (KAFKA_TOPIC='${huge}', VALUE_FORMAT='JSON');`,
    ]) {
      const err = await failure(e, sql);
      expect(err.message.length, err.message.slice(0, 100)).toBeLessThan(500);
      expect(err.message).toContain('XXXX...');
      expect((err.snippet ?? '').length).toBeLessThan(500);
    }
  });

  it('a statement over eddy.statement.max.bytes fails before parsing, at its position', async () => {
    const e = await start({ properties: { 'eddy.statement.max.bytes': '1000' } });
    const err = await failure(e, `SHOW TOPICS;\nSELECT '${'y'.repeat(2000)}' FROM s EMIT CHANGES;`);
    expect(err.code).toBe('INVALID_STATEMENT');
    expect(err.message).toMatch(/over the limit of 1000 bytes \(property eddy\.statement\.max\.bytes\)/);
    expect(err.position?.line).toBe(2);
  });

  it('a 1 MB statement is refused by the default limit', async () => {
    const e = await start();
    const err = await failure(e, `SELECT '${'y'.repeat(1_000_000)}' FROM s EMIT CHANGES;`);
    expect(err.message).toMatch(/over the limit of \d+ bytes/);
  });
});

describe('the last line of defence', () => {
  it('a stack overflow or TypeError inside a statement comes out as an INTERNAL SqlError at the statement', () => {
    const stmt = parseStatement('SHOW TOPICS', { line: 3, column: 5, offset: 40 });
    const overflow = asSqlError(new RangeError('Maximum call stack size exceeded'), stmt);
    expect(overflow.code).toBe('INTERNAL');
    expect(overflow.message).toMatch(/nested too deeply/);
    expect(overflow.position).toMatchObject({ line: 3, column: 5 });
    const typeError = asSqlError(new TypeError('x is undefined'), stmt);
    expect(typeError.message).toMatch(/TypeError: x is undefined/);
    expect(typeError.position).toMatchObject({ line: 3, column: 5 });
  });
});
