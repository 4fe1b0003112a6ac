/** The driver registry, keyed by the same platform strings as the topology and the simulator. */
import type { Platform } from '../../simulator/topology/kinds/types.js';
import { aristaEosDriver } from './arista-eos.js';
import { ciscoIosDriver } from './cisco-ios.js';
import { ciscoNxosDriver } from './cisco-nxos.js';
import { juniperJunosDriver } from './juniper-junos.js';
import type { PlatformDriver } from './types.js';

export type * from './types.js';

const DRIVERS: Record<Platform, PlatformDriver | undefined> = {
  cisco_ios: ciscoIosDriver,
  cisco_nxos: ciscoNxosDriver,
  arista_eos: aristaEosDriver,
  juniper_junos: juniperJunosDriver,
};

/** The driver for a platform, or undefined while there is none. */
export function driverFor(platform: Platform): PlatformDriver | undefined {
  return DRIVERS[platform];
}
