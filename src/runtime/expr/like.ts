// LIKE as ksqlDB's LikeEvaluator: `%` any run of characters, `_` one character, the escape
// character makes the next one literal; the whole value must match. As in Java regexes, the
// wildcards do not match line terminators.
import type { TLike } from '../../plan/expr/typed-expr.js';
import { EvaluationError } from './evaluation-error.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
import { textOf } from './compile-env.js';

const ANY_CHAR = '[^\\n\\r\\u0085\\u2028\\u2029]';
const quote = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** The regex for a LIKE pattern; throws for a pattern ending in the escape character. */
export function likeRegex(pattern: string, escape?: string): RegExp {
  let out = '';
  let escaped = false;
  for (const c of pattern) {
    if (escaped) { out += quote(c); escaped = false; }
    else if (escape !== undefined && c === escape) escaped = true;
    else if (c === '%') out += `${ANY_CHAR}*`;
    else if (c === '_') out += ANY_CHAR;
    else out += quote(c);
  }
  if (escaped) throw new EvaluationError('LIKE pattern must not end with escape character');
  return new RegExp(`^(?:${out})$`, 'u');
}

export function compileLike(t: TLike, env: CompileEnv): Evaluator {
  const value = env.compile(t.value, env);
  const escape = t.escape?.kind === 'Literal' ? (t.escape.value as string) : undefined;
  const not = t.not;
  const text = textOf(t);
  if (t.pattern.kind === 'Literal') {
    if (t.pattern.value == null) return () => null;
    let re: RegExp;
    try {
      re = likeRegex(t.pattern.value as string, escape);
    } catch (e) {
      return () => { throw EvaluationError.wrap(e, text()); };
    }
    return (row) => {
      const v = value(row);
      return v == null ? null : re.test(v as string) !== not;
    };
  }
  const pattern = env.compile(t.pattern, env);
  let lastPattern: string | undefined;
  let lastRe: RegExp | undefined;
  return (row) => {
    const v = value(row);
    const p = pattern(row);
    if (v == null || p == null) return null;
    if (p !== lastPattern) {
      try {
        lastRe = likeRegex(p as string, escape);
      } catch (e) {
        throw EvaluationError.wrap(e, text());
      }
      lastPattern = p as string;
    }
    return lastRe!.test(v as string) !== not;
  };
}
