/** The Arista EOS text renderers: pure functions of a render context. */
export { renderShowIpArp } from './arp.js';
export { renderShowClock } from './clock.js';
export { renderDir, renderDirAllFilesystems } from './dir.js';
export { renderShowConfigurationSessions } from './config-sessions.js';
export { renderShowHostname } from './hostname.js';
export { renderShowInterfacesStatus } from './interfaces.js';
export { renderInterfaceDetail, renderShowInterfaces } from './interface-detail.js';
export {
  renderShowInterfacesDescription,
  renderShowIpInterfaceBrief,
  renderShowVlan,
} from './interface-tables.js';
export { renderShowInventory } from './inventory.js';
export { renderShowLldpNeighbors, renderShowLldpNeighborsDetail } from './lldp.js';
export { renderShowPortChannelSummary } from './port-channel.js';
export { renderShowIpRoute } from './route.js';
export { renderShowLogging } from './logging.js';
export { renderShowMacAddressTable } from './mac-table.js';
export { renderShowRunningConfig, renderShowRunningConfigAll } from './running-config.js';
export { renderShowUsers } from './users.js';
export { renderShowVersion } from './version.js';
