/** `labfleet/testing`: a fleet for a user's own test suite, on ports nobody else holds. */
export {
  startFleet,
  type DriftApplied,
  type FaultOptions,
  type FleetControlOperations,
  type FleetInventory,
  type FleetTopology,
  type RunningFleet,
  type StartFleetOptions,
} from './start-fleet.js';
export { startTestFleet, type TestFleet, type TestFleetOptions } from './test-fleet.js';
