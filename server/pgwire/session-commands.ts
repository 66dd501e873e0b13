// Postgres statements about the connection itself rather than data: transactions, cursors
// (DECLARE/FETCH/MOVE/CLOSE), COPY ... TO STDOUT, COPY ... FROM STDIN (psql's \copy), DISCARD and
// DEALLOCATE. Read here by shape; a cursor's or COPY's query is Eddy SQL, kept with its place in
// the text for error positions.
import type { ScriptStatement } from '../../src/engine/engine.js';
import { PgProtocolError } from './sqlstate.js';
import { copyOptions } from './copy-options.js';

export type SessionCommand =
  | { kind: 'begin' | 'commit' | 'rollback' }
  | { kind: 'declare'; name: string; query: ScriptStatement }
  | { kind: 'fetch'; name: string; count: number | 'all'; timeoutMs: number | undefined; move: boolean }
  | { kind: 'close'; name: string | undefined /* ALL */ }
  /** `delimiter` and `nullString` as COPY's options give them (or Postgres's defaults for the format). */
  | { kind: 'copyOut'; query: ScriptStatement; format: 'text' | 'csv' | 'binary'; header: boolean; delimiter: string; nullString: string }
  /** `target` as Eddy names it (unquoted upper-cased); `columns` the ones each line holds, if listed. */
  | { kind: 'copyIn'; target: string; columns: string[] | undefined; format: 'PG_TEXT' | 'CSV' | 'JSON' | 'BINARY'; header: boolean; delimiter: string; nullString: string }
  | { kind: 'discard' }
  | { kind: 'deallocate'; name: string | undefined /* ALL */ };

const NAME = String.raw`("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const BEGIN = /^\s*(?:BEGIN|START\s+TRANSACTION)(?:\s+(?:WORK|TRANSACTION))?\b[^;]*;?\s*$/i;
const COMMIT = /^\s*(?:COMMIT|END)(?:\s+(?:WORK|TRANSACTION))?(?:\s+AND\s+NO\s+CHAIN)?\s*;?\s*$/i;
const ROLLBACK = /^\s*(?:ROLLBACK|ABORT)(?:\s+(?:WORK|TRANSACTION))?(?:\s+AND\s+NO\s+CHAIN)?\s*;?\s*$/i;
const SAVEPOINT = /^\s*(?:SAVEPOINT|RELEASE|ROLLBACK\s+(?:WORK\s+|TRANSACTION\s+)?TO|PREPARE\s+TRANSACTION|COMMIT\s+PREPARED|ROLLBACK\s+PREPARED)\b/i;
const DECLARE = new RegExp(String.raw`^\s*DECLARE\s+${NAME}\s+(?:(?:BINARY|ASENSITIVE|INSENSITIVE|NO\s+SCROLL|SCROLL)\s+)*CURSOR\s+(?:(?:WITH|WITHOUT)\s+HOLD\s+)?FOR\s+`, 'i');
const FETCH = /^\s*(FETCH|MOVE)\b/i;
const CLOSE = new RegExp(String.raw`^\s*CLOSE\s+(?:ALL|${NAME})\s*;?\s*$`, 'i');
const COPY_QUERY = /^\s*COPY\s*\(/i;
const COPY_NAME = new RegExp(String.raw`^\s*COPY\s+${NAME}\s*(?:\(([^)]*)\))?\s*TO\s+STDOUT\b`, 'i');
const COPY_IN = new RegExp(String.raw`^\s*COPY\s+${NAME}\s*(?:\(([^)]*)\))?\s*FROM\s+STDIN\b`, 'i');
const DISCARD = /^\s*DISCARD\s+(?:ALL|PLANS|SEQUENCES|TEMP|TEMPORARY)\s*;?\s*$/i;
const DEALLOCATE = new RegExp(String.raw`^\s*DEALLOCATE\s+(?:PREPARE\s+)?(?:ALL|${NAME})\s*;?\s*$`, 'i');

/** The session command `st` is, if it is one. Throws PgProtocolError for what Eddy does not do. */
export function sessionCommand(st: ScriptStatement): SessionCommand | undefined {
  const t = st.text;
  if (SAVEPOINT.test(t)) throw new PgProtocolError('0A000', 'savepoints and prepared transactions are not supported: Eddy statements are not transactional');
  if (BEGIN.test(t)) return { kind: 'begin' };
  if (COMMIT.test(t)) return { kind: 'commit' };
  if (ROLLBACK.test(t)) return { kind: 'rollback' };
  let m = DECLARE.exec(t);
  if (m) return { kind: 'declare', name: identifier(m[1]), query: inner(st, m[0].length, t.length) };
  if (FETCH.test(t)) return fetchCommand(t);
  m = CLOSE.exec(t);
  if (m) return { kind: 'close', name: m[1] === undefined ? undefined : identifier(m[1]) };
  if (COPY_QUERY.test(t)) return copyQuery(st);
  m = COPY_IN.exec(t);
  if (m) return copyIn(m[1], m[2], t.slice(m[0].length));
  m = COPY_NAME.exec(t);
  if (m) return copyOut({ text: `SELECT ${m[2]?.trim() || '*'} FROM ${m[1]}`, line: st.line, column: st.column, offset: st.offset }, t.slice(m[0].length));
  if (DISCARD.test(t)) return { kind: 'discard' };
  m = DEALLOCATE.exec(t);
  if (m) return { kind: 'deallocate', name: m[1] === undefined ? undefined : identifier(m[1]) };
  return undefined;
}

/** A name as Postgres reads it: quoted kept as is, unquoted folded to lower case. */
function identifier(s: string): string {
  return s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toLowerCase();
}

/** The part of `st` from `from` to `to`, keeping its line, column and offset in the whole text. */
function inner(st: ScriptStatement, from: number, to: number): ScriptStatement {
  const before = st.text.slice(0, from);
  const lines = before.split(/\r\n|\r|\n/);
  const line = st.line + lines.length - 1;
  const column = lines.length === 1 ? st.column + from : lines[lines.length - 1].length + 1;
  return { text: st.text.slice(from, to), line, column, offset: st.offset + from };
}

const DIRECTION = /^\s*(FETCH|MOVE)\s+(?:(NEXT)|(ALL)|(FORWARD)(?:\s+(ALL|\d+))?|(\d+)|(PRIOR|FIRST|LAST|ABSOLUTE|RELATIVE|BACKWARD)\b[^]*?)?\s*(?:(?:FROM|IN)\s+)?/i;
const TAIL = new RegExp(String.raw`^${NAME}(?:\s+WITH\s*\(\s*timeout\s*=\s*'([^']*)'\s*\))?\s*;?\s*$`, 'i');

function fetchCommand(t: string): SessionCommand {
  const d = DIRECTION.exec(t)!;
  if (d[7]) throw new PgProtocolError('55000', `cursor can only scan forward (${d[7].toUpperCase()} is not supported)`, 'Declare it with NO SCROLL and fetch FORWARD.');
  const tail = TAIL.exec(t.slice(d[0].length));
  if (!tail) throw new PgProtocolError('42601', `syntax error in ${d[1].toUpperCase()}: expected FETCH [FORWARD] [n | ALL] [FROM] cursor [WITH (timeout = '1s')]`);
  const n = d[5] ?? d[6];
  const count = d[3] || n?.toUpperCase() === 'ALL' ? 'all' : n !== undefined ? Number(n) : 1;
  return { kind: 'fetch', name: identifier(tail[1]), count, timeoutMs: tail[2] === undefined ? undefined : duration(tail[2]), move: d[1].toUpperCase() === 'MOVE' };
}

/** '1s', '500ms', '2 seconds', '0': a FETCH timeout. */
export function duration(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?)?\s*$/i.exec(s);
  if (!m) throw new PgProtocolError('22023', `invalid timeout '${s}': use e.g. '1s' or '500ms'`);
  const unit = (m[2] ?? 's').toLowerCase();
  const scale = unit.startsWith('ms') || unit.startsWith('milli') ? 1 : unit.startsWith('m') ? 60000 : 1000;
  return Number(m[1]) * scale;
}

/** COPY (query) TO STDOUT [options] (see copy-options.ts). */
function copyQuery(st: ScriptStatement): SessionCommand {
  const t = st.text;
  const open = t.indexOf('(');
  const close = matchingParen(t, open);
  if (close < 0) throw new PgProtocolError('42601', 'syntax error in COPY: no closing parenthesis after the query');
  const rest = t.slice(close + 1);
  const to = /^\s*TO\s+STDOUT\b/i.exec(rest);
  if (!to) throw new PgProtocolError('0A000', 'COPY (query) supports only TO STDOUT');
  return copyOut(inner(st, open + 1, close), rest.slice(to[0].length));
}

function copyOut(query: ScriptStatement, options: string): SessionCommand {
  const { format, header, delimiter, nullString } = copyOptions(options, ['text', 'csv', 'binary']);
  return { kind: 'copyOut', query, format: format === 'csv' ? 'csv' : format === 'binary' ? 'binary' : 'text', header, delimiter, nullString };
}

/** COPY name [(columns)] FROM STDIN [options]. FORMAT json (Eddy's: JSON lines, as COPY name FROM 'file.jsonl') has no column list. */
function copyIn(name: string, columnList: string | undefined, options: string): SessionCommand {
  const { format: f, header, delimiter, nullString } = copyOptions(options, ['text', 'csv', 'json', 'binary']);
  const format = f === 'csv' ? 'CSV' : f === 'json' ? 'JSON' : f === 'binary' ? 'BINARY' : 'PG_TEXT';
  const columns = columnList?.split(',').map((c) => eddyName(c.trim()));
  if (columns?.some((c) => c === '')) throw new PgProtocolError('42601', 'syntax error in COPY column list');
  if (columns && format === 'JSON') throw new PgProtocolError('0A000', 'COPY ... FROM STDIN (FORMAT json) reads each line\'s fields by name: it takes no column list');
  return { kind: 'copyIn', target: eddyName(name), columns, format, header, delimiter, nullString };
}

/** A name as Eddy reads it: quoted kept as is, unquoted folded to upper case. */
function eddyName(s: string): string {
  return s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toUpperCase();
}

/** Index of the ')' closing the '(' at `open`, skipping quoted text; -1 if none. */
function matchingParen(t: string, open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    const c = t[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = t.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
