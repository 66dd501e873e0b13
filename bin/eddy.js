#!/usr/bin/env node
// Eddy's command line: runs the compiled CLI (built by `npm install` through the prepare script).
import('../dist/server/cli/main.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
    // Normally nothing is left open and the process ends now; if closing gave up (a broker gone
    // away), connections kafkajs still retries must not keep it alive.
    setTimeout(() => process.exit(), 2000).unref();
  },
  (err) => { console.error(err instanceof Error && err.code === 'ERR_MODULE_NOT_FOUND' ? 'eddy is not built: run `npm install` (or `npm run build`) first.' : err); process.exitCode = 1; },
);
