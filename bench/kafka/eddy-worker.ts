// The Eddy worker: a child process of the benchmark, kept warm across runs, that runs one Eddy
// query at a time (eddy-queries.ts) so its CPU seconds are Eddy's alone.
import { prepare, progress, start, stop } from './eddy-queries.js';
import { serve } from './worker-ipc.js';

serve({ prepare, start, progress, stop });
