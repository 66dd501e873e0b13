// One P4 run (logistic regression, test-then-train through SQL) of the build in directory DIR,
// for p4-instructions.sh: `node p4-once.js DIR ROWS MAX_ROWS`. The input is made for MAX_ROWS
// whatever ROWS is, so two runs of different ROWS differ by the pipeline's work alone.
const [dir, rowsArg, maxArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const max = Number(maxArg ?? rowsArg);
if (!dir || !(rows > 0) || !(max >= rows)) {
  console.error('usage: node p4-once.js DIR ROWS [MAX_ROWS]');
  process.exit(2);
}
const { scoreWhileTraining, modelInput } = await import(`${dir}/bench/sql/score-while-training.js`);
const { listModels } = await import(`${dir}/src/ml/registry.js`);
const f = listModels().find((m: { type: string }) => m.type === 'logistic_regression');
const { records } = modelInput(f.task, max);
await scoreWhileTraining(f, records.slice(0, rows));
process.exit(0);
