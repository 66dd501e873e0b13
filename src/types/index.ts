export * from './sql-type.js';
export * from './decimal.js';
export * from './schema.js';
export * from './sql-error.js';
export * from './error-codes.js';
