// Snapshot encoding of a classification leaf (every field, so learning resumes identically).
import type { FloatReader, FloatWriter } from './float-io.js';
import { LeafClassifier } from './leaf-classifier.js';

export function writeLeafClassifier(w: FloatWriter, leaf: LeafClassifier): void {
  w.num(leaf.depth);
  w.num(leaf.total);
  w.num(leaf.lastSplitAt);
  w.num(leaf.mcCorrect);
  w.num(leaf.nbCorrect);
  w.bool(leaf.active);
  w.arr(leaf.counts);
  w.arr(leaf.feats);
  w.arr(leaf.obs);
}

export function readLeafClassifier(r: FloatReader): LeafClassifier {
  const depth = r.int();
  const total = r.num();
  const lastSplitAt = r.num();
  const mcCorrect = r.num();
  const nbCorrect = r.num();
  const active = r.bool();
  const counts = r.f64();
  const feats = r.i32();
  const obs = r.f64();
  const leaf = new LeafClassifier(depth, counts.length, feats, counts);
  leaf.total = total;
  leaf.lastSplitAt = lastSplitAt;
  leaf.mcCorrect = mcCorrect;
  leaf.nbCorrect = nbCorrect;
  leaf.active = active;
  leaf.obs = obs;
  return leaf;
}
