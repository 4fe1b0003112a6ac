import type { KindSpec } from './types.js';

const GiB = 1024 ** 3;
const EOS = ['4.28.3M', '4.30.1F', '4.31.2F', '4.32.1F'];

/** Arista EOS: fixed and modular data-centre switches. */
export const aristaEos: KindSpec = {
  platform: 'arista_eos',
  vendor: 'Arista',
  description: 'Arista EOS',
  interfaceTypes: [
    { name: 'Ethernet', aliases: ['Et', 'Eth'], short: 'Et', cdp: 'Et', speed: 10_000 },
    { name: 'Management', aliases: ['Ma', 'Mgmt'], short: 'Ma', cdp: 'Ma', speed: 1000 },
    { name: 'Port-Channel', aliases: ['Po'], short: 'Po', cdp: 'Po', speed: 0 },
    { name: 'Loopback', aliases: ['Lo'], short: 'Lo', cdp: 'Lo', speed: 0 },
    { name: 'Vlan', aliases: ['Vl'], short: 'Vl', cdp: 'Vl', speed: 0 },
  ],
  models: [
    {
      name: 'DCS-7050SX3-48YC8',
      ports: ['Ethernet{1-48}', 'Ethernet{49-56}/1'],
      mgmt: 'Management1',
      platform: 'DCS-7050SX3-48YC8',
      memory: 8 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: EOS,
      image: 'EOS',
    },
    {
      name: 'DCS-7280SR-48C6',
      ports: ['Ethernet{1-48}', 'Ethernet{49-54}/1'],
      mgmt: 'Management1',
      platform: 'DCS-7280SR-48C6',
      memory: 16 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: EOS,
      image: 'EOS',
    },
    {
      name: 'DCS-7516',
      ports: ['Ethernet{3-18}/{1-36}/1'],
      mgmt: 'Management1/1',
      platform: 'DCS-7516',
      memory: 32 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: EOS,
      image: 'EOS',
    },
    {
      name: 'vEOS',
      ports: ['Ethernet{1-32}'],
      mgmt: 'Management1',
      platform: 'vEOS',
      memory: 2 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: EOS,
      image: 'EOS',
    },
    // The containerised EOS lab image (containerlab kinds ceos, arista_ceos).
    {
      name: 'cEOSLab',
      ports: ['Ethernet{1-64}'],
      mgmt: 'Management0',
      platform: 'cEOSLab',
      memory: 8 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: ['4.30.1F', '4.31.2F', '4.32.0F'],
      image: 'EOS',
      excludeFromRandom: true,
    },
  ],
  defaultModel: 'DCS-7050SX3-48YC8',
  protocols: { cdp: false, lldp: true, defaults: { cdp: false, lldp: true } },
  ouis: ['00:1c:73', '2c:c2:60', '44:4c:a8', 'fc:bd:67'],
  serialPattern: 'JPE99999999',
  lag: { prefix: 'Port-Channel', short: 'Po', min: 1, max: 2000 },
  api: 'eapi',
};
