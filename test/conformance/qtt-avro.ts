// AVRO in the QTT runner: the case's topic schemas registered (with the ids the case names), JSON
// inputs written as Confluent-framed Avro with the topic's schema (as ksqlDB's test driver
// serializes them), and outputs read back with their writer schema, every field of it.
import { javaParseLong } from '../../src/values/java-number.js';
import type { JsonValue, QttCase, QttTopic } from './qtt-types.js';
import type { RegisteredSchema, SchemaRegistry, SchemaToRegister } from '../../src/format/registry/schema-registry.js';
import type { Column } from '../../src/types/schema.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import { SchemaRegistryError } from '../../src/format/registry/schema-registry.js';
import { JsonNumber } from '../../src/format/json-exact.js';
import { Decimal } from '../../src/types/decimal.js';
import { type AvroNode, avroNode, nonNull } from '../../src/format/avro/avro-node.js';
import { avscType } from '../../src/format/avro/avsc-type.js';
import { decimalToBytes } from '../../src/format/avro/avro-decimal.js';
import { columnsFromAvro } from '../../src/format/avro/columns-from-avro.js';

/**
 * The in-process registry numbered as ksqlDB's test driver numbers its mock registry's schemas:
 * first the schemas of the statements' own sources (CREATE with columns registers them), then
 * the case's topic schemas, or the ids the case names (`valueSchemaId: 102`). The case's schemas
 * are registered first here, so ids are shown through a bijection. As the mock, it registers
 * without a compatibility check (a refused schema goes under a shadow subject).
 */
export class CaseRegistry implements SchemaRegistry {
  readonly describe = 'qtt';
  private readonly inner = new InProcessRegistry();
  private readonly shownOf = new Map<number, number>();
  private readonly realOf = new Map<number, number>();
  private readonly overridden = new Map<string, string>();
  private reserved = 0;
  private declared = 0;
  private shadows = 0;

  private map(real: number, shown: number): void { this.shownOf.set(real, shown); this.realOf.set(shown, real); }
  private show(real: number): number {
    const known = this.shownOf.get(real);
    if (known !== undefined) return known;
    // The statements' schemas, registered after the case's, take the first ids.
    const shown = real > this.declared && real <= this.declared + this.reserved ? real - this.declared : real;
    this.map(real, shown);
    return shown;
  }
  private shown(s: RegisteredSchema): RegisteredSchema { return { ...s, id: this.show(s.id) }; }

  async latest(subject: string): Promise<RegisteredSchema | undefined> {
    const s = await this.inner.latest(this.overridden.get(subject) ?? subject);
    return s && { ...this.shown(s), subject };
  }
  async byId(id: number): Promise<RegisteredSchema> {
    return this.shown(await this.inner.byId(this.realOf.get(id) ?? id));
  }
  async register(subject: string, schema: SchemaToRegister): Promise<number> {
    const target = this.overridden.get(subject) ?? subject;
    try {
      return this.show(await this.inner.register(target, schema));
    } catch (e) {
      if (!(e instanceof SchemaRegistryError) || e.status !== 409) throw e;
      const shadow = `${subject}\u0000${++this.shadows}`;
      this.overridden.set(subject, shadow);
      return this.show(await this.inner.register(shadow, schema));
    }
  }
  compatible(subject: string, schema: SchemaToRegister): Promise<boolean> {
    return this.inner.compatible(this.overridden.get(subject) ?? subject, schema);
  }
  /** Registers a case's topic schema; its id as the case sees it. */
  async registerAs(subject: string, schema: string, asId?: number, schemaType: 'AVRO' | 'PROTOBUF' | 'JSON' = 'AVRO', references?: SchemaToRegister['references']): Promise<number> {
    const real = await this.inner.register(subject, { schemaType, schema, references });
    this.declared = Math.max(this.declared, real);
    this.map(real, asId ?? real + this.reserved);
    return this.show(real);
  }
  /** Before registerAs: how many schemas the statements will register first. */
  reserve(n: number): void { this.reserved = n; }
}

/** How many AVRO schemas the case's CREATE-with-columns statements register before its topics'. */
function statementSchemas(c: QttCase, declared: Set<string>): number {
  let n = 0;
  for (const s of c.statements) {
    if (!/^\s*CREATE\s+(OR\s+REPLACE\s+)?(SOURCE\s+)?(STREAM|TABLE)\s+[^\s(]+\s*\(/i.test(s) || /\bAS\s+SELECT\b/i.test(s)) continue;
    const topic = /kafka_topic\s*=\s*'([^']+)'/i.exec(s)?.[1];
    if (!topic) continue;
    const fmt = (name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*'([^']+)'`, 'i').exec(s)?.[1]?.toUpperCase();
    const both = fmt('FORMAT');
    const value = fmt('VALUE_FORMAT') ?? both;
    const key = fmt('KEY_FORMAT') ?? both;
    const registers = (f: string | undefined): boolean => f === 'AVRO' || f === 'JSON_SR';
    if (/\bKEY\b/i.test(s) && registers(key) && !declared.has(`${topic}-key`)) n++;
    if (registers(value) && !declared.has(`${topic}-value`)) n++;
  }
  return n;
}

/** Whether a topic's schema is an Avro one (not JSON Schema, not .proto text). */
function isAvro(schema: JsonValue | undefined, format: string | undefined): boolean {
  if (schema === undefined || schema === null) return false;
  if (format !== undefined && format.toUpperCase() !== 'AVRO') return false;
  if (typeof schema === 'string') return !/\bsyntax\b|\bmessage\b/.test(schema);
  if (typeof schema === 'object' && !Array.isArray(schema) && !(schema instanceof JsonNumber)) {
    return !('properties' in schema || 'oneOf' in schema || schema.type === 'object');
  }
  return Array.isArray(schema);
}

/** Plain JSON of a case's schema (numbers as numbers). */
function schemaText(v: JsonValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof JsonNumber ? x.toNumber() : x));
}

/** Whether a topic's schema is a JSON Schema (JSON_SR; cases also give them with format JSON). */
function isJsonSchema(schema: JsonValue | undefined, format: string | undefined): boolean {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || schema instanceof JsonNumber) return false;
  const f = format?.toUpperCase();
  if (f === 'JSON' || f === 'JSON_SR') return true;
  return f === undefined && !isAvro(schema, format);
}

export interface TopicSchemas {
  key?: { id: number; node: AvroNode; text: string };
  value?: { id: number; node: AvroNode; text: string };
  /** JSON_SR topic schemas: the ids inputs are framed with. */
  jsonKey?: { id: number };
  jsonValue?: { id: number };
}

/** Registers the case's Avro topic schemas (keys first, as the case ids count them). */
export async function registerCaseSchemas(reg: CaseRegistry, c: QttCase): Promise<Map<string, TopicSchemas>> {
  const out = new Map<string, TopicSchemas>();
  const declared = new Set<string>();
  for (const t of c.topics) {
    if (isAvro(t.keySchema, t.keyFormat)) declared.add(`${t.name}-key`);
    if (isAvro(t.valueSchema, t.valueFormat)) declared.add(`${t.name}-value`);
    if (isJsonSchema(t.keySchema, t.keyFormat)) declared.add(`${t.name}-key`);
    if (isJsonSchema(t.valueSchema, t.valueFormat)) declared.add(`${t.name}-value`);
  }
  reg.reserve(statementSchemas(c, declared));
  for (const t of c.topics) {
    const entry: TopicSchemas = {};
    for (const part of ['key', 'value'] as const) {
      const schema = part === 'key' ? t.keySchema : t.valueSchema;
      const format = part === 'key' ? t.keyFormat : t.valueFormat;
      if (isJsonSchema(schema, format)) {
        const id = await reg.registerAs(`${t.name}-${part}`, schemaText(schema!), part === 'key' ? t.keySchemaId : t.valueSchemaId, 'JSON');
        entry[part === 'key' ? 'jsonKey' : 'jsonValue'] = { id };
        continue;
      }
      if (!isAvro(schema, format)) continue;
      const text = schemaText(schema!);
      const id = await reg.registerAs(`${t.name}-${part}`, text, part === 'key' ? t.keySchemaId : t.valueSchemaId);
      entry[part] = { id, node: avroNode(text), text };
    }
    if (entry.key || entry.value || entry.jsonKey || entry.jsonValue) out.set(t.name, entry);
  }
  return out;
}

export function hasAvroSchema(t: QttTopic): boolean {
  return isAvro(t.keySchema, t.keyFormat) || isAvro(t.valueSchema, t.valueFormat);
}

/** A case's JSON value as the Avro value avsc writes with `n`. */
export function avroFromJson(n: AvroNode, v: JsonValue): unknown {
  if (n.kind === 'union') {
    if (v === null) return null;
    const one = nonNull(n);
    return avroFromJson(one ?? n.branches.find((b) => b.kind !== 'null')!, v);
  }
  if (v === null) return null;
  switch (n.kind) {
    case 'long': // every digit: a bigint past 2^53 (src/values/long.ts)
      if (v instanceof JsonNumber) return javaParseLong(v.text) ?? v.toNumber();
      return typeof v === 'string' ? javaParseLong(v) ?? Number(v) : v;
    case 'int': case 'float': case 'double':
      return v instanceof JsonNumber ? v.toNumber() : typeof v === 'string' ? Number(v) : v;
    case 'boolean': case 'string': case 'enum': return v instanceof JsonNumber ? v.text : v;
    case 'bytes': case 'fixed': {
      if (n.decimal) {
        const d = Decimal.fromString(v instanceof JsonNumber ? v.text : String(v)).setScale(n.decimal.scale);
        return decimalToBytes(d);
      }
      return Buffer.from(String(v), 'base64');
    }
    case 'array': return (v as JsonValue[]).map((x) => avroFromJson(n.items, x));
    case 'map': {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, JsonValue>)) o[k] = avroFromJson(n.values, x);
      return o;
    }
    case 'record': {
      const src = v as Record<string, JsonValue>;
      const o: Record<string, unknown> = {};
      for (const f of n.fields) {
        const k = f.name in src ? f.name : Object.keys(src).find((x) => x.toUpperCase() === f.name.toUpperCase());
        o[f.name] = k === undefined ? (f.hasDefault ? f.default : null) : avroFromJson(f.type, src[k]);
      }
      return o;
    }
    default: return v;
  }
}

/** Confluent's framing of `value` written with the schema. */
export function framedAvro(id: number, text: string, value: unknown): Uint8Array {
  const body = avscType(text).toBuffer(value);
  const out = Buffer.alloc(5 + body.length);
  out.writeInt32BE(id, 1);
  body.copy(out, 5);
  return out;
}

/** The columns an output record's writer schema gives it (all its fields, as the case lists them). */
export function writerColumns(text: string, isKey: boolean, unwrapped: boolean, single: Column | undefined): Column[] {
  const node = avroNode(text);
  const rec = nonNull(node);
  if (!unwrapped && rec?.kind === 'record') return columnsFromAvro(node, { isKey: false, unwrapped: false });
  const [c] = columnsFromAvro(node, { isKey, unwrapped: true });
  return [{ ...c, name: single?.name ?? c.name }];
}

/** Whether a topic's schema is .proto text. */
function isProto(schema: JsonValue | undefined, format: string | undefined): boolean {
  if (typeof schema !== 'string' || !/\bsyntax\b|\bmessage\b/.test(schema)) return false;
  return format === undefined || format.toUpperCase() === 'PROTOBUF';
}

export interface ProtoTopicSchemas { key?: number; value?: number }

/**
 * Registers the case's PROTOBUF topic schemas (their references first, each under its own name
 * as subject), with the ids the case names; the ids as the case sees them.
 */
export async function registerCaseProtoSchemas(reg: CaseRegistry, c: QttCase): Promise<Map<string, ProtoTopicSchemas>> {
  const out = new Map<string, ProtoTopicSchemas>();
  for (const t of c.topics) {
    const entry: ProtoTopicSchemas = {};
    for (const part of ['key', 'value'] as const) {
      const schema = part === 'key' ? t.keySchema : t.valueSchema;
      if (!isProto(schema, part === 'key' ? t.keyFormat : t.valueFormat)) continue;
      const refs = ((part === 'key' ? t.keySchemaReferences : t.valueSchemaReferences) ?? []) as { name: string; schema: string }[];
      for (const r of refs) await reg.registerAs(r.name, r.schema, undefined, 'PROTOBUF');
      entry[part] = await reg.registerAs(`${t.name}-${part}`, schema as string, part === 'key' ? t.keySchemaId : t.valueSchemaId, 'PROTOBUF',
        refs.map((r) => ({ name: r.name, subject: r.name, version: 1 })));
    }
    if (entry.key !== undefined || entry.value !== undefined) out.set(t.name, entry);
  }
  return out;
}
