import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonNumber, parseJsonExact } from '../../src/format/json-exact.js';
import { caseId, compareVersions, expandCaseFile, loadCaseFile, QttFormatError } from './qtt-load.js';

const QTT = '/work/shared/conformance/ksqldb-qtt';
const CASES = join(QTT, 'cases');

describe('expandCaseFile', () => {
  const file = `{
    // a comment, as in ksqlDB's files
    "comments": ["x"],
    "tests": [
      {
        "name": "plain",
        "statements": ["CREATE STREAM S (ID INT KEY, V DECIMAL(3,2)) WITH (kafka_topic='t', value_format='JSON');"],
        "inputs": [{"topic": "t", "key": 1, "value": {"V": 1.50}, "timestamp": 10,
                    "headers": [{"KEY": "h", "VALUE": "aGk="}, {"KEY": "n", "VALUE": null}]}],
        "outputs": [{"topic": "OUT", "value": {"V": 1.50}, "window": {"start": 0, "end": 100, "type": "time"}}]
      },
      {
        "name": "formats",
        "format": ["JSON", "AVRO"],
        "config": ["true", "false"],
        "properties": {"ksql.new.query.planner.enabled": "{CONFIG}", "ksql.functions.collect_list.limit": 10},
        "statements": ["CREATE STREAM S (ID INT) WITH (kafka_topic='t', value_format='{FORMAT}');", "SELECT '{FORMAT}';"],
        "expectedException": {"type": "io.confluent.ksql.util.KsqlStatementException", "message": "nope"}
      },
      {"name": "disabled", "enabled": false, "statements": ["x"], "inputs": [], "outputs": []},
      {"name": "too new", "versions": {"min": "99.0"}, "statements": ["x"], "expectedException": {"message": "m"}},
      {"name": "too old", "versions": {"max": "5.4.1"}, "statements": ["x"], "expectedException": {"message": "m"}},
      {"name": "current", "versions": {"min": "7.2.0"}, "statements": ["x"], "expectedException": {"message": "m"}}
    ]
  }`;
  const cases = expandCaseFile('demo.json', file);

  it('expands by format × config, drops disabled tests and versions that exclude the current one', () => {
    expect(cases.map((c) => c.id)).toEqual([
      'demo - plain',
      'demo - formats - JSON - ksql.new.query.planner.enabled=true',
      'demo - formats - JSON - ksql.new.query.planner.enabled=false',
      'demo - formats - AVRO - ksql.new.query.planner.enabled=true',
      'demo - formats - AVRO - ksql.new.query.planner.enabled=false',
      'demo - current',
    ]);
  });

  it('substitutes {FORMAT} in statements and {CONFIG} in its property', () => {
    const c = cases[3];
    expect(c).toMatchObject({ file: 'demo.json', name: 'formats', format: 'AVRO', config: 'true', configProperty: 'ksql.new.query.planner.enabled' });
    expect(c.statements).toEqual(["CREATE STREAM S (ID INT) WITH (kafka_topic='t', value_format='AVRO');", "SELECT 'AVRO';"]);
    expect(c.properties).toEqual({ 'ksql.new.query.planner.enabled': 'true', 'ksql.functions.collect_list.limit': '10' });
    expect(c.expectedException).toEqual({ type: 'io.confluent.ksql.util.KsqlStatementException', message: 'nope' });
  });

  it('keeps numbers exact and reads records, windows and headers', () => {
    const [plain] = cases;
    const input = plain.inputs[0];
    expect(input.key).toBeInstanceOf(JsonNumber);
    expect(((input.value as Record<string, JsonNumber>).V).text).toBe('1.50');
    expect(input.timestamp).toBe(10);
    expect(input.headers).toEqual([{ key: 'h', value: new Uint8Array(Buffer.from('hi')) }, { key: 'n', value: null }]);
    const out = plain.outputs[0];
    expect(out.key).toBeNull();
    expect(out.timestamp).toBeUndefined();
    expect(out.window).toEqual({ start: 0, end: 100, type: 'TIME' });
  });

  it('rejects invalid tests with the place named', () => {
    expect(() => expandCaseFile('bad.json', '{"tests": [{"name": "n", "statements": []}]}')).toThrow(QttFormatError);
    expect(() => expandCaseFile('bad.json', '{"tests": [{"name": "n", "statements": ["x"]}]}')).toThrow(/no inputs, outputs or expectedException/);
    expect(() => expandCaseFile('bad.json', '{"tests": [')).toThrow(/bad.json/);
  });

  it('names cases as ksqlDB does', () => {
    expect(caseId('a-b.json', 'n')).toBe('a-b - n');
    expect(caseId('a-b.json', 'n', 'JSON')).toBe('a-b - n - JSON');
  });

  it('compares versions numerically', () => {
    expect(compareVersions('5.4', '5.4.0')).toBe(0);
    expect(compareVersions('5.10.0', '5.9')).toBeGreaterThan(0);
    expect(compareVersions('7.2.0', '8.1.0')).toBeLessThan(0);
  });
});

describe.skipIf(!existsSync(CASES))('the ksqlDB QTT corpus', () => {
  const files = existsSync(CASES) ? readdirSync(CASES).filter((f) => f.endsWith('.json')).sort() : [];
  const expanded = new Map(files.map((f) => [f, loadCaseFile(join(CASES, f))]));
  const count = (names: string[]): number => names.reduce((n, f) => n + (expanded.get(f)?.length ?? NaN), 0);

  it('expands all 168 files into 2342 cases with unique ids, 447 of them negative', () => {
    expect(files).toHaveLength(168);
    const all = [...expanded.values()].flat();
    expect(all).toHaveLength(2342);
    expect(new Set(all.map((c) => c.id)).size).toBe(2342);
    expect(all.filter((c) => c.expectedException)).toHaveLength(447);
    expect(all.some((c) => c.statements.some((s) => s.includes('{FORMAT}')))).toBe(false);
  });

  it('expands the 38 phase-1 files into 918 cases', () => {
    const phase1 = readFileSync(join(QTT, 'core_phase1_files.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(phase1).toHaveLength(38);
    expect(count(phase1)).toBe(918);
  });

  it('agrees with core_manifest.json on every core file: counts and (name, format, config)', () => {
    const manifest = JSON.parse(readFileSync(join(QTT, 'core_manifest.json'), 'utf8')) as {
      files: Record<string, { expanded: number; cases: Array<{ name: string; format: string | null; config: string | null }> }>;
    };
    const entries = Object.entries(manifest.files);
    expect(entries).toHaveLength(89);
    expect(count(entries.map(([f]) => f))).toBe(1430);
    for (const [f, m] of entries) {
      const got = expanded.get(f)!;
      expect(got.length, f).toBe(m.expanded);
      const keys = new Set(got.map((c) => `${c.name}|${c.format ?? ''}|${c.config ?? ''}`));
      for (const c of m.cases) expect(keys.has(`${c.name}|${c.format ?? ''}|${c.config ?? ''}`), `${f}: ${c.name}`).toBe(true);
    }
  });

  it('expands format and config lists (joins.json by format, select.json by config)', () => {
    const joins = expanded.get('joins.json')!;
    const inner = joins.filter((c) => c.name === 'stream table inner join');
    expect(inner.map((c) => c.format)).toEqual(['AVRO', 'JSON', 'PROTOBUF', 'PROTOBUF_NOSR']);
    expect(inner[1].id).toBe('joins - stream table inner join - JSON');
    expect(inner[1].statements[0]).toContain("value_format='JSON'");

    const star = expanded.get('select.json')!.filter((c) => c.name === 'all columns - star');
    expect(star.map((c) => c.properties['ksql.new.query.planner.enabled'])).toEqual(['true', 'false']);
  });

  it('drops the disabled tests', () => {
    const raw = parseJsonExact(readFileSync(join(CASES, 'avro.json'), 'utf8'), { comments: true }) as {
      tests: Array<{ name: string; enabled?: boolean }>;
    };
    const disabled = raw.tests.filter((t) => t.enabled === false).map((t) => t.name);
    expect(disabled).toHaveLength(3);
    const names = new Set(expanded.get('avro.json')!.map((c) => c.name));
    for (const name of disabled) expect(names.has(name), name).toBe(false);
  });
});
