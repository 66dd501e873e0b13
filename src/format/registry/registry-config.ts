// Which schema registry an engine uses, from its properties (--config's "properties", --set):
// `schema.registry.url` (or ksqlDB's `ksql.schema.registry.url`; a comma-separated list is one
// registry cluster) and basic auth as Confluent's clients and ksqlDB take it. With no URL, the
// in-process registry (see in-process-registry.ts).
import { SqlError } from '../../types/sql-error.js';
import type { SchemaRegistry } from './schema-registry.js';
import type { ConfluentRegistryOptions } from './confluent-registry.js';
import { InProcessRegistry } from './in-process-registry.js';
import { SchemaRegistryError } from './schema-registry.js';

const URL_KEYS = ['schema.registry.url', 'ksql.schema.registry.url'];
const SOURCE_KEYS = ['schema.registry.basic.auth.credentials.source', 'ksql.schema.registry.basic.auth.credentials.source', 'basic.auth.credentials.source'];
const USER_INFO_KEYS = ['schema.registry.basic.auth.user.info', 'ksql.schema.registry.basic.auth.user.info', 'basic.auth.user.info'];
/** Eddy's own: the time limit of each registry call (ms). */
const TIMEOUT_KEY = 'eddy.schema.registry.timeout.ms';

/** The registry the properties configure; undefined when they name none. */
export function registryConfig(props: Readonly<Record<string, string>>): ConfluentRegistryOptions | undefined {
  const urlText = oneOf(props, URL_KEYS, false);
  if (urlText === undefined || urlText.trim() === '') return undefined;
  const urls = urlText.split(',').map((u) => u.trim()).filter((u) => u !== '');
  for (const u of urls) checkUrl(u);
  const options: ConfluentRegistryOptions = { urls };
  const timeout = props[TIMEOUT_KEY];
  if (timeout !== undefined) {
    const ms = Number(timeout);
    if (!Number.isInteger(ms) || ms <= 0) throw invalid(`${TIMEOUT_KEY} must be a positive whole number of milliseconds, not '${timeout}'`);
    options.timeoutMs = ms;
  }
  const userInfo = oneOf(props, USER_INFO_KEYS, true);
  const source = (oneOf(props, SOURCE_KEYS, false) ?? (userInfo !== undefined ? 'USER_INFO' : '')).trim().toUpperCase();
  if (source === 'USER_INFO') {
    if (userInfo === undefined) throw invalid(`basic.auth.credentials.source is USER_INFO but ${USER_INFO_KEYS[0]} is not set (USER:PASSWORD)`);
    if (!userInfo.includes(':')) throw invalid(`${USER_INFO_KEYS[0]} must be USER:PASSWORD (it has no ':')`);
    options.basicAuth = { source: 'USER_INFO', userInfo };
  } else if (source === 'URL') {
    const withUser = urls.find((u) => new URL(u).username !== '');
    if (!withUser) throw invalid('basic.auth.credentials.source is URL but schema.registry.url has no user info (http://USER:PASSWORD@host:port)');
    options.basicAuth = { source: 'URL', userInfo: withUser };
  } else if (source !== '') {
    throw invalid(`basic.auth.credentials.source '${source}' is not supported here: use USER_INFO or URL`);
  }
  return options;
}

/**
 * The engine's schema registry: Confluent's API at the configured URL, else the in-process one.
 * The HTTP client is loaded only when a URL is configured (it costs about 300 ms at start-up).
 */
export async function createSchemaRegistry(props: Readonly<Record<string, string>>, o: { shared?: boolean } = {}): Promise<SchemaRegistry> {
  const options = registryConfig(props);
  // The instances of a service (and its restarts) must agree on schema ids: an in-process
  // registry cannot serve them, so registry formats there ask for a URL instead.
  if (!options) return o.shared ? new UnconfiguredRegistry() : new InProcessRegistry();
  const { ConfluentRegistry } = await import('./confluent-registry.js');
  return new ConfluentRegistry(options);
}

/** The value of the first of `keys` that is set; two different values are an error. */
function oneOf(props: Readonly<Record<string, string>>, keys: readonly string[], secret: boolean): string | undefined {
  let found: [string, string] | undefined;
  for (const k of keys) {
    const v = props[k];
    if (v === undefined) continue;
    if (found && found[1] !== v) {
      throw invalid(`${found[0]} and ${k} are both set${secret ? '' : ` ('${found[1]}', '${v}')`}: set one of them`);
    }
    found ??= [k, v];
  }
  return found?.[1];
}

function checkUrl(u: string): void {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    // (Shown without anything that looks like user info: it may hold a password.)
    throw invalid(`schema.registry.url '${u.replace(/\/\/[^@/]*@/, '//')}' is not a URL (e.g. http://localhost:8081)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`schema.registry.url must be an http:// or https:// URL, not '${url.protocol}'`);
  }
}

function invalid(message: string): SqlError {
  return new SqlError('INVALID_PROPERTY', message);
}

/** A durable service's registry when none is configured: every use says what to set. */
class UnconfiguredRegistry implements SchemaRegistry {
  readonly describe = 'no schema registry';
  private fail(): never {
    throw new SchemaRegistryError('AVRO, PROTOBUF and JSON_SR need a schema registry that every instance of the service shares: '
      + 'set schema.registry.url (--set schema.registry.url=http://HOST:8081 or in --config)');
  }
  latest(): Promise<never> { return Promise.resolve().then(() => this.fail()); }
  byId(): Promise<never> { return Promise.resolve().then(() => this.fail()); }
  register(): Promise<never> { return Promise.resolve().then(() => this.fail()); }
  compatible(): Promise<never> { return Promise.resolve().then(() => this.fail()); }
}
