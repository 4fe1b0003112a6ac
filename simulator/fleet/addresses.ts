/**
 * Where each device listens. `ip`: its own loopback address (the topology's mgmt address) on one
 * port, like a management network. `port`: everyone on 127.0.0.1, consecutive ports in file order.
 * Pure and shared with the client, so `check` finds a fleet `up` started from the topology alone.
 */
import type { Topology } from '../topology/model.js';

export type BindMode = 'ip' | 'port';

export const DEFAULT_SSH_PORT = 2222;

export interface AddressOptions {
  bind?: BindMode;
  sshPort?: number;
}

export interface DeviceAddress {
  name: string;
  host: string;
  port: number;
}

export function deviceAddresses(topology: Topology, options: AddressOptions = {}): DeviceAddress[] {
  const base = options.sshPort ?? DEFAULT_SSH_PORT;
  if ((options.bind ?? 'ip') === 'ip')
    return topology.nodes.map((n) => ({ name: n.name, host: n.mgmtAddress, port: base }));
  return topology.nodes.map((n, i) => ({ name: n.name, host: '127.0.0.1', port: base + i }));
}
