// The Protobuf records the interop tests send: messages described as protobuf_interop.py builds
// them (no protoc needed), values as JSON (a Decimal as its text, a Timestamp as epoch millis).
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
        { name: 'price', type: 'confluent.type.Decimal' }, { name: 'ts', type: 'google.protobuf.Timestamp' },
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
