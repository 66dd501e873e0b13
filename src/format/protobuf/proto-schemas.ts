// Parsed PROTOBUF schemas by id, for the synchronous record path: fetched (with the schemas their
// imports reference) and parsed once, when a record first names the id (RowSerde.prefetch) or a
// statement names it (KEY_/VALUE_SCHEMA_ID), on top of the engine's SchemaCache.
import type { RegisteredSchema, SchemaRegistry } from '../registry/schema-registry.js';
import { schemaCache, type SchemaCache } from '../avro/schema-cache.js';
import type { PbFile } from './proto-model.js';
import { parseProto } from './proto-parse.js';

const RETRY_AFTER_MS = 10_000;

export class ProtoSchemas {
  private readonly parsed = new Map<number, PbFile>();
  private readonly failed = new Map<number, { message: string; at: number }>();
  private readonly pending = new Map<number, Promise<void>>();
  readonly cache: SchemaCache;

  constructor(readonly registry: SchemaRegistry) {
    this.cache = schemaCache(registry);
  }

  /** The parsed schema, if at hand: fetched before, or known to the cache and free of references. */
  get(id: number): PbFile | undefined {
    const known = this.parsed.get(id);
    if (known || this.failed.has(id)) return known;
    const raw = this.cache.get(id);
    if (!raw || raw.schemaType !== 'PROTOBUF' || raw.references?.length) return undefined;
    try {
      const file = parseProto(raw.schema);
      this.parsed.set(id, file);
      return file;
    } catch (e) {
      this.failed.set(id, { message: e instanceof Error ? e.message : String(e), at: Date.now() });
      return undefined;
    }
  }

  failure(id: number): string | undefined {
    return this.failed.get(id)?.message;
  }

  /** undefined when the id is at hand (or failed recently); else a promise that never rejects. */
  fetch(id: number): Promise<void> | undefined {
    if (this.get(id)) return undefined;
    const f = this.failed.get(id);
    if (f && Date.now() - f.at < RETRY_AFTER_MS) return undefined;
    let p = this.pending.get(id);
    if (!p) {
      p = this.require(id).then(
        () => { this.failed.delete(id); },
        (e: unknown) => { this.failed.set(id, { message: e instanceof Error ? e.message : String(e), at: Date.now() }); },
      ).finally(() => this.pending.delete(id));
      this.pending.set(id, p);
    }
    return p;
  }

  /** The parsed schema `id`; throws the registry's or the parser's error. */
  async require(id: number): Promise<PbFile> {
    const known = this.parsed.get(id);
    if (known) return known;
    const file = await this.parse(await this.cache.require(id));
    this.parsed.set(id, file);
    return file;
  }

  /** Parses a registered schema, fetching the schemas its references name. */
  async parse(s: RegisteredSchema): Promise<PbFile> {
    if (s.schemaType !== 'PROTOBUF') throw new Error(`schema id ${s.id} is a ${s.schemaType} schema, not PROTOBUF`);
    const deps = new Map<string, string>();
    await this.references(s, deps, new Set());
    const file = parseProto(s.schema, deps);
    if (s.id !== undefined) this.parsed.set(s.id, file);
    return file;
  }

  private async references(s: RegisteredSchema, deps: Map<string, string>, seen: Set<string>): Promise<void> {
    for (const r of s.references ?? []) {
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      // The SchemaRegistry interface finds a subject's latest version only; a reference to an
      // older version resolves to the latest (see the report of issue 11, part 5).
      const ref = await this.cache.latest(r.subject);
      if (!ref) throw new Error(`schema reference ${r.name}: subject ${r.subject} has no schema`);
      deps.set(r.name, ref.schema);
      await this.references(ref, deps, seen);
    }
  }
}

const all = new WeakMap<SchemaRegistry, ProtoSchemas>();

export function protoSchemas(registry: SchemaRegistry): ProtoSchemas {
  let s = all.get(registry);
  if (!s) all.set(registry, (s = new ProtoSchemas(registry)));
  return s;
}
