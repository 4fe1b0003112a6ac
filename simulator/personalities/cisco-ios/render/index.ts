/** The IOS / IOS-XE text renderers: pure functions of a render context. */
export { renderShowArp, renderShowIpArp } from './arp.js';
export { renderShowCdp, renderShowCdpNeighbors, renderShowCdpNeighborsDetail } from './cdp.js';
export { renderShowClock } from './clock.js';
export {
  renderShowInterfaces,
  renderShowInterfacesDescription,
  renderShowInterfacesNamed,
  resolveIosInterface,
} from './interface-detail.js';
export { renderDir } from './dir.js';
export { renderShowEtherchannelSummary } from './etherchannel.js';
export { renderShowInventory } from './inventory.js';
export { renderShowVlan, renderShowVlanBrief } from './vlan.js';
export { renderShowInterfacesStatus, renderShowIpInterfaceBrief } from './interfaces.js';
export { renderShowIpInterface, renderShowIpv6Interface } from './ip-interface.js';
export { renderShowLldp, renderShowLldpNeighbors, renderShowLldpNeighborsDetail } from './lldp.js';
export {
  renderShowMemoryStatistics,
  renderShowPlatformSoftwareStatusControlProcessorBrief,
  renderShowProcessesMemorySorted,
} from './memory.js';
export { renderShowIpRoute } from './routes.js';
export { renderShowLogging } from './logging.js';
export { renderShowMacAddressTable } from './mac-table.js';
export { renderShowRunningConfig } from './running-config.js';
export { renderShowVersion } from './version.js';
