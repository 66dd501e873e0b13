// Type patterns the collection functions share: T, ARRAY<T>, MAP<K, V>...
import type { TypePattern } from '../types.js';

export const T: TypePattern = { kind: 'GENERIC', name: 'T' };
export const K: TypePattern = { kind: 'GENERIC', name: 'K' };
export const V: TypePattern = { kind: 'GENERIC', name: 'V' };
export const R: TypePattern = { kind: 'GENERIC', name: 'R' };
export const S: TypePattern = { kind: 'GENERIC', name: 'S' };
export const STRING: TypePattern = { kind: 'STRING' };
export const INTEGER: TypePattern = { kind: 'INTEGER' };
export const BIGINT: TypePattern = { kind: 'BIGINT' };
export const BOOLEAN: TypePattern = { kind: 'BOOLEAN' };

export const arrayOf = (item: TypePattern): TypePattern => ({ kind: 'ARRAY', item });
export const mapOf = (key: TypePattern, value: TypePattern): TypePattern => ({ kind: 'MAP', key, value });
export const lambda = (params: TypePattern[], returns: TypePattern): TypePattern => ({ kind: 'LAMBDA', params, returns });

export const ARRAY_T = arrayOf(T);
export const STRING_MAP_T = mapOf(STRING, T);
