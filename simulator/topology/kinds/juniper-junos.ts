import type { KindSpec } from './types.js';

const GiB = 1024 ** 3;

/** Juniper Junos: EX/QFX switches (virtual chassis) and MX routers. */
export const juniperJunos: KindSpec = {
  platform: 'juniper_junos',
  vendor: 'Juniper',
  description: 'Juniper Junos',
  interfaceTypes: [
    { name: 'ge-', aliases: [], short: 'ge-', cdp: 'ge-', speed: 1000 },
    { name: 'xe-', aliases: [], short: 'xe-', cdp: 'xe-', speed: 10_000 },
    { name: 'et-', aliases: [], short: 'et-', cdp: 'et-', speed: 100_000 },
    { name: 'fxp', aliases: [], short: 'fxp', cdp: 'fxp', speed: 1000 },
    { name: 'em', aliases: [], short: 'em', cdp: 'em', speed: 1000 },
    { name: 'me', aliases: [], short: 'me', cdp: 'me', speed: 1000 },
    { name: 'ae', aliases: [], short: 'ae', cdp: 'ae', speed: 0 },
    { name: 'lo', aliases: [], short: 'lo', cdp: 'lo', speed: 0 },
  ],
  models: [
    {
      name: 'EX4300-48T',
      ports: ['ge-0/0/{0-47}', 'xe-0/2/{0-3}'],
      mgmt: 'me0',
      platform: 'ex4300-48t',
      memory: 2 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: ['20.4R3-S7.2', '21.4R3-S4.9', '22.4R2.8'],
      image: 'junos',
      virtualChassis: true,
    },
    {
      name: 'QFX5100-48S-6Q',
      ports: ['xe-0/0/{0-47}', 'et-0/0/{48-53}'],
      mgmt: 'em0',
      platform: 'qfx5100-48s-6q',
      memory: 8 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: ['20.4R3-S7.2', '21.4R3-S4.9'],
      image: 'junos',
      virtualChassis: true,
    },
    {
      name: 'MX204',
      ports: ['et-0/0/{0-3}', 'xe-0/1/{0-7}'],
      mgmt: 'fxp0',
      platform: 'mx204',
      memory: 32 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: ['21.4R3-S4.9', '22.4R2.8', '23.2R1.13'],
      image: 'junos',
    },
    {
      name: 'vMX',
      ports: ['ge-0/0/{0-9}'],
      mgmt: 'fxp0',
      platform: 'vmx',
      memory: 4 * GiB,
      capabilities: ['Bridge', 'Router'],
      versions: ['21.4R3-S4.9', '22.4R2.8'],
      image: 'junos',
    },
  ],
  defaultModel: 'EX4300-48T',
  protocols: { cdp: false, lldp: true, defaults: { cdp: false, lldp: true } },
  ouis: ['2c:6b:f5', '00:1c:73', '40:a6:77', '84:b5:9c'],
  serialPattern: 'XX9999999999',
  api: 'junos-rest',
};
