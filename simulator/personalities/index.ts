/** The personality registry: which CLI each platform speaks. */
import type { Personality } from '../engine/personality.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { Platform } from '../topology/kinds/types.js';
import { aristaEosPersonality } from './arista-eos/personality.js';
import { ciscoIosPersonality } from './cisco-ios/personality.js';
import { ciscoNxosPersonality } from './cisco-nxos/personality.js';
import { juniperJunosPersonality } from './juniper-junos/personality.js';
import { withUserCommands } from './user-commands.js';

const PERSONALITIES: Record<Platform, Personality<DeviceRuntime> | undefined> = {
  cisco_ios: ciscoIosPersonality,
  cisco_nxos: ciscoNxosPersonality,
  arista_eos: aristaEosPersonality,
  juniper_junos: juniperJunosPersonality,
};

/**
 * The personality a device speaks (its platform's, with the node's user-defined commands ahead
 * of the built-in ones), or undefined while its platform has none yet.
 */
/** Whether devices of `platform` have a CLI personality (and so are served). */
export function hasPersonality(platform: string): boolean {
  return (PERSONALITIES as Record<string, Personality<DeviceRuntime> | undefined>)[platform] !== undefined;
}

export function personalityFor(device: DeviceRuntime): Personality<DeviceRuntime> | undefined {
  const base = PERSONALITIES[device.node.platform];
  return base && withUserCommands(base, device);
}
