/**
 * What an inventory calls each device's host when the devices listen on a pod's IP: a name the
 * clients resolve (`--advertise-host labfleet-{shard}.labfleet`), `{shard}` standing for the index
 * of the shard that serves the device. With it, any shard can write the whole fleet's inventory
 * (`--inventory-scope fleet`): it knows which shard serves each device and at which port.
 */
import { LabfleetError } from '../errors.js';
import type { InventoryDevice } from './inventory.js';
import { shardOf, type Shard } from './shard.js';

/** The placeholder `--advertise-host` replaces with the serving shard's index. */
export const SHARD_PLACEHOLDER = '{shard}';

export type InventoryScope = 'shard' | 'fleet';
export const INVENTORY_SCOPES: readonly InventoryScope[] = ['shard', 'fleet'];

/** A DNS name or IPv4 address, `{shard}` allowed anywhere: a usage error naming what is valid otherwise. */
export function parseAdvertiseHost(flag: string, text: string): string {
  const bare = text.replaceAll(SHARD_PLACEHOLDER, '0');
  if (
    /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?$/.test(bare) &&
    bare.length <= 253
  )
    return text;
  throw new LabfleetError(
    'USAGE',
    `${flag} "${text}" is not a host name or IPv4 address; valid: letters, digits, dots and hyphens, with ${SHARD_PLACEHOLDER} for the shard index (e.g. labfleet-${SHARD_PLACEHOLDER}.labfleet)`,
  );
}

export function parseInventoryScope(flag: string, text: string): InventoryScope {
  if ((INVENTORY_SCOPES as readonly string[]).includes(text)) return text as InventoryScope;
  throw new LabfleetError(
    'USAGE',
    `${flag} "${text}" is not supported; valid: shard (the devices this process serves), fleet (every shard's, which needs --advertise-host with ${SHARD_PLACEHOLDER} when --shard splits the fleet)`,
  );
}

/** A fleet-wide inventory names every shard's host: only a pattern with `{shard}` can. */
export function checkFleetScope(pattern: string | undefined, shard: Shard | undefined): void {
  if (!shard || shard.count === 1 || pattern?.includes(SHARD_PLACEHOLDER)) return;
  throw new LabfleetError(
    'USAGE',
    `--inventory-scope fleet with --shard ${shard.index}/${shard.count} names the hosts of every shard: give --advertise-host with ${SHARD_PLACEHOLDER} (e.g. labfleet-${SHARD_PLACEHOLDER}.labfleet), or --inventory-scope shard`,
  );
}

/**
 * `devices` with each host (and REST URL) replaced by the advertised name of the shard serving it.
 * `indexOf` gives a device's position in the topology, `total` the topology's size.
 */
export function advertiseDevices(
  devices: readonly InventoryDevice[],
  pattern: string,
  placement: { indexOf: (name: string) => number; total: number; count: number },
): InventoryDevice[] {
  return devices.map((device) => {
    const shard = shardOf(placement.indexOf(device.name), placement.total, placement.count);
    const host = pattern.replaceAll(SHARD_PLACEHOLDER, String(shard));
    return {
      ...device,
      host,
      ...(device.rest_url ? { rest_url: withHost(device.rest_url, host) } : {}),
    };
  });
}

function withHost(url: string, host: string): string {
  const parsed = new URL(url);
  parsed.hostname = host;
  return parsed.origin;
}
