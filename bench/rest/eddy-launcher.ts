// What bin/eddy.js does, compiled with the benchmark (dist/bench-rest): the server it measures
// is built from the sources as they are now, not from whatever dist/ last held.
import { main } from '../../server/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; setTimeout(() => process.exit(), 2000).unref(); },
  (err) => { console.error(err); process.exitCode = 1; },
);
