// How wrapper models (drift_retraining_classifier) find the factory of the model they wrap
// without importing the registry, which imports them: the registry installs itself here.
import type { ModelFactory } from './online-model.js';

let lookup: ((type: string) => ModelFactory | undefined) | undefined;

export function setModelLookup(fn: (type: string) => ModelFactory | undefined): void {
  lookup = fn;
}

export function lookupModel(type: string): ModelFactory {
  const f = lookup?.(type);
  if (!f) throw new Error(`unknown model type '${type}'`);
  return f;
}
