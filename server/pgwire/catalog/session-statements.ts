// SET, RESET and SHOW of Postgres settings, in Postgres 15's syntax and with its answers:
//   SET [SESSION | LOCAL] name { TO | = } { value [, ...] | DEFAULT }
//   SET [SESSION | LOCAL] TIME ZONE ... | NAMES ... | SCHEMA ... | ROLE ... | SESSION AUTHORIZATION ...
//   SET SESSION CHARACTERISTICS AS TRANSACTION ... | SET TRANSACTION ...
//   RESET name | RESET ALL | SHOW name | SHOW ALL
// Eddy's own SET 'name' = 'value' (a quoted name) and SHOW STREAMS... are not taken here.
import type { CatalogAnswer, CatalogContext, PgSessionInfo } from './postgres-query.js';
import type { Token } from './sql-text.js';
import { allSettings, findSetting, SettingError } from './pg-settings.js';
import { changeSetting, currentValue, isPlaceholder, rememberStart, resetAll, unknownSetting, type Reported } from './session-settings.js';
import { rowsAnswer, T } from './text-result.js';

/** SHOW's Eddy statements: SHOW STREAMS, LIST TABLES, SHOW ALL TOPICS... */
const EDDY_SHOW = new Set(['streams', 'tables', 'queries', 'topics', 'properties', 'functions', 'models', 'variables', 'types', 'connectors']);

/** Is this SET/RESET/SHOW a Postgres one (not Eddy's)? */
export function isSessionStatement(tokens: readonly Token[]): boolean {
  const [first, second, third] = tokens.map((t) => t.value);
  switch (first) {
    case 'set': return tokens.length > 1 && tokens[1].kind !== 'string';
    case 'reset': return tokens.length > 1;
    case 'show': return tokens.length > 1 && !EDDY_SHOW.has(second) && !(second === 'all' && third !== undefined);
    default: return false;
  }
}

export function answerSessionStatement(tokens: readonly Token[], ctx: CatalogContext): CatalogAnswer {
  rememberStart(ctx.session);
  try {
    switch (tokens[0].value) {
      case 'set': return answerSet(tokens.slice(1), ctx.session);
      case 'reset': return answerReset(tokens.slice(1), ctx.session);
      default: return answerShow(tokens.slice(1), ctx.session);
    }
  } catch (e) {
    if (e instanceof SettingError) return { kind: 'error', code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
    throw e;
  }
}

const words = (tokens: readonly Token[]): string => tokens.map((t) => (t.kind === 'word' ? t.value : t.text)).join(' ');

function command(tag: string, reported: (Reported | undefined)[] = []): CatalogAnswer {
  const r = reported.filter((x): x is Reported => x !== undefined);
  return r.length > 0 ? { kind: 'command', tag, reported: r } : { kind: 'command', tag };
}

function answerSet(tokens: readonly Token[], session: PgSessionInfo): CatalogAnswer {
  let rest = tokens;
  // SET LOCAL lasts until the transaction ends: outside one Postgres warns and does nothing.
  let local = false;
  if (rest[0]?.value === 'session' && rest[1]?.value !== 'authorization' && rest[1]?.value !== 'characteristics' && !isAssignment(rest)) rest = rest.slice(1);
  else if (rest[0]?.value === 'local' && !isAssignment(rest)) { local = true; rest = rest.slice(1); }
  const head = rest.map((t) => t.value);
  const apply = (name: string, value: string | undefined): CatalogAnswer => {
    if (local) {
      validate(name, value, session);
      return command('SET');
    }
    return command('SET', [changeSetting(session, name, value)]);
  };
  if (head[0] === 'time' && head[1] === 'zone') {
    const v = rest.slice(2);
    if (v.length === 1 && (v[0].value === 'local' || v[0].value === 'default') && v[0].kind === 'word') return apply('TimeZone', undefined);
    if (v.length === 1 && v[0].kind !== 'op') return apply('TimeZone', v[0].value);
    return notSupported(`SET TIME ZONE ${words(v)}: give a time zone name, e.g. SET TIME ZONE 'UTC'`);
  }
  if (head[0] === 'names') return apply('client_encoding', rest.length === 1 ? undefined : singleValue(rest.slice(1), 'client_encoding'));
  if (head[0] === 'schema') return apply('search_path', singleValue(rest.slice(1), 'search_path'));
  if (head[0] === 'role') {
    if (head[1] === 'none' && rest.length === 2) return command('SET');
    return notSupported('SET ROLE is not supported: Eddy sessions have no roles');
  }
  if (head[0] === 'session' && head[1] === 'authorization') {
    const who = rest.slice(2);
    if (who.length === 1 && (who[0].value === 'default' || who[0].value === session.user)) return command('SET');
    return notSupported('SET SESSION AUTHORIZATION is not supported: Eddy does not switch users');
  }
  if (head[0] === 'session' && head[1] === 'characteristics' && head[2] === 'as' && head[3] === 'transaction') {
    return command('SET', transactionModes(rest.slice(4)).map(([name, value]) => changeSetting(session, `default_${name}`, value)));
  }
  if (head[0] === 'transaction') {
    // Outside a transaction block Postgres warns and does nothing; Eddy has no transactions.
    for (const [name, value] of transactionModes(rest.slice(1))) validate(name, value, session);
    return command('SET');
  }
  if (head[0] === 'constraints') return notSupported('SET CONSTRAINTS is not supported: Eddy has no constraints to defer');
  const m = settingName(rest);
  if (!m) return syntaxError(`SET ${words(tokens)}`);
  const valueTokens = rest.slice(m.length + 1);
  if (valueTokens.length === 0) return syntaxError(`SET ${words(tokens)}`);
  if (valueTokens.length === 1 && valueTokens[0].kind === 'word' && valueTokens[0].value === 'default') return apply(m.name, undefined);
  return apply(m.name, settingText(m.name, valueTokens));
}

/** SET name = ... or SET name TO ...: `SET local = 1` is not SET LOCAL. */
function isAssignment(tokens: readonly Token[]): boolean {
  return tokens[1]?.value === '=' || tokens[1]?.value === 'to';
}

/** The setting name before = or TO (a dotted name is several tokens) and how many tokens it took. */
function settingName(tokens: readonly Token[]): { name: string; length: number } | undefined {
  let i = 0;
  const parts: string[] = [];
  for (;;) {
    const t = tokens[i];
    if (!t || (t.kind !== 'word' && t.kind !== 'qident')) return undefined;
    parts.push(t.value);
    i++;
    if (tokens[i]?.value !== '.') break;
    i++;
  }
  if (tokens[i]?.value !== '=' && tokens[i]?.value !== 'to') return undefined;
  return { name: parts.join('.'), length: i };
}

/** The value list of a SET as Postgres flattens it: items joined by ", ". */
function settingText(name: string, tokens: readonly Token[]): string {
  const items: string[] = [];
  let item: string[] = [];
  const setting = findSetting(name);
  const listed = setting?.kind === 'list';
  for (const t of tokens) {
    if (t.value === ',' && t.kind === 'op') { items.push(item.join('')); item = []; continue; }
    if (t.kind === 'op' && t.value !== '-' && t.value !== '+') throw new SettingError('42601', `syntax error at or near "${t.text}"`);
    item.push(setting?.quotedItems && t.kind !== 'number' ? quoteIfNeeded(t.value) : t.value);
  }
  items.push(item.join(''));
  if (items.length > 1 && !listed) throw new SettingError('22023', `SET ${setting?.name ?? name} takes only one argument`);
  return items.join(', ');
}

/** A list item as Postgres shows it: `public`, `"$user"`, `"Foo"`. */
function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function singleValue(tokens: readonly Token[], name: string): string {
  if (tokens.length !== 1 || tokens[0].kind === 'op') throw new SettingError('42601', `syntax error in SET ${name}: give one value`);
  return tokens[0].value;
}

/** ISOLATION LEVEL READ COMMITTED, READ ONLY, NOT DEFERRABLE... as [setting, value] pairs. */
function transactionModes(tokens: readonly Token[]): [string, string][] {
  const out: [string, string][] = [];
  const modes: string[][] = [[]];
  for (const t of tokens) {
    if (t.value === ',') modes.push([]);
    else modes[modes.length - 1].push(t.value);
  }
  for (const m of modes) {
    const text = m.join(' ');
    if (text.startsWith('isolation level ')) out.push(['transaction_isolation', text.slice('isolation level '.length)]);
    else if (text === 'read only' || text === 'read write') out.push(['transaction_read_only', text === 'read only' ? 'on' : 'off']);
    else if (text === 'deferrable' || text === 'not deferrable') out.push(['transaction_deferrable', text === 'deferrable' ? 'on' : 'off']);
    else throw new SettingError('42601', `syntax error at or near "${m[0] ?? ''}"`);
  }
  return out;
}

/** Checks a SET that does not change anything (SET LOCAL, SET TRANSACTION) as Postgres would. */
function validate(name: string, value: string | undefined, session: PgSessionInfo): void {
  const scratch: PgSessionInfo = { ...session, settings: new Map(session.settings) };
  changeSetting(scratch, name, value);
}

/** Ends a name for settingName() in RESET and SHOW, which have no `=`. */
const END: Token = { kind: 'op', text: '=', value: '=', at: -1 };

function answerReset(tokens: readonly Token[], session: PgSessionInfo): CatalogAnswer {
  const text = tokens.map((t) => t.value).join(' ');
  if (text === 'all') return command('RESET', resetAll(session));
  if (text === 'time zone') return command('RESET', [changeSetting(session, 'TimeZone', undefined)]);
  if (text === 'transaction isolation level') return command('RESET', [changeSetting(session, 'transaction_isolation', undefined)]);
  if (text === 'session authorization' || text === 'role') return command('RESET');
  const name = settingName([...tokens, END]);
  if (!name || name.length !== tokens.length) return syntaxError(`RESET ${words(tokens)}`);
  return command('RESET', [changeSetting(session, name.name, undefined)]);
}

function answerShow(tokens: readonly Token[], session: PgSessionInfo): CatalogAnswer {
  const text = tokens.map((t) => t.value).join(' ');
  if (text === 'all') {
    const rows: [string, string, string | null][] = allSettings().map((s) => [s.name, currentValue(session, s.name) ?? '', s.description]);
    for (const [key, value] of session.settings) if (isPlaceholder(key)) rows.push([key, value, null]);
    rows.sort((a, b) => (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : 1));
    return rowsAnswer([['name', T.text], ['setting', T.text], ['description', T.text]], rows, 'SHOW');
  }
  const alias: Record<string, string> = {
    'time zone': 'TimeZone', 'transaction isolation level': 'transaction_isolation', 'session authorization': 'session_authorization',
  };
  let name = alias[text];
  if (!name) {
    const m = settingName([...tokens, END]);
    if (!m || m.length !== tokens.length) return syntaxError(`SHOW ${words(tokens)}`);
    name = m.name;
  }
  const value = currentValue(session, name);
  if (value === undefined) throw unknownSetting(name);
  return rowsAnswer([[findSetting(name)?.name ?? name.toLowerCase(), T.text]], [[value]], 'SHOW');
}

function notSupported(message: string): CatalogAnswer {
  return { kind: 'error', code: '0A000', message };
}

function syntaxError(statement: string): CatalogAnswer {
  return { kind: 'error', code: '42601', message: `syntax error in ${statement}` };
}
