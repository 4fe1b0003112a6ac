/** Which NETCONF platform answers a device, by its platform string. */
import type { DeviceRuntime } from '../../device/runtime.js';
import type { NetconfPlatform } from '../platform.js';
import { eos } from './eos.js';
import { iosXe } from './ios-xe.js';
import { junos } from './junos.js';
import { nxOs } from './nx-os.js';

const PLATFORMS: Readonly<Record<string, NetconfPlatform>> = {
  cisco_ios: iosXe,
  cisco_nxos: nxOs,
  arista_eos: eos,
  juniper_junos: junos,
};

/** The platform serving NETCONF on `device`, or undefined when its platform has none. */
export function netconfPlatformFor(device: DeviceRuntime): NetconfPlatform | undefined {
  const platform = device.node.platform;
  return Object.hasOwn(PLATFORMS, platform) ? PLATFORMS[platform] : undefined;
}

/** Whether a NETCONF platform answers devices of `platform`. */
export function hasNetconfPlatform(platform: string): boolean {
  return Object.hasOwn(PLATFORMS, platform);
}
