/** The NETCONF driver registry, keyed by platform like the SSH and REST drivers. */
import type { Platform } from '../../../simulator/topology/kinds/types.js';
import { aristaEosNetconfDriver } from './arista-eos.js';
import { ciscoIosNetconfDriver } from './cisco-ios.js';
import { ciscoNxosNetconfDriver } from './cisco-nxos.js';
import { juniperJunosNetconfDriver } from './juniper-junos.js';
import type { NetconfDriver } from './types.js';

export type * from './types.js';

const DRIVERS: Record<Platform, NetconfDriver> = {
  cisco_ios: ciscoIosNetconfDriver,
  cisco_nxos: ciscoNxosNetconfDriver,
  arista_eos: aristaEosNetconfDriver,
  juniper_junos: juniperJunosNetconfDriver,
};

/** The NETCONF driver of a platform. */
export function netconfDriverFor(platform: Platform): NetconfDriver {
  return DRIVERS[platform];
}
