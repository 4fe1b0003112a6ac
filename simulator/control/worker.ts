/**
 * The entry of a fleet worker whose fleet has a control API (`up --workers N`): the worker counts
 * what its part serves in a registry of its own, which the parent's /metrics merges (fan-out.ts).
 */
import { runWorker } from '../fleet/worker-run.js';
import { createFleetMetrics } from './metrics.js';

const metrics = createFleetMetrics();
runWorker({
  telemetry: metrics.telemetry,
  served: (fleet) => metrics.observe(fleet.control),
  metrics: () => metrics.registry.getMetricsAsJSON(),
});
