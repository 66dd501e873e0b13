// avsc (the Avro library @confluentinc/schemaregistry uses) for the binary encoding. Imported
// directly: the registry package's root import loads cloud KMS SDKs (see ARCHITECTURE.md).
// Longs are read and written through BigInt, exact: a BIGINT past 2^53 is a bigint (values/long.ts);
// unions are bare values, as SQL has them.
import avsc from 'avsc';
import { long, type Long } from '../../values/long.js';

const LONG = avsc.types.LongType.__with({
  fromBuffer: (b: Buffer) => long(b.readBigInt64LE(0)),
  toBuffer: (n: Long) => {
    const b = Buffer.allocUnsafe(8);
    b.writeBigInt64LE(typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
    return b;
  },
  fromJSON: (x: unknown) => (typeof x === 'bigint' ? long(x) : Number(x)),
  toJSON: (n: Long) => (typeof n === 'bigint' ? Number(n) : n),
  isValid: (n: unknown) => typeof n === 'bigint' || (typeof n === 'number' && Number.isFinite(n)),
  compare: (a: Long, b: Long) => (a < b ? -1 : a > b ? 1 : 0),
});

export type AvscType = avsc.Type;

/** The avsc type of a schema (text or parsed JSON). Throws avsc's error on an invalid schema. */
export function avscType(schema: unknown): AvscType {
  const json = typeof schema === 'string' ? parseSchemaText(schema) : schema;
  return avsc.Type.forSchema(json as avsc.Schema, { registry: { long: LONG }, wrapUnions: 'never', typeHook: longHook });
}

/** {"type": "long", ...} (e.g. timestamp-millis) is a long too: the registry covers only the bare name. */
function longHook(schema: avsc.Schema): avsc.Type | undefined {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'long' ? LONG : undefined;
}

function parseSchemaText(text: string): unknown {
  try { return JSON.parse(text); } catch { return text.trim(); }
}
