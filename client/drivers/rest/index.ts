/** The REST driver registry, keyed by platform like the SSH drivers. */
import type { Platform } from '../../../simulator/topology/kinds/types.js';
import { aristaEosRestDriver } from './arista-eos.js';
import { ciscoIosRestDriver } from './cisco-ios.js';
import { ciscoNxosRestDriver } from './cisco-nxos.js';
import { juniperJunosRestDriver } from './juniper-junos.js';
import type { RestDriver } from './types.js';

export type * from './types.js';

const DRIVERS: Record<Platform, RestDriver> = {
  cisco_ios: ciscoIosRestDriver,
  cisco_nxos: ciscoNxosRestDriver,
  arista_eos: aristaEosRestDriver,
  juniper_junos: juniperJunosRestDriver,
};

/** The REST driver of a platform. */
export function restDriverFor(platform: Platform): RestDriver {
  return DRIVERS[platform];
}
