// Checks that a source's columns fit its key and value formats (building the serdes does it),
// and the key rules ksqlDB enforces on every source.
import type { SourceDef } from '../plan/catalog.js';
import type { SqlType } from '../types/sql-type.js';
import { createRowSerde, createWindowedKeySerde, validateFormatOptions } from '../format/index.js';
import { SqlError } from '../types/sql-error.js';
import type { SchemaRegistry } from '../format/registry/schema-registry.js';
import { payloadColumns } from '../types/schema.js';
import { formatType } from '../types/sql-type.js';

function containsMap(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP': return true;
    case 'ARRAY': return containsMap(t.item);
    case 'STRUCT': return t.fields.some((f) => containsMap(f.type));
    default: return false;
  }
}

/** `registry`: for registry formats (AVRO); without one they fail with a clear error. */
export function validateFormats(def: Pick<SourceDef, 'schema' | 'keyFormat' | 'valueFormat' | 'window'>, registry?: SchemaRegistry): void {
  for (const c of def.schema.key) {
    if (containsMap(c.type)) {
      throw new SqlError('INVALID_STATEMENT',
        `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: \`${c.name}\`. Column type: ${formatType(c.type)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`);
    }
  }
  validateFormatOptions(def.keyFormat, def.schema.key.length);
  validateFormatOptions(def.valueFormat, payloadColumns(def.schema.value).length);
  if (def.window) createWindowedKeySerde(def.keyFormat, def.schema.key, def.window, undefined, registry);
  else createRowSerde(def.keyFormat, def.schema.key, { isKey: true, registry });
  createRowSerde(def.valueFormat, def.schema.value, { isKey: false, registry });
}
