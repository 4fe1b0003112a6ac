import { describe, expect, it } from 'vitest';
import {
  cdpInterfaceName,
  expandModelPorts,
  modelHasPort,
  normalizeInterfaceName,
  parseInterfaceName,
  shortInterfaceName,
} from '../../simulator/topology/interfaces.js';
import { ALL_INTERFACE_TYPES, findModel, getKind, KINDS } from '../../simulator/topology/kinds/index.js';

const ios = getKind('cisco_ios').interfaceTypes;
const nxos = getKind('cisco_nxos').interfaceTypes;
const eos = getKind('arista_eos').interfaceTypes;
const junos = getKind('juniper_junos').interfaceTypes;

describe('interface names', () => {
  it.each([
    [ios, 'Gi1/0/1', 'GigabitEthernet1/0/1'],
    [ios, 'gi1/0/1', 'GigabitEthernet1/0/1'],
    [ios, 'Gig 1/0/1', 'GigabitEthernet1/0/1'],
    [ios, 'GigabitEthernet1/0/1', 'GigabitEthernet1/0/1'],
    [ios, 'Te1/1/3', 'TenGigabitEthernet1/1/3'],
    [ios, 'Ten 1/1/3', 'TenGigabitEthernet1/1/3'],
    [ios, 'Fa0/1', 'FastEthernet0/1'],
    [ios, 'Twe1/0/1', 'TwentyFiveGigE1/0/1'],
    [ios, 'Hu1/0/49', 'HundredGigE1/0/49'],
    [ios, 'Gig3', 'GigabitEthernet3'],
    [ios, 'Gi0/0/0.100', 'GigabitEthernet0/0/0.100'],
    [ios, 'Po1', 'Port-channel1'],
    [ios, 'Giga1/0/2', 'GigabitEthernet1/0/2'],
    [nxos, 'Eth1/1', 'Ethernet1/1'],
    [nxos, 'E1/49', 'Ethernet1/49'],
    [nxos, 'mgmt0', 'mgmt0'],
    [eos, 'Et1', 'Ethernet1'],
    [eos, 'Et49/1', 'Ethernet49/1'],
    [eos, 'Ma1', 'Management1'],
    [junos, 'ge-0/0/0', 'ge-0/0/0'],
    [junos, 'xe-0/2/3', 'xe-0/2/3'],
    [junos, 'et-0/0/48', 'et-0/0/48'],
    [junos, 'fxp0', 'fxp0'],
    [ALL_INTERFACE_TYPES, 'Gig3', 'GigabitEthernet3'],
    [ALL_INTERFACE_TYPES, 'Eth1/1', 'Ethernet1/1'],
    [ALL_INTERFACE_TYPES, 'ge-0/0/1', 'ge-0/0/1'],
  ])('%#: %s normalises to %s', (types, input, full) => {
    expect(normalizeInterfaceName(input, types)).toBe(full);
  });

  it.each([
    [ios, 'F0/1'], // FastEthernet, FortyGigabitEthernet and FiveGig… are ambiguous
    [ios, 'Xyz1'],
    [ios, 'Gi'],
    [junos, 'ge0/0/0'],
    [junos, 'g-0/0/0'],
    [eos, '1/1'],
  ])('%#: %s is not a name', (types, input) => {
    expect(parseInterfaceName(input, types)).toBeUndefined();
  });

  it('renders the short and CDP forms', () => {
    expect(shortInterfaceName('GigabitEthernet1/0/1', ios)).toBe('Gi1/0/1');
    expect(cdpInterfaceName('GigabitEthernet1/0/1', ios)).toBe('Gig 1/0/1');
    expect(cdpInterfaceName('TenGigabitEthernet1/1/3', ios)).toBe('Ten 1/1/3');
    expect(shortInterfaceName('Ethernet1/1', nxos)).toBe('Eth1/1');
    expect(shortInterfaceName('Ethernet1', eos)).toBe('Et1');
    expect(shortInterfaceName('ge-0/0/0', junos)).toBe('ge-0/0/0');
  });
});

describe('model ports', () => {
  const c9300 = findModel(getKind('cisco_ios'), 'C9300-48P')!;
  const n9508 = findModel(getKind('cisco_nxos'), 'N9K-C9508')!;

  it('knows which ports a model has', () => {
    expect(modelHasPort(c9300, 'GigabitEthernet1/0/1')).toBe(true);
    expect(modelHasPort(c9300, 'GigabitEthernet1/0/48')).toBe(true);
    expect(modelHasPort(c9300, 'GigabitEthernet1/0/49')).toBe(false);
    expect(modelHasPort(c9300, 'GigabitEthernet1/0/01')).toBe(false);
    expect(modelHasPort(c9300, 'GigabitEthernet0/0')).toBe(true); // management
    expect(modelHasPort(n9508, 'Ethernet8/36')).toBe(true);
    expect(modelHasPort(n9508, 'Ethernet9/1')).toBe(false);
  });

  it('expands patterns in order', () => {
    const ports = expandModelPorts(c9300);
    expect(ports).toHaveLength(56);
    expect(ports.slice(0, 2)).toEqual(['GigabitEthernet1/0/1', 'GigabitEthernet1/0/2']);
    expect(ports.at(-1)).toBe('TenGigabitEthernet1/1/8');
    expect(expandModelPorts(n9508)).toHaveLength(8 * 36);
  });

  it('every port of every model parses as its own kind’s interface', () => {
    for (const kind of KINDS)
      for (const model of kind.models)
        for (const port of [model.mgmt, ...expandModelPorts(model)]) {
          expect(
            parseInterfaceName(port, kind.interfaceTypes)?.full,
            `${kind.platform} ${model.name} ${port}`,
          ).toBe(port);
          expect(modelHasPort(model, port)).toBe(true);
        }
  });
});
