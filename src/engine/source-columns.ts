// Column definitions of CREATE STREAM/TABLE: key rules, reserved names, duplicates.
import type { CreateSource, TableElement } from '../../grammar/ast.js';
import type { Column, LogicalSchema } from '../types/schema.js';
import { SqlError } from '../types/sql-error.js';
import { BYTES, STRING, formatType, type SqlType } from '../types/sql-type.js';
import { PSEUDO_NAMES } from '../plan/step-scope.js';

/** `inferring`: columns the statement leaves out come from the registry (checked by the caller then). */
export function sourceSchema(s: CreateSource, inferring = false): LogicalSchema {
  const key: Column[] = [];
  const value: Column[] = [];
  const seen = new Set<string>();
  if (s.elements.length === 0 && !inferring) {
    // ksqlDB's message; columns are inferred only for registry formats (VALUE_FORMAT='AVRO').
    throw new SqlError('INVALID_STATEMENT', 'No columns supplied.', { position: s.span });
  }
  for (const e of s.elements) {
    if (PSEUDO_NAMES.has(e.name)) {
      throw new SqlError('INVALID_STATEMENT', `'${e.name}' is a reserved column name.`, { position: e.span });
    }
    if (seen.has(e.name)) throw new SqlError('INVALID_STATEMENT', `Duplicate column names: ${e.name}`, { position: e.span });
    seen.add(e.name);
    if (e.constraint === 'PRIMARY KEY') {
      if (s.sourceType === 'STREAM') {
        throw new SqlError('INVALID_STATEMENT', `Column \`${e.name}\` is a 'PRIMARY KEY' column: please use 'KEY' for streams.\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.`, { position: e.span });
      }
      key.push({ name: e.name, type: e.type, namespace: 'KEY' });
    } else if (e.constraint === 'KEY') {
      if (s.sourceType === 'TABLE') {
        throw new SqlError('INVALID_STATEMENT', `Column \`${e.name}\` is a 'KEY' column: please use 'PRIMARY KEY' for tables.\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.`, { position: e.span });
      }
      key.push({ name: e.name, type: e.type, namespace: 'KEY' });
    } else if (e.constraint === 'HEADERS' || e.constraint === 'HEADER') {
      value.push(headerColumn(e));
    } else {
      value.push({ name: e.name, type: e.type, namespace: 'VALUE' });
    }
  }
  if (s.sourceType === 'TABLE' && key.length === 0 && !inferring) {
    throw new SqlError('INVALID_STATEMENT', 'Tables require a PRIMARY KEY. Please define the PRIMARY KEY.', { position: s.span });
  }
  return { key, value };
}

/** HEADERS: every header, as ksqlDB types them; HEADER('k'): the last header with key k. */
const HEADERS_TYPE: SqlType = { kind: 'ARRAY', item: { kind: 'STRUCT', fields: [{ name: 'KEY', type: STRING }, { name: 'VALUE', type: BYTES }] } };

/** A header column of CREATE STREAM/TABLE, its type checked as ksqlDB checks it. */
function headerColumn(e: TableElement): Column {
  const all = e.constraint === 'HEADERS';
  const want = all ? HEADERS_TYPE : BYTES;
  if (formatType(e.type) !== formatType(want)) {
    const what = all ? 'HEADERS' : `HEADER('${e.headerKey ?? ''}')`;
    throw new SqlError('INVALID_STATEMENT', `Invalid type for ${what} column: expected ${formatType(want)}, got ${formatType(e.type)}`, { position: e.span });
  }
  return all ? { name: e.name, type: e.type, namespace: 'HEADERS' } : { name: e.name, type: e.type, namespace: 'HEADERS', headerKey: e.headerKey ?? '' };
}
