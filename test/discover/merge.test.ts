/** The merge rules of discovery (client/discover.ts), on hand-made device results: no fleet. */
import { describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../client/collect.js';
import type { ObservedNeighbor, VersionFacts } from '../../client/drivers/types.js';
import { discoverTopology } from '../../client/discover.js';
import { discoveryTopology, summarizeUnresolved } from '../../client/discover-render.js';
import { renderTopologyYaml } from '../../simulator/generate/emit.js';
import type { Platform } from '../../simulator/topology/kinds/index.js';
import { validateTopologyText } from '../../simulator/topology/load.js';

/** `[local, remote device, remote port]` rows as one device's LLDP answer. */
function answered(
  device: string,
  platform: Platform,
  rows: Array<[string, string, string]>,
  version: VersionFacts = {},
): DeviceResult {
  const neighbors = rows.map(([localInterface, remoteDevice, remoteInterface]): ObservedNeighbor => ({
    protocol: 'lldp',
    localInterface,
    remoteDevice,
    remoteInterface,
  }));
  return { ...base(device, platform), status: 'ok', ok: true, neighbors, version };
}

function failed(device: string, platform: Platform, code: string): DeviceResult {
  return { ...base(device, platform), status: 'error', ok: false, error: { code, message: 'no' } };
}

function base(device: string, platform: Platform) {
  return { device, platform, host: '10.0.0.1', port: 22, seconds: 0, attempts: 1, timeline: [] };
}

const pairs = (links: ReturnType<typeof discoverTopology>['links']) =>
  links.map((l) => `${l.a.device}:${l.a.interface}~${l.b.device}:${l.b.interface}:${l.seen}`);

describe('discoverTopology: links', () => {
  it('writes a cable both ends report once, names canonical (domain, NX-OS serial, abbreviations)', () => {
    const d = discoverTopology([
      answered('sw1', 'cisco_ios', [['Gi1/0/1', 'NX1(SAL1234ABCD)', 'Eth1/1']]),
      answered('nx1', 'cisco_nxos', [['Ethernet1/1', 'sw1.lab.example.com', 'GigabitEthernet1/0/1']]),
    ]);
    expect(pairs(d.links)).toEqual(['sw1:GigabitEthernet1/0/1~nx1:Ethernet1/1:both']);
    expect(d.conflicts).toEqual([]);
    expect(d.unresolved).toEqual([]);
  });

  it('keeps a cable one end reports when the far port reports nothing', () => {
    const d = discoverTopology([
      answered('sw1', 'cisco_ios', [['Gi1/0/1', 'sw2', 'Gi1/0/2']]),
      answered('sw2', 'cisco_ios', []),
    ]);
    expect(pairs(d.links)).toEqual(['sw1:GigabitEthernet1/0/1~sw2:GigabitEthernet1/0/2:one']);
  });

  it('keeps what both ends confirm and lists the claim the far end contradicts', () => {
    const d = discoverTopology([
      answered('a', 'cisco_ios', [['Gi1/0/1', 'b', 'Gi1/0/2']]),
      answered('b', 'cisco_ios', [['Gi1/0/2', 'c', 'Gi1/0/3']]),
      answered('c', 'cisco_ios', [['Gi1/0/3', 'b', 'Gi1/0/2']]),
    ]);
    expect(pairs(d.links)).toEqual(['b:GigabitEthernet1/0/2~c:GigabitEthernet1/0/3:both']);
    expect(d.conflicts).toEqual([
      {
        claim: [
          { device: 'a', interface: 'GigabitEthernet1/0/1' },
          { device: 'b', interface: 'GigabitEthernet1/0/2' },
        ],
        but: 'b GigabitEthernet1/0/2 sees c GigabitEthernet1/0/3',
      },
    ]);
  });

  it('writes no link when two ports claim one silent port, and lists both', () => {
    const d = discoverTopology([
      answered('a', 'cisco_ios', [['Gi1/0/1', 'c', 'Gi1/0/9']]),
      answered('b', 'cisco_ios', [['Gi1/0/1', 'c', 'Gi1/0/9']]),
      answered('c', 'cisco_ios', []),
    ]);
    expect(d.links).toEqual([]);
    expect(d.conflicts.map((c) => c.claim[0].device)).toEqual(['a', 'b']);
  });

  it('lists neighbours outside the inventory and devices that did not answer as unresolved ends', () => {
    const d = discoverTopology([
      answered('a', 'cisco_ios', [
        ['Gi1/0/1', 'phone-7.corp', 'Port 1'],
        ['Gi1/0/2', 'b.lab', 'Gi1/0/1'],
      ]),
      failed('b', 'cisco_ios', 'AUTH_FAILED'),
    ]);
    expect(d.links).toEqual([]);
    expect(d.devices.map((x) => x.name)).toEqual(['a']);
    expect(d.failed).toEqual([{ device: 'b', code: 'AUTH_FAILED', message: 'no' }]);
    expect(d.unresolved.map((u) => [u.port.interface, u.neighbor.device, u.reason, u.detail])).toEqual([
      ['GigabitEthernet1/0/1', 'phone-7.corp', 'not in the inventory', undefined],
      ['GigabitEthernet1/0/2', 'b.lab', 'did not answer', 'AUTH_FAILED'],
    ]);
    expect(summarizeUnresolved(d.unresolved)).toBe(
      '2 unresolved ends (1 to 1 device not in the inventory, 1 to 1 device that did not answer)',
    );
  });

  it('names devices without the domain the inventory gives them', () => {
    const d = discoverTopology([
      answered('sw1.lab.example.com', 'cisco_ios', [['Gi1/0/1', 'sw2.lab.example.com', 'Gi1/0/1']]),
      answered('SW2.lab.example.com', 'cisco_ios', [['Gi1/0/1', 'sw1.lab.example.com', 'Gi1/0/1']]),
    ]);
    expect(pairs(d.links)).toEqual(['sw1:GigabitEthernet1/0/1~SW2:GigabitEthernet1/0/1:both']);
  });

  it('knows a device by its show version hostname when the inventory names it otherwise', () => {
    const d = discoverTopology([
      answered('core-a', 'cisco_ios', [['Gi1/0/1', 'sw9.lab', 'Gi1/0/1']], { hostname: 'sw8' }),
      answered('edge-b', 'cisco_ios', [['Gi1/0/1', 'sw8.lab', 'Gi1/0/1']], { hostname: 'sw9' }),
    ]);
    expect(pairs(d.links)).toEqual(['core-a:GigabitEthernet1/0/1~edge-b:GigabitEthernet1/0/1:both']);
    expect(d.domain).toBe('lab');
  });
});

describe('discoverTopology: models and addresses', () => {
  it('takes the model show version reports when labfleet has it, else one with every port seen', () => {
    const d = discoverTopology([
      answered('sw1', 'cisco_ios', [['Te1/1/1', 'sw2', 'Gi1/0/1']], { model: 'c9300-24t' }),
      answered('sw2', 'cisco_ios', [['Gi1/0/1', 'sw1', 'Te1/1/1']], { model: 'WS-C9999' }),
      answered('ar1', 'arista_eos', []),
    ]);
    expect(d.devices.map((x) => [x.name, x.model, x.modelNote === undefined])).toEqual([
      ['sw1', 'C9300-24T', true],
      ['sw2', 'C9300-48P', false],
      ['ar1', 'DCS-7050SX3-48YC8', false],
    ]);
    expect(d.devices[1]!.modelNote).toMatch(/WS-C9999, not a labfleet cisco_ios model/);
  });

  it('moves the management pool off the default when a device discovered has an address in it', () => {
    const results = [answered('a', 'cisco_ios', [])];
    expect(discoverTopology(results, { hosts: ['127.100.0.7', '127.101.0.1'] }).mgmtPool).toBe(
      '127.102.0.0/16',
    );
    expect(discoverTopology(results, { hosts: ['10.0.0.1', 'core.example.com'] }).mgmtPool).toBeUndefined();
    expect(discoverTopology(results, { hosts: ['127.100.0.7'], mgmtPool: '127.50.0.0/24' }).mgmtPool).toBe(
      '127.50.0.0/24',
    );
  });

  it('renders a topology that validates, byte for byte the same for the same results', () => {
    const results = [
      answered('sw1', 'cisco_ios', [
        ['Gi1/0/1', 'sw2.lab', 'Gi1/0/2'],
        ['Gi1/0/3', 'pc1', 'eth0'],
      ]),
      answered('sw2', 'cisco_ios', [['Gi1/0/2', 'sw1.lab', 'Gi1/0/1']]),
      failed('sw3', 'juniper_junos', 'TIMEOUT'),
    ];
    const render = () =>
      renderTopologyYaml(
        discoveryTopology(discoverTopology(results, { hosts: ['127.100.0.1'] }), {
          name: 'lab',
          command: 'discover --inventory inv.csv',
          total: 3,
        }),
      );
    const text = render();
    expect(text).toBe(render());
    const checked = validateTopologyText(text, 'lab.yaml');
    expect(checked.diagnostics).toEqual([]);
    expect(checked.topology!.links).toHaveLength(1);
    expect(text).toContain('# Discovered by: labfleet discover --inventory inv.csv\n');
    expect(text).toContain('#   sw3 (TIMEOUT: no)\n');
    expect(text).toContain('#   sw1 GigabitEthernet1/0/3 sees pc1 eth0 (not in the inventory)\n');
    expect(text).toContain('mgmt: { pool: "127.101.0.0/16" }');
  });
});
