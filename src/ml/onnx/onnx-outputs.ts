// Which output answers which question. PREDICT: the output OUTPUT names, else one named
// `label` (skl2onnx classifiers), else the first. PREDICT_PROBA: a classifier's probabilities,
// a float output with a column per class beside a one-value label output (named
// `probabilities` if several). ANOMALY_SCORE: the OUTPUT if given, else a float output with
// the input's width (an autoencoder's reconstruction: the score is the mean squared error
// between input and output), else a single one-value float output (the score itself).
import { OnnxShapeError, type OnnxOutput, type OnnxSession } from './onnx-session.js';

export type OnnxTask = 'classification' | 'regression' | 'anomaly';

export interface OnnxRoles {
  predict: OnnxOutput;
  proba?: { output: OnnxOutput; classes: (number | string)[]; binary: boolean };
  anomaly?: { output: OnnxOutput; reconstruction: boolean };
  task: OnnxTask;
}

const isFloat = (o: OnnxOutput): boolean => o.type === 'float32' || o.type === 'float64' || o.type === 'float16';

export function outputRoles(s: OnnxSession, chosen?: string): OnnxRoles {
  const outs = s.outputs;
  const named = (n: string): OnnxOutput | undefined => outs.find((o) => o.name === n);
  if (chosen !== undefined && !named(chosen)) {
    throw new OnnxShapeError(`OUTPUT '${chosen}' is not an output of the model; its outputs are ${outs.map((o) => o.name).join(', ')}`);
  }
  const predict = (chosen !== undefined ? named(chosen) : named('label')) ?? outs[0];
  const label = outs.find((o) => !isFloat(o) && o.width === 1);
  let proba: OnnxRoles['proba'];
  const probs = label ? (outs.find((o) => o.name === 'probabilities' && isFloat(o)) ?? outs.find((o) => isFloat(o) && o.width >= 2)) : undefined;
  if (label && probs) {
    const c = probs.width;
    const classes = s.classes && s.classes.length === c ? s.classes : Array.from({ length: c }, (_, i) => i);
    const text = classes.map((x) => String(x).toLowerCase());
    const binary = c === 2 && ((text[0] === '0' && text[1] === '1') || (text[0] === 'false' && text[1] === 'true'));
    proba = { output: probs, classes, binary };
  }
  const k = s.input.width;
  const scoreOut = chosen !== undefined ? named(chosen)! : (outs.find((o) => isFloat(o) && o.width === k && k > 1 && o !== probs) ?? (outs.length === 1 && isFloat(outs[0]) && outs[0].width === 1 ? outs[0] : undefined));
  let anomaly: OnnxRoles['anomaly'];
  if (scoreOut && isFloat(scoreOut) && (scoreOut.width === k || scoreOut.width === 1)) anomaly = { output: scoreOut, reconstruction: scoreOut.width === k && k > 1 };
  const task: OnnxTask = proba && (chosen === undefined || predict === label) ? 'classification'
    : anomaly?.reconstruction ? 'anomaly' : 'regression';
  return { predict, proba, anomaly, task };
}
