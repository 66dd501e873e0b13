// bench/rest's launcher (the server built from the sources as they are now), plus a watchdog: if
// the benchmark dies without stopping it (SIGKILL, a crash), the server stops itself instead of
// lingering on a shared machine. The Postgres baseline gets the same from setpriv --pdeathsig.
import '../rest/eddy-launcher.js';

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM'); // orphaned: re-parented to init
}, 1000).unref();
