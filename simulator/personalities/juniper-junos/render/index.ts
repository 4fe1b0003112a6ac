/** The Junos renderers: pure functions of a render context. */
export { renderShowArp, renderShowArpNoResolve } from './arp.js';
export { renderShowInterfacesDescriptions, renderShowInterfacesTerse } from './interfaces.js';
export { renderShowInterface, renderShowInterfaces } from './interfaces-detail.js';
export { renderShowLldpNeighbors, renderShowLldpNeighborsDetail } from './lldp.js';
export { renderShowSystemMemory } from './memory.js';
export { renderShowSystemUptime } from './uptime.js';
export { renderShowVersion } from './version.js';
export { renderShowConfiguration } from './configuration.js';
export { renderShowChassisHardware } from './hardware.js';
export { renderShowRoute } from './route.js';
export { renderShowLogMessages } from './log.js';
export { renderShowEthernetSwitchingTable, renderShowVlans } from './switching.js';
export { renderShowSystemUsers } from './users.js';
export { renderShowLacpInterfaces } from './lacp.js';
