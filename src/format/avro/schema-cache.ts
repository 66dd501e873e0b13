// What the AVRO serdes know of a registry, synchronously: schemas by id (fetched once, when a
// record first names the id, see RowSerde.prefetch) and the ids of the schemas this engine
// registered, by subject and text (so a sink's serializer knows its id without asking).
// One cache per registry object, shared by every serde of the engine that owns it.
import type { RegisteredSchema, SchemaRegistry, SchemaToRegister } from '../registry/schema-registry.js';

/** After a failed lookup, how long records naming the id fail at once before it is asked again. */
const RETRY_AFTER_MS = 10_000;

export class SchemaCache {
  private readonly byId = new Map<number, RegisteredSchema>();
  private readonly pending = new Map<number, Promise<void>>();
  private readonly failed = new Map<number, { message: string; at: number }>();
  private readonly registered = new Map<string, number>();

  constructor(readonly registry: SchemaRegistry) {}

  get(id: number): RegisteredSchema | undefined {
    return this.byId.get(id);
  }

  /** Why the id could not be fetched (for the record's error), if it could not. */
  failure(id: number): string | undefined {
    return this.failed.get(id)?.message;
  }

  /**
   * undefined when the id is known (or failed recently); else a promise that settles (never
   * rejects) once it is fetched or the lookup failed.
   */
  fetch(id: number): Promise<void> | undefined {
    if (this.byId.has(id)) return undefined;
    const f = this.failed.get(id);
    if (f && Date.now() - f.at < RETRY_AFTER_MS) return undefined;
    let p = this.pending.get(id);
    if (!p) {
      p = this.registry.byId(id).then(
        (s) => { this.byId.set(id, s); this.failed.delete(id); },
        (e: unknown) => { this.failed.set(id, { message: e instanceof Error ? e.message : String(e), at: Date.now() }); },
      ).finally(() => this.pending.delete(id));
      this.pending.set(id, p);
    }
    return p;
  }

  /** The schema with `id`, fetched if need be; throws the registry's error. */
  async require(id: number): Promise<RegisteredSchema> {
    const known = this.byId.get(id);
    if (known) return known;
    const s = await this.registry.byId(id);
    this.byId.set(id, s);
    return s;
  }

  async latest(subject: string): Promise<RegisteredSchema | undefined> {
    const s = await this.registry.latest(subject);
    if (s) this.byId.set(s.id, s);
    return s;
  }

  /** Registers (or finds) `schema` under `subject`; the serdes then know its id. */
  async register(subject: string, schema: SchemaToRegister): Promise<number> {
    const id = await this.registry.register(subject, schema);
    this.byId.set(id, { id, schemaType: schema.schemaType, schema: schema.schema, subject });
    this.registered.set(`${subject}\n${schema.schema}`, id);
    return id;
  }

  /** The id this engine registered `schemaText` under `subject` with, if it did. */
  registeredId(subject: string, schemaText: string): number | undefined {
    return this.registered.get(`${subject}\n${schemaText}`);
  }
}

const caches = new WeakMap<SchemaRegistry, SchemaCache>();

export function schemaCache(registry: SchemaRegistry): SchemaCache {
  let c = caches.get(registry);
  if (!c) caches.set(registry, (c = new SchemaCache(registry)));
  return c;
}
