/** The package entry (`import … from 'labfleet'`): the simulator's API, the client library and the CLI runner. */
export * from '../simulator/index.js';
export { runCli, createProgram } from './cli/program.js';
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
export { loadInventory, targetsFromTopology } from './inventory.js';
export { driverFor } from './drivers/index.js';
export type { PlatformDriver, ObservedNeighbor, ArpRow, VersionFacts, MemoryFacts } from './drivers/types.js';
export { openSession, type DeviceSession } from './transport/ssh-session.js';
export { type Target, type Timeouts } from './target.js';
export {
  openRestSession,
  type RestSession,
  type RestCall,
  type HttpAnswer,
} from './transport/rest-session.js';
export { restDriverFor, type RestDriver, type RestCollector } from './drivers/rest/index.js';
export { TRANSPORTS, type Transport } from './readers/types.js';
export {
  documentationFromTopology,
  documentationFromCsv,
  documentationFromContainerlab,
  type Documentation,
} from './verify/documentation.js';
export { verifyCabling, describeFinding, type CablingReport, type Finding } from './verify/verifier.js';
export { renderReport, REPORT_FORMATS, VERDICT_OK, type ReportFormat } from './report/index.js';
export { ClientError, type ClientErrorCode } from './errors.js';
