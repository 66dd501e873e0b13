// Reading the parts of a QTT test from parsed JSON into typed nodes, with errors that name the
// offending field. Mirrors ksqlDB's model classes (RecordNode, TopicNode, ...): unknown fields
// are ignored, as Jackson's ignoreUnknown does there.

import { JsonNumber } from '../../src/format/json-exact.js';
import type {
  JsonValue, QttExpectedException, QttHeader, QttPost, QttPostFormat, QttPostKeyFormat, QttPostSource, QttPostTopic,
  QttRecord, QttTopic, QttWindow,
} from './qtt-types.js';

export class QttFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QttFormatError';
  }
}

type Obj = { [field: string]: JsonValue };

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);

export function obj(v: unknown, where: string): Obj {
  if (!isObj(v)) throw new QttFormatError(`${where}: expected an object`);
  return v;
}

export function arr(v: unknown, where: string): JsonValue[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new QttFormatError(`${where}: expected an array`);
  return v;
}

export function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new QttFormatError(`${where}: expected a string`);
  return v;
}

export function optStr(v: unknown, where: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, where);
}

export function optNum(v: unknown, where: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (!(v instanceof JsonNumber)) throw new QttFormatError(`${where}: expected a number`);
  return v.toNumber();
}

export function strList(v: unknown, where: string): string[] {
  return arr(v, where).map((s, i) => str(s, `${where}[${i}]`));
}

const optStrList = (v: unknown, where: string): string[] | undefined =>
  v === undefined || v === null ? undefined : strList(v, where);

/** A property value as ksqlDB's config parser sees it: its text. */
export function propertyText(v: JsonValue): string {
  if (v instanceof JsonNumber) return v.text;
  if (typeof v === 'string') return v;
  if (v === null) return '';
  return typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function window(v: JsonValue, where: string): QttWindow {
  const o = obj(v, where);
  const type = str(o.type, `${where}.type`).toUpperCase();
  if (type !== 'TIME' && type !== 'SESSION') throw new QttFormatError(`${where}.type: '${type}' is not TIME or SESSION`);
  return { start: optNum(o.start, `${where}.start`) ?? 0, end: optNum(o.end, `${where}.end`) ?? 0, type };
}

function header(v: JsonValue, where: string): QttHeader {
  const o = obj(v, where);
  const value = optStr(o.VALUE, `${where}.VALUE`);
  return { key: str(o.KEY, `${where}.KEY`), value: value === undefined ? null : new Uint8Array(Buffer.from(value, 'base64')) };
}

export function record(v: JsonValue, where: string): QttRecord {
  const o = obj(v, where);
  const r: QttRecord = {
    topic: str(o.topic, `${where}.topic`),
    key: o.key ?? null,
    value: o.value ?? null,
  };
  const ts = optNum(o.timestamp, `${where}.timestamp`);
  if (ts !== undefined) r.timestamp = ts;
  if (o.window !== undefined && o.window !== null) r.window = window(o.window, `${where}.window`);
  if (o.headers !== undefined && o.headers !== null) {
    r.headers = arr(o.headers, `${where}.headers`).map((h, i) => header(h, `${where}.headers[${i}]`));
  }
  return r;
}

export function topic(v: JsonValue, where: string): QttTopic {
  const o = obj(v, where);
  const t: QttTopic = { name: str(o.name, `${where}.name`) };
  const set = <K extends keyof QttTopic>(k: K, val: QttTopic[K] | undefined): void => {
    if (val !== undefined) t[k] = val;
  };
  set('keyFormat', optStr(o.keyFormat, `${where}.keyFormat`));
  set('valueFormat', optStr(o.valueFormat, `${where}.valueFormat`) ?? optStr(o.format, `${where}.format`));
  set('keySchema', o.keySchema ?? undefined);
  set('valueSchema', o.valueSchema ?? o.schema ?? undefined);
  set('keySchemaId', optNum(o.keySchemaId, `${where}.keySchemaId`));
  set('valueSchemaId', optNum(o.valueSchemaId, `${where}.valueSchemaId`));
  set('keySchemaReferences', o.keySchemaReferences ?? undefined);
  set('valueSchemaReferences', o.valueSchemaReferences ?? undefined);
  set('keySerdeFeatures', optStrList(o.keySerdeFeatures, `${where}.keySerdeFeatures`));
  set('valueSerdeFeatures', optStrList(o.valueSerdeFeatures, `${where}.valueSerdeFeatures`));
  set('partitions', optNum(o.partitions, `${where}.partitions`));
  set('replicas', optNum(o.replicas, `${where}.replicas`));
  return t;
}

export function expectedException(v: JsonValue, where: string): QttExpectedException {
  const o = obj(v, where);
  const ee: QttExpectedException = {};
  for (const k of ['type', 'message', 'cause', 'causeMessage'] as const) {
    const s = optStr(o[k], `${where}.${k}`);
    if (s !== undefined) ee[k] = s;
  }
  if (ee.type === undefined && ee.message === undefined) {
    throw new QttFormatError(`${where}: needs a type or a message`);
  }
  return ee;
}

function postFormat(v: JsonValue, where: string): QttPostFormat {
  const o = obj(v, where);
  const f: QttPostFormat = { format: str(o.format, `${where}.format`) };
  if (o.features != null) f.features = strList(o.features, `${where}.features`);
  if (o.properties != null) f.properties = obj(o.properties, `${where}.properties`);
  if (o.windowInfo != null) f.windowInfo = o.windowInfo;
  return f;
}

function postKeyFormat(v: JsonValue, where: string): QttPostKeyFormat {
  const o = obj(v, where);
  const f: QttPostKeyFormat = { format: str(o.format, `${where}.format`) };
  const wt = optStr(o.windowType, `${where}.windowType`);
  if (wt !== undefined) f.windowType = wt;
  const ws = optNum(o.windowSize, `${where}.windowSize`);
  if (ws !== undefined) f.windowSize = ws;
  if (o.properties != null) f.properties = obj(o.properties, `${where}.properties`);
  return f;
}

function postSource(v: JsonValue, where: string): QttPostSource {
  const o = obj(v, where);
  const s: QttPostSource = { name: str(o.name, `${where}.name`), type: str(o.type, `${where}.type`) };
  for (const k of ['schema', 'valueFormat'] as const) {
    const x = optStr(o[k], `${where}.${k}`);
    if (x !== undefined) s[k] = x;
  }
  if (o.keyFormat != null) s.keyFormat = postKeyFormat(o.keyFormat, `${where}.keyFormat`);
  if (o.keyFeatures != null) s.keyFeatures = strList(o.keyFeatures, `${where}.keyFeatures`);
  if (o.valueFeatures != null) s.valueFeatures = strList(o.valueFeatures, `${where}.valueFeatures`);
  if (typeof o.isSource === 'boolean') s.isSource = o.isSource;
  return s;
}

function postTopic(v: JsonValue, where: string): QttPostTopic {
  const o = obj(v, where);
  const t: QttPostTopic = { name: str(o.name, `${where}.name`) };
  if (o.keyFormat != null) t.keyFormat = postFormat(o.keyFormat, `${where}.keyFormat`);
  if (o.valueFormat != null) t.valueFormat = postFormat(o.valueFormat, `${where}.valueFormat`);
  if (o.keySchema !== undefined) t.keySchema = o.keySchema;
  if (o.valueSchema !== undefined) t.valueSchema = o.valueSchema;
  const p = optNum(o.partitions, `${where}.partitions`);
  if (p !== undefined) t.partitions = p;
  return t;
}

export function post(v: JsonValue, where: string): QttPost {
  const o = obj(v, where);
  const p: QttPost = {};
  if (o.sources != null) p.sources = arr(o.sources, `${where}.sources`).map((s, i) => postSource(s, `${where}.sources[${i}]`));
  if (o.topics != null) {
    const t = obj(o.topics, `${where}.topics`);
    p.topics = {};
    const bl = optStr(t.blacklist, `${where}.topics.blacklist`);
    if (bl !== undefined) p.topics.blacklist = bl;
    if (t.topics != null) {
      p.topics.topics = arr(t.topics, `${where}.topics.topics`).map((x, i) => postTopic(x, `${where}.topics.topics[${i}]`));
    }
  }
  return p;
}
