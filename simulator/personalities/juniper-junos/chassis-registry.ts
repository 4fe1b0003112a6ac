/**
 * Which hostnames are virtual chassis (their prompt carries `{master:0}`). The engine hands
 * `prompt()` a hostname and a session, not the device, so every Junos command records its device
 * here; a session's very first prompt can only know after some command has run on that device.
 */
import type { DeviceRuntime } from '../../fleet/device-runtime.js';
import { findModel, getKind } from '../../topology/kinds/index.js';

const virtualChassis = new Set<string>();

/** Records whether a device is a virtual chassis, under its current hostname. */
export function rememberChassis(device: DeviceRuntime): void {
  const model = findModel(getKind(device.node.platform), device.node.model);
  const hostname = device.config().hostname;
  if (model?.virtualChassis) virtualChassis.add(hostname);
  else virtualChassis.delete(hostname);
}

export function isVirtualChassisHost(hostname: string): boolean {
  return virtualChassis.has(hostname);
}
