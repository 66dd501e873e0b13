// Primary expressions: literals, names and qualified names, function calls (with lambdas and
// time-unit arguments), CASE, CAST, and the ARRAY/MAP/STRUCT constructors. The operator rules
// that combine them live in the subclass (parser-expressions.ts).
import type { IToken, ParserMethod } from './chevrotain.js';
import type { Expr } from './ast.js';
import { identifierText, unquoteString } from './literals.js';
import { fromToken, tokenSpan } from './positions.js';
import { TypeParser } from './parser-types.js';
import {
  ARRAY, AS, Assign, CASE, CAST, Comma, DAYS, DISTINCT, Dot, ELSE, END, FALSE, HOURS, LambdaArrow, LBracket, LParen,
  MAP, MILLISECOND, MILLISECONDS, MINUTES, Name, NULL, RBracket, RParen, SECONDS, Star, StringLiteral, STRUCT, THEN,
  TRUE, WHEN,
} from './tokens.js';

export abstract class PrimaryParser extends TypeParser {
  /** Defined by the subclass: a whole expression, and a value expression (no predicates). */
  abstract expression: ParserMethod<[], Expr>;
  abstract valueExpression: ParserMethod<[], Expr>;

  /** `x =>` or `(x, y) =>` ahead: a lambda argument. */
  private lambdaAhead(): boolean {
    if (this.nextIsIdentifier(1)) return this.nextIs(2, LambdaArrow);
    if (!this.nextIs(1, LParen)) return false;
    let k = 2;
    for (;;) {
      if (!this.nextIsIdentifier(k)) return false;
      if (this.nextIs(k + 1, RParen)) return this.nextIs(k + 2, LambdaArrow);
      if (!this.nextIs(k + 1, Comma)) return false;
      k += 2;
    }
  }

  protected primary = this.RULE('primary', (): Expr => this.OR([
    { ALT: () => this.SUBRULE(this.literal) },
    { ALT: () => this.SUBRULE(this.caseExpression) },
    { ALT: () => this.SUBRULE(this.castExpression) },
    { ALT: () => this.SUBRULE(this.nameExpression) },
    {
      ALT: () => {
        this.CONSUME(LParen);
        const e = this.SUBRULE(this.expression);
        this.CONSUME(RParen);
        return e;
      },
    },
  ]));

  /**
   * What a name starts: ARRAY[...], MAP(...), STRUCT(...) (these keywords are also names), a
   * function call, `source.column` or `column`. Decided by the name and one token after it.
   */
  private nameExpression = this.RULE('nameExpression', (): Expr => {
    const t = this.CONSUME(Name);
    return this.OR({
      MAX_LOOKAHEAD: 1,
      DEF: [
        { GATE: () => t.tokenType === ARRAY, ALT: () => this.SUBRULE(this.arrayConstructor, { ARGS: [t] }) },
        { GATE: () => t.tokenType === MAP, ALT: () => this.SUBRULE(this.mapConstructor, { ARGS: [t] }) },
        { GATE: () => t.tokenType === STRUCT, ALT: () => this.SUBRULE(this.structConstructor, { ARGS: [t] }) },
        { ALT: () => this.SUBRULE(this.functionCall, { ARGS: [t] }) },
        {
          ALT: () => {
            this.CONSUME(Dot);
            const name = this.SUBRULE2(this.identifierToken);
            return this.ACTION(() => ({
              kind: 'ColumnRef', qualifier: identifierText(t), name: identifierText(name), span: tokenSpan(t, name),
            }));
          },
        },
        { ALT: () => this.ACTION(() => ({ kind: 'ColumnRef', name: identifierText(t), span: tokenSpan(t) })) },
      ],
    });
  });

  private literal = this.RULE('literal', (): Expr => this.OR([
    { ALT: () => { const t = this.CONSUME(NULL); return this.ACTION(() => ({ kind: 'NullLit', span: tokenSpan(t) })); } },
    { ALT: () => { const t = this.CONSUME(TRUE); return this.ACTION(() => ({ kind: 'BoolLit', value: true, span: tokenSpan(t) })); } },
    { ALT: () => { const t = this.CONSUME(FALSE); return this.ACTION(() => ({ kind: 'BoolLit', value: false, span: tokenSpan(t) })); } },
    {
      ALT: () => {
        const t = this.CONSUME(StringLiteral);
        return this.ACTION(() => ({ kind: 'StringLit', value: unquoteString(t.image), span: tokenSpan(t) }));
      },
    },
  ]));

  private caseExpression = this.RULE('caseExpression', (): Expr => {
    const start = this.CONSUME(CASE);
    let operand: Expr | undefined;
    this.OPTION(() => { operand = this.SUBRULE(this.valueExpression); });
    const whens: { when: Expr; then: Expr }[] = [];
    this.AT_LEAST_ONE(() => {
      this.CONSUME(WHEN);
      const when = this.SUBRULE(this.expression);
      this.CONSUME(THEN);
      const then = this.SUBRULE2(this.expression);
      whens.push({ when, then });
    });
    let otherwise: Expr | undefined;
    this.OPTION2(() => {
      this.CONSUME(ELSE);
      otherwise = this.SUBRULE3(this.expression);
    });
    const end = this.CONSUME(END);
    return this.ACTION(() => {
      const node: Expr = { kind: 'Case', whens, span: tokenSpan(start, end) };
      if (operand) node.operand = operand;
      if (otherwise) node.else = otherwise;
      return node;
    });
  });

  private castExpression = this.RULE('castExpression', (): Expr => {
    const start = this.CONSUME(CAST);
    this.CONSUME(LParen);
    const value = this.SUBRULE(this.expression);
    this.CONSUME(AS);
    const type = this.SUBRULE(this.sqlType);
    const end = this.CONSUME(RParen);
    return this.ACTION(() => ({ kind: 'Cast', value, type, span: tokenSpan(start, end) }));
  });

  private arrayConstructor = this.RULE('arrayConstructor', (start: IToken): Expr => {
    this.CONSUME(LBracket);
    const items: Expr[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => { items.push(this.SUBRULE(this.expression)); } });
    const end = this.CONSUME(RBracket);
    return this.ACTION(() => ({ kind: 'ArrayCtor', items, span: tokenSpan(start, end) }));
  });

  private mapConstructor = this.RULE('mapConstructor', (start: IToken): Expr => {
    this.CONSUME(LParen);
    const entries: { key: Expr; value: Expr }[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const key = this.SUBRULE(this.expression);
        this.CONSUME(Assign);
        const value = this.SUBRULE2(this.expression);
        entries.push({ key, value });
      },
    });
    const end = this.CONSUME(RParen);
    return this.ACTION(() => ({ kind: 'MapCtor', entries, span: tokenSpan(start, end) }));
  });

  private structConstructor = this.RULE('structConstructor', (start: IToken): Expr => {
    this.CONSUME(LParen);
    const fields: { name: string; value: Expr }[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const name = this.SUBRULE(this.identifier);
        this.CONSUME(Assign);
        const value = this.SUBRULE(this.expression);
        fields.push({ name, value });
      },
    });
    const end = this.CONSUME(RParen);
    return this.ACTION(() => ({ kind: 'StructCtor', fields, span: tokenSpan(start, end) }));
  });

  private functionCall = this.RULE('functionCall', (nameTok: IToken): Expr => {
    this.CONSUME(LParen);
    const args: Expr[] = [];
    let star = false;
    let distinct = false;
    this.OPTION(() => this.OR([
      { ALT: () => { this.CONSUME(Star); star = true; } },
      {
        ALT: () => {
          this.OPTION2(() => { this.CONSUME(DISTINCT); distinct = true; });
          this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { args.push(this.SUBRULE(this.functionArgument)); } });
        },
      },
    ]));
    const end = this.CONSUME(RParen);
    return this.ACTION(() => {
      const node: Expr = { kind: 'FunctionCall', name: identifierText(nameTok).toUpperCase(), args, span: tokenSpan(nameTok, end) };
      if (star) node.star = true;
      if (distinct) node.distinct = true;
      return node;
    });
  });

  /** An argument: an expression, a lambda, or a time unit (TIMESTAMPADD(SECONDS, ...)). */
  private functionArgument = this.RULE('functionArgument', (): Expr => this.OR({
    // One token of lookahead plus the gate: longer lookahead would not see where an argument ends.
    MAX_LOOKAHEAD: 1,
    DEF: [
      { GATE: () => this.lambdaAhead(), ALT: () => this.SUBRULE(this.lambda) },
      { ALT: () => this.SUBRULE(this.expression) },
      {
        // The singular DAY, HOUR, MINUTE and SECOND are plain names and arrive as expressions.
        ALT: () => {
          const t = this.OR2([
            { ALT: () => this.CONSUME(MILLISECOND) }, { ALT: () => this.CONSUME(MILLISECONDS) },
            { ALT: () => this.CONSUME(SECONDS) }, { ALT: () => this.CONSUME(MINUTES) },
            { ALT: () => this.CONSUME(HOURS) }, { ALT: () => this.CONSUME(DAYS) },
          ]);
          return this.ACTION(() => ({ kind: 'ColumnRef', name: t.image.toUpperCase(), span: tokenSpan(t) }));
        },
      },
    ],
  }));

  private lambda = this.RULE('lambda', (): Expr => {
    const params: string[] = [];
    const start = this.LA(1);
    this.OR([
      { ALT: () => { params.push(this.SUBRULE(this.identifier)); } },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { params.push(this.SUBRULE2(this.identifier)); } });
          this.CONSUME(RParen);
        },
      },
    ]);
    this.CONSUME(LambdaArrow);
    const body = this.SUBRULE(this.expression);
    return this.ACTION(() => ({ kind: 'Lambda', params, body, span: fromToken(start, body.span) }));
  });
}
