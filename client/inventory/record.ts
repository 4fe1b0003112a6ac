/**
 * A device as a user's inventory file describes it, whatever the format, and the checks that make
 * it a Target. Every value remembers where it was written, so a bad one is reported at its
 * file:line:column.
 */
import type { DiagnosticCode, SourceLocation } from '../../simulator/errors.js';
import { PLATFORMS, type Platform } from '../../simulator/topology/kinds/index.js';
import type { PathSegment } from '../../simulator/topology/source.js';
import type { ClientError } from '../errors.js';
import { createSourceError } from '../source-error.js';
import type { Target } from '../target.js';

/** Where something was written: resolved (a second, position-keeping parse) only once it is wrong. */
export type Where = () => { location: SourceLocation; path: string };

/** Where the value at a path of a parsed YAML/JSON file is (`key`: its key instead). */
export type At = (path: PathSegment[], key?: boolean) => Where;

/** One value of a device's record, with the key it was written under. */
export interface Field {
  key: string;
  value: unknown;
  where: Where;
}

/** A device's record: its fields by meaning (`host` may be written `hostname` …), and the record itself. */
export interface DeviceRecord {
  field(meaning: string): Field | undefined;
  where: Where;
  /** Platform names this format accepts, and what each means. */
  platforms: ReadonlyMap<string, Platform>;
}

/** labfleet's own platform names. */
export const OWN_PLATFORMS: ReadonlyMap<string, Platform> = new Map(PLATFORMS.map((p) => [p, p]));

/** Netmiko's words (`device_type`, `hostname`) stand for platform and host. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  platform: ['platform', 'device_type'],
  host: ['host', 'hostname'],
};

/** The keys a field may be written under, preferred first. */
export const fieldKeys = (meaning: string): readonly string[] => ALIASES[meaning] ?? [meaning];

/** INVENTORY_INVALID, saying where, what is wrong and (in `message`) what would be valid. */
export function invalid(where: Where, code: DiagnosticCode, message: string): ClientError {
  return createSourceError('INVENTORY_INVALID', [{ code, message, ...where() }]);
}

/** A YAML/JSON/CSV value as text, when it is a plain value. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

function platformOf(record: DeviceRecord): Platform {
  const field = record.field('platform');
  const platform = record.platforms.get(scalar(field?.value) ?? '');
  if (platform) return platform;
  const valid = `valid: ${[...record.platforms.keys()].join(', ')}`;
  if (!field) throw invalid(record.where, 'KEY_MISSING', `platform is missing; ${valid}`);
  throw invalid(
    field.where,
    'VALUE_INVALID',
    `${field.key} ${JSON.stringify(field.value)} is not supported; ${valid}`,
  );
}

function requiredText(record: DeviceRecord, meaning: string): string {
  const value = scalar(record.field(meaning)?.value);
  if (value) return value;
  throw invalid(
    record.field(meaning)?.where ?? record.where,
    'KEY_MISSING',
    `a device needs a non-empty ${meaning}`,
  );
}

function portOf(record: DeviceRecord): number {
  // An empty cell is no port (`up` leaves it empty for a device without SSH): SSH's own 22.
  return optionalPortOf(record, 'port') ?? 22;
}

/** A port field, when given and not empty (`up` leaves netconf_port empty where NETCONF is not served). */
function optionalPortOf(record: DeviceRecord, meaning: string): number | undefined {
  const field = record.field(meaning);
  const text = scalar(field?.value);
  if (!field || !text) return undefined;
  const port = Number(text);
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return port;
  throw invalid(
    field.where,
    'VALUE_INVALID',
    `${field.key} ${JSON.stringify(field.value)} is not a port; valid: 1-65535`,
  );
}

/** `rest_url`, when given: an http(s) URL, checked here so a bad one is reported where it was written. */
function restUrlOf(record: DeviceRecord): string | undefined {
  const field = record.field('rest_url');
  const text = scalar(field?.value);
  if (!field || !text) return undefined;
  if (/^https?:\/\/[^/\s]/i.test(text) && URL.canParse(text)) return text;
  throw invalid(
    field.where,
    'VALUE_INVALID',
    `${field.key} ${JSON.stringify(field.value)} is not a REST URL; valid: https://host:port or http://host:port`,
  );
}

/** The Target a record describes; the first bad value throws INVENTORY_INVALID. */
export function targetOf(record: DeviceRecord): Target {
  const text = (meaning: string) => scalar(record.field(meaning)?.value);
  const platform = platformOf(record);
  const name = requiredText(record, 'name');
  const host = requiredText(record, 'host');
  const port = portOf(record);
  const secret = text('secret');
  const rest = restUrlOf(record);
  const netconfPort = optionalPortOf(record, 'netconf_port');
  return {
    name,
    platform,
    host,
    port,
    username: text('username') ?? 'admin',
    password: text('password') ?? '',
    ...(secret === undefined ? {} : { secret }),
    ...(rest ? { restUrl: rest } : {}),
    ...(netconfPort === undefined ? {} : { netconfPort }),
  };
}
