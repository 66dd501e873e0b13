// A connector's WITH list as Kafka Connect keeps it: lower-case keys, string values. The
// grammar upper-cases every WITH key ('connector.class' arrives as CONNECTOR.CLASS); connector
// configs are case-sensitive lower-case names, so they are lowered back here.
import type { Properties, PropertyValue } from '../../../grammar/ast.js';
import { SqlError } from '../../types/sql-error.js';

export type ConnectorConfig = Record<string, string>;

/** The WITH list as strings under lower-case keys; NULL values are left out. */
export function connectorConfig(props: Properties): ConnectorConfig {
  const out: ConnectorConfig = {};
  for (const [k, v] of Object.entries(props)) if (v.value !== null) out[k.toLowerCase()] = String(v.value);
  return out;
}

/** Where a key was written, for error positions (the statement's otherwise). */
export function spanOf(props: Properties, key: string): PropertyValue['span'] | undefined {
  return props[key.toUpperCase()]?.span;
}

/** Reads typed settings from a config, naming the key and the expectation when one is bad. */
export class ConfigReader {
  constructor(private readonly config: ConnectorConfig, private readonly props?: Properties) {}

  has(key: string): boolean { return this.config[key] !== undefined && this.config[key] !== ''; }

  required(key: string, example: string): string {
    const v = this.config[key];
    if (v === undefined || v.trim() === '') {
      throw new SqlError('INVALID_PROPERTY', `Missing required connector config '${key}' (for example '${key}'='${example}').`);
    }
    return v.trim();
  }

  string(key: string, fallback: string): string { return this.has(key) ? this.config[key].trim() : fallback; }

  optional(key: string): string | undefined { return this.has(key) ? this.config[key] : undefined; }

  int(key: string, fallback: number, min: number, max: number): number {
    if (!this.has(key)) return fallback;
    const n = Number(this.config[key]);
    if (!Number.isInteger(n) || n < min || n > max) throw this.bad(key, `an integer from ${min} to ${max}`);
    return n;
  }

  bool(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const v = this.config[key].trim().toLowerCase();
    if (v !== 'true' && v !== 'false') throw this.bad(key, 'true or false');
    return v === 'true';
  }

  bad(key: string, expected: string): SqlError {
    const span = this.props ? spanOf(this.props, key) : undefined;
    return new SqlError('INVALID_PROPERTY', `Invalid value for connector config '${key}': '${this.config[key]}': expected ${expected}.`,
      span ? { position: span } : {});
  }
}

/** Keys whose values DESCRIBE and the REST entities show as [hidden] (as Kafka Connect's PASSWORD type). */
export function maskSecrets(config: ConnectorConfig): ConnectorConfig {
  const out: ConnectorConfig = {};
  for (const [k, v] of Object.entries(config)) out[k] = /password|secret|token|credential/i.test(k) ? '[hidden]' : v;
  return out;
}
