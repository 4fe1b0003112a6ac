/** The NX-OS text renderers: pure functions of a render context. */
export { renderShowIpArp } from './arp.js';
export { renderShowCdpNeighbors, renderShowCdpNeighborsDetail } from './cdp.js';
export { renderShowClock } from './clock.js';
export { renderShowInterfaceBrief } from './interfaces.js';
export { renderShowLldpNeighbors, renderShowLldpNeighborsDetail } from './lldp.js';
export { renderShowSystemResources } from './resources.js';
export { renderShowRunningConfig } from './running-config.js';
export { renderShowVersion } from './version.js';
export {
  renderShowEnvironmentFan,
  renderShowEnvironmentPower,
  renderShowInventory,
  renderShowModule,
} from './hardware-shows.js';
export { renderShowInterface } from './show-interface.js';
export { renderShowIpv6Interface } from './ipv6.js';
export { renderDir, renderShowHostname, renderShowLicenseHostId } from './system-info.js';
export { renderShowVlan, renderShowVlanBrief } from './vlan.js';
export {
  renderShowIpInterfaceBrief,
  renderShowIpInterfaceBriefVrfAll,
  renderShowIpRoute,
  renderShowIpRouteVrfAll,
  renderShowIpRouteVrfManagement,
} from './ip-shows.js';
export { renderShowMacAddressTable, renderShowPortChannelSummary } from './l2-shows.js';
export { renderShowLogging, renderShowLoggingLogfile } from './logging.js';
export { renderShowInterfaceDescription, renderShowInterfaceStatus } from './port-shows.js';
export { renderShowUsers } from './users.js';
