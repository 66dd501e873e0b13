// ksqlDB's ExpectedRecordComparator and TestExecutor.validateTopicData, for our outputs: an
// expected JSON value (numbers as JsonNumber) against an actual value as the engine deserialized
// it (objects, Maps, arrays, number, bigint, Decimal, JsonNumber, string, boolean, Uint8Array,
// null). Each check returns undefined on a match, else a readable description of the difference.

import { JsonNumber } from '../../src/format/json-exact.js';
import { Decimal } from '../../src/types/decimal.js';
import type { JsonValue, QttHeader, QttRecord, QttWindow } from './qtt-types.js';

/** A record read back from an output topic, key and value deserialized with the sink's formats. */
export interface ActualRecord {
  topic: string;
  key: unknown;
  value: unknown;
  timestamp: number;
  /** Present iff the key is windowed; `key` is then the key inside the window. */
  window?: QttWindow;
  headers?: QttHeader[];
}

export interface CompareOptions {
  /** The case had no `inputs` (data came from INSERT VALUES): an expected timestamp 0 is not checked. */
  ranWithInsertStatements?: boolean;
}

/** Doubles match within this: absolute up to magnitude 1, relative above. */
export const DOUBLE_TOLERANCE = 1e-6;

/** Compares a value; `path` names where it sits (e.g. "value.F1[2]") in the description. */
export function compareValue(expected: JsonValue, actual: unknown, path = 'value'): string | undefined {
  const miss = (): string => `${path}: expected ${show(expected)} but was ${show(actual)}`;

  if (expected === null) return isNullish(actual) ? undefined : miss();
  if (typeof expected === 'boolean') return actual === expected ? undefined : miss();
  if (typeof expected === 'string') return textMatches(expected, actual) ? undefined : miss();
  if (expected instanceof JsonNumber) return numberMatches(expected, actual) ? undefined : miss();

  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return miss();
    if (actual.length !== expected.length) {
      return `${path}: expected ${expected.length} elements but was ${actual.length}: expected ${show(expected)} but was ${show(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = compareValue(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }

  // An object: a STRUCT (plain object) or a MAP (Map or plain object). Same number of fields;
  // each expected field looked up as written, then upper-cased (column names are upper case).
  const get = fieldGetter(actual);
  if (!get) return miss();
  const expectedFields = Object.keys(expected);
  if (get.size !== expectedFields.length) {
    return `${path}: expected ${expectedFields.length} fields but was ${get.size}: expected ${show(expected)} but was ${show(actual)}`;
  }
  for (const f of expectedFields) {
    let v = get.get(f);
    if (isNullish(v)) v = get.get(f.toUpperCase());
    const d = compareValue(expected[f], v, `${path}.${f}`);
    if (d) return d;
  }
  return undefined;
}

function fieldGetter(actual: unknown): { size: number; get(f: string): unknown } | undefined {
  if (actual instanceof Map) return { size: actual.size, get: (f) => actual.get(f) };
  if (!isPlainObject(actual)) return undefined;
  const o = actual as Record<string, unknown>;
  return { size: Object.keys(o).length, get: (f) => (Object.prototype.hasOwnProperty.call(o, f) ? o[f] : undefined) };
}

const isPlainObject = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) &&
  !(v instanceof JsonNumber) && !(v instanceof Decimal) && !(v instanceof Uint8Array) && !(v instanceof Map);

// ksqlDB turns empty BYTES into null before comparing (TestExecutor.coerceRecordFields).
const isNullish = (v: unknown): boolean => v === null || v === undefined || (v instanceof Uint8Array && v.length === 0);

function textMatches(expected: string, actual: unknown): boolean {
  if (typeof actual === 'string') return actual === expected;
  if (actual instanceof Decimal) return decimalOf(expected)?.equals(actual) ?? false;
  if (actual instanceof Uint8Array) return Buffer.from(actual).toString('base64') === expected; // BYTES as base64
  // JSON has no NaN or infinities: ksqlDB's JSON writes them as these strings.
  if (typeof actual === 'number' && !Number.isFinite(actual)) return String(actual) === expected;
  return false;
}

function numberMatches(expected: JsonNumber, actual: unknown): boolean {
  if (typeof actual === 'bigint') return expected.isInteger && BigInt(expected.text) === actual;
  if (typeof actual === 'number') {
    if (expected.isInteger && Number.isInteger(actual)) return BigInt(expected.text) === BigInt(actual);
    return doublesMatch(expected.toNumber(), actual);
  }
  // Decimals (and number text of unknown type) compare exactly, scale included: 1.50 ≠ 1.5.
  if (actual instanceof JsonNumber) {
    const d = decimalOf(actual.text);
    return d !== undefined && decimalMatches(expected, d);
  }
  if (actual instanceof Decimal) return decimalMatches(expected, actual);
  return false;
}

function decimalMatches(expected: JsonNumber, actual: Decimal): boolean {
  // An integer only matches a decimal without decimal places (ExpectedRecordComparator).
  if (expected.isInteger) return actual.scale <= 0 && BigInt(expected.text) === actual.unscaled * 10n ** BigInt(-actual.scale);
  return decimalOf(expected.text)?.equals(actual) ?? false;
}

function doublesMatch(e: number, a: number): boolean {
  if (Number.isNaN(e) || Number.isNaN(a)) return Number.isNaN(e) && Number.isNaN(a);
  if (e === a) return true;
  return Math.abs(e - a) <= DOUBLE_TOLERANCE * Math.max(1, Math.abs(e));
}

function decimalOf(text: string): Decimal | undefined {
  try {
    return Decimal.fromString(text);
  } catch {
    return undefined;
  }
}

/** One record: window (when expected), key, value, headers, timestamp (when expected). */
export function compareRecord(expected: QttRecord, actual: ActualRecord, opts: CompareOptions = {}): string | undefined {
  if (expected.window) {
    if (!actual.window) return `window: expected ${showWindow(expected.window)} but the key is not windowed`;
    const a = actual.window;
    if (a.start !== expected.window.start || a.end !== expected.window.end || a.type !== expected.window.type) {
      return `window: expected ${showWindow(expected.window)} but was ${showWindow(a)}`;
    }
  } else if (actual.window) {
    return `window: expected an unwindowed key but was windowed ${showWindow(actual.window)}`;
  }
  const d = compareValue(expected.key, actual.key, 'key') ?? compareValue(expected.value, actual.value, 'value');
  if (d) return d;
  const h = compareHeaders(expected.headers ?? [], actual.headers ?? []);
  if (h) return h;
  const ts = expected.timestamp;
  if (ts !== undefined && ts !== actual.timestamp && !(opts.ranWithInsertStatements && ts === 0)) {
    return `timestamp: expected ${ts} but was ${actual.timestamp}`;
  }
  return undefined;
}

function compareHeaders(expected: QttHeader[], actual: QttHeader[]): string | undefined {
  const same = expected.length === actual.length && expected.every((e, i) =>
    e.key === actual[i].key &&
    (e.value === null ? actual[i].value === null : actual[i].value !== null && Buffer.from(e.value).equals(Buffer.from(actual[i].value!))));
  return same ? undefined : `headers: expected ${showHeaders(expected)} but was ${showHeaders(actual)}`;
}

/**
 * One topic: the exact number of records, compared in order. On a mismatch, the description
 * names the topic and record index and lists what the topic actually held.
 */
export function compareTopic(
  topic: string, expected: QttRecord[], actual: ActualRecord[], opts: CompareOptions = {},
): string | undefined {
  if (actual.length !== expected.length) {
    return `Topic '${topic}': expected ${expected.length} records but was ${actual.length}\n` +
      listing('expected', expected) + '\n' + listing('actual', actual);
  }
  for (let i = 0; i < expected.length; i++) {
    const d = compareRecord(expected[i], actual[i], opts);
    if (d) {
      return `Topic '${topic}', record ${i}: ${d}\n  expected ${showRecord(expected[i])}\n  actual   ${showRecord(actual[i])}`;
    }
  }
  return undefined;
}

/**
 * A case's outputs: every topic named in `outputs`, read with `read`, compared as above.
 * `ranWithInsertStatements` follows from the case when not given (no inputs).
 */
export function compareOutputs(
  outputs: QttRecord[], read: (topic: string) => ActualRecord[], opts: CompareOptions & { inputCount?: number } = {},
): string | undefined {
  const o: CompareOptions = { ranWithInsertStatements: opts.ranWithInsertStatements ?? opts.inputCount === 0 };
  const byTopic = new Map<string, QttRecord[]>();
  for (const r of outputs) {
    const list = byTopic.get(r.topic);
    if (list) list.push(r);
    else byTopic.set(r.topic, [r]);
  }
  const diffs: string[] = [];
  for (const [topic, expected] of byTopic) {
    const d = compareTopic(topic, expected, read(topic), o);
    if (d) diffs.push(d);
  }
  return diffs.length === 0 ? undefined : diffs.join('\n');
}

// ---- display ----

const MAX_LISTED = 20;

function listing(label: string, records: Array<QttRecord | ActualRecord>): string {
  const lines = records.slice(0, MAX_LISTED).map((r, i) => `    ${i}: ${showRecord(r)}`);
  if (records.length > MAX_LISTED) lines.push(`    … ${records.length - MAX_LISTED} more`);
  return `  ${label}:${lines.length ? '\n' + lines.join('\n') : ' (none)'}`;
}

export function showRecord(r: QttRecord | ActualRecord): string {
  let s = `<${show(r.key)}, ${show(r.value)}>`;
  if (r.timestamp !== undefined) s += ` ts=${r.timestamp}`;
  if (r.window) s += ` window=${showWindow(r.window)}`;
  if (r.headers && r.headers.length) s += ` headers=${showHeaders(r.headers)}`;
  return s;
}

const showWindow = (w: QttWindow): string => `${w.type}[${w.start}, ${w.end})`;

const showHeaders = (hs: QttHeader[]): string =>
  `[${hs.map((h) => `${h.key}=${h.value === null ? 'null' : Buffer.from(h.value).toString('base64')}`).join(', ')}]`;

/** JSON-like text that keeps what matters here: number text and decimal scale, Map vs object. */
export function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (v instanceof JsonNumber) return v.text;
  if (v instanceof Decimal) return `${v.toString()}(decimal)`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (v instanceof Uint8Array) return `bytes(${Buffer.from(v).toString('base64')})`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (v instanceof Map) return `Map{${[...v].map(([k, x]) => `${show(k)}: ${show(x)}`).join(', ')}}`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${show(x)}`).join(', ')}}`;
}
