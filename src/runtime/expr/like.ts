// LIKE as ksqlDB's LikeEvaluator: `%` any run of characters, `_` one character, the escape
// character makes the next one literal; the whole value must match. As in Java regexes, the
// wildcards do not match line terminators.
//
// Matched without backtracking over alternatives (a greedy wildcard match, or the pattern's
// automaton when the pattern has a literal line terminator): O(value × pattern) at worst, never
// the polynomial-to-exponential backtracking a regex with several `%` has on a long value.
import type { TLike } from '../../plan/expr/typed-expr.js';
import { EvaluationError } from '../../values/evaluation-error.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
import { textOf } from './compile-env.js';

/** Whether a whole value matches a compiled LIKE pattern. */
export type LikeMatcher = (value: string) => boolean;

const ONE = -1; // `_`
const ANY = -2; // `%`

const isTerminator = (cp: number): boolean =>
  cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;

/** The code point at i of s (a surrogate pair is one). */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** The pattern as tokens: a code point (literal), ONE or ANY; consecutive `%` collapse. */
function tokenize(pattern: string, escape: string | undefined): Int32Array {
  const tokens: number[] = [];
  let escaped = false;
  for (const c of pattern) {
    const cp = c.codePointAt(0) as number;
    if (escaped) { tokens.push(cp); escaped = false; }
    else if (escape !== undefined && c === escape) escaped = true;
    else if (c === '%') { if (tokens[tokens.length - 1] !== ANY) tokens.push(ANY); }
    else if (c === '_') tokens.push(ONE);
    else tokens.push(cp);
  }
  if (escaped) throw new EvaluationError('LIKE pattern must not end with escape character');
  return Int32Array.from(tokens);
}

/** A pattern without `%`: one step per code point. */
function fixedMatcher(tokens: Int32Array): LikeMatcher {
  return (value) => {
    let i = 0;
    for (let t = 0; t < tokens.length; t++) {
      if (i >= value.length) return false;
      const cp = codePointAt(value, i);
      const tok = tokens[t];
      if (tok === ONE ? isTerminator(cp) : tok !== cp) return false;
      i += cp > 0xffff ? 2 : 1;
    }
    return i === value.length;
  };
}

const hasTerminator = (s: string): boolean => /[\n\r\u0085\u2028\u2029]/.test(s);

/**
 * A pattern with `%` and no literal line terminator: a value with a terminator cannot match (no
 * wildcard matches one); otherwise the classic greedy wildcard match, resuming after the last
 * `%` one code point further on a mismatch: O(value × pattern) at worst, linear as a rule.
 */
function greedyMatcher(tokens: Int32Array): LikeMatcher {
  const m = tokens.length;
  return (value) => {
    if (hasTerminator(value)) return false;
    const n = value.length;
    let v = 0;
    let t = 0;
    let starT = -1;
    let starV = 0;
    while (v < n) {
      const tok = t < m ? tokens[t] : 0;
      if (t < m && tok === ANY) {
        starT = t++;
        starV = v;
        continue;
      }
      const cp = codePointAt(value, v);
      if (t < m && (tok === ONE || tok === cp)) {
        v += cp > 0xffff ? 2 : 1;
        t++;
      } else if (starT >= 0) {
        t = starT + 1;
        starV += codePointAt(value, starV) > 0xffff ? 2 : 1;
        v = starV;
      } else {
        return false;
      }
    }
    while (t < m && tokens[t] === ANY) t++;
    return t === m;
  };
}

/** The automaton: state s = the first s tokens matched; ANY may stay on its state. */
function automatonMatcher(tokens: Int32Array): LikeMatcher {
  const m = tokens.length;
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  // An ANY matches the empty run too: whoever reaches its state also reaches the next.
  const close = (states: Uint8Array): void => {
    for (let s = 0; s < m; s++) if (states[s] === 1 && tokens[s] === ANY) states[s + 1] = 1;
  };
  return (value) => {
    cur.fill(0);
    cur[0] = 1;
    close(cur);
    for (let i = 0; i < value.length;) {
      const cp = codePointAt(value, i);
      i += cp > 0xffff ? 2 : 1;
      const terminator = isTerminator(cp);
      next.fill(0);
      let alive = false;
      for (let s = 0; s < m; s++) {
        if (cur[s] === 0) continue;
        const tok = tokens[s];
        if (tok === ANY) { if (!terminator) { next[s] = 1; alive = true; } }
        else if (tok === ONE ? !terminator : tok === cp) { next[s + 1] = 1; alive = true; }
      }
      if (!alive) return false;
      close(next);
      const t = cur; cur = next; next = t;
    }
    return cur[m] === 1;
  };
}

/** The matcher for a LIKE pattern; throws for a pattern ending in the escape character. */
export function compileLikePattern(pattern: string, escape?: string): LikeMatcher {
  const tokens = tokenize(pattern, escape);
  if (!tokens.includes(ANY)) return fixedMatcher(tokens);
  return tokens.some(isTerminator) ? automatonMatcher(tokens) : greedyMatcher(tokens);
}

export function compileLike(t: TLike, env: CompileEnv): Evaluator {
  const value = env.compile(t.value, env);
  const escape = t.escape?.kind === 'Literal' ? (t.escape.value as string) : undefined;
  const not = t.not;
  const text = textOf(t);
  if (t.pattern.kind === 'Literal') {
    if (t.pattern.value == null) return () => null;
    let matches: LikeMatcher;
    try {
      matches = compileLikePattern(t.pattern.value as string, escape);
    } catch (e) {
      return () => { throw EvaluationError.wrap(e, text()); };
    }
    return (row) => {
      const v = value(row);
      return v == null ? null : matches(v as string) !== not;
    };
  }
  const pattern = env.compile(t.pattern, env);
  let lastPattern: string | undefined;
  let lastMatcher: LikeMatcher | undefined;
  return (row) => {
    const v = value(row);
    const p = pattern(row);
    if (v == null || p == null) return null;
    if (p !== lastPattern) {
      try {
        lastMatcher = compileLikePattern(p as string, escape);
      } catch (e) {
        throw EvaluationError.wrap(e, text());
      }
      lastPattern = p as string;
    }
    return lastMatcher!(v as string) !== not;
  };
}
