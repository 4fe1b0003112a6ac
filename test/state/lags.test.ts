/** LAG state: members, LACP partners consistent across both ends, drift unbundling members. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStateContext, deriveDeviceState } from '../../simulator/state/index.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { createWorld } from '../../simulator/topology/world.js';
import { FIXTURES } from '../helpers.js';

const LAB = join(FIXTURES, 'lag', 'lab.yaml');
const DRIFT = readFileSync(join(FIXTURES, 'lag', 'drift.yaml'), 'utf8');

async function states(drift?: string) {
  const topology = await loadTopology(LAB);
  const ctx = createStateContext(drift ? parseDrift(drift, topology) : createWorld(topology));
  return (name: string) => deriveDeviceState(ctx, name);
}

describe('LAG state', () => {
  it('names each platform’s aggregate and pairs LACP partners across both ends', async () => {
    const state = await states();
    const [nx, eos] = [state('nx1'), state('eos1')];
    expect(nx.lags.map((l) => l.name)).toEqual(['port-channel5']);
    expect(eos.lags.map((l) => l.name)).toEqual(['Port-Channel7']);
    expect(state('jx1').lags.map((l) => l.name)).toEqual(['ae0']);
    expect(nx.lags[0]!.peer).toMatchObject({ node: 'eos1', name: 'Port-Channel7', systemMac: eos.baseMac });
    for (const member of nx.lags[0]!.members) {
      const far = eos.lags[0]!.members.find((m) => m.interface === member.partner!.interface)!;
      expect(far.status).toBe('bundled');
      expect(far.portNumber).toBe(member.partner!.portNumber);
      expect(far.partner).toMatchObject({
        node: 'nx1',
        interface: member.interface,
        portNumber: member.portNumber,
      });
    }
  });

  it('moves the /31 of the first member link to the aggregate; members have no address', async () => {
    const ios1 = (await states())('ios1');
    const byName = new Map(ios1.interfaces.map((i) => [i.name, i]));
    expect(byName.get('Port-channel10')).toMatchObject({
      aggregate: 10,
      connected: true,
      speed: 30_000,
      address: { ip: '10.0.0.0', prefix: 31 },
      peer: { node: 'ios2', interface: 'Port-channel10' },
    });
    for (const port of ['TenGigabitEthernet1/1/1', 'TenGigabitEthernet1/1/2', 'TenGigabitEthernet1/1/3']) {
      expect(byName.get(port)!.address).toBeUndefined();
      expect(byName.get(port)!.memberOf).toBe('Port-channel10');
    }
    expect(ios1.arp.filter((a) => a.interface === 'Port-channel10').map((a) => a.address)).toEqual([
      '10.0.0.0',
      '10.0.0.1',
    ]);
  });

  it('drift: an unplugged member is down, one cabled elsewhere is suspended', async () => {
    const state = await states(DRIFT);
    const status = (name: string) => state(name).lags[0]!.members.map((m) => `${m.interface} ${m.status}`);
    expect(status('ios1')).toEqual([
      'TenGigabitEthernet1/1/1 bundled',
      'TenGigabitEthernet1/1/2 suspended',
      'TenGigabitEthernet1/1/3 down',
    ]);
    expect(status('ios2')).toEqual([
      'TenGigabitEthernet1/1/1 bundled',
      'TenGigabitEthernet1/1/2 down',
      'TenGigabitEthernet1/1/3 down',
    ]);
    const po = state('ios1').interfaces.find((i) => i.name === 'Port-channel10')!;
    expect(po).toMatchObject({ connected: true, speed: 10_000 });
  });

  it('is byte-identical for the same seed', async () => {
    const [a, b] = [await states(DRIFT), await states(DRIFT)];
    expect(JSON.stringify(a('jx1').lags)).toBe(JSON.stringify(b('jx1').lags));
  });
});
