/** The control API: start it over a running fleet, and the metrics registry its fleet feeds. */
export {
  createControlApp,
  isLoopbackHost,
  startControlServer,
  DEFAULT_CONTROL_HOST,
  type ControlOptions,
  type ControlServer,
} from './server.js';
export { createFleetMetrics, type FleetMetrics } from './metrics.js';
export type { ErrorBody } from './replies.js';
export { createFanOutControl, createFanOutMetrics } from './fan-out.js';
export type { ControlSource, MetricsSource } from './routes.js';
/** This folder, whose worker.js is the entry of a fleet worker with a control API. */
export const CONTROL_MODULE_URL = import.meta.url;
