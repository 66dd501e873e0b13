// SELECT queries: select items, FROM with joins, WINDOW, WHERE, GROUP BY, PARTITION BY, HAVING,
// EMIT and LIMIT, in ksqlDB's clause order.
import { EOF, type IToken } from './chevrotain.js';
import type { Span } from '../src/types/sql-error.js';
import type { Expr, JoinRelation, JoinType, Query, Relation, SelectItem, SourceRef, WindowSpec, WithinSpec } from './ast.js';
import { identifierText } from './literals.js';
import { cover, fromToken, tokenSpan } from './positions.js';
import { ExpressionParser } from './parser-expressions.js';
import {
  ADVANCE, AS, BY, CHANGES, Comma, Dot, EMIT, FINAL, FROM, FULL, GRACE, GROUP, HAVING, HOPPING, Identifier, INNER,
  JOIN, LEFT, LIMIT, LParen, ON, ONLINE, OUTER, PARTITION, PERIOD, RETENTION, RIGHT, RParen, SELECT, SESSION,
  SIZE, Star, TRAIN, TUMBLING, WHERE, WINDOW, WITHIN,
} from './tokens.js';

interface WindowTail { retentionMs?: number; graceMs?: number }

export abstract class QueryParser extends ExpressionParser {
  /** `(a, b)` or `()` ahead: GROUP BY / PARTITION BY's parenthesized list form. */
  private parenthesizedListAhead(): boolean {
    if (!this.nextIs(1, LParen)) return false;
    if (this.nextIs(2, RParen)) return true;
    let depth = 0;
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      if (t.tokenType === EOF) return false;
      if (this.nextIs(k, LParen)) depth++;
      else if (this.nextIs(k, RParen)) { if (--depth === 0) return false; }
      else if (depth === 1 && this.nextIs(k, Comma)) return true;
    }
  }

  /** A clause keyword that is also a name (PARTITION BY, EMIT CHANGES, TRAIN ONLINE) is not an alias. */
  private aliasAhead(): boolean {
    if (!this.nextIsIdentifier(1)) return false;
    if (this.nextIs(1, PARTITION) && this.nextIs(2, BY)) return false;
    if (this.nextIs(1, EMIT) && (this.nextIs(2, CHANGES) || this.nextIs(2, FINAL))) return false;
    if (this.nextIs(1, TRAIN) && this.nextIs(2, ONLINE)) return false;
    return true;
  }

  query = this.RULE('query', (): Query => {
    const start = this.CONSUME(SELECT);
    const select: SelectItem[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { select.push(this.SUBRULE(this.selectItem)); } });
    this.CONSUME(FROM);
    const from = this.SUBRULE(this.relation);
    const q = this.ACTION(() => ({ select, from } as Query));
    this.OPTION(() => {
      this.CONSUME(WINDOW);
      const w = this.SUBRULE(this.windowSpec);
      this.ACTION(() => { q.window = w; });
    });
    this.OPTION2(() => {
      this.CONSUME(WHERE);
      const e = this.SUBRULE(this.expression);
      this.ACTION(() => { q.where = e; });
    });
    this.OPTION3(() => {
      this.CONSUME(GROUP);
      this.CONSUME(BY);
      const list = this.SUBRULE(this.expressionList);
      this.ACTION(() => { q.groupBy = list; });
    });
    this.OPTION4(() => {
      this.CONSUME(PARTITION);
      this.CONSUME2(BY);
      const list = this.SUBRULE2(this.expressionList);
      this.ACTION(() => { q.partitionBy = list; });
    });
    this.OPTION5(() => {
      this.CONSUME(HAVING);
      const e = this.SUBRULE2(this.expression);
      this.ACTION(() => { q.having = e; });
    });
    this.OPTION6(() => {
      this.CONSUME(EMIT);
      const emit = this.OR([
        { ALT: () => { this.CONSUME(CHANGES); return 'CHANGES' as const; } },
        { ALT: () => { this.CONSUME(FINAL); return 'FINAL' as const; } },
      ]);
      this.ACTION(() => { q.emit = emit; });
    });
    this.OPTION7(() => {
      const limitTok = this.CONSUME(LIMIT);
      const n = this.SUBRULE(this.wholeNumber);
      this.ACTION(() => {
        if (n < 0) this.fail('LIMIT must not be negative', limitTok);
        q.limit = n;
      });
    });
    return this.ACTION(() => {
      q.span = tokenSpan(start, this.lastToken());
      return q;
    });
  });

  private selectItem = this.RULE('selectItem', (): SelectItem => this.OR({
    MAX_LOOKAHEAD: 1,
    DEF: [
      { ALT: () => { const t = this.CONSUME(Star); return this.ACTION(() => ({ kind: 'AllColumns', span: tokenSpan(t) })); } },
      {
        GATE: () => this.nextIs(2, Dot) && this.nextIs(3, Star),
        ALT: () => {
          const q = this.SUBRULE(this.identifierToken);
          this.CONSUME(Dot);
          const star = this.CONSUME2(Star);
          return this.ACTION(() => ({ kind: 'AllColumns', qualifier: identifierText(q), span: tokenSpan(q, star) }));
        },
      },
      {
        ALT: () => {
          const expr = this.SUBRULE(this.expression);
          let alias: string | undefined;
          let aliasEnd: IToken | undefined;
          this.OPTION(() => {
            this.OPTION2(() => this.CONSUME(AS));
            const t = this.SUBRULE2(this.identifierToken);
            this.ACTION(() => { alias = identifierText(t); aliasEnd = t; });
          });
          return this.ACTION(() => this.singleColumn(expr, alias, aliasEnd));
        },
      },
    ],
  }));

  private singleColumn(expr: Expr, alias: string | undefined, aliasEnd: IToken | undefined): SelectItem {
    const last = this.structAlls[this.structAlls.length - 1];
    if (last && last.expr === expr) {
      // `base->*`: the expression parsed is the struct; the item is all of its fields.
      if (aliasEnd) this.fail("a '->*' select item cannot have an alias", aliasEnd);
      this.structAlls.pop();
      return { kind: 'AllColumns', structBase: last.expr, span: last.span };
    }
    if (alias === undefined) return { kind: 'SingleColumn', expr, span: expr.span };
    return { kind: 'SingleColumn', expr, alias, span: { ...expr.span, endOffset: aliasEnd!.endOffset! + 1 } };
  }

  private expressionList = this.RULE('expressionList', (): Expr[] => {
    const list: Expr[] = [];
    this.OR({
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.parenthesizedListAhead(),
          ALT: () => {
            this.CONSUME(LParen);
            this.MANY_SEP({ SEP: Comma, DEF: () => { list.push(this.SUBRULE(this.valueExpression)); } });
            this.CONSUME(RParen);
          },
        },
        { ALT: () => { this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { list.push(this.SUBRULE2(this.valueExpression)); } }); } },
      ],
    });
    return list;
  });

  // ---------- FROM ----------

  private relation = this.RULE('relation', (): Relation => {
    let left: Relation = this.SUBRULE(this.sourceRef);
    this.MANY(() => {
      const join = this.SUBRULE(this.joinClause);
      left = this.ACTION(() => ({ ...join, left, span: cover(left.span, join.span) } as JoinRelation));
    });
    return left;
  });

  private sourceRef = this.RULE('sourceRef', (): SourceRef => {
    const nameTok = this.SUBRULE(this.identifierToken);
    let aliasTok: IToken | undefined;
    this.OPTION({
      GATE: () => this.nextIs(1, AS) || this.aliasAhead(),
      DEF: () => {
        this.OPTION2(() => this.CONSUME(AS));
        aliasTok = this.SUBRULE2(this.identifierToken);
      },
    });
    return this.ACTION(() => {
      const ref: SourceRef = { kind: 'SourceRef', name: identifierText(nameTok), span: tokenSpan(nameTok, aliasTok ?? nameTok) };
      if (aliasTok) ref.alias = identifierText(aliasTok);
      return ref;
    });
  });

  /** `[INNER|LEFT [OUTER]|RIGHT [OUTER]|FULL [OUTER]] JOIN source [WITHIN ...] ON expr` (left side added by the caller). */
  private joinClause = this.RULE('joinClause', (): Omit<JoinRelation, 'left'> => {
    const start = this.LA(1);
    let joinType: JoinType = 'INNER';
    this.OPTION(() => this.OR([
      { ALT: () => { this.CONSUME(INNER); } },
      { ALT: () => { this.CONSUME(LEFT); this.OPTION2(() => this.CONSUME(OUTER)); joinType = 'LEFT'; } },
      { ALT: () => { this.CONSUME(RIGHT); this.OPTION3(() => this.CONSUME2(OUTER)); joinType = 'RIGHT'; } },
      { ALT: () => { this.CONSUME(FULL); this.OPTION4(() => this.CONSUME3(OUTER)); joinType = 'FULL'; } },
    ]));
    this.CONSUME(JOIN);
    const right = this.SUBRULE(this.sourceRef);
    let within: WithinSpec | undefined;
    this.OPTION5(() => { within = this.SUBRULE(this.withinClause); });
    this.CONSUME(ON);
    const on = this.SUBRULE(this.expression);
    return this.ACTION(() => {
      const join = { kind: 'Join', joinType, right, on, span: fromToken(start, on.span) } as Omit<JoinRelation, 'left'>;
      if (within) join.within = within;
      return join;
    });
  });

  private withinClause = this.RULE('withinClause', (): WithinSpec => {
    const start = this.CONSUME(WITHIN);
    const sizes = this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          const before = this.SUBRULE(this.duration);
          this.CONSUME(Comma);
          const after = this.SUBRULE2(this.duration);
          this.CONSUME(RParen);
          return this.ACTION(() => [before, after]);
        },
      },
      { ALT: () => { const d = this.SUBRULE3(this.duration); return this.ACTION(() => [d, d]); } },
    ]);
    let graceMs: number | undefined;
    this.OPTION(() => { graceMs = this.SUBRULE(this.gracePeriod); });
    return this.ACTION(() => {
      const spec: WithinSpec = { beforeMs: sizes[0], afterMs: sizes[1], span: tokenSpan(start, this.lastToken()) };
      if (graceMs !== undefined) spec.graceMs = graceMs;
      return spec;
    });
  });

  private gracePeriod = this.RULE('gracePeriod', (): number => {
    this.CONSUME(GRACE);
    this.CONSUME(PERIOD);
    return this.SUBRULE(this.duration);
  });

  // ---------- WINDOW ----------

  private windowSpec = this.RULE('windowSpec', (): WindowSpec => {
    // ksqlDB accepts (and ignores) a window name before the window type.
    this.OPTION(() => this.CONSUME(Identifier));
    const start = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(TUMBLING);
          this.CONSUME(LParen);
          this.CONSUME(SIZE);
          const size = this.SUBRULE(this.duration);
          const tail = this.SUBRULE(this.windowTail);
          this.CONSUME(RParen);
          return this.ACTION(() => ({ kind: 'TUMBLING', sizeMs: size, ...tail, span: this.spanFrom(start) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(HOPPING);
          this.CONSUME2(LParen);
          this.CONSUME2(SIZE);
          const size = this.SUBRULE2(this.duration);
          this.CONSUME(Comma);
          this.CONSUME(ADVANCE);
          this.CONSUME(BY);
          const advance = this.SUBRULE3(this.duration);
          const tail = this.SUBRULE2(this.windowTail);
          this.CONSUME2(RParen);
          return this.ACTION(() => ({ kind: 'HOPPING', sizeMs: size, advanceMs: advance, ...tail, span: this.spanFrom(start) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(SESSION);
          this.CONSUME3(LParen);
          const gap = this.SUBRULE4(this.duration);
          const tail = this.SUBRULE3(this.windowTail);
          this.CONSUME3(RParen);
          return this.ACTION(() => ({ kind: 'SESSION', gapMs: gap, ...tail, span: this.spanFrom(start) }));
        },
      },
    ]);
  });

  /** `[, RETENTION n unit] [, GRACE PERIOD n unit]`. */
  private windowTail = this.RULE('windowTail', (): WindowTail => {
    const tail: WindowTail = {};
    this.OPTION(() => {
      this.CONSUME(Comma);
      this.CONSUME(RETENTION);
      const d = this.SUBRULE(this.duration);
      this.ACTION(() => { tail.retentionMs = d; });
    });
    this.OPTION2(() => {
      this.CONSUME2(Comma);
      const g = this.SUBRULE(this.gracePeriod);
      this.ACTION(() => { tail.graceMs = g; });
    });
    return tail;
  });

  protected spanFrom(start: IToken): Span {
    return tokenSpan(start, this.lastToken());
  }
}
