// The grammar's public API: splitting scripts, parsing, variable substitution and printing.
export { splitStatements, type StatementText } from './split-statements.js';
export { parseStatement, parseScript, parseExpression, type CustomTypeNames } from './parse.js';
export { substituteVariables } from './variables.js';
export { formatStatement, formatExpression } from './printer.js';
export type * from './ast.js';
