// Removes a model: its training (or monitoring) query stops, an ONNX model's session is released.
import type { EngineState } from '../engine-state.js';
import { terminateQuery } from '../persistent-query.js';
import type { AnyModel } from './any-model.js';
import { OnnxModel } from './onnx-model.js';

export async function dropModel(state: EngineState, m: AnyModel): Promise<void> {
  const q = state.queries.get(m.def.queryId);
  if (q) await terminateQuery(state, q);
  state.models.delete(m.name);
  if (m instanceof OnnxModel) m.close();
}
