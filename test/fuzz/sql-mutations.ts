// Token-level mutations of SQL statements for the statement fuzz test: the shapes of mistakes
// and abuse a parser, planner and runtime must turn into a SqlError (or run correctly).
import fc from 'fast-check';

/** Strings, quoted names, numbers, names, operators, other characters: enough to mutate by. */
const TOKEN = /'(?:[^']|'')*'|`[^`]*`|"[^"]*"|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|->|=>|:=|<=|>=|<>|!=|\s+|./gs;

export function tokenize(sql: string): string[] {
  return sql.match(TOKEN) ?? [];
}

const NUMBERS = ['0', '-1', '1e308', '-1e308', '2147483648', '9223372036854775808', '1.5', '0.0000001', '99999999999999999999999999999', '100000000'];
const STRINGS = ["''", "'a/b'", `'${'x'.repeat(300)}'`, "''''", "'(a+)+$'", "'%%%%%'", "'\\u0000'", "'ü☃𝄞'", "'1 DAY'", "'-1'"];
const WORDS = ['NULL', 'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'WINDOW', 'HOPPING', 'TUMBLING', 'SESSION', 'SIZE', 'ADVANCE', 'MILLISECOND',
  'DAY', 'EMIT', 'CHANGES', 'FINAL', 'KEY', 'PRIMARY', 'AS', 'CAST', 'STRUCT', 'ARRAY', 'MAP', 'INT', 'BIGINT', 'DOUBLE', 'STRING',
  'DECIMAL', 'COUNT', 'SUM', 'MAX', 'COLLECT_LIST', 'GENERATE_SERIES', 'REGEXP_REPLACE', 'PARTITION', 'JOIN', 'WITHIN', 'LIMIT',
  'ROWTIME', 'ROWOFFSET', 'WINDOWSTART', 'PARTITIONS', 'KAFKA_TOPIC', 'VALUE_FORMAT', 'KEY_FORMAT', 'DELIMITED', 'KAFKA', 'NONE',
  'TABLE', 'STREAM', 'MODEL', 'PREDICT', 'TRAIN', 'ONLINE', 'TERMINATE', 'DROP', 'DELETE', 'TOPIC'];
const PUNCT = ['(', ')', ',', '.', ';', '*', '/', '-', '+', '[', ']', '->', '=>', ':=', '<', '>', '=', "'", '`', '"', '--', '/*', '${x}'];

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'number'; which: number; value: string }
  | { kind: 'string'; which: number; value: string }
  | { kind: 'name'; which: number; value: string };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...WORDS, ...PUNCT, ...NUMBERS, ...STRINGS) }),
  fc.record({ kind: fc.constant('number' as const), which: fc.nat(), value: fc.constantFrom(...NUMBERS) }),
  fc.record({ kind: fc.constant('string' as const), which: fc.nat(), value: fc.constantFrom(...STRINGS) }),
  fc.record({ kind: fc.constant('name' as const), which: fc.nat(), value: fc.constantFrom(...WORDS) }),
);

/** Applies mutations in order; positions wrap around the (non-blank) tokens there are. */
export function mutate(sql: string, mutations: Mutation[]): string {
  let toks = tokenize(sql);
  for (const m of mutations) {
    const solid = toks.map((t, i) => (/^\s+$/.test(t) ? -1 : i)).filter((i) => i >= 0);
    if (solid.length === 0) break;
    const at = (n: number): number => solid[n % solid.length];
    const nth = (re: RegExp, n: number): number | undefined => {
      const idx = toks.map((t, i) => (re.test(t) ? i : -1)).filter((i) => i >= 0);
      return idx.length === 0 ? undefined : idx[n % idx.length];
    };
    switch (m.kind) {
      case 'delete': toks.splice(at(m.at), 1); break;
      case 'duplicate': { const i = at(m.at); toks.splice(i, 0, toks[i], ' '); break; }
      case 'swap': { const i = at(m.at), j = at(m.with); [toks[i], toks[j]] = [toks[j], toks[i]]; break; }
      case 'insert': toks.splice(at(m.at), 0, m.token, ' '); break;
      case 'number': { const i = nth(/^\d/, m.which); if (i !== undefined) toks[i] = m.value; break; }
      case 'string': { const i = nth(/^'/, m.which); if (i !== undefined) toks[i] = m.value; break; }
      case 'name': { const i = nth(/^[A-Za-z_]/, m.which); if (i !== undefined) toks[i] = m.value; break; }
    }
    toks = tokenize(toks.join(''));
  }
  return toks.join('');
}
