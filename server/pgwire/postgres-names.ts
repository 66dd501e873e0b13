// Postgres folds unquoted names to lower case, so its clients quote names in lower case: pgx's
// CopyFrom describes `select "id", "v" from "readings"`, psycopg's sql.Identifier and ORMs quote
// every name. Eddy folds unquoted names to upper case (as ksqlDB), and a quoted name keeps its
// case, so "readings" would not find READINGS. On the Postgres endpoint, a quoted name in lower
// case that names nothing in the catalog as written, while its upper case does (a stream, a
// table, a column of one, a model), is read as that upper-case name (not after AS: an alias
// is a name being given, kept as written). The text keeps its length
// ("readings" becomes `READINGS`, backticks being Eddy's quotes), so error positions still point
// into what the client sent. A name created quoted in lower case is found as written, as before.
import type { ScriptStatement } from '../../src/engine/engine.js';
import type { EngineState } from '../../src/engine/engine-state.js';
import { quotedEnd } from './parameters.js';

const LOWER_NAME = /^[a-z_][a-z0-9_$]*$/;

/** `st` with its quoted lower-case names that only their upper case finds rewritten (see above). */
export function postgresNames(st: ScriptStatement, state: EngineState): ScriptStatement {
  const t = st.text;
  if (!t.includes('"')) return st;
  let names: Set<string> | undefined;
  let out: string | undefined;
  let previous = ''; // the last word (upper-cased) or symbol before here
  let i = 0;
  while (i < t.length) {
    const c = t[i];
    if (c === '-' && t[i + 1] === '-') {
      const nl = t.slice(i).search(/[\r\n]/);
      i = nl < 0 ? t.length : i + nl;
    } else if (c === '/' && t[i + 1] === '*') {
      const close = t.indexOf('*/', i + 2);
      i = close < 0 ? t.length : close + 2;
    } else if (c === "'" || c === '`' || c === '"') {
      const end = quotedEnd(t, i);
      if (c === '"' && end - i >= 3 && t[end - 1] === '"') {
        const name = t.slice(i + 1, end - 1);
        // After AS it is a name being given (an alias), kept as the client wrote it.
        if (previous !== 'AS' && LOWER_NAME.test(name)) {
          names ??= catalogNames(state);
          const upper = name.toUpperCase();
          if (!names.has(name) && names.has(upper)) out = (out ?? t).slice(0, i) + '`' + upper + '`' + (out ?? t).slice(end);
        }
      }
      i = end;
      previous = c;
    } else if (/[A-Za-z_]/.test(c)) {
      const w = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(t.slice(i, i + 64))![0];
      previous = w.toUpperCase();
      i += w.length;
    } else {
      if (!/\s/.test(c)) previous = c;
      i++;
    }
  }
  return out === undefined ? st : { ...st, text: out };
}

/** Every name a statement may mean: sources, their columns, models. */
function catalogNames(state: EngineState): Set<string> {
  const out = new Set<string>();
  for (const s of state.catalog.list()) {
    out.add(s.name);
    for (const c of s.schema.key) out.add(c.name);
    for (const c of s.schema.value) out.add(c.name);
  }
  for (const m of state.models.keys()) out.add(m);
  return out;
}

/** One name as the COPY command read it (quoted ones as written): its upper case where only that names something. */
export function postgresName(name: string, exists: (n: string) => boolean): string {
  return LOWER_NAME.test(name) && !exists(name) && exists(name.toUpperCase()) ? name.toUpperCase() : name;
}
