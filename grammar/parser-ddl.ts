// CREATE (streams, tables, models), INSERT and DROP: the statements that define or change data.
import type {
  ConnectorType, CreateAsSelect, CreateConnector, CreateModel, CreateSource, CreateType, Expr, Properties, Query, SourceType, Statement, TableElement,
} from './ast.js';
import { identifierText, unquoteString } from './literals.js';
import { tokenSpan } from './positions.js';
import { QueryParser } from './parser-queries.js';
import {
  AS, Comma, CONNECTOR, CREATE, DELETE, DROP, EARLIEST, EXISTS, FROM, HEADER, HEADERS, IF, INSERT, INTO, KEY, LATEST, LParen,
  MODEL, NOT, ONLINE, OR, PRIMARY, REPLACE, RParen, SINK, SOURCE, STREAM, StringLiteral, TABLE, TOPIC, TRAIN, TYPE, VALUES, WITH,
} from './tokens.js';

/** A statement before its span and text are known. */
export type Draft<T> = T extends Statement ? Omit<T, 'span' | 'text'> : never;
export type StatementDraft = Draft<Statement>;

export abstract class DdlParser extends QueryParser {
  // ---------- CREATE ----------

  protected createStatement = this.RULE('createStatement', (): StatementDraft => {
    this.CONSUME(CREATE);
    let orReplace = false;
    this.OPTION(() => { this.CONSUME(OR); this.CONSUME(REPLACE); orReplace = true; });
    return this.OR([
      { ALT: () => this.SUBRULE(this.createModel, { ARGS: [orReplace] }) },
      { GATE: () => this.nextIs(2, CONNECTOR), ALT: () => this.SUBRULE(this.createConnector, { ARGS: [orReplace] }) },
      { ALT: () => this.SUBRULE(this.createSource, { ARGS: [orReplace] }) },
      { ALT: () => this.SUBRULE(this.createType) },
    ]);
  });

  /** CREATE TYPE [IF NOT EXISTS] name AS type. */
  private createType = this.RULE('createType', (): StatementDraft => {
    this.CONSUME(TYPE);
    const ifNotExists = this.SUBRULE(this.ifNotExists);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(AS);
    const type = this.SUBRULE(this.sqlType);
    return { kind: 'CreateType', name, type, ifNotExists } satisfies Draft<CreateType>;
  });

  /** CREATE SOURCE|SINK CONNECTOR [IF NOT EXISTS] name WITH (...): ksqlDB's syntax. */
  private createConnector = this.RULE('createConnector', (orReplace: boolean): StatementDraft => {
    const connectorType = this.OR([
      { ALT: () => { this.CONSUME(SOURCE); return 'SOURCE' as ConnectorType; } },
      { ALT: () => { this.CONSUME(SINK); return 'SINK' as ConnectorType; } },
    ]);
    this.CONSUME(CONNECTOR);
    const ifNotExists = this.SUBRULE(this.ifNotExists);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(WITH);
    const properties = this.SUBRULE(this.properties);
    return { kind: 'CreateConnector', connectorType, name, orReplace, ifNotExists, properties } satisfies Draft<CreateConnector>;
  });

  private ifNotExists = this.RULE('ifNotExists', (): boolean => {
    let present = false;
    // IF is also a name: CREATE STREAM IF (...) creates a stream called IF.
    this.OPTION({ GATE: () => this.nextIs(2, NOT), DEF: () => { this.CONSUME(IF); this.CONSUME(NOT); this.CONSUME(EXISTS); present = true; } });
    return present;
  });

  private ifExists = this.RULE('ifExists', (): boolean => {
    let present = false;
    this.OPTION({ GATE: () => this.nextIs(2, EXISTS), DEF: () => { this.CONSUME(IF); this.CONSUME(EXISTS); present = true; } });
    return present;
  });

  protected withProperties = this.RULE('withProperties', (): Properties => {
    let props: Properties = {};
    this.OPTION(() => { this.CONSUME(WITH); props = this.SUBRULE(this.properties); });
    return props;
  });

  /** CREATE [SOURCE] STREAM|TABLE ... with columns, or ... AS SELECT. */
  private createSource = this.RULE('createSource', (orReplace: boolean): StatementDraft => {
    let readOnly = false;
    this.OPTION(() => { this.CONSUME(SOURCE); readOnly = true; });
    const sourceType = this.OR([
      { ALT: () => { this.CONSUME(STREAM); return 'STREAM' as SourceType; } },
      { ALT: () => { this.CONSUME(TABLE); return 'TABLE' as SourceType; } },
    ]);
    const ifNotExists = this.SUBRULE(this.ifNotExists);
    const name = this.SUBRULE(this.identifier);
    let elements: TableElement[] | undefined;
    this.OPTION2(() => { elements = this.SUBRULE(this.tableElements, { ARGS: [sourceType] }); });
    const properties = this.SUBRULE(this.withProperties);
    let query: Query | undefined;
    this.OPTION3({
      // AS SELECT only for a plain CREATE STREAM|TABLE without columns (ksqlDB's grammar).
      GATE: () => !readOnly && elements === undefined,
      DEF: () => { this.CONSUME(AS); query = this.SUBRULE(this.query); },
    });
    return this.ACTION((): StatementDraft => {
      if (query) {
        return { kind: 'CreateAsSelect', sourceType, name, orReplace, ifNotExists, properties, query } satisfies Draft<CreateAsSelect>;
      }
      return {
        kind: 'CreateSource', sourceType, name, orReplace, ifNotExists, readOnly, elements: elements ?? [], properties,
      } satisfies Draft<CreateSource>;
    });
  });

  private tableElements = this.RULE('tableElements', (sourceType: SourceType): TableElement[] => {
    const elements: TableElement[] = [];
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { elements.push(this.SUBRULE(this.tableElement, { ARGS: [sourceType] })); } });
    this.CONSUME(RParen);
    return elements;
  });

  private tableElement = this.RULE('tableElement', (sourceType: SourceType): TableElement => {
    const nameTok = this.SUBRULE(this.identifierToken);
    const type = this.SUBRULE(this.sqlType);
    let constraint: TableElement['constraint'];
    let headerKey: string | undefined;
    this.OPTION(() => this.OR([
      { ALT: () => { this.CONSUME(PRIMARY); this.CONSUME(KEY); constraint = 'PRIMARY KEY'; } },
      { ALT: () => { this.CONSUME2(KEY); constraint = 'KEY'; } },
      { ALT: () => { this.CONSUME(HEADERS); constraint = 'HEADERS'; } },
      {
        ALT: () => {
          this.CONSUME(HEADER);
          this.CONSUME(LParen);
          const t = this.CONSUME(StringLiteral);
          this.CONSUME(RParen);
          constraint = 'HEADER';
          headerKey = this.ACTION(() => unquoteString(t.image));
        },
      },
    ]));
    return this.ACTION(() => {
      const name = identifierText(nameTok);
      // ksqlDB rejects these at parse time, with these words.
      if (constraint === 'KEY' && sourceType === 'TABLE') {
        this.fail(`Column \`${name}\` is a 'KEY' column: please use 'PRIMARY KEY' for tables.`, nameTok);
      }
      if (constraint === 'PRIMARY KEY' && sourceType === 'STREAM') {
        this.fail(`Column \`${name}\` is a 'PRIMARY KEY' column: please use 'KEY' for streams.`, nameTok);
      }
      const element: TableElement = { name, type, span: tokenSpan(nameTok, this.lastToken()) };
      if (constraint) element.constraint = constraint;
      if (headerKey !== undefined) element.headerKey = headerKey;
      return element;
    });
  });

  /** CREATE [OR REPLACE] MODEL [IF NOT EXISTS] name [WITH (...)] [AS SELECT ... TRAIN ONLINE [FROM EARLIEST|LATEST]]. */
  private createModel = this.RULE('createModel', (orReplace: boolean): StatementDraft => {
    this.CONSUME(MODEL);
    const ifNotExists = this.SUBRULE(this.ifNotExists);
    const name = this.SUBRULE(this.identifier);
    const properties = this.SUBRULE(this.withProperties);
    let query: Query | undefined;
    let trainFrom: 'EARLIEST' | 'LATEST' | undefined;
    // Without AS SELECT ... TRAIN ONLINE: a model trained elsewhere (WITH (TYPE='onnx', PATH=...)).
    this.OPTION2(() => {
      this.CONSUME(AS);
      query = this.SUBRULE(this.query);
      this.CONSUME(TRAIN);
      this.CONSUME(ONLINE);
      this.OPTION(() => {
        this.CONSUME(FROM);
        trainFrom = this.OR([
          { ALT: () => { this.CONSUME(EARLIEST); return 'EARLIEST' as const; } },
          { ALT: () => { this.CONSUME(LATEST); return 'LATEST' as const; } },
        ]);
      });
    });
    return this.ACTION(() => {
      const draft: Draft<CreateModel> = { kind: 'CreateModel', name, orReplace, ifNotExists, properties };
      if (query) draft.query = query;
      if (trainFrom) draft.trainFrom = trainFrom;
      return draft;
    });
  });

  // ---------- INSERT, DROP ----------

  protected insertStatement = this.RULE('insertStatement', (): StatementDraft => {
    this.CONSUME(INSERT);
    this.CONSUME(INTO);
    const target = this.SUBRULE(this.identifier);
    return this.OR([
      {
        ALT: () => {
          let columns: string[] | undefined;
          this.OPTION(() => {
            columns = [];
            this.CONSUME(LParen);
            this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => { const c = this.SUBRULE2(this.identifier); columns!.push(c); } });
            this.CONSUME(RParen);
          });
          this.CONSUME(VALUES);
          this.CONSUME2(LParen);
          const values: Expr[] = [];
          this.MANY_SEP({ SEP: Comma, DEF: () => { values.push(this.SUBRULE(this.valueExpression)); } });
          this.CONSUME2(RParen);
          return this.ACTION((): StatementDraft => {
            const draft: StatementDraft = { kind: 'InsertValues', target, values };
            if (columns) draft.columns = columns;
            return draft;
          });
        },
      },
      {
        ALT: () => {
          const properties = this.SUBRULE(this.withProperties);
          const query = this.SUBRULE(this.query);
          return { kind: 'InsertInto', target, query, properties } as StatementDraft;
        },
      },
    ]);
  });

  protected dropStatement = this.RULE('dropStatement', (): StatementDraft => {
    this.CONSUME(DROP);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(MODEL);
          const ifExists = this.SUBRULE(this.ifExists);
          const name = this.SUBRULE(this.identifier);
          return { kind: 'DropModel', name, ifExists } as StatementDraft;
        },
      },
      {
        ALT: () => {
          this.CONSUME(CONNECTOR);
          const ifExists = this.SUBRULE3(this.ifExists);
          const name = this.SUBRULE3(this.identifier);
          return { kind: 'DropConnector', name, ifExists } as StatementDraft;
        },
      },
      {
        ALT: () => {
          const sourceType = this.OR2([
            { ALT: () => { this.CONSUME(STREAM); return 'STREAM' as SourceType; } },
            { ALT: () => { this.CONSUME(TABLE); return 'TABLE' as SourceType; } },
          ]);
          const ifExists = this.SUBRULE2(this.ifExists);
          const name = this.SUBRULE2(this.identifier);
          let deleteTopic = false;
          this.OPTION(() => { this.CONSUME(DELETE); this.CONSUME(TOPIC); deleteTopic = true; });
          return { kind: 'DropSource', sourceType, name, ifExists, deleteTopic } as StatementDraft;
        },
      },
      {
        ALT: () => {
          this.CONSUME2(TYPE);
          const ifExists = this.SUBRULE4(this.ifExists);
          const name = this.SUBRULE4(this.identifier);
          return { kind: 'DropType', name, ifExists } as StatementDraft;
        },
      },
    ]);
  });
}
