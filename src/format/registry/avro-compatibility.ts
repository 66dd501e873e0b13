// Avro schema checks for the in-process registry, with avsc: is a schema valid, and can a reader
// with the new schema read data written with the old one (Confluent's BACKWARD rule, checked
// against the latest version only, as BACKWARD, not BACKWARD_TRANSITIVE, does).
import avro from 'avsc';

export type AvroType = ReturnType<typeof avro.Type.forSchema>;

/**
 * Parses an Avro schema (JSON text), after the schemas it references (their texts, referenced
 * ones first), whose named types it may use. Throws with avsc's reason when it is not valid.
 */
export function parseAvro(schema: string, referenced: readonly string[] = []): AvroType {
  // One registry of named types per parse: references must not leak between schemas.
  const registry = {};
  for (const text of referenced) avro.Type.forSchema(JSON.parse(text) as avro.Schema, { registry });
  return avro.Type.forSchema(JSON.parse(schema) as avro.Schema, { registry });
}

/** Why a reader of `newer` cannot read data written with `older`; undefined when it can. */
export function backwardProblem(newer: AvroType, older: AvroType): string | undefined {
  try {
    // Names are compared without namespaces, as Avro's Java SchemaCompatibility does.
    newer.createResolver(older, { ignoreNamespaces: true });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
