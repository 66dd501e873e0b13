// The proto3 schema ksqlDB registers for a source's key or value columns (Connect's
// ProtobufData.fromConnectSchema, printed as Confluent's ProtobufSchema prints it): one message
// `ConnectDefault1` (or the KEY_/VALUE_SCHEMA_FULL_NAME), fields numbered from 1 in column
// order, nested structs as nested messages ConnectDefault2, 3, ... (numbered depth-first), maps as
// a repeated nested ConnectDefaultNEntry {key = 1; value = 2}, arrays as repeated fields, DECIMAL
// as confluent.type.Decimal with its precision and scale in confluent.field_meta, DATE, TIME and
// TIMESTAMP as google.type.Date, google.type.TimeOfDay and google.protobuf.Timestamp. Nullable
// columns are plain fields by default, `optional` ones with the OPTIONAL representation, and
// google.protobuf.*Value wrappers with WRAPPER.
import type { Column } from '../../types/schema.js';
import type { SqlType } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';

export type NullableRepresentation = 'OPTIONAL' | 'WRAPPER';

export interface ProtoSchemaOptions {
  /** KEY_/VALUE_SCHEMA_FULL_NAME; names starting ConnectDefault are ignored, as ksqlDB does. */
  fullName?: string;
  /** KEY_/VALUE_PROTOBUF_NULLABLE_REPRESENTATION. */
  nullable?: NullableRepresentation;
}

interface FieldDef { label?: string; type: string; name: string; number: number; params?: [string, string][] }
interface MessageDef { name: string; fields: FieldDef[]; nested: MessageDef[] }

const WRAPPERS: Partial<Record<SqlType['kind'], string>> = {
  INTEGER: 'google.protobuf.Int32Value', BIGINT: 'google.protobuf.Int64Value', DOUBLE: 'google.protobuf.DoubleValue',
  BOOLEAN: 'google.protobuf.BoolValue', STRING: 'google.protobuf.StringValue', BYTES: 'google.protobuf.BytesValue',
};
const PLAIN: Partial<Record<SqlType['kind'], string>> = {
  INTEGER: 'int32', BIGINT: 'int64', DOUBLE: 'double', BOOLEAN: 'bool', STRING: 'string', BYTES: 'bytes',
};
const LOGICAL: Partial<Record<SqlType['kind'], [string, string]>> = {
  DECIMAL: ['confluent.type.Decimal', 'confluent/type/decimal.proto'],
  DATE: ['google.type.Date', 'google/type/date.proto'],
  TIME: ['google.type.TimeOfDay', 'google/type/timeofday.proto'],
  TIMESTAMP: ['google.protobuf.Timestamp', 'google/protobuf/timestamp.proto'],
};

class Builder {
  private index = 0;
  readonly imports: string[] = [];
  constructor(private readonly nullable: NullableRepresentation | undefined) {}

  defaultName(): string {
    return `ConnectDefault${++this.index}`;
  }

  private importOnce(path: string): void {
    if (!this.imports.includes(path)) this.imports.push(path);
  }

  message(name: string, fields: readonly { name: string; type: SqlType }[]): MessageDef {
    const m: MessageDef = { name, fields: [], nested: [] };
    fields.forEach((f, i) => m.fields.push(this.field(m, f.name, f.type, i + 1)));
    return m;
  }

  private field(parent: MessageDef, name: string, t: SqlType, number: number): FieldDef {
    let label: string | undefined;
    if (t.kind === 'ARRAY') {
      label = 'repeated';
      t = t.item;
      if (t.kind === 'ARRAY' || t.kind === 'MAP') {
        throw new SqlError('INVALID_STATEMENT', `The 'PROTOBUF' format does not support nested ARRAY or MAP in ARRAY (field ${name})`);
      }
    } else if (t.kind === 'MAP') {
      label = 'repeated';
    } else if (this.nullable === 'OPTIONAL') {
      label = 'optional';
    }
    const f: FieldDef = { type: '', name, number };
    if (label) f.label = label;
    switch (t.kind) {
      case 'STRUCT': {
        let type = this.defaultName();
        if (type === name) type += 'Message';
        f.type = type;
        parent.nested.push(this.message(type, t.fields));
        break;
      }
      case 'MAP': {
        if (t.key.kind !== 'STRING') {
          throw new SqlError('INVALID_STATEMENT', 'PROTOBUF format only supports MAP types with STRING keys. See https://github.com/confluentinc/ksql/issues/6177.');
        }
        f.type = `${this.defaultName()}Entry`;
        const entry: MessageDef = { name: f.type, fields: [], nested: [] };
        entry.fields.push(this.field(entry, 'key', t.key, 1), this.field(entry, 'value', t.value, 2));
        parent.nested.push(entry);
        break;
      }
      default: {
        const logical = LOGICAL[t.kind];
        if (logical) {
          f.type = logical[0];
          this.importOnce(logical[1]);
          if (t.kind === 'DECIMAL') {
            f.params = [['precision', String(t.precision)], ['scale', String(t.scale)]];
            this.importOnce('confluent/meta.proto');
          }
          break;
        }
        const plain = PLAIN[t.kind];
        if (!plain) throw new SqlError('INVALID_STATEMENT', `The 'PROTOBUF' format does not support type '${t.kind}'`);
        if (this.nullable === 'WRAPPER') {
          f.type = WRAPPERS[t.kind]!;
          this.importOnce('google/protobuf/wrappers.proto');
        } else {
          f.type = plain;
        }
      }
    }
    return f;
  }
}

/** The schema's text, as ksqlDB registers it. */
export function protoSchemaText(columns: readonly Column[], opts: ProtoSchemaOptions = {}): string {
  const b = new Builder(opts.nullable);
  const full = opts.fullName?.trim();
  const named = full && !full.startsWith('ConnectDefault') ? full : undefined;
  const dot = named ? named.lastIndexOf('.') : -1;
  const pkg = named && dot >= 0 ? named.slice(0, dot) : undefined;
  const name = named ? named.slice(dot + 1) : b.defaultName();
  const root = b.message(name, columns.map((c) => ({ name: c.name, type: c.type })));
  let out = 'syntax = "proto3";\n';
  if (pkg) out += `package ${pkg};\n`;
  if (b.imports.length) {
    out += '\n';
    for (const i of b.imports) out += `import "${i}";\n`;
  }
  out += '\n' + printMessage(root);
  return out;
}

/** The full name of the message protoSchemaText writes (to find it in a parsed schema). */
export function rootMessageName(opts: ProtoSchemaOptions = {}): string {
  const full = opts.fullName?.trim();
  return full && !full.startsWith('ConnectDefault') ? full : 'ConnectDefault1';
}

function printMessage(m: MessageDef): string {
  let s = `message ${m.name} {\n`;
  for (const f of m.fields) s += indent(printField(f));
  if (m.nested.length) {
    s += '\n';
    for (const n of m.nested) s += indent(printMessage(n));
  }
  return s + '}\n';
}

function printField(f: FieldDef): string {
  let s = `${f.label ? f.label + ' ' : ''}${f.type} ${f.name} = ${f.number}`;
  if (f.params) {
    const entries = f.params.map(([k, v]) => `  {\n    key: "${k}",\n    value: "${v}"\n  }`).join(',\n');
    s += ` [(confluent.field_meta) = {\n  params: [\n${indent(entries + '\n', 2)}  ]\n}]`;
  }
  return s + ';\n';
}

function indent(text: string, by = 2): string {
  const pad = ' '.repeat(by);
  return text.split('\n').map((l, i, a) => (l === '' && i === a.length - 1 ? '' : l === '' ? '' : pad + l)).join('\n');
}
