/** HTTP basic credentials, checked against the device's topology credentials. */
import type { DeviceRuntime } from '../device/runtime.js';

/** The user named by a valid `Authorization: Basic` header, or undefined. */
export function basicUser(header: string | undefined, device: DeviceRuntime): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const { username, password } = device.node.credentials;
  const user = decoded.slice(0, colon);
  return user === username && decoded.slice(colon + 1) === password ? user : undefined;
}
