// A session's Postgres settings: read, set and reset on PgSessionInfo.settings (lower-case
// names → values as SHOW prints them). RESET goes back to the value the session started with:
// what the connection put in the map before the first statement, else the setting's default.
import type { PgSessionInfo } from './postgres-query.js';
import { bootValue, findSetting, FOLLOWS, settingValue, SettingError, type Setting } from './pg-settings.js';

/** Each session's settings at its start, taken the first time the session is seen. */
const startValues = new WeakMap<Map<string, string>, ReadonlyMap<string, string>>();

/** Call before a statement reads or changes settings: remembers what RESET goes back to. */
export function rememberStart(session: PgSessionInfo): void {
  if (!startValues.has(session.settings)) startValues.set(session.settings, new Map(session.settings));
}

/** A placeholder (custom) setting: any dotted name, `myapp.tenant`. */
export const isPlaceholder = (name: string): boolean => name.includes('.');

/** The value SHOW prints, or undefined for a placeholder never set. */
export function currentValue(session: PgSessionInfo, name: string): string | undefined {
  const key = name.toLowerCase();
  const set = session.settings.get(key);
  if (set !== undefined) return set;
  const followed = FOLLOWS[key];
  if (followed) return currentValue(session, followed);
  const s = findSetting(key);
  return s ? bootValue(s, session) : undefined;
}

export function unknownSetting(name: string): SettingError {
  return new SettingError('42704', `unrecognized configuration parameter "${name}"`);
}

/** A changed setting that Postgres reports with ParameterStatus: [name, value]. */
export type Reported = [string, string];

/**
 * Sets `name` to `value` (as written in SET; undefined resets it). Returns the ParameterStatus to
 * send for a reported setting. Throws a SettingError.
 *
 * It is reported even when the value did not change (as Postgres 13 did; 14 and later report
 * changes only): the connection may run a statement more than once (Parse checks it, Describe
 * and Execute answer it), and only the last run's answer reaches the client.
 */
export function changeSetting(session: PgSessionInfo, name: string, value: string | undefined): Reported | undefined {
  const key = name.toLowerCase();
  const s = findSetting(key);
  if (!s && !isPlaceholder(key)) throw unknownSetting(name);
  if (s?.readonly) throw new SettingError('55P02', `parameter "${s.name}" cannot be changed`);
  if (value === undefined) reset(session, key);
  else session.settings.set(key, s ? settingValue(s, value, currentValue(session, key) ?? '') : value);
  return reportedValue(s, session);
}

function reset(session: PgSessionInfo, key: string): void {
  const start = startValues.get(session.settings)?.get(key);
  if (start !== undefined) session.settings.set(key, start);
  else session.settings.delete(key);
}

function reportedValue(s: Setting | undefined, session: PgSessionInfo): Reported | undefined {
  const value = s?.reported ? currentValue(session, s.name) : undefined;
  return s && value !== undefined ? [s.name, value] : undefined;
}

/** RESET ALL: every setting back to its start; the reported ones among them. */
export function resetAll(session: PgSessionInfo): Reported[] {
  const reported: Reported[] = [];
  const start = startValues.get(session.settings) ?? new Map<string, string>();
  for (const key of new Set([...session.settings.keys(), ...start.keys()])) {
    const s = findSetting(key);
    if (s?.readonly) continue;
    reset(session, key);
    const r = reportedValue(s, session);
    if (r) reported.push(r);
  }
  return reported;
}
