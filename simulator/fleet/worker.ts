/** The entry of a fleet worker without a control API (worker-run.ts does the work). */
import { runWorker } from './worker-run.js';

runWorker();
