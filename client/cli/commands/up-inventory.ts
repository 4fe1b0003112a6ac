/**
 * `up`'s pod networking: `--bind-address` (the devices on a pod's IP, consecutive ports), and what
 * the inventory says: `--advertise-host` (a name clients resolve, `{shard}` for the serving shard)
 * and `--inventory-scope` (this shard's devices, or the whole fleet's). Checked before the fleet
 * starts; the inventory is computed once it serves, for the file and the control API's GET /inventory.
 */
import { LabfleetError } from '../../../simulator/errors.js';
import {
  advertiseDevices,
  checkFleetScope,
  parseAdvertiseHost,
  parseInventoryScope,
  type InventoryScope,
} from '../../../simulator/fleet/advertise.js';
import { describeFleetDevices } from '../../../simulator/fleet/fleet-devices.js';
import type { Fleet, FleetOptions } from '../../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../../simulator/fleet/inventory.js';
import type { Shard } from '../../../simulator/fleet/shard.js';
import { LOOPBACK, cidrContains, parseIpv4 } from '../../../simulator/topology/ip.js';
import type { BindMode } from '../../../simulator/topology/addresses.js';
import type { Topology } from '../../../simulator/topology/model.js';

export interface UpInventoryOptions {
  bindAddress?: string;
  advertiseHost?: string;
  inventoryScope: string;
}

export interface InventoryPlan {
  bindAddress?: string;
  /** Off loopback: the note `up` prints on stderr. */
  note?: string;
  advertise?: string;
  scope: InventoryScope;
}

/** The flags checked together; USAGE errors name the flag and what is valid. */
export function planInventory(
  options: UpInventoryOptions,
  bind: BindMode,
  shard: Shard | undefined,
): InventoryPlan {
  const scope = parseInventoryScope('--inventory-scope', options.inventoryScope);
  const advertise =
    options.advertiseHost === undefined
      ? undefined
      : parseAdvertiseHost('--advertise-host', options.advertiseHost);
  if (scope === 'fleet') checkFleetScope(advertise, shard);
  if (options.bindAddress === undefined) return { scope, ...(advertise === undefined ? {} : { advertise }) };
  if (bind !== 'port')
    throw new LabfleetError(
      'USAGE',
      `--bind-address ${options.bindAddress} puts every device on one address, on consecutive ports: it needs --bind port (with --bind ip each device has its own loopback address)`,
    );
  const ip = parseIpv4(options.bindAddress);
  if (ip === undefined)
    throw new LabfleetError(
      'USAGE',
      `--bind-address "${options.bindAddress}" is not an IPv4 address; valid: e.g. 127.0.0.1 (the default), or a pod's IP ($POD_IP)`,
    );
  return {
    scope,
    bindAddress: options.bindAddress,
    ...(advertise === undefined ? {} : { advertise }),
    ...(cidrContains(LOOPBACK, ip)
      ? {}
      : {
          note: `note: the devices listen on ${options.bindAddress} (--bind-address), not on loopback: anyone who reaches that address can log in to them with the topology's credentials`,
        }),
  };
}

/** The devices the inventory lists: this fleet's, or every shard's, with advertised hosts. */
export function inventoryDevices(
  plan: InventoryPlan,
  fleet: Pick<Fleet, 'devices' | 'sshPort' | 'restPort' | 'netconfPort'>,
  settings: FleetOptions,
): InventoryDevice[] {
  const topology: Topology = settings.topology;
  const devices =
    plan.scope === 'fleet'
      ? describeFleetDevices(topology, {
          bind: settings.bind,
          sshPort: fleet.sshPort,
          restPort: fleet.restPort,
          netconfPort: fleet.netconfPort,
          bindAddress: settings.bindAddress,
          rest: settings.rest,
          netconf: settings.netconf,
          restPlain: settings.restPlain,
        })
      : fleet.devices;
  if (plan.advertise === undefined) return [...devices];
  const index = new Map(topology.nodes.map((n, i) => [n.name, i]));
  return advertiseDevices(devices, plan.advertise, {
    indexOf: (name) => index.get(name)!,
    total: topology.nodes.length,
    count: settings.shard?.count ?? 1,
  });
}
