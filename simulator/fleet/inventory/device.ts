/** One served device as every inventory format describes it. */
import type { Platform } from '../../topology/kinds/types.js';

/** Where a device listens and how to log in: what `up` writes and `check --inventory` reads back. */
export interface InventoryDevice {
  name: string;
  platform: Platform;
  model: string;
  host: string;
  /** SSH port; absent when the device serves no SSH. */
  port?: number;
  username: string;
  password: string;
  /** The enable secret. */
  secret: string;
  /** Base URL of the device's REST API (RESTCONF, NX-API, eAPI, Junos REST), when it serves one. */
  rest_url?: string;
  /** NETCONF-over-SSH port (the box's 830), when the device serves NETCONF on its own port. */
  netconf_port?: number;
  /** The topology's labels of the node (rack, role …); absent when it has none. */
  labels?: Record<string, string>;
}
