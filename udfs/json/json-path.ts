// The JSONPath subset EXTRACTJSONFIELD accepts (ksqlDB's JsonPathTokenizer, from Presto): '$'
// then '.name' segments and '[index]' or '["quoted name"]' subscripts. No wildcards, no filters.
import { SqlError } from '../../src/types/sql-error.js';

const SEGMENT = /[\p{L}\p{N}_:@$-]/u;
const SUBSCRIPT = /[\p{L}\p{N}_-]/u;

const cache = new Map<string, string[]>();

export function jsonPathTokens(path: string): string[] {
  let tokens = cache.get(path);
  if (!tokens) {
    tokens = tokenize(path);
    if (cache.size >= 1000) cache.clear();
    cache.set(path, tokens);
  }
  return tokens;
}

function tokenize(path: string): string[] {
  const invalid = (): SqlError => new SqlError('EVALUATION_ERROR', `Invalid JSON path: '${path}'`);
  if (!path.startsWith('$')) throw invalid();
  const tokens: string[] = [];
  let i = 1;
  const run = (re: RegExp): string => {
    const start = i;
    while (i < path.length && re.test(path[i])) i++;
    if (i === start) throw invalid();
    return path.slice(start, i);
  };
  while (i < path.length) {
    const c = path[i++];
    if (c === '.') {
      tokens.push(run(SEGMENT));
    } else if (c === '[') {
      const q = path[i];
      if (q === '"' || q === "'") {
        let token = '';
        i++;
        for (;;) {
          if (i >= path.length) throw invalid();
          const ch = path[i++];
          if (ch === q) break;
          if (ch === '\\') {
            const next = path[i++];
            if (next !== '\\' && next !== q) throw invalid();
            token += next;
          } else {
            token += ch;
          }
        }
        tokens.push(token);
      } else {
        tokens.push(run(SUBSCRIPT));
      }
      if (path[i++] !== ']') throw invalid();
    } else {
      throw invalid();
    }
  }
  return tokens;
}

/** Integer.parseInt: an optional sign and decimal digits within the int range, else undefined. */
export function javaParseInt(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}
