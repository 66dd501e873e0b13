// The parsing entry points. One parser instance serves every call (building it analyses the
// whole grammar); any failure comes out as a SqlError, never as a crash.
import { EOF, type IRecognitionException, type IToken } from './chevrotain.js';
import { isSqlError, SqlError, type Position } from '../src/types/sql-error.js';
import type { Expr, Statement } from './ast.js';
import { tokenize } from './lexer.js';
import { StatementParser } from './parser-statements.js';
import { endOf, START, tokenPosition } from './positions.js';
import { splitStatements } from './split-statements.js';
import { checkNestingDepth } from './nesting-depth.js';

const parser = new StatementParser();

/**
 * Names of custom types (CREATE TYPE) a statement may use; 'any': every unknown type name is taken
 * for one (a client whose server knows them). Without: only the built-in types.
 */
export type CustomTypeNames = ReadonlySet<string> | 'any';

/** Parses one statement (a trailing `;` is optional). Positions are relative to `origin`'s script. */
export function parseStatement(text: string, origin: Position = START, customTypes: CustomTypeNames = new Set()): Statement {
  return guarded(() => {
    const tokens = tokenize(text, origin);
    if (tokens.length === 0) {
      throw new SqlError('PARSE_ERROR', 'empty statement: expected a SQL statement', { position: origin, snippet: '' });
    }
    parser.begin(tokens, text, origin.offset, customTypes);
    const statement = parser.statement();
    throwFirstError(parser.errors, tokens, text, origin);
    checkNestingDepth(statement);
    return statement;
  }, origin);
}

/**
 * Parses a whole script; a bad statement is reported and parsing continues with the next. Types
 * the script's CREATE TYPE statements name may be used after them (and not after a DROP TYPE).
 */
export function parseScript(script: string, customTypes: CustomTypeNames = new Set()): { statements: Statement[]; errors: SqlError[] } {
  const statements: Statement[] = [];
  const errors: SqlError[] = [];
  const types = customTypes === 'any' ? 'any' : new Set(customTypes);
  for (const s of splitStatements(script)) {
    try {
      const st = parseStatement(s.text, s, types);
      statements.push(st);
      if (types !== 'any' && st.kind === 'CreateType') types.add(st.name);
      if (types !== 'any' && st.kind === 'DropType') types.delete(st.name);
    } catch (e) {
      errors.push(e as SqlError); // parseStatement only throws SqlError
    }
  }
  return { statements, errors };
}

/** Parses a single expression. */
export function parseExpression(text: string): Expr {
  return guarded(() => {
    const tokens = tokenize(text);
    if (tokens.length === 0) {
      throw new SqlError('PARSE_ERROR', 'empty expression', { position: START, snippet: '' });
    }
    parser.begin(tokens, text, 0);
    const expr = parser.standaloneExpression();
    throwFirstError(parser.errors, tokens, text, START);
    checkNestingDepth(expr);
    return expr;
  }, START);
}

function throwFirstError(errors: IRecognitionException[], tokens: IToken[], text: string, origin: Position): void {
  const e = errors[0];
  if (!e) return;
  const t = e.token;
  if (t.tokenType === EOF || Number.isNaN(t.startOffset)) {
    // Unexpected end: point just past the last token and show it.
    const last = tokens[tokens.length - 1];
    const end = endOf(text.slice(0, last.endOffset! + 1 - origin.offset), origin);
    throw new SqlError('PARSE_ERROR', e.message, { position: end, snippet: last.image });
  }
  throw new SqlError('PARSE_ERROR', e.message, { position: tokenPosition(t), snippet: t.image });
}

function guarded<T>(run: () => T, origin: Position): T {
  try {
    return run();
  } catch (e) {
    if (isSqlError(e)) throw e;
    if (e instanceof RangeError) {
      // The parser recursed out of stack (deep parentheses, nested calls): point where it was.
      throw new SqlError('PARSE_ERROR', 'expression nested too deeply to parse',
        { position: parser.currentPosition() ?? origin, cause: e });
    }
    throw new SqlError('INTERNAL', `parser failure: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  }
}
