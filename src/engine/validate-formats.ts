// Checks that a source's columns fit its key and value formats (building the serdes does it).
import type { SourceDef } from './catalog.js';
import { createRowSerde, createWindowedKeySerde } from '../format/index.js';

export function validateFormats(def: Pick<SourceDef, 'schema' | 'keyFormat' | 'valueFormat' | 'window'>): void {
  if (def.window) createWindowedKeySerde(def.keyFormat, def.schema.key, def.window);
  else createRowSerde(def.keyFormat, def.schema.key, { isKey: true });
  createRowSerde(def.valueFormat, def.schema.value, { isKey: false });
}
