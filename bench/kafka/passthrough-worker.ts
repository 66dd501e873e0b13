// The passthrough worker: a child process of the benchmark, kept warm across runs, that runs (a)
// (passthrough.ts) so the bare client's CPU seconds are its own.
import { prepare, start, stop } from './passthrough.js';
import { serve } from './worker-ipc.js';

serve({ prepare, start, stop });
