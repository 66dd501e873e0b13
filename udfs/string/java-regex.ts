// Java regular expressions (java.util.regex, which ksqlDB's regex functions use) that cannot stall
// the process: a pattern runs on re2js (RE2: linear time, no backtracking) whenever RE2 can run it
// exactly; the rest (back references, lookaround, atomic groups, possessive quantifiers, and
// line-terminator anchors on a value that has line terminators) run on JS RegExp under a time
// bound (regex-time-limit.ts). Patterns compile once: per call site for a constant pattern
// (javaPatternMemo), through a small LRU cache for patterns that come from data.
import { RE2JS } from 're2js';
import { SqlError } from '../../src/types/sql-error.js';
import { NeedsBacktracking, PatternSyntax, Translator } from './java-regex-translator.js';
import { runBounded } from './regex-time-limit.js';

/** One search over one input, as java.util.regex.Matcher: find(from), then start/end/group. */
export interface JavaMatcher {
  /** The first match at or after `from` (0 <= from <= input length). */
  find(from: number): boolean;
  start(): number;
  end(): number;
  /** Matcher.group(n): null when the group took no part. */
  group(n: number): string | null;
}

/** The JS RegExp translation, for what RE2 cannot run. */
interface JsProgram {
  /** Flags 'gu' (+ 'i'); searched with lastIndex. */
  readonly regex: RegExp;
  /** Java group number → the JS group name holding it (index 0 unused). */
  readonly groupNames: readonly string[];
}

export interface JavaPattern {
  /** The Java pattern text. */
  readonly source: string;
  /** Java's Matcher.groupCount(). */
  readonly groupCount: number;
  /** Java's named groups → their numbers. */
  readonly namedGroups: ReadonlyMap<string, number>;
  /** The linear-time program, or null when the pattern needs backtracking. */
  readonly re2: RE2JS | null;
  /** re2's anchors assume the input has no line terminators; otherwise JS runs it. */
  readonly lineSensitive: boolean;
  /** Why JS (bounded) runs this pattern, when re2 is null. */
  readonly backtrackingReason: string;
  /** The JS program, compiled on first use. */
  js(): JsProgram;
}

const LINE_TERMINATOR = /[\n\r\u0085\u2028\u2029]/;

const invalid = (source: string, cause: unknown): SqlError =>
  new SqlError('EVALUATION_ERROR', `Invalid regular expression pattern: ${source}`, { cause });

function compileJs(source: string): JsProgram {
  const t = new Translator(source, 'js');
  try {
    return { regex: new RegExp(t.translate(), t.caseInsensitive ? 'giu' : 'gu'), groupNames: t.names };
  } catch (e) {
    throw invalid(source, e);
  }
}

function compile(source: string): JavaPattern {
  const t = new Translator(source, 're2');
  let re2: RE2JS | null = null;
  let reason = '';
  let js: JsProgram | undefined;
  try {
    const text = t.translate();
    try {
      re2 = RE2JS.compile(text, t.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    } catch (e) {
      // Valid Java that RE2 refuses (a repetition over 1000, a property it lacks): JS runs it.
      reason = `a construct RE2 cannot run (${(e as Error).message})`;
    }
  } catch (e) {
    if (e instanceof NeedsBacktracking) reason = e.message;
    else if (e instanceof PatternSyntax) throw invalid(source, e);
    else throw e;
  }
  if (re2 !== null && re2.groupCount() !== t.groupCount) {
    // Never expected (both number groups as Java does); JS keeps the results right if it happens.
    re2 = null;
    reason = 'groups RE2 numbers differently';
  }
  // Java syntax errors surface now, not on the first row that needs JS.
  if (re2 === null) js = compileJs(source);
  return {
    source,
    groupCount: t.groupCount,
    namedGroups: t.named,
    re2,
    lineSensitive: t.lineSensitive,
    backtrackingReason: reason,
    js: () => (js ??= compileJs(source)),
  };
}

// Small: each RE2 program keeps a lazily built DFA (up to 8 MB on a pathological pattern).
const CACHE_LIMIT = 128;
const cache = new Map<string, JavaPattern>();

/** Pattern.compile(source), through a bounded LRU cache (patterns may come from data). */
export function javaPattern(source: string): JavaPattern {
  let p = cache.get(source);
  if (p !== undefined) {
    // Most recently used last: eviction takes the first key.
    cache.delete(source);
  } else {
    p = compile(source);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(source, p);
  return p;
}

/** A per-call-site javaPattern: a constant pattern compiles once per query, with no lookup. */
export function javaPatternMemo(): (source: string) => JavaPattern {
  let lastSource: string | undefined;
  let last: JavaPattern | undefined;
  return (source) => {
    if (source !== lastSource) {
      last = javaPattern(source);
      lastSource = source;
    }
    return last as JavaPattern;
  };
}

class JsMatcher implements JavaMatcher {
  private m: RegExpExecArray | null = null;

  constructor(private readonly p: JsProgram, private readonly input: string) {}

  find(from: number): boolean {
    const { regex } = this.p;
    regex.lastIndex = from;
    let m = regex.exec(this.input);
    // With the 'u' flag, a search from the middle of a surrogate pair starts at the pair (Java
    // starts at the low surrogate): move past the pair rather than find the same match again.
    if (m !== null && m.index < from) {
      regex.lastIndex = from + 1;
      m = from < this.input.length ? regex.exec(this.input) : null;
    }
    this.m = m;
    return m !== null;
  }

  start(): number { return (this.m as RegExpExecArray).index; }

  end(): number { const m = this.m as RegExpExecArray; return m.index + m[0].length; }

  group(n: number): string | null {
    const m = this.m as RegExpExecArray;
    if (n === 0) return m[0];
    const v = m.groups?.[this.p.groupNames[n]];
    return v === undefined ? null : v;
  }
}

/**
 * Runs `work` with a matcher over `input`: on RE2 directly, else on JS within the time bound
 * (the whole work, so a row's many finds share one bound). Past the bound: EVALUATION_ERROR.
 */
export function search<T>(p: JavaPattern, input: string, work: (m: JavaMatcher) => T): T {
  if (p.re2 !== null && !(p.lineSensitive && LINE_TERMINATOR.test(input))) return work(p.re2.matcher(input));
  const reason = p.re2 !== null ? 'an anchor ($, ^, \\Z) next to line terminators' : p.backtrackingReason;
  return runBounded(
    () => work(new JsMatcher(p.js(), input)),
    () => `Regular expression '${p.source}' uses ${reason}, which needs a backtracking engine; it`,
  );
}

/** Calls `each` after every successive Matcher.find(): after an empty match, one char on. */
export function forEachMatch(m: JavaMatcher, length: number, each: () => void): void {
  let first = -1;
  let last = 0;
  for (;;) {
    const from = last === first ? last + 1 : last;
    if (from > length || !m.find(from)) return;
    first = m.start();
    last = m.end();
    each();
  }
}

/** The groups of the current match, as RegExp.exec gives them (for one-off searches). */
function snapshot(p: JavaPattern, m: JavaMatcher, input: string): RegExpExecArray {
  const groups: (string | undefined)[] = [];
  for (let n = 0; n <= p.groupCount; n++) groups.push(m.group(n) ?? undefined);
  return Object.assign(groups as string[], { index: m.start(), input }) as RegExpExecArray;
}

/** The first match at or after `from`. */
export function findFrom(p: JavaPattern, input: string, from: number): RegExpExecArray | null {
  return search(p, input, (m) => (m.find(from) ? snapshot(p, m, input) : null));
}

/** Matcher.group(n) of a findFrom/findAll result: null when the group took no part. */
export function group(p: JavaPattern, m: RegExpExecArray, n: number): string | null {
  return n <= p.groupCount ? (m[n] ?? null) : null;
}

/** Successive Matcher.find() results. */
export function findAll(p: JavaPattern, input: string): RegExpExecArray[] {
  return search(p, input, (m) => {
    const out: RegExpExecArray[] = [];
    forEachMatch(m, input.length, () => out.push(snapshot(p, m, input)));
    return out;
  });
}
