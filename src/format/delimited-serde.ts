// The DELIMITED format (ksqlDB's KsqlDelimitedSerializer/Deserializer over commons-csv 1.4):
// one CSV record per message, columns by position, primitive types and DECIMAL only. An empty
// field reads as null; null writes as an empty field. Only the first record counts, but every
// record must parse.
import type { Column } from '../types/schema.js';
import type { SqlType } from '../types/sql-type.js';
import { Decimal } from '../types/decimal.js';
import type { RowSerde } from './serde.js';
import { CsvReader, csvField } from './csv.js';
import { decodeBase64Java, encodeBase64 } from './base64.js';
import { fitDecimal } from './decimal-fit.js';
import type { Long } from '../values/long.js';
import { javaDoubleToString, javaLongText, javaParseDouble, javaParseInt, javaParseLong, parseBigDecimal } from '../values/java-number.js';
import { unsupportedType } from './format-errors.js';
import { columnCountMismatch, deserializeError, Failure, jsTypeName, serializeError, snippet } from './serde-failure.js';
import { javaUtf8Bytes } from './bytes.js';

type Parser = (text: string) => unknown; // text is non-empty
type Printer = (v: unknown) => string; // v is non-null

// new String(bytes, UTF_8): malformed input becomes U+FFFD, a BOM stays a character.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function createDelimitedSerde(columns: readonly Column[], delimiter: string, isKey: boolean): RowSerde {
  const parsers = columns.map((c) => parser(c));
  const printers = columns.map((c) => printer(c));
  return new DelimitedRowSerde(columns, parsers, printers, delimiter.charCodeAt(0), isKey ? 'key' : 'value');
}

function notNumber(type: string): Failure {
  return new Failure(`Can't parse as ${type}`);
}

function parser(c: Column): Parser {
  const t: SqlType = c.type;
  switch (t.kind) {
    case 'BOOLEAN': return (s) => s.toLowerCase() === 'true'; // Boolean.parseBoolean: anything else is false
    case 'INTEGER': return (s) => javaParseInt(s) ?? fail(notNumber('INTEGER'));
    case 'BIGINT': return (s) => javaParseLong(s) ?? fail(notNumber(t.kind));
    // Times in ms (and days) are numbers: one beyond 2^53 is not a valid time anyway.
    case 'TIMESTAMP': case 'TIME': return (s) => { const n = javaParseLong(s); return n === null ? fail(notNumber(t.kind)) : Number(n); };
    case 'DATE': return (s) => { const d = javaParseLong(s); return d === null ? fail(notNumber('DATE')) : Number(d) | 0; };
    case 'DOUBLE': return (s) => javaParseDouble(s) ?? fail(notNumber('DOUBLE'));
    case 'STRING': return (s) => s;
    case 'BYTES': return (s) => decodeBase64Java(s) ?? fail(new Failure('Value is not a valid Base64 encoded string'));
    case 'DECIMAL': {
      const { precision, scale } = t;
      return (s) => {
        const d = parseBigDecimal(s);
        return d === null ? fail(notNumber(`DECIMAL(${precision}, ${scale})`)) : fitDecimal(d, precision, scale);
      };
    }
    default: throw unsupportedType('DELIMITED', t, c);
  }
}

function fail(f: Failure): never {
  throw f;
}

function printer(c: Column): Printer {
  const t = c.type;
  const expect = (ok: boolean, v: unknown): void => {
    if (!ok) throw new Failure(`value does not match expected type. expected: ${t.kind}, but got: ${jsTypeName(v)}`);
  };
  switch (t.kind) {
    case 'BOOLEAN': return (v) => { expect(typeof v === 'boolean', v); return v ? 'true' : 'false'; };
    case 'INTEGER': case 'DATE': case 'TIME': return (v) => { expect(typeof v === 'number', v); return String((v as number) | 0); };
    case 'BIGINT': case 'TIMESTAMP': return (v) => { expect(typeof v === 'bigint' || (typeof v === 'number' && !Number.isNaN(v)), v); return javaLongText(v as Long); };
    case 'DOUBLE': return (v) => { expect(typeof v === 'number', v); return javaDoubleToString(v as number); };
    case 'STRING': return (v) => { expect(typeof v === 'string', v); return v as string; };
    case 'BYTES': return (v) => { expect(v instanceof Uint8Array, v); return encodeBase64(v as Uint8Array); };
    case 'DECIMAL': return (v) => { expect(v instanceof Decimal, v); return (v as Decimal).toString(); }; // toPlainString
    default: throw unsupportedType('DELIMITED', t, c);
  }
}

class DelimitedRowSerde implements RowSerde {
  private readonly n: number;
  private readonly sep: string;

  constructor(
    private readonly columns: readonly Column[],
    private readonly parsers: Parser[],
    private readonly printers: Printer[],
    private readonly delimiter: number,
    private readonly target: string,
  ) {
    this.n = columns.length;
    this.sep = String.fromCharCode(delimiter);
  }

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    try {
      if (row.length !== this.n) throw columnCountMismatch(this.n, row.length, true, topic);
      let text = '';
      for (let i = 0; i < this.n; i++) {
        const v = row[i];
        let s: string | null = null;
        if (v !== null && v !== undefined) {
          try {
            s = this.printers[i](v);
          } catch (e) {
            throw e instanceof Failure ? new Failure(e.message, `column ${this.columns[i].name}`) : e;
          }
        }
        text += (i > 0 ? this.sep : '') + csvField(s, i === 0, this.delimiter);
      }
      return javaUtf8Bytes(text);
    } catch (e) {
      throw serializeError(this.target, topic, e);
    }
  }

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    try {
      const reader = new CsvReader(UTF8.decode(bytes), this.delimiter);
      let fields: string[] | null;
      try {
        fields = reader.next();
        while (reader.next() !== null); // commons-csv parses every record; later ones can still fail
      } catch (e) {
        throw new Failure(`Error deserializing delimited: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (fields === null) throw new Failure('Error deserializing delimited: No fields in record');
      if (fields.length !== this.n) throw columnCountMismatch(this.n, fields.length, false, topic);
      const row = new Array<unknown>(this.n);
      for (let i = 0; i < this.n; i++) {
        const s = fields[i];
        if (s.length === 0) {
          row[i] = null;
          continue;
        }
        try {
          row[i] = this.parsers[i](s);
        } catch (e) {
          if (!(e instanceof Failure)) throw e;
          const c = this.columns[i];
          throw new Failure(`Error deserializing delimited: ${e.message}`, `column ${i + 1} (${c.name})`, snippet(s));
        }
      }
      return row;
    } catch (e) {
      throw deserializeError(this.target, topic, e);
    }
  }
}
