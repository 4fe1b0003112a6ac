/** Who to reach and how long to wait: what the inventory yields and every transport takes. */
import type { Platform } from '../simulator/topology/kinds/types.js';

/** One device as the client knows it: where it listens and how to log in. */
export interface Target {
  name: string;
  platform: Platform;
  host: string;
  port: number;
  username: string;
  password: string;
  secret?: string;
  /** Base URL of the device's REST API (`https://127.100.0.1:8443`), for `--transport rest`. */
  restUrl?: string;
  /** The device's NETCONF-over-SSH port (a real box's 830), when it serves NETCONF on one. */
  netconfPort?: number;
}

/** Every wait of a session is bounded by one of these. */
export interface Timeouts {
  /** TCP connect, SSH handshake and login. */
  connectMs: number;
  /** Each command, until the prompt is back. */
  commandMs: number;
}
