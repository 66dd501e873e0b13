// SELECT without FROM (Eddy's SELECT always has one): constants and the session functions that
// clients and pools send (SELECT 1, version(), current_schema(), pg_backend_pid() ...), with
// Postgres 15's column names and types. Anything else goes to Eddy, whose parser reports it.
import type { CatalogAnswer, CatalogContext } from './postgres-query.js';
import { isOp, tokenSpan, type Token } from './sql-text.js';
import { SERVER_VERSION } from '../startup.js';
import { SettingError } from './pg-settings.js';
import { changeSetting, currentValue, rememberStart, unknownSetting } from './session-settings.js';
import { SCHEMA } from './relations.js';
import { rowsAnswer, T, type Col } from './text-result.js';

const OIDS = { ...T, numeric: 1700, float4: 700, float8: 701, varchar: 1043 } as const;

interface Value {
  text: string | null;
  oid: number;
  /** The column name Postgres would give, and how strongly (a function's name beats a cast's type). */
  name: string;
  strength: 0 | 1 | 2;
}

class Unsupported extends Error {}

/** Does the statement have a FROM outside parentheses? Eddy's SELECTs always do. */
export function hasTopLevelFrom(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (isOp(t, '(')) depth++;
    else if (isOp(t, ')')) depth--;
    else if (depth === 0 && t.kind === 'word' && t.value === 'from') return true;
  }
  return false;
}

/** The answer to a SELECT without FROM (tokens after SELECT). */
export function answerConstantSelect(sql: string, tokens: readonly Token[], ctx: CatalogContext): CatalogAnswer | undefined {
  rememberStart(ctx.session);
  try {
    const items = splitItems(tokens);
    const values = items.map((item) => selectItem(sql, item, ctx));
    const columns: Col[] = values.map((v) => [v.name, v.oid]);
    return rowsAnswer(columns, [values.map((v) => v.text)]);
  } catch (e) {
    if (e instanceof SettingError) return { kind: 'error', code: e.code, message: e.message };
    // Not a constant this knows (or a typo such as FROMM): Eddy's parser says what is wrong, where.
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function splitItems(tokens: readonly Token[]): Token[][] {
  const items: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isOp(t, '(')) depth++;
    if (isOp(t, ')')) depth--;
    if (depth === 0 && isOp(t, ',')) items.push([]);
    else items[items.length - 1].push(t);
  }
  if (items.some((i) => i.length === 0)) throw new Unsupported('an empty select item');
  return items;
}

function selectItem(sql: string, item: Token[], ctx: CatalogContext): Value {
  const reader = new Reader(item, ctx);
  const v = reader.expression();
  const rest = reader.rest();
  if (rest.length === 0) return v;
  // An alias: `AS x`, `AS "X"`, or a bare `x`.
  const alias = rest.length === 2 && rest[0].kind === 'word' && rest[0].value === 'as' ? rest[1] : rest.length === 1 ? rest[0] : undefined;
  if (alias && (alias.kind === 'word' || alias.kind === 'qident')) return { ...v, name: alias.value };
  throw new Unsupported(`"${tokenSpan(sql, item[0], item[item.length - 1])}" is not supported`);
}

class Reader {
  private i = 0;
  constructor(private readonly t: readonly Token[], private readonly ctx: CatalogContext) {}

  done(): boolean { return this.i >= this.t.length; }

  /** The tokens after the expression read. */
  rest(): readonly Token[] { return this.t.slice(this.i); }

  private peek(k = 0): Token | undefined { return this.t[this.i + k]; }

  expression(): Value {
    let v = this.primary();
    while (isOp(this.peek(), '::')) {
      this.i++;
      v = cast(v, this.typeName());
    }
    return v;
  }

  private typeName(): string {
    const t = this.peek();
    if (!t || t.kind !== 'word') throw new Unsupported('a cast to a type name is expected');
    this.i++;
    if (t.value === 'pg_catalog' && isOp(this.peek(), '.')) { this.i++; return this.typeName(); }
    if (t.value === 'double' && this.peek()?.value === 'precision') { this.i++; return 'double precision'; }
    return t.value;
  }

  private primary(): Value {
    const t = this.peek();
    if (!t) throw new Unsupported('an expression is expected');
    this.i++;
    if (t.kind === 'number') return numberValue(t.text);
    if (isOp(t, '-') && this.peek()?.kind === 'number') return numberValue(`-${this.t[this.i++].text}`);
    if (t.kind === 'string') return { text: t.value, oid: OIDS.text, name: '?column?', strength: 0 };
    if (isOp(t, '(')) {
      const v = this.expression();
      if (!isOp(this.peek(), ')')) throw new Unsupported('a closing parenthesis is expected');
      this.i++;
      return { ...v, name: '?column?', strength: 0 };
    }
    if (t.kind !== 'word') throw new Unsupported(`"${t.text}" is not supported`);
    let name = t.value;
    if (name === 'pg_catalog' && isOp(this.peek(), '.') && this.peek(1)?.kind === 'word') {
      this.i++;
      name = this.t[this.i++].value;
    }
    if (isOp(this.peek(), '(')) return this.call(name);
    return this.keyword(name);
  }

  private call(name: string): Value {
    this.i++; // (
    const args: Value[] = [];
    while (!isOp(this.peek(), ')')) {
      if (this.done()) throw new Unsupported(`${name}( is not closed`);
      args.push(this.expression());
      if (isOp(this.peek(), ',')) this.i++;
      else if (!isOp(this.peek(), ')')) throw new Unsupported(`the arguments of ${name}() are not supported`);
    }
    this.i++; // )
    return { ...callFunction(name, args, this.ctx), name, strength: 2 };
  }

  private keyword(name: string): Value {
    const s = this.ctx.session;
    const v = (text: string | null, oid: number): Value => ({ text, oid, name, strength: 2 });
    switch (name) {
      case 'true': case 'false': return { text: name === 'true' ? 't' : 'f', oid: OIDS.bool, name: '?column?', strength: 0 };
      case 'null': return { text: null, oid: OIDS.text, name: '?column?', strength: 0 };
      case 'current_user': case 'session_user': case 'user': case 'current_role': return v(s.user, OIDS.name);
      case 'current_catalog': return v(s.database, OIDS.name);
      case 'current_schema': return v(SCHEMA, OIDS.name);
      case 'current_timestamp': return v(timestampText(new Date(), currentValue(s, 'TimeZone') ?? 'UTC'), OIDS.timestamptz);
      default: throw new Unsupported(`"${name}" is not supported`);
    }
  }
}

function numberValue(text: string): Value {
  const name = '?column?';
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(2n ** 31n) && n < 2n ** 31n) return { text: String(n), oid: OIDS.int4, name, strength: 0 };
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return { text: String(n), oid: OIDS.int8, name, strength: 0 };
  }
  return { text, oid: OIDS.numeric, name, strength: 0 };
}

function callFunction(name: string, args: Value[], ctx: CatalogContext): Omit<Value, 'name' | 'strength'> {
  const s = ctx.session;
  const arity = (n: number): void => {
    if (args.length !== n) throw new Unsupported(`${name}() with ${args.length} arguments is not supported`);
  };
  switch (name) {
    case 'version': arity(0); return { text: `PostgreSQL ${SERVER_VERSION} on Node.js ${process.version}, Eddy streaming SQL engine`, oid: OIDS.text };
    case 'current_schema': arity(0); return { text: SCHEMA, oid: OIDS.name };
    case 'current_database': arity(0); return { text: s.database, oid: OIDS.name };
    case 'current_schemas': arity(1); return { text: args[0].text === 't' ? `{pg_catalog,${SCHEMA}}` : `{${SCHEMA}}`, oid: OIDS.nameArray };
    case 'pg_backend_pid': arity(0); return { text: String(s.pid), oid: OIDS.int4 };
    case 'pg_is_in_recovery': arity(0); return { text: 'f', oid: OIDS.bool };
    case 'now': case 'transaction_timestamp': case 'statement_timestamp': case 'clock_timestamp':
      arity(0);
      return { text: timestampText(new Date(), currentValue(s, 'TimeZone') ?? 'UTC'), oid: OIDS.timestamptz };
    case 'current_setting': {
      if (args.length !== 1 && args.length !== 2) arity(1);
      const setting = args[0].text ?? '';
      const value = currentValue(s, setting);
      if (value === undefined && args[1]?.text !== 't') throw unknownSetting(setting);
      return { text: value ?? null, oid: OIDS.text };
    }
    case 'set_config': {
      arity(3);
      // set_config(name, value, is_local): is_local lasts until the transaction ends, as SET LOCAL.
      if (args[2].text !== 't') changeSetting(s, args[0].text ?? '', args[1].text ?? '');
      return { text: currentValue(s, args[0].text ?? '') ?? args[1].text, oid: OIDS.text };
    }
    default: throw new Unsupported(`the function ${name}() is not supported`);
  }
}

const CASTS: Record<string, [name: string, oid: number]> = {
  text: ['text', OIDS.text], varchar: ['varchar', OIDS.varchar], name: ['name', OIDS.name],
  int: ['int4', OIDS.int4], integer: ['int4', OIDS.int4], int4: ['int4', OIDS.int4],
  bigint: ['int8', OIDS.int8], int8: ['int8', OIDS.int8], smallint: ['int2', OIDS.int2], int2: ['int2', OIDS.int2],
  bool: ['bool', OIDS.bool], boolean: ['bool', OIDS.bool], numeric: ['numeric', OIDS.numeric], decimal: ['numeric', OIDS.numeric],
  float8: ['float8', OIDS.float8], 'double precision': ['float8', OIDS.float8], float4: ['float4', OIDS.float4], real: ['float4', OIDS.float4],
  oid: ['oid', OIDS.oid],
};

const INTEGERS = new Set<number>([OIDS.int2, OIDS.int4, OIDS.int8, OIDS.oid]);
const DECIMALS = new Set<number>([OIDS.numeric, OIDS.float4, OIDS.float8]);

function cast(v: Value, type: string): Value {
  const target = CASTS[type];
  if (!target) throw new Unsupported(`a cast to ${type} is not supported`);
  const [typeName, oid] = target;
  let text = v.text;
  if (text !== null) {
    if (oid === OIDS.bool) {
      const b = { t: 't', true: 't', f: 'f', false: 'f', yes: 't', no: 'f', on: 't', off: 'f', 1: 't', 0: 'f' }[text.toLowerCase()];
      if (b === undefined) throw new SettingError('22P02', `invalid input syntax for type boolean: "${text}"`);
      text = b;
    } else if (v.oid === OIDS.bool) {
      if (oid !== OIDS.text && oid !== OIDS.varchar) throw new SettingError('42846', `cannot cast type boolean to ${typeName}`);
      text = text === 't' ? 'true' : 'false';
    } else if (INTEGERS.has(oid)) {
      if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text)) throw new SettingError('22P02', `invalid input syntax for type ${typeName}: "${text}"`);
      text = String(Math.round(Number(text)));
    } else if (DECIMALS.has(oid)) {
      if (!Number.isFinite(Number(text))) throw new SettingError('22P02', `invalid input syntax for type ${typeName}: "${text}"`);
      text = text.trim();
    }
  }
  // A function's or an alias's name stays; a constant's column is named after the type.
  return v.strength >= 1 ? { ...v, text, oid } : { text, oid, name: typeName, strength: 1 };
}

/** timestamptz's text in `zone`: 2024-05-01 12:00:00.123+00 (Postgres' ISO output). */
function timestampText(d: Date, zone: string): string {
  let offsetMin = 0;
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(d);
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    offsetMin = Math.round((local - Math.floor(d.getTime() / 1000) * 1000) / 60000);
  } catch {
    offsetMin = 0;
  }
  const shifted = new Date(d.getTime() + offsetMin * 60000).toISOString(); // 2024-05-01T12:00:00.123Z
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 23)}${sign}${hh}${mm}`;
}
