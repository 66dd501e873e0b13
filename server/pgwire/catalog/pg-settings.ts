// The Postgres settings (GUCs) an Eddy session knows: what SHOW prints, what SET accepts and
// how it spells the value back, Postgres 15's way. Settings Eddy cannot honour are refused
// (client_encoding other than UTF8, a non-ISO DateStyle, bytea_output escape); the rest are
// kept for SHOW only, as clients set them at connect (pgjdbc: extra_float_digits).
import { SERVER_VERSION } from '../startup.js';
import type { PgSessionInfo } from './postgres-query.js';

export type SettingKind = 'bool' | 'int' | 'real' | 'enum' | 'string' | 'list';

export interface Setting {
  /** As Postgres spells it (DateStyle, TimeZone): SHOW's column name. */
  name: string;
  kind: SettingKind;
  description: string;
  boot: string | ((s: PgSessionInfo) => string);
  /** enum values. */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** A list of names: each item is shown quoted when it needs quotes (search_path = public, "$user"). */
  quotedItems?: boolean;
  /** Integer settings in milliseconds: SHOW prints them with a unit (5s, 1500ms). */
  ms?: boolean;
  /** Shows the server; SET fails (55P02). */
  readonly?: boolean;
  /** Sent in ParameterStatus when it changes (GUC_REPORT). */
  reported?: boolean;
  /** The value Eddy stores for an accepted one (given the current one); throws a SettingError for one Eddy cannot honour. */
  canonical?(value: string, current: string): string;
}

export class SettingError extends Error {
  constructor(readonly code: string, message: string, readonly hint?: string) { super(message); }
}

const notSupported = (message: string): SettingError => new SettingError('0A000', message);

/** DateStyle: a style, an order, or both; what is not given stays as it was. */
function dateStyle(value: string, current: string): string {
  const [wasStyle, wasOrder] = current.split(',').map((p) => p.trim());
  let style = wasStyle || 'ISO', order = wasOrder || 'MDY';
  for (const part of value.split(',').map((p) => p.trim().toUpperCase()).filter((p) => p !== '')) {
    if (['ISO', 'SQL', 'POSTGRES', 'GERMAN'].includes(part)) style = part === 'POSTGRES' ? 'Postgres' : part === 'GERMAN' ? 'German' : part;
    else if (['MDY', 'DMY', 'YMD', 'US', 'NONEURO', 'NONEUROPEAN', 'EURO', 'EUROPEAN'].includes(part)) order = part === 'YMD' ? 'YMD' : ['DMY', 'EURO', 'EUROPEAN'].includes(part) ? 'DMY' : 'MDY';
    else if (part !== 'DEFAULT') throw new SettingError('22023', `invalid value for parameter "DateStyle": "${value}"`, `Unrecognized key word: "${part.toLowerCase()}".`);
  }
  if (style !== 'ISO') throw notSupported(`Eddy sends dates and times in ISO style only: DateStyle "${style}" is not supported`);
  return `${style}, ${order}`;
}

function timeZone(value: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new SettingError('22023', `invalid value for parameter "TimeZone": "${value}"`);
  }
}

function onlyValue(name: string, accepted: string, spellings: readonly string[]): (v: string) => string {
  return (v) => {
    if (spellings.includes(v.toLowerCase())) return accepted;
    throw notSupported(`Eddy supports ${name} = ${accepted} only, not "${v}"`);
  };
}

/** server_version 15.0 → 150000 (server_version_num). */
function versionNum(version: string): string {
  const [major, minor] = version.split(/[.\s]/).map((p) => Number(p) || 0);
  return String(major * 10000 + minor);
}

const ISOLATION = ['serializable', 'repeatable read', 'read committed', 'read uncommitted'];
const NO_LIMIT = { min: 0, max: 2147483647 };

const SETTINGS: Setting[] = [
  { name: 'application_name', kind: 'string', boot: (s) => s.applicationName, reported: true, description: 'Sets the application name to be reported in statistics and logs.' },
  { name: 'array_nulls', kind: 'bool', boot: 'on', description: 'Enable input of NULL elements in arrays.' },
  { name: 'backslash_quote', kind: 'enum', boot: 'safe_encoding', values: ['safe_encoding', 'on', 'off'], description: 'Sets whether "\\\'" is allowed in string literals.' },
  { name: 'block_size', kind: 'int', boot: '8192', readonly: true, description: 'Shows the size of a disk block.' },
  { name: 'bytea_output', kind: 'enum', boot: 'hex', values: ['escape', 'hex'], canonical: onlyValue('bytea_output', 'hex', ['hex']), description: 'Sets the output format for bytea.' },
  { name: 'check_function_bodies', kind: 'bool', boot: 'on', description: 'Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE.' },
  { name: 'client_encoding', kind: 'string', boot: 'UTF8', reported: true, canonical: onlyValue('client_encoding', 'UTF8', ['utf8', 'utf-8', 'unicode']), description: "Sets the client's character set encoding." },
  { name: 'client_min_messages', kind: 'enum', boot: 'notice', values: ['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'log', 'notice', 'warning', 'error'], description: 'Sets the message levels that are sent to the client.' },
  { name: 'cursor_tuple_fraction', kind: 'real', boot: '0.1', min: 0, max: 1, description: "Sets the planner's estimate of the fraction of a cursor's rows that will be retrieved." },
  { name: 'DateStyle', kind: 'list', boot: 'ISO, MDY', reported: true, canonical: dateStyle, description: 'Sets the display format for date and time values.' },
  { name: 'default_tablespace', kind: 'string', boot: '', description: 'Sets the default tablespace to create tables and indexes in.' },
  { name: 'default_text_search_config', kind: 'string', boot: 'pg_catalog.english', description: 'Sets default text search configuration.' },
  { name: 'default_transaction_deferrable', kind: 'bool', boot: 'off', description: 'Sets the default deferrable status of new transactions.' },
  { name: 'default_transaction_isolation', kind: 'enum', boot: 'read committed', values: ISOLATION, description: 'Sets the transaction isolation level of each new transaction.' },
  { name: 'default_transaction_read_only', kind: 'bool', boot: 'off', reported: true, description: 'Sets the default read-only status of new transactions.' },
  { name: 'escape_string_warning', kind: 'bool', boot: 'on', description: 'Warn about backslash escapes in ordinary string literals.' },
  { name: 'extra_float_digits', kind: 'int', boot: '1', min: -15, max: 3, description: 'Sets the number of digits displayed for floating-point values.' },
  { name: 'from_collapse_limit', kind: 'int', boot: '8', min: 1, max: 2147483647, description: 'Sets the FROM-list size beyond which subqueries are not collapsed.' },
  { name: 'geqo', kind: 'bool', boot: 'on', description: 'Enables genetic query optimization.' },
  { name: 'idle_in_transaction_session_timeout', kind: 'int', boot: '0', ms: true, ...NO_LIMIT, description: 'Sets the maximum allowed idle time between queries, when in a transaction.' },
  { name: 'idle_session_timeout', kind: 'int', boot: '0', ms: true, ...NO_LIMIT, description: 'Sets the maximum allowed idle time between queries, when not in a transaction.' },
  { name: 'in_hot_standby', kind: 'bool', boot: 'off', readonly: true, reported: true, description: 'Shows whether hot standby is currently active.' },
  { name: 'integer_datetimes', kind: 'bool', boot: 'on', readonly: true, reported: true, description: 'Shows whether datetimes are integer based.' },
  { name: 'IntervalStyle', kind: 'enum', boot: 'postgres', reported: true, values: ['postgres', 'postgres_verbose', 'sql_standard', 'iso_8601'], description: 'Sets the display format for interval values.' },
  { name: 'is_superuser', kind: 'bool', boot: 'off', readonly: true, reported: true, description: 'Shows whether the current user is a superuser.' },
  { name: 'jit', kind: 'bool', boot: 'off', description: 'Allow JIT compilation.' },
  { name: 'join_collapse_limit', kind: 'int', boot: '8', min: 1, max: 2147483647, description: 'Sets the FROM-list size beyond which JOIN constructs are not flattened.' },
  { name: 'lc_collate', kind: 'string', boot: 'C', readonly: true, description: 'Shows the collation order locale.' },
  { name: 'lc_ctype', kind: 'string', boot: 'C', readonly: true, description: 'Shows the character classification and case conversion locale.' },
  { name: 'lc_messages', kind: 'string', boot: 'C', description: 'Sets the language in which messages are displayed.' },
  { name: 'lc_monetary', kind: 'string', boot: 'C', description: 'Sets the locale for formatting monetary amounts.' },
  { name: 'lc_numeric', kind: 'string', boot: 'C', description: 'Sets the locale for formatting numbers.' },
  { name: 'lc_time', kind: 'string', boot: 'C', description: 'Sets the locale for formatting date and time values.' },
  { name: 'lock_timeout', kind: 'int', boot: '0', ms: true, ...NO_LIMIT, description: 'Sets the maximum allowed duration of any wait for a lock.' },
  { name: 'max_function_args', kind: 'int', boot: '100', readonly: true, description: 'Shows the maximum number of function arguments.' },
  { name: 'max_identifier_length', kind: 'int', boot: '63', readonly: true, description: 'Shows the maximum identifier length.' },
  { name: 'max_index_keys', kind: 'int', boot: '32', readonly: true, description: 'Shows the maximum number of index keys.' },
  { name: 'max_parallel_workers_per_gather', kind: 'int', boot: '2', min: 0, max: 1024, description: 'Sets the maximum number of parallel processes per executor node.' },
  { name: 'plan_cache_mode', kind: 'enum', boot: 'auto', values: ['auto', 'force_generic_plan', 'force_custom_plan'], description: "Controls the planner's selection of custom or generic plan." },
  { name: 'quote_all_identifiers', kind: 'bool', boot: 'off', description: 'When generating SQL fragments, quote all identifiers.' },
  { name: 'row_security', kind: 'bool', boot: 'on', description: 'Enable row security.' },
  { name: 'search_path', kind: 'list', quotedItems: true, boot: '"$user", public', description: 'Sets the schema search order for names that are not schema-qualified.' },
  { name: 'server_encoding', kind: 'string', boot: 'UTF8', readonly: true, reported: true, description: 'Shows the server (database) character set encoding.' },
  { name: 'server_version', kind: 'string', boot: SERVER_VERSION, readonly: true, reported: true, description: 'Shows the server version.' },
  { name: 'server_version_num', kind: 'int', boot: versionNum(SERVER_VERSION), readonly: true, description: 'Shows the server version as an integer.' },
  { name: 'session_authorization', kind: 'string', boot: (s) => s.user, readonly: true, reported: true, description: 'Sets the session user name.' },
  { name: 'standard_conforming_strings', kind: 'bool', boot: 'on', reported: true, canonical: onlyValue('standard_conforming_strings', 'on', ['on', 'true', 'yes', '1']), description: "Causes '...' strings to treat backslashes literally." },
  { name: 'statement_timeout', kind: 'int', boot: '0', ms: true, ...NO_LIMIT, description: 'Sets the maximum allowed duration of any statement.' },
  { name: 'synchronous_commit', kind: 'enum', boot: 'on', values: ['local', 'remote_write', 'remote_apply', 'on', 'off'], description: "Sets the current transaction's synchronization level." },
  { name: 'temp_tablespaces', kind: 'list', quotedItems: true, boot: '', description: 'Sets the tablespace(s) to use for temporary tables and sort files.' },
  { name: 'TimeZone', kind: 'string', boot: 'UTC', reported: true, canonical: timeZone, description: 'Sets the time zone for displaying and interpreting time stamps.' },
  { name: 'timezone_abbreviations', kind: 'string', boot: 'Default', description: 'Selects a file of time zone abbreviations.' },
  { name: 'transaction_deferrable', kind: 'bool', boot: 'off', description: 'Whether to defer a read-only serializable transaction until it can be executed with no possible serialization failures.' },
  { name: 'transaction_isolation', kind: 'enum', boot: 'read committed', values: ISOLATION, description: "Sets the current transaction's isolation level." },
  { name: 'transaction_read_only', kind: 'bool', boot: 'off', description: "Sets the current transaction's read-only status." },
  { name: 'xmlbinary', kind: 'enum', boot: 'base64', values: ['base64', 'hex'], description: 'Sets how binary values are to be encoded in XML.' },
  { name: 'xmloption', kind: 'enum', boot: 'content', values: ['content', 'document'], description: 'Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments.' },
];

const BY_NAME = new Map(SETTINGS.map((s) => [s.name.toLowerCase(), s]));

/** The setting named `name` (any case). */
export function findSetting(name: string): Setting | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function allSettings(): readonly Setting[] { return SETTINGS; }

/** A session's transaction_* settings follow their default_* ones until set themselves. */
export const FOLLOWS: Readonly<Record<string, string>> = {
  transaction_isolation: 'default_transaction_isolation',
  transaction_read_only: 'default_transaction_read_only',
  transaction_deferrable: 'default_transaction_deferrable',
};

const BOOLEANS: Record<string, string> = { on: 'on', off: 'off', true: 'on', false: 'off', yes: 'on', no: 'off', 1: 'on', 0: 'off', t: 'on', f: 'off', y: 'on', n: 'off' };

const MS_UNITS: [string, number][] = [['d', 86400000], ['h', 3600000], ['min', 60000], ['s', 1000], ['ms', 1]];

/** Milliseconds as Postgres shows them: the largest unit that divides them (5000 → 5s). */
function msText(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, size] of MS_UNITS) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** `value` checked against `s` and spelt as SHOW prints it; throws a SettingError. */
export function settingValue(s: Setting, value: string, current: string): string {
  const invalid = (hint?: string): SettingError => new SettingError('22023', `invalid value for parameter "${s.name}": "${value}"`, hint);
  let v: string;
  switch (s.kind) {
    case 'bool': {
      v = BOOLEANS[value.trim().toLowerCase()];
      if (v === undefined) throw new SettingError('22023', `parameter "${s.name}" requires a Boolean value`);
      break;
    }
    case 'int': case 'real': {
      const m = /^\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value);
      if (!m) throw invalid();
      let n = Number(m[1]);
      if (m[2] !== '') {
        const unit = s.ms ? MS_UNITS.find(([u]) => u === m[2]) : undefined;
        if (!unit) throw new SettingError('22023', `invalid value for parameter "${s.name}": "${value}"`, s.ms ? 'Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".' : undefined);
        n *= unit[1];
      }
      if (s.kind === 'int') n = Math.round(n);
      if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) {
        throw new SettingError('22023', `${n} is outside the valid range for parameter "${s.name}" (${s.min} .. ${s.max})`);
      }
      v = s.ms ? msText(n) : String(n);
      break;
    }
    case 'enum': {
      v = (s.values ?? []).find((x) => x === value.trim().toLowerCase()) ?? '';
      if (v === '') throw invalid(`Available values: ${(s.values ?? []).join(', ')}.`);
      break;
    }
    default:
      v = value;
  }
  return s.canonical ? s.canonical(v, current) : v;
}

/** What the session starts with for `s` (before any SET). */
export function bootValue(s: Setting, session: PgSessionInfo): string {
  return typeof s.boot === 'function' ? s.boot(session) : s.boot;
}
