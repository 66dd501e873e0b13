// A parsed .proto schema as the protobuf serdes use it: messages with their fields (numbers,
// labels, types resolved to scalars, enums or messages), map fields as Connect sees them
// (a repeated <Name>Entry message with key = 1 and value = 2), and the field options ksqlDB
// reads (confluent.field_meta params: a decimal's precision and scale).

export type PbScalar =
  | 'double' | 'float' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'sint32' | 'sint64'
  | 'fixed32' | 'fixed64' | 'sfixed32' | 'sfixed64' | 'bool' | 'string' | 'bytes';

export const SCALARS: ReadonlySet<string> = new Set<PbScalar>([
  'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64',
  'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes',
]);

export interface PbEnum {
  kind: 'enum';
  name: string;
  fullName: string;
  values: { name: string; number: number }[];
}

export type PbType = { kind: 'scalar'; scalar: PbScalar } | PbEnum | PbMessage;

export interface PbField {
  name: string;
  number: number;
  /** 'optional': proto3 `optional` (explicit presence); 'repeated' also for map fields. */
  label?: 'optional' | 'repeated' | 'required';
  /** The type as written (resolved into `type` once the file and its imports are known). */
  typeName: string;
  type?: PbType;
  /** confluent.field_meta params (precision, scale, connect.type). */
  params?: Record<string, string>;
  /** Inside a (non-synthetic) oneof. */
  oneof?: string;
}

export interface PbMessage {
  kind: 'message';
  name: string;
  fullName: string;
  fields: PbField[];
  messages: PbMessage[];
  enums: PbEnum[];
  /** A map field's synthetic entry message (or one named <X>Entry with key/value, as Connect tells them). */
  mapEntry?: boolean;
  /** The names of its oneofs in declaration order (proto3 `optional`'s synthetic ones left out). */
  oneofs?: string[];
}

export interface PbFile {
  syntax: 'proto2' | 'proto3';
  package?: string;
  imports: string[];
  messages: PbMessage[];
  enums: PbEnum[];
}

/** Connect's test for a map: a repeated field of an <X>Entry message with exactly key and value. */
export function isMapField(f: PbField): boolean {
  const t = f.type;
  if (f.label !== 'repeated' || t?.kind !== 'message') return false;
  if (t.mapEntry) return true;
  return t.name.endsWith('Entry') && t.fields.length === 2 && t.fields[0].name === 'key' && t.fields[1].name === 'value'
    && t.fields[0].label !== 'repeated' && t.fields[1].label !== 'repeated';
}

/** A message's oneofs in declaration order, each with its members (Connect's index is the position). */
export function oneofsOf(m: PbMessage): { name: string; members: PbField[] }[] {
  const names = m.oneofs ?? [...new Set(m.fields.flatMap((f) => (f.oneof === undefined ? [] : [f.oneof])))];
  return names.map((name) => ({ name, members: m.fields.filter((f) => f.oneof === name) }));
}

/** Connect's (and so ksqlDB's) name for the STRUCT field of oneof `name` at `index`. */
export function oneofFieldName(name: string, index: number): string {
  return `${name}_${index}`;
}

/** The message at `path` (Confluent's message indexes: top level, then nested). */
export function messageAt(file: PbFile, path: readonly number[]): PbMessage | undefined {
  let m: PbMessage | undefined = file.messages[path[0]];
  for (let i = 1; m && i < path.length; i++) m = m.messages[path[i]];
  return m;
}

/** The indexes of the message named `name` (full name, or simple name) in `file`. */
export function pathOf(file: PbFile, name: string): number[] | undefined {
  const want = name.startsWith('.') ? name.slice(1) : name;
  const search = (ms: PbMessage[], prefix: number[]): number[] | undefined => {
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m.fullName === want || m.name === want) return [...prefix, i];
      const inner = search(m.messages, [...prefix, i]);
      if (inner) return inner;
    }
    return undefined;
  };
  return search(file.messages, []);
}

export const WRAPPER_TYPES: Readonly<Record<string, PbScalar>> = {
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes',
};

export const DECIMAL_TYPE = 'confluent.type.Decimal';
export const DATE_TYPE = 'google.type.Date';
export const TIME_TYPE = 'google.type.TimeOfDay';
export const TIMESTAMP_TYPE = 'google.protobuf.Timestamp';
