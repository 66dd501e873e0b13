// The schema registry of an engine with no `schema.registry.url`: kept in memory, gone when the
// process ends. It exists so that `npm start` (the embedded engine, nothing installed) still
// runs AVRO, PROTOBUF and JSON_SR statements. It follows Confluent's semantics where a user
// could see them: ids are global and increasing from 1, the same schema gets the same id in any
// subject, registering a subject's existing schema again changes nothing, versions count per
// subject, and a new AVRO version must be BACKWARD compatible with the latest (Confluent's
// default). PROTOBUF and JSON schemas are accepted without a compatibility check (JSON ones
// must parse as JSON). It is no stand-in for a real registry in tests of the registry client:
// those run against Apicurio (scripts/local-registry.sh).
import {
  SchemaRegistryError,
  type RegisteredSchema, type SchemaReference, type SchemaRegistry, type SchemaToRegister, type SchemaType,
} from './schema-registry.js';
import type { AvroType } from './avro-compatibility.js';

/** avsc, loaded on the first AVRO schema: an engine that never sees one does not pay for it. */
let avroChecks: Promise<typeof import('./avro-compatibility.js')> | undefined;
const avro = (): Promise<typeof import('./avro-compatibility.js')> => (avroChecks ??= import('./avro-compatibility.js'));

interface Stored { id: number; schemaType: SchemaType; schema: string; references: SchemaReference[] }

export class InProcessRegistry implements SchemaRegistry {
  readonly describe = 'in-process';
  private readonly schemas = new Map<number, Stored>();
  /** Content (type, normalized text, references) → id, so equal schemas share an id. */
  private readonly idByContent = new Map<string, number>();
  /** Subject → the id of each version, version n at index n - 1. */
  private readonly subjects = new Map<string, number[]>();
  private nextId = 1;
  /** Registrations one at a time: each checks against the versions the one before it added. */
  private registering: Promise<unknown> = Promise.resolve();

  async latest(subject: string): Promise<RegisteredSchema | undefined> {
    const ids = this.subjects.get(subject);
    if (!ids || ids.length === 0) return undefined;
    return { ...this.copy(this.schemas.get(ids[ids.length - 1])!), subject, version: ids.length };
  }

  async byId(id: number): Promise<RegisteredSchema> {
    const s = this.schemas.get(id);
    if (!s) throw new SchemaRegistryError(`Schema ${id} not found`, 404, 40403);
    return this.copy(s);
  }

  register(subject: string, schema: SchemaToRegister): Promise<number> {
    const next = this.registering.then(() => this.registerNow(subject, schema));
    this.registering = next.catch(() => undefined);
    return next;
  }

  private async registerNow(subject: string, schema: SchemaToRegister): Promise<number> {
    const key = await this.validate(schema);
    const ids = this.subjects.get(subject) ?? [];
    const known = this.idByContent.get(key);
    if (known !== undefined && ids.includes(known)) return known;
    const problem = await this.incompatibility(subject, schema);
    if (problem) {
      throw new SchemaRegistryError(
        `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${problem}]`, 409, 409);
    }
    let id = known;
    if (id === undefined) {
      id = this.nextId++;
      this.schemas.set(id, { id, schemaType: schema.schemaType, schema: schema.schema, references: [...(schema.references ?? [])] });
      this.idByContent.set(key, id);
    }
    ids.push(id);
    this.subjects.set(subject, ids);
    return id;
  }

  async compatible(subject: string, schema: SchemaToRegister): Promise<boolean> {
    await this.validate(schema);
    return (await this.incompatibility(subject, schema)) === undefined;
  }

  /** Why `schema` may not follow the subject's latest version (BACKWARD); undefined if it may. */
  private async incompatibility(subject: string, schema: SchemaToRegister): Promise<string | undefined> {
    const ids = this.subjects.get(subject);
    if (!ids || ids.length === 0) return undefined;
    const latest = this.schemas.get(ids[ids.length - 1])!;
    if (latest.schemaType !== schema.schemaType) {
      return `the latest version (${ids.length}) is a ${latest.schemaType} schema, this one ${schema.schemaType}`;
    }
    if (schema.schemaType !== 'AVRO') return undefined;
    const problem = (await avro()).backwardProblem(await this.parseAvro(schema), await this.parseAvro(latest));
    return problem && `${problem} (BACKWARD compatibility with version ${ids.length})`;
  }

  /** Checks the schema as a registry would on POST; the key of its content. */
  private async validate(schema: SchemaToRegister): Promise<string> {
    for (const r of schema.references ?? []) this.referenced(r);
    let normalized: string;
    try {
      if (schema.schemaType === 'PROTOBUF') {
        normalized = schema.schema.trim();
        if (normalized === '') throw new Error('the schema is empty');
      } else {
        if (schema.schemaType === 'AVRO') await this.parseAvro(schema);
        // Whitespace and key layout aside, the same JSON is the same schema.
        normalized = JSON.stringify(JSON.parse(schema.schema));
      }
    } catch (e) {
      throw new SchemaRegistryError(`Invalid schema: ${(e as Error).message}`, 422, 42201, { cause: e });
    }
    return `${schema.schemaType}\n${normalized}\n${JSON.stringify(schema.references ?? [])}`;
  }

  private async parseAvro(schema: SchemaToRegister): Promise<AvroType> {
    return (await avro()).parseAvro(schema.schema, this.referencedTexts(schema.references ?? []));
  }

  /** The texts of the schemas `refs` name, each after the ones it references in turn. */
  private referencedTexts(refs: readonly SchemaReference[], seen = new Set<number>()): string[] {
    const out: string[] = [];
    for (const r of refs) {
      const s = this.referenced(r);
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      out.push(...this.referencedTexts(s.references, seen), s.schema);
    }
    return out;
  }

  private referenced(r: SchemaReference): Stored {
    const ids = this.subjects.get(r.subject);
    const id = ids?.[r.version - 1];
    if (id === undefined) {
      throw new SchemaRegistryError(`Invalid schema: the reference ${r.name} names version ${r.version} of subject "${r.subject}", which does not exist`, 422, 42201);
    }
    return this.schemas.get(id)!;
  }

  private copy(s: Stored): RegisteredSchema {
    return { id: s.id, schemaType: s.schemaType, schema: s.schema, references: [...s.references] };
  }
}
