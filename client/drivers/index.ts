/** The driver registry, keyed by the same platform strings as the topology and the simulator. */
import type { Platform } from '../../simulator/topology/kinds/types.js';
import { ciscoIosDriver } from './cisco-ios.js';
import type { PlatformDriver } from './types.js';

export type * from './types.js';

const DRIVERS: Partial<Record<Platform, PlatformDriver>> = {
  cisco_ios: ciscoIosDriver,
};

/** The driver for a platform, or undefined while there is none. */
export function driverFor(platform: Platform): PlatformDriver | undefined {
  return DRIVERS[platform];
}
