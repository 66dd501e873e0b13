// The serdes of a step that reads or writes a topic: its value serde, and its key serde —
// windowed (key bytes plus the window, as Kafka Streams) when the step's keys are windowed.
import type { SourceStep, SinkStep } from '../../plan/physical-plan.js';
import type { RowSerde, WindowedKeySerde } from '../../format/index.js';
import type { SchemaRegistry } from '../../format/registry/schema-registry.js';
import { createRowSerde, createWindowedKeySerde } from '../../format/index.js';

export interface StepSerdes {
  value: RowSerde;
  /** Set when the keys are not windowed. */
  key?: RowSerde;
  /** Set when the keys are windowed. */
  windowedKey?: WindowedKeySerde;
}

/**
 * `registry`: where registry formats (AVRO) find their schemas (the query's OperatorContext has
 * it); `readColumns`: the value columns a source's reader uses (see read-columns.ts).
 */
export function stepSerdes(step: SourceStep | SinkStep, registry?: SchemaRegistry, readColumns?: readonly boolean[]): StepSerdes {
  const value = createRowSerde(step.valueFormat, step.schema.value, { isKey: false, registry, readColumns });
  return step.window
    ? { value, windowedKey: createWindowedKeySerde(step.keyFormat, step.schema.key, step.window, undefined, registry) }
    : { value, key: createRowSerde(step.keyFormat, step.schema.key, { isKey: true, registry }) };
}
