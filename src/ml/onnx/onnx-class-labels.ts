// A classifier's class labels, from the ONNX graph: the ai.onnx.ml classifiers (LinearClassifier,
// TreeEnsembleClassifier, SVMClassifier, ...) carry them as the attribute classlabels_int64s
// (tree ensembles), classlabels_ints (linear and SVM classifiers) or classlabels_strings, in the
// order of their probabilities output. onnxruntime does not expose node attributes, so the
// model's bytes are read here (ModelProto.graph = 7, GraphProto.node = 1,
// NodeProto.attribute = 5, AttributeProto name = 1, ints = 8, strings = 9).
import { fields, int64, varints } from './protobuf-fields.js';

const text = new TextDecoder();

/** The class labels of the first classifier node in the main graph, or undefined. */
export function classLabels(model: Uint8Array): (number | string)[] | undefined {
  try {
    for (const g of fields(model)) {
      if (g.no !== 7 || !g.bytes) continue;
      for (const n of fields(g.bytes)) {
        if (n.no !== 1 || !n.bytes) continue;
        for (const a of fields(n.bytes)) {
          if (a.no !== 5 || !a.bytes) continue;
          const got = labelsOf(a.bytes);
          if (got) return got;
        }
      }
    }
  } catch {
    return undefined; // onnxruntime loaded it; an attribute Eddy cannot read only costs the labels
  }
  return undefined;
}

function labelsOf(attr: Uint8Array): (number | string)[] | undefined {
  let name = '';
  const ints: number[] = [], strings: string[] = [];
  for (const f of fields(attr)) {
    if (f.no === 1 && f.bytes) name = text.decode(f.bytes);
    else if (f.no === 8) ints.push(...varints(f).map(int64));
    else if (f.no === 9 && f.bytes) strings.push(text.decode(f.bytes));
  }
  if ((name === 'classlabels_int64s' || name === 'classlabels_ints') && ints.length > 0) return ints;
  if (name === 'classlabels_strings' && strings.length > 0) return strings;
  return undefined;
}
