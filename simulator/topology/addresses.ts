/**
 * Where each device listens. `ip`: its own loopback address (the topology's mgmt address) on one
 * port, like a management network. `port`: everyone on 127.0.0.1, consecutive ports in file order.
 * Pure and shared with the client, so `check` finds a fleet `up` started from the topology alone.
 */
import type { Topology } from './model.js';

export type BindMode = 'ip' | 'port';

/** Each device on its own loopback address, like a management network. */
export const DEFAULT_BIND: BindMode = 'ip';
export const DEFAULT_SSH_PORT = 2222;
/** Where IOS-XE, NX-API and eAPI boxes commonly serve HTTPS off port 443. */
export const DEFAULT_REST_PORT = 8443;
/**
 * NETCONF over SSH (RFC 6242). Real boxes listen on 830, but ports below 1024 need privileges, so
 * the fleet takes 8830 unless told otherwise (`--netconf-port 830` as root serves the real one).
 */
export const DEFAULT_NETCONF_PORT = 8830;

export interface AddressOptions {
  bind?: BindMode;
  sshPort?: number;
  restPort?: number;
  netconfPort?: number;
  /**
   * With bind `port`: the address every device listens on (a pod's IP), 127.0.0.1 when absent.
   * Device i of the topology takes the first port + i, so a protocol serves at most 65536 - port devices.
   */
  bindAddress?: string;
}

export interface DeviceAddress {
  name: string;
  host: string;
  /** SSH port. */
  port: number;
  restPort: number;
  netconfPort: number;
}

export function deviceAddresses(topology: Topology, options: AddressOptions = {}): DeviceAddress[] {
  const ssh = options.sshPort ?? DEFAULT_SSH_PORT;
  const rest = options.restPort ?? DEFAULT_REST_PORT;
  const netconf = options.netconfPort ?? DEFAULT_NETCONF_PORT;
  if ((options.bind ?? DEFAULT_BIND) === 'ip')
    return topology.nodes.map((n) => ({
      name: n.name,
      host: n.mgmtAddress,
      port: ssh,
      restPort: rest,
      netconfPort: netconf,
    }));
  const host = options.bindAddress ?? '127.0.0.1';
  return topology.nodes.map((n, i) => ({
    name: n.name,
    host,
    port: ssh + i,
    restPort: rest + i,
    netconfPort: netconf + i,
  }));
}

/** The base URL of a device's REST API (`https://127.100.0.1:8443`). */
export function restUrl(host: string, port: number, plain = false): string {
  return `${plain ? 'http' : 'https'}://${host}:${port}`;
}
