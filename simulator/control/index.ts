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
