// What every registry format does before a statement writes records (INSERT VALUES, COPY,
// INSERT INTO): its key and value schemas registered (or found) under their subjects, as
// Confluent's serializers auto-register, or the given schema id fetched, so the serde then
// writes synchronously with a known id.
import type { Column } from '../../types/schema.js';
import { SqlError } from '../../types/sql-error.js';
import type { FormatName, FormatSpec } from '../serde.js';
import type { SchemaRegistry } from './schema-registry.js';

export interface WritableSource { topic: string; schema: { key: Column[]; value: Column[] }; keyFormat: FormatSpec; valueFormat: FormatSpec }

/** How one format loads a schema id and registers a derived schema. */
export interface FormatRegistration {
  format: FormatName;
  load(registry: SchemaRegistry, id: number): Promise<unknown>;
  register(registry: SchemaRegistry, topic: string, isKey: boolean, columns: Column[], spec: FormatSpec): Promise<unknown>;
}

export async function prepareRegistryWrites(registry: SchemaRegistry | undefined, def: WritableSource, f: FormatRegistration): Promise<void> {
  const parts: [FormatSpec, Column[], boolean][] = [[def.keyFormat, def.schema.key, true], [def.valueFormat, def.schema.value, false]];
  for (const [spec, cols, isKey] of parts) {
    if (spec.format !== f.format || (isKey && cols.length === 0)) continue;
    if (!registry) throw needsRegistry(f.format);
    if (spec.options?.schemaId !== undefined) await f.load(registry, spec.options.schemaId);
    else await f.register(registry, def.topic, isKey, cols, spec);
  }
}

export function needsRegistry(format: FormatName): SqlError {
  return new SqlError('INVALID_STATEMENT',
    `The '${format}' format needs a schema registry: set 'schema.registry.url' (or 'ksql.schema.registry.url').`);
}
