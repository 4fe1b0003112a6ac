import type { KindSpec } from './types.js';

const GiB = 1024 ** 3;
const NXOS = ['9.3(10)', '9.3(12)', '10.2(5)', '10.3(4a)'];

/** Cisco NX-OS: Nexus data-centre switches. */
export const ciscoNxos: KindSpec = {
  platform: 'cisco_nxos',
  vendor: 'Cisco',
  description: 'Cisco NX-OS',
  interfaceTypes: [
    { name: 'Ethernet', aliases: ['Eth', 'Et', 'E'], short: 'Eth', cdp: 'Eth', speed: 10_000 },
    { name: 'mgmt', aliases: [], short: 'mgmt', cdp: 'mgmt', speed: 1000 },
    { name: 'port-channel', aliases: ['Po'], short: 'Po', cdp: 'Po', speed: 0 },
    { name: 'loopback', aliases: ['Lo'], short: 'Lo', cdp: 'Lo', speed: 0 },
    { name: 'Vlan', aliases: ['Vl'], short: 'Vlan', cdp: 'Vlan', speed: 0 },
  ],
  models: [
    {
      name: 'N9K-C93180YC-EX',
      ports: ['Ethernet1/{1-54}'],
      mgmt: 'mgmt0',
      platform: 'N9K-C93180YC-EX',
      memory: 24 * GiB,
      capabilities: ['Router', 'Switch', 'IGMP', 'Filtering', 'Supports-STP-Dispute'],
      versions: NXOS,
      image: 'nxos64-cs',
    },
    {
      name: 'N9K-C9336C-FX2',
      ports: ['Ethernet1/{1-36}'],
      mgmt: 'mgmt0',
      platform: 'N9K-C9336C-FX2',
      memory: 24 * GiB,
      capabilities: ['Router', 'Switch', 'IGMP', 'Filtering', 'Supports-STP-Dispute'],
      versions: NXOS,
      image: 'nxos64-cs',
    },
    {
      name: 'N9K-C9508',
      ports: ['Ethernet{1-8}/{1-36}'],
      mgmt: 'mgmt0',
      platform: 'N9K-C9508',
      memory: 32 * GiB,
      capabilities: ['Router', 'Switch', 'IGMP', 'Filtering', 'Supports-STP-Dispute'],
      versions: NXOS,
      image: 'nxos64-cs',
    },
    {
      name: 'N3K-C3172PQ-10GE',
      ports: ['Ethernet1/{1-54}'],
      mgmt: 'mgmt0',
      platform: 'N3K-C3172PQ-10GE',
      memory: 8 * GiB,
      capabilities: ['Router', 'Switch', 'IGMP', 'Filtering', 'Supports-STP-Dispute'],
      versions: ['7.0(3)I7(9)', '9.3(10)'],
      image: 'nxos',
    },
    // The Nexus 9000v lab image (containerlab kind cisco_n9kv); `show version` says
    // "cisco Nexus9000 C9300v Chassis", CDP's platform is N9K-C9300v.
    {
      name: 'N9K-C9300v',
      ports: ['Ethernet1/{1-64}'],
      mgmt: 'mgmt0',
      platform: 'N9K-C9300v',
      memory: 16 * GiB,
      capabilities: ['Router', 'Switch', 'IGMP', 'Filtering', 'Supports-STP-Dispute'],
      versions: ['9.3(9)', '10.3(4a)', '10.4(2)'],
      image: 'nxos64-cs',
      excludeFromRandom: true,
    },
  ],
  defaultModel: 'N9K-C93180YC-EX',
  protocols: { cdp: true, lldp: true, defaults: { cdp: true, lldp: false } },
  ouis: ['00:3a:9c', '3c:0e:23', 'a0:36:9f'],
  serialPattern: 'SAL9999XXXX',
  lag: { prefix: 'port-channel', short: 'Po', min: 1, max: 4096 },
  api: 'nxapi',
};
