import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../grammar/index.js';
import type { Query, Statement } from '../../grammar/ast.js';
import { withoutSpans } from './helpers.js';

const parse = (sql: string): Statement => withoutSpans(parseStatement(sql));
const query = (sql: string): Query => {
  const s = parse(sql);
  if (s.kind !== 'Query') throw new Error(`expected a query, got ${s.kind}`);
  return s.query;
};
const col = (name: string, qualifier?: string) => (qualifier ? { kind: 'ColumnRef', qualifier, name } : { kind: 'ColumnRef', name });

describe('CREATE STREAM / TABLE', () => {
  it('parses columns, constraints and properties', () => {
    expect(parse("CREATE STREAM s (id BIGINT KEY, name varchar, h BYTES HEADER('trace'), hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS) "
      + "WITH (kafka_topic='t', value_format='JSON', partitions=4, replicas=-1, ratio=0.5, wrap_single_value=false, x=NULL)")).toEqual({
      kind: 'CreateSource', sourceType: 'STREAM', name: 'S', orReplace: false, ifNotExists: false, readOnly: false,
      elements: [
        { name: 'ID', type: { kind: 'BIGINT' }, constraint: 'KEY' },
        { name: 'NAME', type: { kind: 'STRING' } },
        { name: 'H', type: { kind: 'BYTES' }, constraint: 'HEADER', headerKey: 'trace' },
        {
          name: 'HS', constraint: 'HEADERS',
          type: { kind: 'ARRAY', item: { kind: 'STRUCT', fields: [{ name: 'KEY', type: { kind: 'STRING' } }, { name: 'VALUE', type: { kind: 'BYTES' } }] } },
        },
      ],
      properties: {
        KAFKA_TOPIC: { value: 't' }, VALUE_FORMAT: { value: 'JSON' }, PARTITIONS: { value: 4 }, REPLICAS: { value: -1 },
        RATIO: { value: 0.5 }, WRAP_SINGLE_VALUE: { value: false }, X: { value: null },
      },
    });
  });

  it('parses the options: OR REPLACE, SOURCE, IF NOT EXISTS, PRIMARY KEY, no columns', () => {
    expect(parse("CREATE OR REPLACE SOURCE TABLE IF NOT EXISTS t (id INT PRIMARY KEY) WITH (kafka_topic='t')")).toMatchObject({
      kind: 'CreateSource', sourceType: 'TABLE', orReplace: true, readOnly: true, ifNotExists: true,
      elements: [{ name: 'ID', constraint: 'PRIMARY KEY' }],
    });
    expect(parse("CREATE TABLE t WITH (kafka_topic='t', format='AVRO')")).toMatchObject({ kind: 'CreateSource', elements: [] });
    expect(parse("CREATE STREAM IF (a INT) WITH (kafka_topic='x')")).toMatchObject({ name: 'IF', ifNotExists: false });
  });

  it('takes quoted property names and upper-cases them', () => {
    expect(parse("CREATE STREAM s (a INT) WITH ('kafka_topic'='t', `Value_Format`='JSON')")).toMatchObject({
      properties: { KAFKA_TOPIC: { value: 't' }, VALUE_FORMAT: { value: 'JSON' } },
    });
  });

  it('rejects KEY on tables and PRIMARY KEY on streams, as ksqlDB does', () => {
    expect(() => parseStatement("CREATE TABLE t (id INT KEY) WITH (kafka_topic='t')"))
      .toThrow("Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.");
    expect(() => parseStatement("CREATE STREAM s (id INT PRIMARY KEY) WITH (kafka_topic='t')"))
      .toThrow("Column `ID` is a 'PRIMARY KEY' column: please use 'KEY' for streams.");
  });

  it('parses CREATE ... AS SELECT', () => {
    expect(parse("CREATE OR REPLACE TABLE IF NOT EXISTS agg WITH (kafka_topic='out') AS SELECT k, COUNT(*) AS n FROM s GROUP BY k EMIT CHANGES")).toEqual({
      kind: 'CreateAsSelect', sourceType: 'TABLE', name: 'AGG', orReplace: true, ifNotExists: true,
      properties: { KAFKA_TOPIC: { value: 'out' } },
      query: {
        select: [
          { kind: 'SingleColumn', expr: col('K') },
          { kind: 'SingleColumn', expr: { kind: 'FunctionCall', name: 'COUNT', args: [], star: true }, alias: 'N' },
        ],
        from: { kind: 'SourceRef', name: 'S' },
        groupBy: [col('K')],
        emit: 'CHANGES',
      },
    });
    expect(() => parseStatement('CREATE STREAM s (a INT) AS SELECT * FROM t')).toThrow("unexpected 'AS'");
    expect(() => parseStatement('CREATE SOURCE STREAM s AS SELECT * FROM t')).toThrow("unexpected 'AS'");
  });
});

describe('INSERT', () => {
  it('parses INSERT INTO ... SELECT', () => {
    expect(parse("INSERT INTO out WITH (query_id='q1') SELECT * FROM s")).toEqual({
      kind: 'InsertInto', target: 'OUT', properties: { QUERY_ID: { value: 'q1' } },
      query: { select: [{ kind: 'AllColumns' }], from: { kind: 'SourceRef', name: 'S' } },
    });
  });

  it('parses INSERT VALUES with and without columns', () => {
    expect(parse("INSERT INTO s (id, `Name`) VALUES (1, 'a' || 'b')")).toEqual({
      kind: 'InsertValues', target: 'S', columns: ['ID', 'Name'],
      values: [{ kind: 'NumberLit', text: '1' }, { kind: 'Concat', left: { kind: 'StringLit', value: 'a' }, right: { kind: 'StringLit', value: 'b' } }],
    });
    expect(parse('INSERT INTO s VALUES (NULL)')).toEqual({ kind: 'InsertValues', target: 'S', values: [{ kind: 'NullLit' }] });
    expect(parse('INSERT INTO s VALUES ()')).toEqual({ kind: 'InsertValues', target: 'S', values: [] });
  });
});

describe('SELECT', () => {
  it('parses select items: *, qualified *, struct ->*, aliases with and without AS', () => {
    expect(query('SELECT *, t.*, s->*, a b, c AS d, e FROM t').select).toEqual([
      { kind: 'AllColumns' },
      { kind: 'AllColumns', qualifier: 'T' },
      { kind: 'AllColumns', structBase: col('S') },
      { kind: 'SingleColumn', expr: col('A'), alias: 'B' },
      { kind: 'SingleColumn', expr: col('C'), alias: 'D' },
      { kind: 'SingleColumn', expr: col('E') },
    ]);
    expect(() => parseStatement('SELECT a + s->* FROM t')).toThrow("'->*' is only allowed as a whole select item");
  });

  it('parses every clause in order', () => {
    expect(query('SELECT a FROM s WINDOW TUMBLING (SIZE 1 MINUTE) WHERE a > 0 GROUP BY a PARTITION BY b HAVING COUNT(*) > 1 EMIT FINAL LIMIT 10')).toEqual({
      select: [{ kind: 'SingleColumn', expr: col('A') }],
      from: { kind: 'SourceRef', name: 'S' },
      window: { kind: 'TUMBLING', sizeMs: 60_000 },
      where: { kind: 'Comparison', op: '>', left: col('A'), right: { kind: 'NumberLit', text: '0' } },
      groupBy: [col('A')],
      partitionBy: [col('B')],
      having: { kind: 'Comparison', op: '>', left: { kind: 'FunctionCall', name: 'COUNT', args: [], star: true }, right: { kind: 'NumberLit', text: '1' } },
      emit: 'FINAL',
      limit: 10,
    });
    expect(query('SELECT * FROM s')).toEqual({ select: [{ kind: 'AllColumns' }], from: { kind: 'SourceRef', name: 'S' } });
  });

  it('parses GROUP BY / PARTITION BY lists, parenthesized or not', () => {
    expect(query('SELECT * FROM s GROUP BY (a, b)').groupBy).toEqual([col('A'), col('B')]);
    expect(query('SELECT * FROM s GROUP BY (a), b').groupBy).toEqual([col('A'), col('B')]);
    expect(query('SELECT * FROM s GROUP BY ()').groupBy).toEqual([]);
    expect(query('SELECT * FROM s PARTITION BY a + 1, b').partitionBy).toHaveLength(2);
    expect(() => parseStatement('SELECT * FROM s GROUP BY a AND b')).toThrow();
    expect(() => parseStatement('SELECT * FROM s GROUP BY f3, (f2, f1)')).toThrow();
  });

  it('does not take a clause keyword for an alias', () => {
    expect(query('SELECT * FROM s PARTITION BY a').from).toEqual({ kind: 'SourceRef', name: 'S' });
    expect(query('SELECT * FROM s EMIT CHANGES')).toMatchObject({ from: { kind: 'SourceRef', name: 'S' }, emit: 'CHANGES' });
    expect(query('SELECT * FROM s AS emit').from).toEqual({ kind: 'SourceRef', name: 'S', alias: 'EMIT' });
  });

  it('parses joins, left-deep, with every join type and WITHIN form', () => {
    const q = query('SELECT * FROM a x JOIN b y WITHIN 10 SECONDS ON x.id = y.id '
      + 'LEFT OUTER JOIN c WITHIN (1 SECOND, 2 MINUTES) GRACE PERIOD 3 HOURS ON x.id = c.id '
      + 'RIGHT JOIN d ON d.id = x.id FULL OUTER JOIN e ON e.id = x.id INNER JOIN f ON f.id = x.id');
    const joins: string[] = [];
    let r = q.from;
    while (r.kind === 'Join') { joins.unshift(`${r.joinType} ${r.right.name}`); r = r.left; }
    expect(r).toEqual({ kind: 'SourceRef', name: 'A', alias: 'X' });
    expect(joins).toEqual(['INNER B', 'LEFT C', 'RIGHT D', 'FULL E', 'INNER F']);
    const second = (q.from as { left: { left: { left: { left: unknown } } } }).left.left.left as { within: unknown; left: { within: unknown } };
    expect(second.within).toEqual({ beforeMs: 1000, afterMs: 120_000, graceMs: 10_800_000 });
    expect(second.left.within).toEqual({ beforeMs: 10_000, afterMs: 10_000 });
  });

  it('converts every duration unit to milliseconds', () => {
    const size = (unit: string) => (query(`SELECT * FROM s WINDOW TUMBLING (SIZE 2 ${unit})`).window as { sizeMs: number }).sizeMs;
    expect([size('MILLISECOND'), size('MILLISECONDS')]).toEqual([2, 2]);
    expect([size('SECOND'), size('seconds')]).toEqual([2000, 2000]);
    expect([size('MINUTE'), size('MINUTES')]).toEqual([120_000, 120_000]);
    expect([size('HOUR'), size('HOURS')]).toEqual([7_200_000, 7_200_000]);
    expect([size('DAY'), size('DAYS')]).toEqual([172_800_000, 172_800_000]);
    expect(() => parseStatement('SELECT * FROM s WINDOW TUMBLING (SIZE 1 WEEK)')).toThrow();
    expect(() => parseStatement('SELECT * FROM s WINDOW TUMBLING (SIZE 1.5 SECONDS)')).toThrow('expected a whole number but got 1.5');
  });

  it('parses the three window kinds with retention and grace', () => {
    expect(query('SELECT * FROM s WINDOW TUMBLING (SIZE 30 SECONDS, RETENTION 1 DAY, GRACE PERIOD 0 SECONDS)').window)
      .toEqual({ kind: 'TUMBLING', sizeMs: 30_000, retentionMs: 86_400_000, graceMs: 0 });
    expect(query('SELECT * FROM s WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS, GRACE PERIOD 5 SECONDS)').window)
      .toEqual({ kind: 'HOPPING', sizeMs: 60_000, advanceMs: 10_000, graceMs: 5000 });
    expect(query('SELECT * FROM s WINDOW SESSION (5 MINUTES, RETENTION 2 HOURS)').window)
      .toEqual({ kind: 'SESSION', gapMs: 300_000, retentionMs: 7_200_000 });
    expect(query('SELECT * FROM s WINDOW w TUMBLING (SIZE 1 SECOND)').window).toEqual({ kind: 'TUMBLING', sizeMs: 1000 });
  });

  it('rejects a negative or fractional LIMIT', () => {
    expect(() => parseStatement('SELECT * FROM s LIMIT -1')).toThrow('LIMIT must not be negative');
    expect(() => parseStatement('SELECT * FROM s LIMIT 1.5')).toThrow('expected a whole number');
  });
});

describe('other statements', () => {
  it('parses DROP', () => {
    expect(parse('DROP STREAM s')).toEqual({ kind: 'DropSource', sourceType: 'STREAM', name: 'S', ifExists: false, deleteTopic: false });
    expect(parse('DROP TABLE IF EXISTS t DELETE TOPIC')).toEqual({ kind: 'DropSource', sourceType: 'TABLE', name: 'T', ifExists: true, deleteTopic: true });
  });

  it('parses TERMINATE', () => {
    expect(parse('TERMINATE CSAS_OUT_1')).toEqual({ kind: 'Terminate', queryId: 'CSAS_OUT_1', all: false });
    expect(parse('TERMINATE ALL')).toEqual({ kind: 'Terminate', all: true });
  });

  it('parses SHOW and LIST', () => {
    expect(parse('SHOW STREAMS')).toEqual({ kind: 'Show', what: 'STREAMS', extended: false });
    expect(parse('LIST TABLES EXTENDED')).toEqual({ kind: 'Show', what: 'TABLES', extended: true });
    expect(parse('SHOW TOPICS')).toEqual({ kind: 'Show', what: 'TOPICS', extended: false, all: false });
    expect(parse('SHOW ALL TOPICS EXTENDED')).toEqual({ kind: 'Show', what: 'TOPICS', extended: true, all: true });
    for (const what of ['QUERIES', 'FUNCTIONS', 'PROPERTIES', 'VARIABLES', 'TYPES', 'MODELS']) {
      expect(parse(`show ${what.toLowerCase()}`)).toEqual({ kind: 'Show', what, extended: false });
    }
    expect(parse('SHOW QUERIES EXTENDED')).toEqual({ kind: 'Show', what: 'QUERIES', extended: true });
    expect(parse('SHOW MODELS EXTENDED')).toEqual({ kind: 'Show', what: 'MODELS', extended: true });
  });

  it('parses DESCRIBE in all its forms', () => {
    expect(parse('DESCRIBE s')).toEqual({ kind: 'Describe', name: 'S', extended: false });
    expect(parse('DESCRIBE `s` EXTENDED')).toEqual({ kind: 'Describe', name: 's', extended: true });
    expect(parse('DESCRIBE STREAMS')).toEqual({ kind: 'Show', what: 'STREAMS', extended: true });
    expect(parse('DESCRIBE TABLES EXTENDED')).toEqual({ kind: 'Show', what: 'TABLES', extended: true });
    expect(parse('DESCRIBE FUNCTION concat')).toEqual({ kind: 'DescribeFunction', name: 'CONCAT' });
    expect(parse('DESCRIBE MODEL m')).toEqual({ kind: 'DescribeModel', name: 'M' });
    expect(parse('DESCRIBE function')).toEqual({ kind: 'Describe', name: 'FUNCTION', extended: false });
  });

  it('parses EXPLAIN of a statement or a query id', () => {
    expect(parse('EXPLAIN CSAS_OUT_1;')).toEqual({ kind: 'Explain', queryId: 'CSAS_OUT_1' });
    expect(parse('EXPLAIN SELECT * FROM s')).toEqual({
      kind: 'Explain', statement: { kind: 'Query', query: { select: [{ kind: 'AllColumns' }], from: { kind: 'SourceRef', name: 'S' } } },
    });
    const explained = parseStatement('EXPLAIN  SELECT * FROM s');
    if (explained.kind !== 'Explain' || !explained.statement) throw new Error('expected a statement');
    expect(explained.statement.text).toBe('SELECT * FROM s');
    expect(explained.statement.span.offset).toBe(9);
  });

  it('parses PRINT', () => {
    expect(parse("PRINT 'my-topic' FROM BEGINNING INTERVAL 2 LIMIT 10")).toEqual({
      kind: 'Print', topic: 'my-topic', fromBeginning: true, interval: 2, limit: 10,
    });
    // An unquoted topic keeps its case, as in ksqlDB.
    expect(parse('PRINT my_Topic SAMPLE 3')).toEqual({ kind: 'Print', topic: 'my_Topic', fromBeginning: false, interval: 3 });
  });

  it('parses SET, UNSET, DEFINE, UNDEFINE', () => {
    expect(parse("SET 'auto.offset.reset' = 'earliest'")).toEqual({ kind: 'SetProperty', name: 'auto.offset.reset', value: 'earliest' });
    expect(parse("UNSET 'auto.offset.reset'")).toEqual({ kind: 'UnsetProperty', name: 'auto.offset.reset' });
    expect(parse("DEFINE topicName = '''my_topic'''")).toEqual({ kind: 'DefineVariable', name: 'topicName', value: "'my_topic'" });
    expect(parse('UNDEFINE topicName')).toEqual({ kind: 'UndefineVariable', name: 'topicName' });
  });

  it("parses Eddy's COPY", () => {
    expect(parse("COPY s FROM 'data/in.csv' WITH (FORMAT='CSV', HEADER=true)")).toEqual({
      kind: 'Copy', target: 'S', file: 'data/in.csv', properties: { FORMAT: { value: 'CSV' }, HEADER: { value: true } },
    });
    expect(parse("COPY s FROM 'in.json'")).toEqual({ kind: 'Copy', target: 'S', file: 'in.json', properties: {} });
  });

  it('parses the model statements', () => {
    expect(parse("CREATE OR REPLACE MODEL IF NOT EXISTS m WITH (algorithm='linear_regression', label='y') AS SELECT x, y FROM s TRAIN ONLINE FROM EARLIEST")).toEqual({
      kind: 'CreateModel', name: 'M', orReplace: true, ifNotExists: true,
      properties: { ALGORITHM: { value: 'linear_regression' }, LABEL: { value: 'y' } },
      query: { select: [{ kind: 'SingleColumn', expr: col('X') }, { kind: 'SingleColumn', expr: col('Y') }], from: { kind: 'SourceRef', name: 'S' } },
      trainFrom: 'EARLIEST',
    });
    expect(parse('CREATE MODEL m AS SELECT * FROM s TRAIN ONLINE')).toMatchObject({ kind: 'CreateModel', orReplace: false, ifNotExists: false, properties: {} });
    expect(parse('CREATE MODEL m AS SELECT * FROM s train online from latest')).toMatchObject({ trainFrom: 'LATEST' });
    expect(() => parseStatement('CREATE MODEL m AS SELECT * FROM s')).toThrow('expected TRAIN');
    expect(parse('DESCRIBE MODEL m')).toEqual({ kind: 'DescribeModel', name: 'M' });
    expect(parse('DROP MODEL IF EXISTS m')).toEqual({ kind: 'DropModel', name: 'M', ifExists: true });
    // The model words stay usable as names.
    expect(query('SELECT model, models, train, online, earliest, latest, copy FROM s').select).toHaveLength(7);
  });

  it('parses a model trained elsewhere: CREATE MODEL without a training query', () => {
    expect(parse("CREATE OR REPLACE MODEL vib WITH (type='onnx', path='models/vib.onnx')")).toEqual({
      kind: 'CreateModel', name: 'VIB', orReplace: true, ifNotExists: false,
      properties: { TYPE: { value: 'onnx' }, PATH: { value: 'models/vib.onnx' } },
    });
    expect(() => parseStatement("CREATE MODEL m WITH (type='onnx') AS SELECT * FROM s")).toThrow('expected TRAIN');
  });

  it("parses ksqlDB's connector statements", () => {
    expect(parse("CREATE SOURCE CONNECTOR IF NOT EXISTS cars WITH ('connector.class'='MqttSource', 'kafka.topic'='car_sensors')")).toEqual({
      kind: 'CreateConnector', connectorType: 'SOURCE', name: 'CARS', orReplace: false, ifNotExists: true,
      properties: { 'CONNECTOR.CLASS': { value: 'MqttSource' }, 'KAFKA.TOPIC': { value: 'car_sensors' } },
    });
    expect(parse("CREATE SINK CONNECTOR out WITH ('connector.class'='x')")).toMatchObject({ kind: 'CreateConnector', connectorType: 'SINK' });
    expect(() => parseStatement('CREATE SOURCE CONNECTOR cars')).toThrow('expected WITH');
    expect(parse('SHOW CONNECTORS')).toEqual({ kind: 'Show', what: 'CONNECTORS', extended: false });
    expect(parse('LIST SOURCE CONNECTORS')).toEqual({ kind: 'Show', what: 'CONNECTORS', extended: false, connectorType: 'SOURCE' });
    expect(parse('DESCRIBE CONNECTOR cars')).toEqual({ kind: 'DescribeConnector', name: 'CARS' });
    expect(parse('DROP CONNECTOR IF EXISTS cars')).toEqual({ kind: 'DropConnector', name: 'CARS', ifExists: true });
    // CREATE SOURCE STREAM/TABLE is unchanged; SINK stays a name, CONNECTOR is reserved as in ksqlDB.
    expect(parse('CREATE SOURCE STREAM s (a INT) WITH (kafka_topic=\'t\', value_format=\'json\')')).toMatchObject({ kind: 'CreateSource', readOnly: true });
    expect(query('SELECT sink FROM s').select).toHaveLength(1);
    expect(() => parseStatement('SELECT connector FROM s')).toThrow();
  });
});

describe('statement text and spans', () => {
  it('keeps the text as written, without the semicolon', () => {
    const s = parseStatement('select *\n  from s ;');
    expect(s.text).toBe('select *\n  from s');
    expect(s.span).toEqual({ line: 1, column: 1, offset: 0, endOffset: 17 });
  });

  it('places spans in the whole script when given an origin', () => {
    const s = parseStatement('SELECT a\nFROM s', { line: 5, column: 3, offset: 40 });
    expect(s.span).toMatchObject({ line: 5, column: 3, offset: 40, endOffset: 55 });
    if (s.kind !== 'Query') throw new Error('expected a query');
    expect(s.query.from.span).toEqual({ line: 6, column: 6, offset: 54, endOffset: 55 });
    expect(s.query.select[0].span).toEqual({ line: 5, column: 10, offset: 47, endOffset: 48 });
  });

  it('accepts a statement surrounded by comments', () => {
    expect(parse('-- lead\nSELECT /* inline */ * FROM s -- trail')).toMatchObject({ kind: 'Query' });
  });
});
