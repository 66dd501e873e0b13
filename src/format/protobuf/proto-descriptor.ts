// A PROTOBUF schema in its serialized form: a FileDescriptorProto, base64-encoded. Confluent's
// Python (and Go) ProtobufSerializer registers its schema so; Confluent's registry turns it into
// .proto text, Apicurio stores and returns it as it came. Decoded here with the wire reader into
// the model the .proto parser gives (types still names, resolved by parseProto), so everything
// after the parse reads both forms alike. Field numbers are descriptor.proto's.
import { Failure } from '../serde-failure.js';
import { ProtoReader, WT_LEN, WT_VARINT } from './proto-wire.js';
import { ProtoParseError } from './proto-error.js';
import type { PbEnum, PbField, PbFile, PbMessage, PbScalar } from './proto-model.js';

/** FieldDescriptorProto.Type numbers → scalar names; 10 (group), 11 (message), 14 (enum) aside. */
const SCALAR_OF_TYPE: readonly (PbScalar | undefined)[] = [
  undefined, 'double', 'float', 'int64', 'uint64', 'int32', 'fixed64', 'fixed32', 'bool', 'string',
  undefined, undefined, 'bytes', 'uint32', undefined, 'sfixed32', 'sfixed64', 'sint32', 'sint64',
];
const TYPE_GROUP = 10;
const LABEL_REQUIRED = 2;
const LABEL_REPEATED = 3;
/** The extension number of confluent.field_meta on FieldOptions (confluent/meta.proto). */
const FIELD_META = 1088;

/**
 * Whether a registered schema's text is a base64 FileDescriptorProto rather than .proto text:
 * base64's alphabet only, in whole quads. .proto text never passes (any statement has ';', '{'
 * or a space).
 */
export function isSerializedDescriptor(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(t);
}

/** The file a base64 FileDescriptorProto describes (types unresolved, as parseProtoText gives them). */
export function parseSerializedDescriptor(text: string): PbFile {
  return decodeFileDescriptor(Buffer.from(text.trim(), 'base64'));
}

export function decodeFileDescriptor(bytes: Uint8Array): PbFile {
  try {
    return buildFile(readFile(bytes));
  } catch (e) {
    if (e instanceof ProtoParseError) throw e;
    const why = e instanceof Failure || e instanceof Error ? e.message : String(e);
    throw new ProtoParseError(`the schema is neither .proto text nor a readable base64 FileDescriptorProto (${why})`);
  }
}

// ---- the descriptor's bytes, as they are ----------------------------------------------------

interface RawField {
  name: string; number: number; label: number; type: number; typeName: string;
  oneofIndex?: number; proto3Optional: boolean; params?: Record<string, string>;
}
interface RawMessage { name: string; fields: RawField[]; nested: RawMessage[]; enums: RawEnum[]; oneofs: string[]; mapEntry: boolean }
interface RawEnum { name: string; values: { name: string; number: number }[] }
interface RawFile { package?: string; syntax?: string; imports: string[]; messages: RawMessage[]; enums: RawEnum[] }

/** Calls `visit` for each field of the message in [start, end); fields it does not take are skipped. */
function walk(buf: Uint8Array, start: number, end: number, visit: (n: number, wt: number, r: ProtoReader) => boolean): void {
  const r = new ProtoReader(buf, start, end);
  while (r.pos < end) {
    const tag = r.uint32();
    const wt = tag & 7;
    if (tag >>> 3 === 0) throw new Failure('field number 0');
    if (!visit(tag >>> 3, wt, r)) r.skip(wt);
  }
  if (r.pos !== end) throw new Failure('truncated descriptor');
}

/** The bounds of a length-delimited part at the reader; the reader moves past it. */
function part(r: ProtoReader): [number, number] {
  const start = r.len();
  return [start, r.pos];
}

function readFile(buf: Uint8Array): RawFile {
  const f: RawFile = { imports: [], messages: [], enums: [] };
  walk(buf, 0, buf.length, (n, wt, r) => {
    if (wt === WT_LEN) {
      switch (n) {
        case 2: f.package = r.string(); return true;
        case 3: f.imports.push(r.string()); return true;
        case 4: f.messages.push(readMessage(buf, ...part(r))); return true;
        case 5: f.enums.push(readEnum(buf, ...part(r))); return true;
        case 12: f.syntax = r.string(); return true;
        default: return false;
      }
    }
    return false;
  });
  return f;
}

function readMessage(buf: Uint8Array, start: number, end: number): RawMessage {
  const m: RawMessage = { name: '', fields: [], nested: [], enums: [], oneofs: [], mapEntry: false };
  walk(buf, start, end, (n, wt, r) => {
    if (wt !== WT_LEN) return false;
    switch (n) {
      case 1: m.name = r.string(); return true;
      case 2: m.fields.push(readField(buf, ...part(r))); return true;
      case 3: m.nested.push(readMessage(buf, ...part(r))); return true;
      case 4: m.enums.push(readEnum(buf, ...part(r))); return true;
      case 7: // MessageOptions: map_entry = 7
        walk(buf, ...part(r), (o, owt, or) => {
          if (o === 7 && owt === WT_VARINT) { m.mapEntry = or.bool(); return true; }
          return false;
        });
        return true;
      case 8: { // OneofDescriptorProto: name = 1
        let name = '';
        walk(buf, ...part(r), (o, owt, or) => {
          if (o !== 1 || owt !== WT_LEN) return false;
          name = or.string();
          return true;
        });
        m.oneofs.push(name);
        return true;
      }
      default: return false;
    }
  });
  if (!m.name) throw new Failure('a message without a name');
  return m;
}

function readField(buf: Uint8Array, start: number, end: number): RawField {
  const f: RawField = { name: '', number: 0, label: 1, type: 0, typeName: '', proto3Optional: false };
  walk(buf, start, end, (n, wt, r) => {
    if (wt === WT_VARINT) {
      switch (n) {
        case 3: f.number = r.int32(); return true;
        case 4: f.label = r.int32(); return true;
        case 5: f.type = r.int32(); return true;
        case 9: f.oneofIndex = r.int32(); return true;
        case 17: f.proto3Optional = r.bool(); return true;
        default: return false;
      }
    }
    if (wt !== WT_LEN) return false;
    switch (n) {
      case 1: f.name = r.string(); return true;
      case 6: f.typeName = r.string(); return true;
      case 8: { // FieldOptions: confluent.field_meta (a Meta: params = 2, a map<string, string>)
        walk(buf, ...part(r), (o, owt, or) => {
          if (o !== FIELD_META || owt !== WT_LEN) return false;
          f.params = readMetaParams(buf, ...part(or));
          return true;
        });
        return true;
      }
      default: return false;
    }
  });
  if (!f.name || f.number <= 0) throw new Failure(`a field without a name or number (${f.name || '?'} = ${f.number})`);
  return f;
}

function readMetaParams(buf: Uint8Array, start: number, end: number): Record<string, string> {
  const params: Record<string, string> = {};
  walk(buf, start, end, (n, wt, r) => {
    if (n !== 2 || wt !== WT_LEN) return false;
    let key = '';
    let value = '';
    walk(buf, ...part(r), (e, ewt, er) => {
      if (ewt !== WT_LEN || (e !== 1 && e !== 2)) return false;
      if (e === 1) key = er.string(); else value = er.string();
      return true;
    });
    params[key] = value;
    return true;
  });
  return params;
}

function readEnum(buf: Uint8Array, start: number, end: number): RawEnum {
  const e: RawEnum = { name: '', values: [] };
  walk(buf, start, end, (n, wt, r) => {
    if (wt !== WT_LEN) return false;
    if (n === 1) { e.name = r.string(); return true; }
    if (n !== 2) return false;
    const v = { name: '', number: 0 };
    walk(buf, ...part(r), (o, owt, or) => {
      if (o === 1 && owt === WT_LEN) { v.name = or.string(); return true; }
      if (o === 2 && owt === WT_VARINT) { v.number = or.int32(); return true; }
      return false;
    });
    e.values.push(v);
    return true;
  });
  if (!e.name) throw new Failure('an enum without a name');
  return e;
}

// ---- the model, as the .proto parser builds it ----------------------------------------------

function buildFile(raw: RawFile): PbFile {
  const syntax = raw.syntax === 'proto3' ? 'proto3' : 'proto2';
  const prefix = raw.package ? `${raw.package}.` : '';
  const file: PbFile = {
    syntax, imports: raw.imports,
    messages: raw.messages.map((m) => buildMessage(m, prefix, syntax)),
    enums: raw.enums.map((e) => buildEnum(e, prefix)),
  };
  if (raw.package) file.package = raw.package;
  return file;
}

function buildEnum(e: RawEnum, prefix: string): PbEnum {
  return { kind: 'enum', name: e.name, fullName: prefix + e.name, values: e.values };
}

/**
 * Whether oneof `i` is synthetic (proto3 `optional`): protoc marks its one field proto3_optional;
 * writers that omit the mark (protobufjs) still name it `_<field>`, as protoc does.
 */
function syntheticOneof(m: RawMessage, i: number, syntax: PbFile['syntax']): boolean {
  const members = m.fields.filter((f) => f.oneofIndex === i);
  if (members.some((f) => f.proto3Optional)) return true;
  return syntax === 'proto3' && members.length === 1 && m.oneofs[i] === `_${members[0].name}`;
}

function buildMessage(raw: RawMessage, prefix: string, syntax: PbFile['syntax']): PbMessage {
  const fullName = prefix + raw.name;
  const inner = `${fullName}.`;
  const synthetic = raw.oneofs.map((_, i) => syntheticOneof(raw, i, syntax));
  const m: PbMessage = {
    kind: 'message', name: raw.name, fullName,
    fields: raw.fields.map((f) => buildField(f, raw, synthetic, syntax)),
    messages: raw.nested.map((n) => buildMessage(n, inner, syntax)),
    enums: raw.enums.map((e) => buildEnum(e, inner)),
  };
  const oneofs = raw.oneofs.filter((_, i) => !synthetic[i]);
  if (oneofs.length) m.oneofs = oneofs;
  if (raw.mapEntry) {
    m.mapEntry = true;
    for (const f of m.fields) delete f.label; // as the parser's entries: key and value, no label
  }
  return m;
}

function buildField(raw: RawField, m: RawMessage, synthetic: boolean[], syntax: PbFile['syntax']): PbField {
  if (raw.type === TYPE_GROUP) throw new ProtoParseError('proto2 groups are not supported');
  const scalar = SCALAR_OF_TYPE[raw.type];
  if (!scalar && !raw.typeName) throw new Failure(`field ${m.name}.${raw.name} has no type`);
  const f: PbField = { name: raw.name, number: raw.number, typeName: scalar ?? raw.typeName };
  const inSynthetic = raw.oneofIndex !== undefined && synthetic[raw.oneofIndex];
  if (raw.label === LABEL_REPEATED) f.label = 'repeated';
  else if (raw.label === LABEL_REQUIRED) f.label = 'required';
  else if (syntax === 'proto2' || inSynthetic) f.label = 'optional';
  if (raw.oneofIndex !== undefined && !inSynthetic) {
    const name = m.oneofs[raw.oneofIndex];
    if (name === undefined) throw new Failure(`field ${m.name}.${raw.name} names oneof ${raw.oneofIndex}, which is not declared`);
    f.oneof = name;
  }
  if (raw.params) f.params = raw.params;
  return f;
}
