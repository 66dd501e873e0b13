// Public surface of the formats: serde interfaces and the factories.
export * from './serde.js';
export { createRowSerde, createWindowedKeySerde, validateFormatOptions, type KeyWindow } from './create-row-serde.js';
export { parseDelimiter } from './delimiter.js';
export { inJavaHashMapOrder } from '../values/java-hash-order.js';
