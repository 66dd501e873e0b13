// A schema registry over HTTP with Confluent's API (Confluent Schema Registry, or Apicurio's
// /apis/ccompat/v7), through @confluentinc/schemaregistry's client. The client module is
// imported directly: the package's root import loads the cloud KMS SDKs (see ARCHITECTURE.md).
// Every call has a time limit, and every failure is a SchemaRegistryError that names the
// registry (its URL without credentials) or carries what the registry said.
import { SchemaRegistryClient, type SchemaInfo } from '@confluentinc/schemaregistry/dist/schemaregistry-client.js';
import { RestError } from '@confluentinc/schemaregistry/dist/rest-error.js';
import {
  SchemaRegistryError,
  type RegisteredSchema, type SchemaRegistry, type SchemaToRegister, type SchemaType,
} from './schema-registry.js';

export interface ConfluentRegistryOptions {
  /** Base URLs of the registry (one cluster; the client tries them in turn). */
  urls: string[];
  /** Basic auth: USER_INFO with "user:password", or URL (credentials taken from the URL). */
  basicAuth?: { source: 'USER_INFO' | 'URL'; userInfo: string };
  /** The limit of each call, retries included (ms). */
  timeoutMs?: number;
}

export const DEFAULT_REGISTRY_TIMEOUT_MS = 10_000;

/** Confluent's error codes for "no such subject" and "no such version": nothing registered. */
const SUBJECT_NOT_FOUND = 40401;
const VERSION_NOT_FOUND = 40402;

export class ConfluentRegistry implements SchemaRegistry {
  readonly describe: string;
  private readonly client: SchemaRegistryClient;
  private readonly timeoutMs: number;

  constructor(o: ConfluentRegistryOptions) {
    if (o.urls.length === 0) throw new SchemaRegistryError('No schema registry URL given');
    this.describe = o.urls.map(withoutCredentials).join(',');
    this.timeoutMs = o.timeoutMs ?? DEFAULT_REGISTRY_TIMEOUT_MS;
    this.client = new SchemaRegistryClient({
      baseURLs: o.urls,
      // Each request is bounded by the whole call's limit; retries (network errors, 5xx) are
      // few and quick, so a registry that is down is reported in well under a second.
      createAxiosDefaults: { timeout: this.timeoutMs },
      maxRetries: 2,
      retriesWaitMs: 100,
      retriesMaxWaitMs: 1000,
      ...(o.basicAuth ? { basicAuthCredentials: { credentialsSource: o.basicAuth.source, userInfo: o.basicAuth.userInfo } } : {}),
    });
  }

  async latest(subject: string): Promise<RegisteredSchema | undefined> {
    try {
      const m = await this.call(`the latest schema of subject "${subject}"`, (c) => {
        // A subject's latest version changes: always ask (the client would cache it for good).
        c.clearLatestCaches();
        return c.getLatestSchemaMetadata(subject);
      });
      return { ...registered(m, m.id!), subject: m.subject ?? subject, version: m.version };
    } catch (e) {
      if (e instanceof SchemaRegistryError && (e.errorCode === SUBJECT_NOT_FOUND || e.errorCode === VERSION_NOT_FOUND)) return undefined;
      throw e;
    }
  }

  async byId(id: number): Promise<RegisteredSchema> {
    // The response has no id: it is the one asked for.
    return registered(await this.call(`schema id ${id}`, (c) => c.getBySubjectAndId('', id)), id);
  }

  async register(subject: string, schema: SchemaToRegister): Promise<number> {
    return this.call(`registering a schema under subject "${subject}"`, (c) => c.register(subject, info(schema)));
  }

  async compatible(subject: string, schema: SchemaToRegister): Promise<boolean> {
    try {
      return await this.call(`checking compatibility with subject "${subject}"`, (c) => c.testSubjectCompatibility(subject, info(schema)));
    } catch (e) {
      if (e instanceof SchemaRegistryError && (e.errorCode === SUBJECT_NOT_FOUND || e.errorCode === VERSION_NOT_FOUND)) return true;
      throw e;
    }
  }

  /** Runs one client call within the time limit; its failure as a SchemaRegistryError. */
  private async call<T>(what: string, f: (c: SchemaRegistryClient) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SchemaRegistryError(
        `Schema registry at ${this.describe} did not answer within ${this.timeoutMs} ms (${what})`)), this.timeoutMs);
    });
    try {
      return await Promise.race([f(this.client), limit]);
    } catch (e) {
      throw this.toError(e, what);
    } finally {
      clearTimeout(timer);
    }
  }

  private toError(e: unknown, what: string): SchemaRegistryError {
    if (e instanceof SchemaRegistryError) return e;
    if (e instanceof RestError) {
      const code = e.errorCode === -1 ? undefined : e.errorCode; // -1: the body had none
      // A 404 without Confluent's 404xx codes comes from a path that is not the API's.
      const hint = e.status === 401 || e.status === 403 ? '; check schema.registry.basic.auth.user.info'
        : e.status === 404 && !(code !== undefined && code >= 40400 && code < 40500)
          ? '; is the URL the base of a Confluent-compatible API (for Apicurio: .../apis/ccompat/v7)?' : undefined;
      // The registry answered: its message as it is, for users (e.g. "... incompatible ...").
      if (hint === undefined && code !== undefined) return new SchemaRegistryError(e.message, e.status, code, { cause: e });
      const said = code !== undefined ? `: ${e.message}` : '';
      return new SchemaRegistryError(`Schema registry at ${this.describe} answered HTTP ${e.status} (${what})${said}${hint ?? ''}`, e.status, code, { cause: e });
    }
    const err = e as { code?: string; message?: string };
    const why = err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT' ? `did not answer within ${this.timeoutMs} ms`
      : `is not reachable (${err.code ?? err.message ?? String(e)})`;
    // No cause: an axios error holds the request's headers, credentials included, for any log to print.
    return new SchemaRegistryError(`Schema registry at ${this.describe} ${why} (${what})`);
  }
}

function info(s: SchemaToRegister): SchemaInfo {
  // AVRO is the API's default type: leave it out, as Confluent's own serializers do.
  return {
    schema: s.schema,
    ...(s.schemaType !== 'AVRO' ? { schemaType: s.schemaType } : {}),
    ...(s.references && s.references.length > 0 ? { references: s.references } : {}),
  };
}

function registered(s: SchemaInfo, id: number): RegisteredSchema {
  return {
    id,
    schemaType: (s.schemaType ?? 'AVRO') as SchemaType,
    schema: s.schema,
    references: (s.references ?? []).map((r) => ({ name: r.name, subject: r.subject, version: r.version })),
  };
}

/** A URL as messages show it: user info removed (basic auth may be given in the URL). */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
  } catch {
    return url;
  }
}
