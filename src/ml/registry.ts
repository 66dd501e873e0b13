// Model types by TYPE name (CREATE MODEL m TYPE logistic_regression ...). Factories register
// themselves as a list so other modules (the tree models) can add theirs without this file
// knowing them; lookups are case-insensitive like SQL identifiers.
import { builtinModels } from './builtin-models.js';
import type { ModelFactory, ModelSpec, OnlineModel } from './online-model.js';
import { setModelLookup } from './model-lookup.js';
import { checkParams } from './params.js';

export class ModelRegistry {
  private readonly byType = new Map<string, ModelFactory>();

  register(factory: ModelFactory): void {
    const key = factory.type.toLowerCase();
    if (this.byType.has(key)) throw new Error(`model type '${factory.type}' is already registered`);
    this.byType.set(key, factory);
  }

  registerAll(factories: readonly ModelFactory[]): void {
    for (const f of factories) this.register(f);
  }

  get(type: string): ModelFactory | undefined {
    return this.byType.get(type.toLowerCase());
  }

  /** All factories, sorted by type name (SHOW MODEL TYPES, the conformance suite). */
  list(): ModelFactory[] {
    return [...this.byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  /** Creates a model after checking its parameters are all known. */
  create(type: string, spec: ModelSpec): OnlineModel {
    const factory = this.get(type);
    if (!factory) {
      const known = this.list().map((f) => f.type).join(', ');
      throw new Error(`unknown model type '${type}' (known: ${known})`);
    }
    checkParams(factory, spec.params);
    return factory.create(spec);
  }
}

/** The process-wide registry, filled with the built-in models at load. */
export const modelRegistry = new ModelRegistry();
modelRegistry.registerAll(builtinModels);
setModelLookup((type) => modelRegistry.get(type));

export function registerModel(factory: ModelFactory | readonly ModelFactory[]): void {
  if (Array.isArray(factory)) modelRegistry.registerAll(factory as readonly ModelFactory[]);
  else modelRegistry.register(factory as ModelFactory);
}

export function listModels(): ModelFactory[] {
  return modelRegistry.list();
}

export function getModelFactory(type: string): ModelFactory | undefined {
  return modelRegistry.get(type);
}

export function createModel(type: string, spec: ModelSpec): OnlineModel {
  return modelRegistry.create(type, spec);
}
