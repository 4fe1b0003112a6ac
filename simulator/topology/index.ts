/** `labfleet/topology`: the topology model alone (load, validate, drift, faults, kinds, schemas), without ssh2 or fastify. */
export {
  LabfleetError,
  formatDiagnostic,
  type Diagnostic,
  type ErrorCode,
  type SourceLocation,
} from '../errors.js';
export {
  loadTopology,
  parseTopology,
  validateTopologyText,
  validateTopologyFile,
  type ValidationResult,
} from './load.js';
export { loadDrift, parseDrift, validateDriftText } from './drift.js';
export { loadFaults, parseFaults, validateFaultsText } from './fault-files.js';
export {
  FAULT_KINDS,
  FAULT_DESCRIPTIONS,
  type FaultKind,
  type FaultSpec,
  type FaultParams,
  type RawFaultSpec,
} from './faults.js';
export { createWorld, type World, type Cable, type DriftItem } from './world.js';
export type {
  Topology,
  NodeSpec,
  Link,
  Endpoint,
  LatencyProfile,
  Distribution,
  Credentials,
  Protocols,
} from './model.js';
export {
  normalizeInterfaceName,
  shortInterfaceName,
  parseInterfaceName,
  type InterfaceName,
} from './interfaces.js';
export {
  KINDS,
  PLATFORMS,
  ALL_INTERFACE_TYPES,
  findKind,
  getKind,
  findModel,
  type KindSpec,
  type ModelSpec,
  type InterfaceType,
  type Platform,
  type ProtocolSupport,
} from './kinds/index.js';
export { topologyJsonSchema, driftJsonSchema, faultsJsonSchema } from './json-schema.js';
