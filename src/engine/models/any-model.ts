// A model as the engine keeps it: learning online (LiveModel) or trained elsewhere (OnnxModel).
import type { LiveModel } from './live-model.js';
import type { OnnxModel } from './onnx-model.js';

export type AnyModel = LiveModel | OnnxModel;
