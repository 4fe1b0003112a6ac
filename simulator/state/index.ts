/** Seeded device state derived from a world. */
export { createStateContext, DEFAULT_SEED, type StateContext } from './context.js';
export { deriveDeviceState, type DeviceState, type InterfaceState } from './device-state.js';
export { deriveIdentity, specOf, type DeviceIdentity } from './identity.js';
export type { Neighbor } from './neighbors.js';
export type { ArpEntry } from './arp.js';
export type { MemoryState, MemoryPool, ProcessMemory } from './memory.js';
export { createRng, type Rng } from './random.js';
export { renderMacDotted, renderMacColons } from './mac.js';
export type { LagState, LagMemberState, LagMemberStatus } from './lags.js';
export { LACP_PORT_PRIORITY, LACP_SYSTEM_PRIORITY } from './lags.js';
