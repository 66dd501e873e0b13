// onnxruntime-node, loaded when the first ONNX model is created: its native add-on costs start-up
// time that engines without ONNX models should not pay.
export type Ort = typeof import('onnxruntime-node');

let loading: Promise<Ort> | undefined;

export function loadOrt(): Promise<Ort> {
  return (loading ??= import('onnxruntime-node').then((m) => ((m as { default?: Ort }).default ?? m) as Ort));
}
