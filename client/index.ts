/**
 * `labfleet`: what a user of the fleet and the checker reaches for. Internals (the CLI program,
 * drivers, sessions, renderers, seeded helpers) stay out so they can change without a major release.
 */
export {
  LabfleetError,
  loadTopology,
  parseTopology,
  validateTopologyText,
  validateTopologyFile,
  loadDrift,
  parseDrift,
  createWorld,
  type Diagnostic,
  type ErrorCode,
  type SourceLocation,
  type ValidationResult,
  type World,
  type Cable,
  type DriftItem,
  type Topology,
  type NodeSpec,
  type Link,
  type Endpoint,
  type LatencyProfile,
  type Distribution,
  type Credentials,
  type Protocols,
  type Platform,
} from '../simulator/topology/index.js';
export {
  createStateContext,
  deriveDeviceState,
  type StateContext,
  type DeviceState,
  type InterfaceState,
  type Neighbor,
  type ArpEntry,
  type MemoryState,
} from '../simulator/state/index.js';
export {
  generateLeafSpine,
  generateRacks,
  generateRandom,
  generateRing,
  renderTopologyYaml,
  type LeafSpineOptions,
  type RacksOptions,
  type RandomOptions,
  type RingOptions,
  type GeneratedTopology,
  type CommonOptions,
} from '../simulator/generate/index.js';
export type { Fleet, FleetOptions, TlsIdentity } from '../simulator/fleet/fleet.js';
export type { DeviceStatus, FaultStatus, RawDriftItem } from '../simulator/fleet/control.js';
export type { FaultKind } from '../simulator/topology/faults.js';
export {
  startFleet,
  type DriftApplied,
  type FaultOptions,
  type FleetControlOperations,
  type FleetInventory,
  type FleetTopology,
  type RunningFleet,
  type StartFleetOptions,
} from './testing/start-fleet.js';
export type { BindMode } from '../simulator/topology/addresses.js';
export { renderInventory, type InventoryDevice, type InventoryFormat } from '../simulator/fleet/inventory.js';
export { checkCabling, type CheckResult } from './check.js';
export {
  collectAll,
  collectDevice,
  DEFAULT_COLLECT_OPTIONS,
  type CollectItem,
  type CollectOptions,
  type CollectRequest,
  type DeviceResult,
} from './collect.js';
export type { ObservedNeighbor, ArpRow, VersionFacts, MemoryFacts } from './drivers/types.js';
export type { Transport } from './readers/types.js';
export type { Target, Timeouts } from './target.js';
export { loadInventory, targetsFromTopology, type TopologyTargetOptions } from './inventory.js';
export {
  documentationFromTopology,
  documentationFromCsv,
  documentationFromContainerlab,
  type Documentation,
} from './verify/documentation.js';
export { verifyCabling, type CablingReport, type Finding } from './verify/verifier.js';
export { renderReport, type ReportFormat, type Timing } from './report/index.js';
export { ClientError, type ClientErrorCode } from './errors.js';
