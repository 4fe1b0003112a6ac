/** NETCONF over SSH: the protocol session and what a platform provides to it. */
export { NetconfSession, NETCONF_LIMITS, BASE_1_0, BASE_1_1, type NetconfHost } from './session.js';
export type { NetconfPlatform } from './platform.js';
export { hasNetconfPlatform, netconfPlatformFor } from './platforms/index.js';
