// The Protobuf records the interop tests send: messages described as protobuf_interop.py builds
// them (no protoc needed), values as JSON (a Decimal as its text, a Timestamp as epoch millis),
// and what Eddy should make of them: the columns ksqlDB infers (Connect's ProtobufData) and each
// record as a row.
import { plain } from './avro-sample.js';

/** The messages protobuf_interop.py builds (see its docstring): the first one is written. */
export const PB_SCHEMA = {
  package: 'interop',
  messages: [
    {
      name: 'Reading',
      fields: [
        { name: 'i', type: 'int32' }, { name: 'l', type: 'int64' }, { name: 'd', type: 'double' },
        { name: 's', type: 'string' }, { name: 'b', type: 'bool' }, { name: 'nested', type: 'Inner' },
        { name: 'arr', type: 'int64', repeated: true }, { name: 'm', map: ['string', 'double'] },
        { name: 'price', type: 'confluent.type.Decimal', precision: 10, scale: 2 }, { name: 'ts', type: 'google.protobuf.Timestamp' },
      ],
    },
    { name: 'Inner', fields: [{ name: 'x', type: 'int32' }, { name: 'tag', type: 'string' }] },
  ],
};

/** Every field given (proto3 reads an unset scalar as its zero), the nested message once unset. */
export const PB_READINGS = [
  { i: 1, l: 4_000_000_000, d: 1.5, s: 'héllo', b: true, nested: { x: 7, tag: 'a' }, arr: [1, 2], m: { k: 0.25 }, price: '12.34', ts: 1_700_000_000_123 },
  { i: -2, l: -5, d: -0.75, s: '', b: false, nested: null, arr: [], m: {}, price: '-0.01', ts: 0 },
];

/** The columns ksqlDB infers from PB_SCHEMA's latest version: names upper-cased, struct fields too. */
export const PB_COLUMNS = [
  ['I', 'INTEGER'], ['L', 'BIGINT'], ['D', 'DOUBLE'], ['S', 'STRING'], ['B', 'BOOLEAN'],
  ['NESTED', 'STRUCT<`X` INTEGER, `TAG` STRING>'], ['ARR', 'ARRAY<BIGINT>'], ['M', 'MAP<STRING, DOUBLE>'],
  ['PRICE', 'DECIMAL(10, 2)'], ['TS', 'TIMESTAMP'],
];

type PbShape = Record<'i' | 'l' | 'd' | 's' | 'b' | 'arr' | 'm' | 'price' | 'ts', unknown> & { nested: { x: unknown; tag: unknown } | null };

/** A reading as an Eddy sink of `SELECT *` writes it: its columns' (upper-case) names; map keys as they were. */
export const pbAsSinkRecord = (r: PbShape): Record<string, unknown> => ({
  I: r.i, L: r.l, D: r.d, S: r.s, B: r.b, NESTED: r.nested && { X: r.nested.x, TAG: r.nested.tag },
  ARR: r.arr, M: r.m, PRICE: r.price, TS: r.ts,
});

/** PB_READINGS as Eddy's rows should read, in PB_COLUMNS order. */
export const PB_ROWS: unknown[][] = PB_READINGS.map((r) => Object.values(pbAsSinkRecord(r)).map(plain));

/** A message with two oneofs (one of them of a message member) and a field after them. */
export const PB_ONEOF_SCHEMA = {
  package: 'interop',
  messages: [
    {
      name: 'Payment',
      fields: [
        { name: 'id', type: 'string' },
        { oneof: 'method', fields: [{ name: 'card', type: 'string' }, { name: 'transfer', type: 'Transfer' }, { name: 'points', type: 'int64' }] },
        { name: 'amount', type: 'double' },
        { oneof: 'channel', fields: [{ name: 'web', type: 'bool' }, { name: 'store', type: 'int32' }] },
      ],
    },
    { name: 'Transfer', fields: [{ name: 'iban', type: 'string' }] },
  ],
};

/** Each member once, a member at its zero value (still set), and a oneof left unset. */
export const PB_ONEOF_RECORDS = [
  { id: 'p1', card: '4111', amount: 9.5, web: true },
  { id: 'p2', transfer: { iban: 'DE02' }, amount: 1, store: 7 },
  { id: 'p3', points: 0, amount: 0 },
];

/** Connect's columns: a STRUCT <oneof>_<index> per oneof, ahead of the other fields. */
export const PB_ONEOF_COLUMNS = [
  ['METHOD_0', 'STRUCT<`CARD` STRING, `TRANSFER` STRUCT<`IBAN` STRING>, `POINTS` BIGINT>'],
  ['CHANNEL_1', 'STRUCT<`WEB` BOOLEAN, `STORE` INTEGER>'],
  ['ID', 'STRING'], ['AMOUNT', 'DOUBLE'],
];

export const PB_ONEOF_ROWS = [
  [{ CARD: '4111', TRANSFER: null, POINTS: null }, { WEB: true, STORE: null }, 'p1', 9.5],
  [{ CARD: null, TRANSFER: { IBAN: 'DE02' }, POINTS: null }, { WEB: null, STORE: 7 }, 'p2', 1],
  [{ CARD: null, TRANSFER: null, POINTS: 0 }, null, 'p3', 0],
];
