/** The simulator's public API: topology model, drift, seeded state, generators. */
export {
  LabfleetError,
  formatDiagnostic,
  type Diagnostic,
  type ErrorCode,
  type SourceLocation,
} from './errors.js';
export { ERROR_CODES, DIAGNOSTIC_CODES, EXIT, type DiagnosticCode, type ExitCode } from './error-codes.js';
export {
  loadTopology,
  parseTopology,
  validateTopologyText,
  validateTopologyFile,
  resolveTopologyPath,
  DEFAULT_TOPOLOGY,
  type ValidationResult,
} from './topology/load.js';
export { parseDrift, loadDrift, validateDriftText } from './topology/drift.js';
export { createWorld, type World, type Cable, type DriftItem } from './topology/world.js';
export {
  summarizeTopology,
  endpointKey,
  type Topology,
  type NodeSpec,
  type Link,
  type Endpoint,
  type LatencyProfile,
  type Distribution,
  type Credentials,
  type Protocols,
} from './topology/model.js';
export {
  normalizeInterfaceName,
  shortInterfaceName,
  cdpInterfaceName,
  parseInterfaceName,
} from './topology/interfaces.js';
export {
  KINDS,
  PLATFORMS,
  findKind,
  getKind,
  findModel,
  ALL_INTERFACE_TYPES,
} from './topology/kinds/index.js';
export type { KindSpec, ModelSpec, InterfaceType, Platform } from './topology/kinds/index.js';
export { parseDuration } from './topology/duration.js';
export { topologyJsonSchema, driftJsonSchema } from './topology/json-schema.js';
export * from './state/index.js';
export * from './generate/index.js';
export { startFleet, DEFAULT_MAX_SESSIONS, type Fleet, type FleetOptions } from './fleet/fleet.js';
export {
  deviceAddresses,
  restUrl,
  DEFAULT_SSH_PORT,
  DEFAULT_REST_PORT,
  type BindMode,
  type DeviceAddress,
} from './topology/addresses.js';
export {
  renderInventory,
  INVENTORY_FORMATS,
  type InventoryDevice,
  type InventoryFormat,
} from './fleet/inventory.js';
export { generateHostKeys, loadHostKeys } from './ssh/host-keys.js';
export { generateTlsIdentity, type TlsIdentity } from './rest/tls.js';
export { restApiFor, type RestApi, type ApiRequest, type ApiReply } from './rest/index.js';
