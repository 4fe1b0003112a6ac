/**
 * One event loop serves every device of a fleet, so an API that runs many commands in one request
 * (eAPI `runCmds`, NX-API's batches, Junos `POST /rpc`) must not hold it for the whole request: a
 * 999-command eAPI call is seconds of CPU. Between two commands it asks its pacer, which lets the
 * loop serve the other devices' sockets and timers once a slice of CPU has gone by. A request of
 * one command never waits on the loop.
 */
import { performance } from 'node:perf_hooks';
import type { DeviceRuntime } from '../device/runtime.js';

/**
 * CPU one request may spend before the others get the loop, ms: another request waits about this
 * for each turn of the loop it needs (accept, read, answer).
 */
export const SLICE_MS = 5;

/**
 * Call before each command: `true` to go on, at once while the slice lasts, after a turn of the
 * event loop once it is spent; `false` once the fleet stopped (the request ends unanswered).
 */
export type Pacer = () => boolean | Promise<boolean>;

export function pacer(device: DeviceRuntime, sliceMs: number = SLICE_MS): Pacer {
  let since = performance.now();
  return () => {
    if (device.timers.signal.aborted) return false;
    if (performance.now() - since < sliceMs) return true;
    return device.timers.yieldToLoop().then((going) => {
      since = performance.now();
      return going;
    });
  };
}
