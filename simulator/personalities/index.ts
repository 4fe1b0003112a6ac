/** The personality registry: which CLI each platform speaks. */
import type { Personality } from '../engine/personality.js';
import type { DeviceRuntime } from '../fleet/device-runtime.js';
import type { Platform } from '../topology/kinds/types.js';
import { ciscoIosPersonality } from './cisco-ios/personality.js';

const PERSONALITIES: Partial<Record<Platform, Personality<DeviceRuntime>>> = {
  cisco_ios: ciscoIosPersonality,
};

/** The personality a device speaks, or undefined while its platform has none yet. */
export function personalityFor(device: DeviceRuntime): Personality<DeviceRuntime> | undefined {
  return PERSONALITIES[device.node.platform];
}
