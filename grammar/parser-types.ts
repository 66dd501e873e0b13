// SQL types: BOOLEAN, INT/INTEGER, BIGINT, DOUBLE, DECIMAL(p, s), STRING/VARCHAR, BYTES, DATE,
// TIME, TIMESTAMP, ARRAY<T>, MAP<K, V>, STRUCT<name T, ...>, and names CREATE TYPE gave. Base type names are identifiers in
// ksqlDB's grammar (so a column may be called DATE); we resolve them here.
import type { IToken } from './chevrotain.js';
import type { SqlType, StructField } from '../src/types/sql-type.js';
import { identifierText } from './literals.js';
import { BaseParser } from './parser-base.js';
import {
  ARRAY, Comma, DECIMAL, Gt, IntegerLiteral, LParen, Lt, MAP, Neq, RParen, STRUCT,
} from './tokens.js';

const BASE_TYPES = new Map<string, SqlType>([
  ['BOOLEAN', { kind: 'BOOLEAN' }], ['INT', { kind: 'INTEGER' }], ['INTEGER', { kind: 'INTEGER' }],
  ['BIGINT', { kind: 'BIGINT' }], ['DOUBLE', { kind: 'DOUBLE' }], ['STRING', { kind: 'STRING' }],
  ['VARCHAR', { kind: 'STRING' }], ['BYTES', { kind: 'BYTES' }], ['DATE', { kind: 'DATE' }],
  ['TIME', { kind: 'TIME' }], ['TIMESTAMP', { kind: 'TIMESTAMP' }],
]);

/** ksqlDB accepts (and ignores) parameters on its string types, e.g. VARCHAR(STRING). */
const TAKES_PARAMETERS = new Set(['STRING', 'VARCHAR']);

export abstract class TypeParser extends BaseParser {
  sqlType = this.RULE('sqlType', (): SqlType => this.OR([
    { ALT: () => this.SUBRULE(this.decimalType) },
    { ALT: () => this.SUBRULE(this.namedType) },
  ]));

  /** ARRAY, MAP and STRUCT are also names: the name read decides which form follows. */
  private namedType = this.RULE('namedType', (): SqlType => {
    const t = this.SUBRULE(this.identifierToken);
    return this.OR({
      MAX_LOOKAHEAD: 1,
      DEF: [
        { GATE: () => t.tokenType === ARRAY, ALT: () => this.SUBRULE(this.arrayType) },
        { GATE: () => t.tokenType === MAP, ALT: () => this.SUBRULE(this.mapType) },
        { GATE: () => t.tokenType === STRUCT, ALT: () => this.SUBRULE(this.structType) },
        { ALT: () => this.SUBRULE(this.baseType, { ARGS: [t] }) },
      ],
    });
  });

  private arrayType = this.RULE('arrayType', (): SqlType => {
    this.CONSUME(Lt);
    const item = this.SUBRULE(this.sqlType);
    this.CONSUME(Gt);
    return { kind: 'ARRAY', item };
  });

  private mapType = this.RULE('mapType', (): SqlType => {
    this.CONSUME(Lt);
    const key = this.SUBRULE(this.sqlType);
    this.CONSUME(Comma);
    const value = this.SUBRULE2(this.sqlType);
    this.CONSUME(Gt);
    return { kind: 'MAP', key, value };
  });

  private structType = this.RULE('structType', (): SqlType => {
    const fields: StructField[] = [];
    this.OR([
      { ALT: () => this.CONSUME(Neq) }, // STRUCT<> lexes as STRUCT followed by '<>'
      {
        ALT: () => {
          this.CONSUME(Lt);
          this.MANY_SEP({
            SEP: Comma,
            DEF: () => {
              const name = this.SUBRULE(this.identifier);
              const type = this.SUBRULE(this.sqlType);
              this.ACTION(() => fields.push({ name, type }));
            },
          });
          this.CONSUME(Gt);
        },
      },
    ]);
    return { kind: 'STRUCT', fields };
  });

  private decimalType = this.RULE('decimalType', (): SqlType => {
    const start = this.CONSUME(DECIMAL);
    this.CONSUME(LParen);
    const precision = this.SUBRULE(this.wholeNumber);
    this.CONSUME(Comma);
    const scale = this.SUBRULE2(this.wholeNumber);
    this.CONSUME(RParen);
    return this.ACTION(() => {
      if (precision < 1) this.fail(`DECIMAL precision must be >= 1: DECIMAL(${precision}, ${scale})`, start);
      if (scale < 0) this.fail(`DECIMAL scale must be non-negative: DECIMAL(${precision}, ${scale})`, start);
      if (scale > precision) this.fail(`DECIMAL scale must be <= precision: DECIMAL(${precision}, ${scale})`, start);
      return { kind: 'DECIMAL', precision, scale } as SqlType;
    });
  });

  private baseType = this.RULE('baseType', (t: IToken): SqlType => {
    let params: IToken | undefined;
    this.OPTION(() => {
      params = this.CONSUME(LParen);
      this.AT_LEAST_ONE_SEP({
        SEP: Comma,
        DEF: () => this.OR2([
          { ALT: () => this.CONSUME(IntegerLiteral) },
          {
            ALT: () => {
              const p = this.SUBRULE(this.identifierToken);
              this.ACTION(() => { if (p.image.toUpperCase() !== 'STRING') this.fail(`unexpected '${p.image}', expected a number or STRING`, p); });
            },
          },
        ]),
      });
      this.CONSUME(RParen);
    });
    return this.ACTION(() => {
      const name = identifierText(t).toUpperCase();
      const type = BASE_TYPES.get(name);
      if (!type) {
        // A type CREATE TYPE named: resolved to its definition when the statement runs.
        const custom = identifierText(t);
        if (this.customTypes !== 'any' && !this.customTypes.has(custom)) this.fail(`unknown type '${custom}'`, t);
        if (params) this.fail(`type ${custom} takes no parameters`, params);
        return { kind: 'CUSTOM', name: custom } as SqlType;
      }
      if (params && !TAKES_PARAMETERS.has(name)) this.fail(`type ${name} takes no parameters`, params);
      return { ...type };
    });
  });
}
