/** The REST driver registry, keyed by platform like the SSH drivers. */
import type { Platform } from '../../../simulator/topology/kinds/types.js';
import { ClientError } from '../../errors.js';
import { aristaEosRestDriver } from './arista-eos.js';
import { ciscoIosRestDriver } from './cisco-ios.js';
import { juniperJunosRestDriver } from './juniper-junos.js';
import type { RestDriver } from './types.js';

export type * from './types.js';

const DRIVERS: Record<Platform, RestDriver | undefined> = {
  cisco_ios: ciscoIosRestDriver,
  cisco_nxos: undefined,
  arista_eos: aristaEosRestDriver,
  juniper_junos: juniperJunosRestDriver,
};

/** The REST driver of a platform. */
export function restDriverFor(platform: Platform): RestDriver {
  const driver = DRIVERS[platform];
  if (!driver) throw new ClientError('NO_DRIVER', `no REST driver for platform ${platform}`);
  return driver;
}
