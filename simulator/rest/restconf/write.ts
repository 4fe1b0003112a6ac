/**
 * Writes: `PUT`/`PATCH` of `Cisco-IOS-XE-native:native/hostname` changes the device's hostname (the
 * SSH prompt follows: one device, one configuration). Everything else that exists is refused with
 * 405 and the methods it does allow; operational data is read-only in YANG (`config false`).
 */
import { XMLParser } from 'fast-xml-parser';
import type { DeviceRuntime } from '../../device/runtime.js';
import type { ApiReply } from '../types.js';
import { TOP_LEVEL } from '../../personalities/cisco-ios/yang/index.js';
import { invalidValue, keypathNotFound, malformed, notAllowed, type RestconfError } from './errors.js';
import { bodyFormat } from './media.js';
import { parseDataPath, resolvePath } from './path.js';

export const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
const HOSTNAME_METHODS = [...READ_METHODS, 'PATCH', 'PUT'];

/** The methods a data path allows, or an error when it names nothing. */
export function allowedMethods(device: DeviceRuntime, rawPath: string): readonly string[] | RestconfError {
  const parsed = parseDataPath(rawPath);
  if (!parsed.ok) return malformed(parsed.message);
  const [first] = parsed.segments;
  if (!first) return READ_METHODS;
  const tops = TOP_LEVEL.filter((t) => t.name === first.name && (!first.module || t.module === first.module));
  const ctx = device.renderContext();
  const resolved = resolvePath(
    tops.map((t) => t.build(ctx)),
    parsed.segments,
  );
  if (!resolved.ok) return keypathNotFound();
  return isHostname(
    resolved.target.module,
    parsed.segments.map((s) => s.name),
  )
    ? HOSTNAME_METHODS
    : READ_METHODS;
}

const isHostname = (module: string, names: readonly string[]) =>
  module === 'Cisco-IOS-XE-native' && names.length === 2 && names[0] === 'native' && names[1] === 'hostname';

/** IOS hostnames: letters, digits, hyphens (and dots, underscores), up to 63, no leading digit-only. */
const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

/** The hostname a PUT/PATCH body carries, or the error it earns. */
function hostnameFrom(body: Buffer, contentType: string | undefined): string | RestconfError {
  const format = bodyFormat(contentType);
  if (!format) {
    return {
      status: 415,
      type: 'protocol',
      tag: 'invalid-value',
      message: `unsupported media type: ${contentType ?? 'none'}`,
    };
  }
  const text = body.toString('utf8');
  let value: unknown;
  try {
    if (format === 'json') {
      const doc = JSON.parse(text) as Record<string, unknown>;
      value = doc['Cisco-IOS-XE-native:hostname'];
      if (value === undefined) return malformed('expected the member "Cisco-IOS-XE-native:hostname"');
    } else {
      const doc = xml.parse(text, true) as Record<string, unknown>;
      const element = doc.hostname;
      value =
        typeof element === 'object' && element !== null
          ? (element as Record<string, unknown>)['#text']
          : element;
      if (element === undefined) return malformed('expected the element <hostname>');
    }
  } catch {
    return malformed(`malformed ${format.toUpperCase()} body`);
  }
  if (typeof value !== 'string' || !HOSTNAME.test(value)) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    return invalidValue(`"${shown}" is not a valid value for /native/hostname`);
  }
  return value;
}

/** A write request to a data path: 204 when the hostname changed, an error otherwise. */
export function writeData(
  device: DeviceRuntime,
  method: string,
  rawPath: string,
  body: Buffer,
  contentType: string | undefined,
): ApiReply | RestconfError {
  const allowed = allowedMethods(device, rawPath);
  if (!Array.isArray(allowed)) return allowed as RestconfError;
  if (!allowed.includes(method)) return notAllowed(allowed);
  const hostname = hostnameFrom(body, contentType);
  if (typeof hostname !== 'string') return hostname;
  device.config().hostname = hostname;
  return { status: 204, headers: {}, body: '', commands: [`hostname ${hostname}`] };
}
