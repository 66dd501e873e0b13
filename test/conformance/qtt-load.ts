// Loading QTT case files and expanding each test as ksqlDB's QueryTranslationTest does: one case
// per `format` value ({FORMAT} substituted in the statements) × per `config` value (given to the
// property whose value is "{CONFIG}"); disabled tests and tests whose `versions` bounds exclude
// the current ksqlDB version are dropped.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseJsonExact } from '../../src/format/json-exact.js';
import {
  arr, expectedException, isObj, obj, post, propertyText, QttFormatError, record, str, strList, topic,
} from './qtt-parse.js';
import type { JsonValue, QttCase } from './qtt-types.js';

export type * from './qtt-types.js';
export { QttFormatError } from './qtt-parse.js';

/** The ksqlDB version the cases are checked against (the corpus's `versions` use only `min`). */
export const CURRENT_KSQL_VERSION = '8.1.0';

/** Loads and expands one case file. Throws QttFormatError if the file is not a valid QTT file. */
export function loadCaseFile(path: string): QttCase[] {
  return expandCaseFile(basename(path), readFileSync(path, 'utf8'));
}

/** Expands the text of a case file named `file` (e.g. "joins.json"). */
export function expandCaseFile(file: string, text: string): QttCase[] {
  let doc: unknown;
  try {
    doc = parseJsonExact(text, { comments: true });
  } catch (e) {
    throw new QttFormatError(`${file}: ${(e as Error).message}`);
  }
  const tests = arr(obj(doc as JsonValue, file).tests, `${file}.tests`);
  return tests.flatMap((t, i) => expandTest(file, t, `${file}: tests[${i}]`));
}

function expandTest(file: string, raw: JsonValue, where: string): QttCase[] {
  const t = obj(raw, where);
  const name = str(t.name, `${where}.name`);
  const at = `${file}: '${name}'`;
  if (t.enabled === false) return [];
  if (!versionsInclude(t.versions, CURRENT_KSQL_VERSION, at)) return [];

  const formats = t.format == null ? [undefined] : strList(t.format, `${at}.format`);
  const configs = t.config == null ? [undefined] : strList(t.config, `${at}.config`);
  const statements = strList(t.statements, `${at}.statements`);
  if (statements.length === 0) throw new QttFormatError(`${at}: statements are empty`);

  const props = t.properties == null ? {} : obj(t.properties, `${at}.properties`);
  const configProperty = Object.keys(props).find((k) => props[k] === '{CONFIG}');

  const base = {
    file,
    name,
    topics: arr(t.topics, `${at}.topics`).map((x, i) => topic(x, `${at}.topics[${i}]`)),
    inputs: arr(t.inputs, `${at}.inputs`).map((x, i) => record(x, `${at}.inputs[${i}]`)),
    outputs: arr(t.outputs, `${at}.outputs`).map((x, i) => record(x, `${at}.outputs[${i}]`)),
    ...(t.expectedException != null ? { expectedException: expectedException(t.expectedException, `${at}.expectedException`) } : {}),
    ...(t.post != null ? { post: post(t.post, `${at}.post`) } : {}),
  };
  if (!base.expectedException && base.inputs.length === 0 && base.outputs.length === 0) {
    throw new QttFormatError(`${at}: no inputs, outputs or expectedException`);
  }

  return formats.flatMap((format) => configs.map((config): QttCase => {
    const properties: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) {
      properties[k] = k === configProperty && config !== undefined ? config : propertyText(v);
    }
    return {
      id: caseId(file, name, format, config, configProperty),
      ...base,
      ...(format !== undefined ? { format } : {}),
      ...(config !== undefined ? { config } : {}),
      ...(config !== undefined && configProperty !== undefined ? { configProperty } : {}),
      statements: format === undefined ? statements : statements.map((s) => s.split('{FORMAT}').join(format)),
      properties,
    };
  }));
}

/** `<file-stem> - <name>[ - <FORMAT>][ - <property>=<config>]`, as ksqlDB names its test cases. */
export function caseId(file: string, name: string, format?: string, config?: string, configProperty?: string): string {
  const stem = file.replace(/\.[^.]*$/, '');
  let id = `${stem} - ${name}`;
  if (format !== undefined) id += ` - ${format}`;
  if (config !== undefined) id += configProperty !== undefined ? ` - ${configProperty}=${config}` : ` - ${config}`;
  return id;
}

function versionsInclude(v: JsonValue | undefined, version: string, where: string): boolean {
  if (v == null) return true;
  if (!isObj(v)) throw new QttFormatError(`${where}.versions: expected an object`);
  const min = v.min == null ? undefined : str(v.min, `${where}.versions.min`);
  const max = v.max == null ? undefined : str(v.max, `${where}.versions.max`);
  return (min === undefined || compareVersions(min, version) <= 0) && (max === undefined || compareVersions(version, max) <= 0);
}

/** Numeric, component-wise ("5.4" = "5.4.0" < "5.10"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
