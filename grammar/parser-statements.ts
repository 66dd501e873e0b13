// Statements: the top of the parser class chain (CREATE, INSERT and DROP are in parser-ddl.ts).
// Every statement node gets its span and source text here (finish). Build it once and reuse it:
// construction analyses the whole grammar (chevrotain's advice).
import type { IToken } from './chevrotain.js';
import type { ConnectorType, ShowWhat, Statement } from './ast.js';
import { identifierAsWritten, unquoteString } from './literals.js';
import { tokenSpan } from './positions.js';
import { DdlParser, type StatementDraft } from './parser-ddl.js';
import {
  ALL, BEGINNING, CONNECTOR, CONNECTORS, COPY, DEFINE, DESCRIBE, Eq, EXPLAIN, EXTENDED, FROM, FUNCTION, FUNCTIONS, Identifier, INTERVAL,
  LIMIT, LIST, MODEL, MODELS, NonReserved, PRINT, PROPERTIES, QUERIES, SAMPLE, Semicolon, SET, SHOW, SINK, SOURCE, STREAMS,
  StringLiteral, TABLES, TERMINATE, TOPICS, TYPES, UNDEFINE, UNSET, VARIABLES,
} from './tokens.js';

export class StatementParser extends DdlParser {
  constructor(validate = false) {
    super(validate);
    this.performSelfAnalysis();
  }

  /** Adds the span (first token to the last one consumed) and the source text. */
  private finish(draft: StatementDraft, first: IToken): Statement {
    const span = tokenSpan(first, this.lastToken());
    return { ...draft, span, text: this.textOf(span) } as Statement;
  }

  /** One statement, optionally followed by `;` (or several). */
  statement = this.RULE('statement', (): Statement => {
    const s = this.SUBRULE(this.statementBody);
    this.MANY(() => this.CONSUME(Semicolon));
    this.ACTION(() => this.rejectStructAlls());
    return s;
  });

  private statementBody = this.RULE('statementBody', (): Statement => {
    const first = this.LA(1);
    const draft = this.OR([
      { ALT: () => this.SUBRULE(this.queryStatement) },
      { ALT: () => this.SUBRULE(this.createStatement) },
      { ALT: () => this.SUBRULE(this.insertStatement) },
      { ALT: () => this.SUBRULE(this.dropStatement) },
      { ALT: () => this.SUBRULE(this.terminateStatement) },
      { ALT: () => this.SUBRULE(this.showStatement) },
      { ALT: () => this.SUBRULE(this.describeStatement) },
      { ALT: () => this.SUBRULE(this.explainStatement) },
      { ALT: () => this.SUBRULE(this.printStatement) },
      { ALT: () => this.SUBRULE(this.setStatement) },
      { ALT: () => this.SUBRULE(this.unsetStatement) },
      { ALT: () => this.SUBRULE(this.defineStatement) },
      { ALT: () => this.SUBRULE(this.undefineStatement) },
      { ALT: () => this.SUBRULE(this.copyStatement) },
    ]);
    return this.ACTION(() => this.finish(draft, first));
  });

  private queryStatement = this.RULE('queryStatement', (): StatementDraft => {
    const query = this.SUBRULE(this.query);
    return { kind: 'Query', query };
  });

  // ---------- TERMINATE, SHOW, DESCRIBE, EXPLAIN ----------

  private terminateStatement = this.RULE('terminateStatement', (): StatementDraft => {
    this.CONSUME(TERMINATE);
    return this.OR([
      { ALT: () => { this.CONSUME(ALL); return { kind: 'Terminate', all: true } as StatementDraft; } },
      { ALT: () => { const queryId = this.SUBRULE(this.identifier); return { kind: 'Terminate', queryId, all: false } as StatementDraft; } },
    ]);
  });

  private showStatement = this.RULE('showStatement', (): StatementDraft => {
    this.OR([{ ALT: () => this.CONSUME(SHOW) }, { ALT: () => this.CONSUME(LIST) }]);
    return this.OR2([
      { ALT: () => { this.CONSUME(PROPERTIES); return this.show('PROPERTIES', false); } },
      {
        ALT: () => {
          const all = this.OPTION(() => this.CONSUME(ALL)) !== undefined;
          this.CONSUME(TOPICS);
          const extended = this.OPTION2(() => this.CONSUME(EXTENDED)) !== undefined;
          return { kind: 'Show', what: 'TOPICS', extended, all } as StatementDraft;
        },
      },
      { ALT: () => { this.CONSUME(STREAMS); return this.show('STREAMS', this.OPTION3(() => this.CONSUME2(EXTENDED)) !== undefined); } },
      { ALT: () => { this.CONSUME(TABLES); return this.show('TABLES', this.OPTION4(() => this.CONSUME3(EXTENDED)) !== undefined); } },
      { ALT: () => { this.CONSUME(QUERIES); return this.show('QUERIES', this.OPTION5(() => this.CONSUME4(EXTENDED)) !== undefined); } },
      { ALT: () => { this.CONSUME(MODELS); return this.show('MODELS', this.OPTION6(() => this.CONSUME5(EXTENDED)) !== undefined); } },
      { ALT: () => { this.CONSUME(FUNCTIONS); return this.show('FUNCTIONS', false); } },
      { ALT: () => { this.CONSUME(TYPES); return this.show('TYPES', false); } },
      { ALT: () => { this.CONSUME(VARIABLES); return this.show('VARIABLES', false); } },
      {
        ALT: () => {
          const connectorType = this.OPTION7(() => this.OR3([
            { ALT: () => { this.CONSUME(SOURCE); return 'SOURCE' as ConnectorType; } },
            { ALT: () => { this.CONSUME(SINK); return 'SINK' as ConnectorType; } },
          ]));
          this.CONSUME(CONNECTORS);
          const draft: StatementDraft = { kind: 'Show', what: 'CONNECTORS', extended: false };
          if (connectorType) draft.connectorType = connectorType;
          return draft;
        },
      },
    ]);
  });

  private show(what: ShowWhat, extended: boolean): StatementDraft {
    return { kind: 'Show', what, extended };
  }

  private describeStatement = this.RULE('describeStatement', (): StatementDraft => {
    this.CONSUME(DESCRIBE);
    // FUNCTION, MODEL and TABLES are also names: DESCRIBE FUNCTION (a source named FUNCTION) stays valid.
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        // DESCRIBE STREAMS|TABLES lists every source with its details: SHOW ... EXTENDED.
        { ALT: () => { this.CONSUME(STREAMS); this.OPTION(() => this.CONSUME(EXTENDED)); return this.show('STREAMS', true); } },
        { ALT: () => { this.CONSUME(TABLES); this.OPTION2(() => this.CONSUME2(EXTENDED)); return this.show('TABLES', true); } },
        {
          GATE: () => this.nextIsIdentifier(2),
          ALT: () => {
            this.CONSUME(FUNCTION);
            const name = this.SUBRULE(this.identifier);
            return this.ACTION(() => ({ kind: 'DescribeFunction', name: name.toUpperCase() }) as StatementDraft);
          },
        },
        {
          GATE: () => this.nextIsIdentifier(2),
          ALT: () => {
            this.CONSUME(MODEL);
            const name = this.SUBRULE2(this.identifier);
            return { kind: 'DescribeModel', name } as StatementDraft;
          },
        },
        {
          ALT: () => {
            this.CONSUME(CONNECTOR);
            const name = this.SUBRULE4(this.identifier);
            return { kind: 'DescribeConnector', name } as StatementDraft;
          },
        },
        {
          ALT: () => {
            const name = this.SUBRULE3(this.identifier);
            const extended = this.OPTION3(() => this.CONSUME3(EXTENDED)) !== undefined;
            return { kind: 'Describe', name, extended } as StatementDraft;
          },
        },
      ],
    });
  });

  private explainStatement = this.RULE('explainStatement', (): StatementDraft => {
    this.CONSUME(EXPLAIN);
    return this.OR({
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.nextIsIdentifier(1) && this.nextEnds(2),
          ALT: () => { const queryId = this.SUBRULE(this.identifier); return { kind: 'Explain', queryId } as StatementDraft; },
        },
        { ALT: () => { const statement = this.SUBRULE(this.statementBody); return { kind: 'Explain', statement } as StatementDraft; } },
      ],
    });
  });

  // ---------- PRINT, SET, DEFINE, COPY ----------

  private printStatement = this.RULE('printStatement', (): StatementDraft => {
    this.CONSUME(PRINT);
    const topic = this.OR([
      { ALT: () => { const t = this.SUBRULE(this.identifierToken); return this.ACTION(() => identifierAsWritten(t)); } },
      { ALT: () => { const t = this.CONSUME(StringLiteral); return this.ACTION(() => unquoteString(t.image)); } },
    ]);
    let fromBeginning = false;
    this.OPTION(() => { this.CONSUME(FROM); this.CONSUME(BEGINNING); fromBeginning = true; });
    let interval: number | undefined;
    this.OPTION2(() => {
      this.OR2([{ ALT: () => this.CONSUME(INTERVAL) }, { ALT: () => this.CONSUME(SAMPLE) }]);
      interval = this.SUBRULE(this.wholeNumber);
    });
    let limit: number | undefined;
    this.OPTION3(() => { this.CONSUME(LIMIT); limit = this.SUBRULE2(this.wholeNumber); });
    return this.ACTION(() => {
      const draft: StatementDraft = { kind: 'Print', topic, fromBeginning };
      if (interval !== undefined) draft.interval = interval;
      if (limit !== undefined) draft.limit = limit;
      return draft;
    });
  });

  private setStatement = this.RULE('setStatement', (): StatementDraft => {
    this.CONSUME(SET);
    const name = this.CONSUME(StringLiteral);
    this.CONSUME(Eq);
    const value = this.CONSUME2(StringLiteral);
    return this.ACTION(() => ({ kind: 'SetProperty', name: unquoteString(name.image), value: unquoteString(value.image) }));
  });

  private unsetStatement = this.RULE('unsetStatement', (): StatementDraft => {
    this.CONSUME(UNSET);
    const name = this.CONSUME(StringLiteral);
    return this.ACTION(() => ({ kind: 'UnsetProperty', name: unquoteString(name.image) }));
  });

  /** Variable names are kept as written; lookups are case-insensitive (variables.ts). */
  private variableName = this.RULE('variableName', (): string => {
    const t = this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(NonReserved) }]);
    return t.image;
  });

  private defineStatement = this.RULE('defineStatement', (): StatementDraft => {
    this.CONSUME(DEFINE);
    const name = this.SUBRULE(this.variableName);
    this.CONSUME(Eq);
    const value = this.CONSUME(StringLiteral);
    return this.ACTION(() => ({ kind: 'DefineVariable', name, value: unquoteString(value.image) }));
  });

  private undefineStatement = this.RULE('undefineStatement', (): StatementDraft => {
    this.CONSUME(UNDEFINE);
    const name = this.SUBRULE(this.variableName);
    return { kind: 'UndefineVariable', name };
  });

  /** Eddy's COPY target FROM 'file' [WITH (FORMAT='CSV', HEADER=true)]. */
  private copyStatement = this.RULE('copyStatement', (): StatementDraft => {
    this.CONSUME(COPY);
    const target = this.SUBRULE(this.identifier);
    this.CONSUME(FROM);
    const file = this.CONSUME(StringLiteral);
    const properties = this.SUBRULE(this.withProperties);
    return this.ACTION(() => ({ kind: 'Copy', target, file: unquoteString(file.image), properties }));
  });
}
