#!/usr/bin/env node
// `npm run golden [-- --update]`: runs the golden SQL tests; --update rewrites the .out files.
import { spawnSync } from 'node:child_process';

const update = process.argv.includes('--update');
const r = spawnSync('npx', ['vitest', 'run', 'test/golden'], {
  stdio: 'inherit', env: { ...process.env, ...(update ? { EDDY_UPDATE_GOLDEN: '1' } : {}) },
});
process.exit(r.status ?? 1);
