/** `labfleet/testing`: a fleet for a user's own test suite, on ports nobody else holds. */
export { startTestFleet, type TestFleet, type TestFleetOptions } from './test-fleet.js';
