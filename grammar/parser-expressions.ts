// Expression operators, with ksqlDB's precedence (loosest first):
//   OR < AND < NOT < predicates (comparison, BETWEEN, IN, LIKE, IS [NOT] NULL, IS [NOT] DISTINCT FROM)
//   < || < + - < * / % < unary + - < postfix ([i], ->f) < primary (parser-primaries.ts).
// Predicate operands, GROUP BY items and VALUES are "value expressions" (the || level and up).
import type { IToken } from './chevrotain.js';
import type { Span } from '../src/types/sql-error.js';
import type { Expr } from './ast.js';
import { identifierText, numberProblem, unquoteString } from './literals.js';
import { cover, fromToken, tokenSpan, toToken } from './positions.js';
import { foldBinary, type BinaryOp } from './fold-binary.js';
import { PrimaryParser } from './parser-primaries.js';
import {
  AND, Arrow, BETWEEN, Comma, ConcatOp, DecimalLiteral, DISTINCT, Eq, ESCAPE, FloatLiteral, FROM, Gt, Gte, IN,
  IntegerLiteral, IS, LBracket, LIKE, LParen, Lt, Lte, Minus, Neq, NOT, NULL, OR, Percent, Plus, RBracket, RParen,
  Slash, Star, StringLiteral,
} from './tokens.js';

type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Marks `base->*` until the select item that owns it claims it (it is not an expression). */
export interface StructAll { expr: Expr; span: Span }

export abstract class ExpressionParser extends PrimaryParser {
  /** `->*` seen in this parse; a select item removes its own, any left over is an error. */
  protected structAlls: StructAll[] = [];

  protected override resetState(): void {
    super.resetState();
    this.structAlls = [];
  }

  /** OR and AND chains. */
  expression = this.RULE('expression', (): Expr => {
    const operands = [this.SUBRULE(this.notExpression)];
    const ops: BinaryOp[] = [];
    this.MANY(() => {
      ops.push(this.OR([
        { ALT: () => { this.CONSUME(OR); return 'OR' as const; } },
        { ALT: () => { this.CONSUME(AND); return 'AND' as const; } },
      ]));
      operands.push(this.SUBRULE2(this.notExpression));
    });
    return this.ACTION(() => foldBinary(operands, ops));
  });

  private notExpression = this.RULE('notExpression', (): Expr => this.OR([
    {
      ALT: () => {
        const not = this.CONSUME(NOT);
        const operand = this.SUBRULE(this.notExpression);
        return this.ACTION(() => ({ kind: 'Unary', op: 'NOT', operand, span: fromToken(not, operand.span) }));
      },
    },
    { ALT: () => this.SUBRULE(this.predicated) },
  ]));

  private predicated = this.RULE('predicated', (): Expr => {
    const value = this.SUBRULE(this.valueExpression);
    let result = value;
    this.OPTION(() => { result = this.SUBRULE(this.predicate, { ARGS: [value] }); });
    return result;
  });

  private predicate = this.RULE('predicate', (value: Expr): Expr => this.OR([
    {
      ALT: () => {
        const op = this.SUBRULE(this.comparisonOperator);
        const right = this.SUBRULE(this.valueExpression);
        return this.ACTION(() => ({ kind: 'Comparison', op, left: value, right, span: cover(value.span, right.span) }));
      },
    },
    {
      ALT: () => {
        const not = this.OPTION(() => this.CONSUME(NOT)) !== undefined;
        return this.OR2([
          { ALT: () => this.SUBRULE(this.between, { ARGS: [value, not] }) },
          { ALT: () => this.SUBRULE(this.inList, { ARGS: [value, not] }) },
          { ALT: () => this.SUBRULE(this.like, { ARGS: [value, not] }) },
        ]);
      },
    },
    { ALT: () => this.SUBRULE(this.isPredicate, { ARGS: [value] }) },
  ]));

  private between = this.RULE('between', (value: Expr, not: boolean): Expr => {
    this.CONSUME(BETWEEN);
    const low = this.SUBRULE(this.valueExpression);
    this.CONSUME(AND);
    const high = this.SUBRULE2(this.valueExpression);
    return this.ACTION(() => ({ kind: 'Between', not, value, low, high, span: cover(value.span, high.span) }));
  });

  private inList = this.RULE('inList', (value: Expr, not: boolean): Expr => {
    this.CONSUME(IN);
    this.CONSUME(LParen);
    const list: Expr[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { list.push(this.SUBRULE(this.expression)); } });
    const end = this.CONSUME(RParen);
    return this.ACTION(() => ({ kind: 'InList', not, value, list, span: toToken(value.span, end) }));
  });

  private like = this.RULE('like', (value: Expr, not: boolean): Expr => {
    this.CONSUME(LIKE);
    const pattern = this.SUBRULE(this.valueExpression);
    let escape: Expr | undefined;
    this.OPTION(() => {
      this.CONSUME(ESCAPE);
      const t = this.CONSUME(StringLiteral);
      escape = this.ACTION(() => {
        const s = unquoteString(t.image);
        if ([...s].length !== 1) this.fail(`Expected single character escape but got: ${s}`, t);
        return { kind: 'StringLit', value: s, span: tokenSpan(t) };
      });
    });
    return this.ACTION(() => {
      const end = escape ? escape.span : pattern.span;
      const node: Expr = { kind: 'Like', not, value, pattern, span: cover(value.span, end) };
      if (escape) node.escape = escape;
      return node;
    });
  });

  /** IS [NOT] NULL, IS [NOT] DISTINCT FROM. */
  private isPredicate = this.RULE('isPredicate', (value: Expr): Expr => {
    this.CONSUME(IS);
    const not = this.OPTION(() => this.CONSUME(NOT)) !== undefined;
    return this.OR([
      {
        ALT: () => {
          const end = this.CONSUME(NULL);
          return this.ACTION(() => ({ kind: 'IsNull', not, value, span: toToken(value.span, end) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(DISTINCT);
          this.CONSUME(FROM);
          const right = this.SUBRULE(this.valueExpression);
          return this.ACTION(() => ({ kind: 'IsDistinctFrom', not, left: value, right, span: cover(value.span, right.span) }));
        },
      },
    ]);
  });

  private comparisonOperator = this.RULE('comparisonOperator', (): ComparisonOp => this.OR([
    { ALT: () => { this.CONSUME(Eq); return '=' as const; } },
    { ALT: () => { this.CONSUME(Neq); return '<>' as const; } },
    { ALT: () => { this.CONSUME(Lt); return '<' as const; } },
    { ALT: () => { this.CONSUME(Lte); return '<=' as const; } },
    { ALT: () => { this.CONSUME(Gt); return '>' as const; } },
    { ALT: () => { this.CONSUME(Gte); return '>=' as const; } },
  ]));

  /** ksqlDB's valueExpression: `||`, `+ -` and `* / %` chains over unary operands. */
  valueExpression = this.RULE('valueExpression', (): Expr => {
    const operands = [this.SUBRULE(this.unary)];
    const ops: BinaryOp[] = [];
    this.MANY(() => {
      ops.push(this.OR([
        { ALT: () => { this.CONSUME(ConcatOp); return '||' as const; } },
        { ALT: () => { this.CONSUME(Plus); return '+' as const; } },
        { ALT: () => { this.CONSUME(Minus); return '-' as const; } },
        { ALT: () => { this.CONSUME(Star); return '*' as const; } },
        { ALT: () => { this.CONSUME(Slash); return '/' as const; } },
        { ALT: () => { this.CONSUME(Percent); return '%' as const; } },
      ]));
      operands.push(this.SUBRULE2(this.unary));
    });
    return this.ACTION(() => foldBinary(operands, ops));
  });

  private unary = this.RULE('unary', (): Expr => this.OR([
    {
      ALT: () => {
        const op = this.OR2([
          { ALT: () => this.CONSUME(Minus) },
          { ALT: () => this.CONSUME(Plus) },
        ]);
        return this.OR3({
          MAX_LOOKAHEAD: 1,
          DEF: [
            // `-5` is a negative literal (as in ksqlDB's grammar, so -9223372036854775808 fits a BIGINT).
            { GATE: () => op.tokenType === Minus, ALT: () => this.SUBRULE(this.numberLiteral, { ARGS: [op] }) },
            {
              ALT: () => {
                const operand = this.SUBRULE(this.unary);
                return this.ACTION(() => ({ kind: 'Unary', op: op.image as '-' | '+', operand, span: fromToken(op, operand.span) }));
              },
            },
          ],
        });
      },
    },
    { ALT: () => this.SUBRULE2(this.numberLiteral, { ARGS: [undefined] }) },
    { ALT: () => this.SUBRULE(this.postfix) },
  ]));

  private numberLiteral = this.RULE('numberLiteral', (minus: IToken | undefined): Expr => {
    const t = this.OR([
      { ALT: () => this.CONSUME(IntegerLiteral) },
      { ALT: () => this.CONSUME(DecimalLiteral) },
      { ALT: () => this.CONSUME(FloatLiteral) },
    ]);
    return this.ACTION(() => {
      const text = (minus ? '-' : '') + t.image;
      const problem = numberProblem(text);
      if (problem) this.fail(problem, minus ?? t);
      return { kind: 'NumberLit', text, span: tokenSpan(minus ?? t, t) };
    });
  });

  /** Subscripts `a[i]` and struct fields `s->f`, chainable in any order. */
  private postfix = this.RULE('postfix', (): Expr => {
    let base = this.SUBRULE(this.primary);
    this.MANY(() => this.OR([
      {
        ALT: () => {
          this.CONSUME(LBracket);
          const index = this.SUBRULE(this.valueExpression);
          const end = this.CONSUME(RBracket);
          base = this.ACTION(() => ({ kind: 'Subscript', base, index, span: toToken(base.span, end) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Arrow);
          this.OR2([
            {
              ALT: () => {
                const t = this.SUBRULE(this.identifierToken);
                base = this.ACTION(() => ({ kind: 'Dereference', base, field: identifierText(t), span: toToken(base.span, t) }));
              },
            },
            {
              ALT: () => {
                const star = this.CONSUME(Star);
                this.ACTION(() => this.structAlls.push({ expr: base, span: toToken(base.span, star) }));
              },
            },
          ]);
        },
      },
    ]));
    return base;
  });

  /** A whole expression (parseExpression): `->*` is not allowed here. */
  standaloneExpression = this.RULE('standaloneExpression', (): Expr => {
    const e = this.SUBRULE(this.expression);
    this.ACTION(() => this.rejectStructAlls());
    return e;
  });

  protected rejectStructAlls(): void {
    const first = this.structAlls[0];
    if (first) this.fail("'->*' is only allowed as a whole select item", first.span);
  }
}
