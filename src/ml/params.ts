// Reading hyper-parameters from CREATE MODEL ... WITH (...): values arrive as string, number or
// boolean; each model reads what it knows with a default and a range check, so a typo in a value
// fails at CREATE time rather than producing NaN weights later.
import type { HyperParams, ModelFactory } from './online-model.js';

export type ParamDocs = ModelFactory['params'];

/** A hyper-parameter with a bad value: `key` names it, so CREATE MODEL can point at it. */
export class ParamError extends Error {
  constructor(readonly key: string, message: string) { super(message); }
}

/** "[0, 1000]", or "(0, 1000]" when the lower bound is the smallest positive number. */
function range(min: number, max: number): string {
  return `${min === Number.MIN_VALUE ? '(0' : `[${min}`}, ${max}]`;
}

/**
 * Throws on a key the factory does not document (catches `learning_rte = 0.1`). A documented key
 * ending in '*' accepts every key with that prefix (a wrapper's `base_*` for its inner model).
 */
export function checkParams(factory: ModelFactory, params: HyperParams): void {
  const prefixes = Object.keys(factory.params).filter((k) => k.endsWith('*')).map((k) => k.slice(0, -1));
  for (const key of Object.keys(params)) {
    if (!(key in factory.params) && !prefixes.some((p) => key.startsWith(p))) {
      const known = Object.keys(factory.params).join(', ') || '(none)';
      throw new ParamError(key, `${factory.type}: unknown parameter '${key}' (known: ${known})`);
    }
  }
}

/** Every numeric parameter has a finite range: callers give the bounds that make sense for it. */
export function numParam(params: HyperParams, key: string, def: number, min: number, max: number): number {
  const raw = params[key];
  if (raw === undefined) return def;
  const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
  if (!Number.isFinite(v)) throw new ParamError(key, `parameter '${key}' must be a number in ${range(min, max)}, got '${String(raw)}'`);
  if (v < min || v > max) throw new ParamError(key, `parameter '${key}' must be in ${range(min, max)}, got ${v}`);
  return v;
}

export function intParam(params: HyperParams, key: string, def: number, min: number, max: number): number {
  const v = numParam(params, key, def, min, max);
  if (!Number.isInteger(v)) throw new ParamError(key, `parameter '${key}' must be an integer in ${range(min, max)}, got ${v}`);
  return v;
}

export function strParam<T extends string>(params: HyperParams, key: string, def: T, allowed: readonly T[]): T {
  const raw = params[key];
  if (raw === undefined) return def;
  const v = String(raw).trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) {
    throw new ParamError(key, `parameter '${key}' must be one of ${allowed.join(', ')}, got '${String(raw)}'`);
  }
  return v as T;
}

export function boolParam(params: HyperParams, key: string, def: boolean): boolean {
  const raw = params[key];
  if (raw === undefined) return def;
  if (typeof raw === 'boolean') return raw;
  const v = String(raw).trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ParamError(key, `parameter '${key}' must be true or false, got '${String(raw)}'`);
}

/** A comma-separated list of non-negative integers, e.g. categorical = '0,3'. */
export function intListParam(params: HyperParams, key: string): number[] {
  const raw = params[key];
  if (raw === undefined || raw === '') return [];
  const parts = typeof raw === 'number' ? [String(raw)] : String(raw).split(',');
  return parts.map((p) => {
    const v = Number(p.trim());
    if (!Number.isInteger(v) || v < 0) throw new ParamError(key, `parameter '${key}' must list feature indexes, got '${String(raw)}'`);
    return v;
  });
}
