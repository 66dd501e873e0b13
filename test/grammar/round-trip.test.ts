import { describe, expect, it } from 'vitest';
import { formatExpression, parseExpression } from '../../grammar/index.js';
import type { Expr } from '../../grammar/ast.js';
import { roundTrip, withoutSpans } from './helpers.js';

const STATEMENTS = [
  "CREATE STREAM s (id BIGINT KEY, `Name` VARCHAR, d DECIMAL(4, 2), m MAP<STRING, ARRAY<STRUCT<a INT, `b c` DATE>>>, h BYTES HEADER('k'), hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS) WITH (kafka_topic='t', value_format='JSON', partitions=2, x=1.5, y=false, z=NULL, 'my.key'='v')",
  "CREATE OR REPLACE SOURCE TABLE IF NOT EXISTS `t` (`key` INT PRIMARY KEY, `select` STRING) WITH (kafka_topic='t')",
  "CREATE TABLE agg WITH (kafka_topic='out') AS SELECT k, COUNT(*) AS n, SUM(v) total FROM s WINDOW TUMBLING (SIZE 30 SECONDS, RETENTION 2 DAYS, GRACE PERIOD 1 MINUTE) GROUP BY k HAVING COUNT(*) > 1 EMIT FINAL",
  'CREATE STREAM j AS SELECT * FROM a x JOIN b y WITHIN (1 SECOND, 1500 MILLISECONDS) GRACE PERIOD 0 SECONDS ON x.id = y.id LEFT JOIN c ON c.id = x.id FULL OUTER JOIN d WITHIN 1 HOUR ON d.id = x.id',
  'SELECT * FROM s WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS) GROUP BY (a, b) EMIT CHANGES LIMIT 3',
  'SELECT * FROM s WINDOW SESSION (5 MINUTES, GRACE PERIOD 1 SECOND) GROUP BY () PARTITION BY a + 1, b',
  'SELECT s->*, t.*, a b FROM s t',
  "INSERT INTO out WITH (query_id='Q') SELECT * FROM s",
  "INSERT INTO s (a, `B`) VALUES (-1, 'x' || 'y')",
  'INSERT INTO s VALUES ()',
  'DROP TABLE IF EXISTS t DELETE TOPIC', 'DROP STREAM s', 'TERMINATE ALL', 'TERMINATE `transient_x_1`',
  'SHOW ALL TOPICS EXTENDED', 'LIST STREAMS', 'SHOW QUERIES EXTENDED', 'SHOW PROPERTIES', 'SHOW FUNCTIONS', 'SHOW VARIABLES', 'SHOW TYPES', 'SHOW MODELS',
  'DESCRIBE s EXTENDED', 'DESCRIBE `TABLES`', 'DESCRIBE STREAMS', 'DESCRIBE FUNCTION concat', 'DESCRIBE MODEL m',
  'EXPLAIN SELECT * FROM s', 'EXPLAIN CTAS_X_3',
  "PRINT 'Topic' FROM BEGINNING INTERVAL 5 LIMIT 2", 'PRINT topic_a',
  "SET 'a.b' = 'it''s'", "UNSET 'a.b'", "DEFINE fmt = 'JSON'", 'UNDEFINE fmt',
  "COPY s FROM 'x.csv' WITH (FORMAT='CSV', HEADER=true)",
  "CREATE OR REPLACE MODEL IF NOT EXISTS m WITH (algorithm='linear') AS SELECT x, y FROM s WHERE y IS NOT NULL TRAIN ONLINE FROM LATEST",
  'DROP MODEL m', "CREATE OR REPLACE MODEL v WITH (type='onnx', path='m.onnx')",
  "CREATE SOURCE CONNECTOR IF NOT EXISTS c WITH ('connector.class'='MqttSource', 'mqtt.topics'='cars/+/vibration')",
  "CREATE SINK CONNECTOR c WITH ('connector.class'='x')", 'SHOW CONNECTORS', 'LIST SOURCE CONNECTORS', 'DESCRIBE CONNECTOR c', 'DROP CONNECTOR IF EXISTS c',
];

const EXPRESSIONS = [
  'a + b * c', '(a + b) * c', 'a - (b - c)', 'a - b - c', '-a * b', '-(a * b)', '- -5', '-(5)', '-(-x)', '+a', 'NOT NOT a',
  'NOT (a AND b) OR c', 'a AND (b OR c)', '(a = b) = c', 'a || (b || c)', '(a || b) + 1', 'a = (b AND c)',
  'a NOT BETWEEN b + 1 AND c', '(a BETWEEN 1 AND 2) BETWEEN 3 AND 4', 'a IN (1, b = c, NULL)', "a NOT LIKE 'x' ESCAPE '!'",
  '(a IS NULL) IS NOT NULL', 'a IS NOT DISTINCT FROM b', "CASE WHEN a THEN 'x' WHEN b THEN 'y' ELSE NULL END", 'CASE a + 1 WHEN 1 THEN 2 END',
  'CAST(a AS DECIMAL(10, 0))', 'CAST(CAST(a AS STRING) AS ARRAY<MAP<STRING, STRUCT<`x y` INT>>>)',
  "a[1]['k']->b", '(a + b)[1]', '(-5)[1]', 'f(x)->y[2]', 'COUNT(*)', 'f()', 'f(DISTINCT a, b)', 'TRANSFORM(a, x => x + 1)',
  'REDUCE(a, 0, (s, x) => s + x)', 'FILTER(m, (k, v) => k = `v`)', 'TIMESTAMPADD(SECONDS, 5, ts)', 'DATEADD(DAYS, -1, d)',
  "ARRAY[1, 'a', NULL]", 'ARRAY[]', "MAP('a' := 1, b := ARRAY[2])", 'MAP()', 'STRUCT(a := 1, `b c` := STRUCT(d := 2))',
  "'it''s'", '1.50', '1.5E0', '-0.0', 'TRUE', 'FALSE', '`select` + `a``b` + "Q"', 'x.`y z`', '`KEY` + `SIZE`',
  '`MAP`(1)', 'map(1 := 2)', 'a = -1', 'a - -1', '1 - 1',
];

describe('parse → print → parse', () => {
  it.each(STATEMENTS)('%s', (sql) => {
    const { first, second, printed } = roundTrip(sql);
    expect(second, printed).toEqual(first);
  });

  it.each(EXPRESSIONS)('%s', (sql) => {
    const first = withoutSpans(parseExpression(sql));
    const printed = formatExpression(first);
    expect(withoutSpans(parseExpression(printed)), printed).toEqual(first);
  });

  it('parenthesizes hand-built trees by precedence', () => {
    const col = (name: string): Expr => ({ kind: 'ColumnRef', name, span: { line: 1, column: 1, offset: 0, endOffset: 1 } });
    const span = { line: 1, column: 1, offset: 0, endOffset: 1 };
    const sum: Expr = { kind: 'Arithmetic', op: '+', left: col('A'), right: col('B'), span };
    expect(formatExpression({ kind: 'Arithmetic', op: '*', left: sum, right: col('C'), span })).toBe('(A + B) * C');
    expect(formatExpression({ kind: 'Arithmetic', op: '-', left: col('C'), right: sum, span })).toBe('C - (A + B)');
    expect(formatExpression({ kind: 'Unary', op: '-', operand: { kind: 'NumberLit', text: '5', span }, span })).toBe('-(5)');
    expect(formatExpression({ kind: 'Subscript', base: sum, index: col('I'), span })).toBe('(A + B)[I]');
    expect(formatExpression({ kind: 'ColumnRef', name: 'lower case', span })).toBe('`lower case`');
  });
});
