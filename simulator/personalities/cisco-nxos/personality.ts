/** Cisco NX-OS personality: not written yet (the registry skips an undefined one). */
import type { Personality } from '../../engine/personality.js';
import type { DeviceRuntime } from '../../fleet/device-runtime.js';

export const ciscoNxosPersonality: Personality<DeviceRuntime> | undefined = undefined;
