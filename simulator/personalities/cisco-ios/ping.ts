/** `ping`: answers for addresses the device can reach (its own, and ARP-resolved neighbours). */
import type { CommandResult } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { parseIpv4 } from '../../topology/ip.js';

/** IOS waits 2 seconds for each of 5 echoes that never come back. */
const TIMEOUT_MS = 2000;

export function ping(device: DeviceRuntime, target: string): CommandResult {
  if (parseIpv4(target) === undefined) {
    return { output: `Translating "${target}"\n% Unrecognized host or address, or protocol not running.\n` };
  }
  const header = `Type escape sequence to abort.\nSending 5, 100-byte ICMP Echos to ${target}, timeout is 2 seconds:`;
  const reachable = device.state().arp.some((entry) => entry.address === target && entry.mac !== undefined);
  if (!reachable) {
    return { output: `${header}\n.....\nSuccess rate is 0 percent (0/5)`, extraDelayMs: 5 * TIMEOUT_MS };
  }
  return {
    output: `${header}\n!!!!!\nSuccess rate is 100 percent (5/5), round-trip min/avg/max = 1/1/2 ms`,
    extraDelayMs: 5,
  };
}
