// A schema registry as the registry formats (AVRO, PROTOBUF, JSON_SR) use it: Confluent's API
// (a real registry over HTTP, e.g. Apicurio's ccompat API) or the in-process one the embedded
// engine uses when none is configured. Lookups are async; serdes cache what they fetched, so
// the per-record path stays synchronous (see RowSerde.prefetch).
export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface SchemaReference { name: string; subject: string; version: number }

export interface RegisteredSchema {
  id: number;
  schemaType: SchemaType;
  /** The schema's text: Avro JSON, .proto source, or JSON Schema. */
  schema: string;
  references?: SchemaReference[];
  subject?: string;
  version?: number;
}

export interface SchemaToRegister { schemaType: SchemaType; schema: string; references?: SchemaReference[] }

/** What the registry said, for errors users see ("Schema being registered is incompatible ..."). */
export class SchemaRegistryError extends Error {
  constructor(message: string, readonly status?: number, readonly errorCode?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaRegistryError';
  }
}

export interface SchemaRegistry {
  /** Where it is, for messages (a URL, or "in-process"). */
  readonly describe: string;
  /** The latest schema under `subject`; undefined when the subject has none. */
  latest(subject: string): Promise<RegisteredSchema | undefined>;
  /** The schema with id `id`; throws SchemaRegistryError when there is none. */
  byId(id: number): Promise<RegisteredSchema>;
  /** Registers `schema` under `subject` (or finds it there); its id. Throws when incompatible. */
  register(subject: string, schema: SchemaToRegister): Promise<number>;
  /** Whether `schema` could be registered under `subject` (true when the subject is empty). */
  compatible(subject: string, schema: SchemaToRegister): Promise<boolean>;
}
