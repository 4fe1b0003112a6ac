/** Fleet options seen from outside: a drifted world over SSH, and --bind port addressing (SSH and REST). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { readTopologySync } from '../../simulator/topology/load.js';
import { collectAll, DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { targetsFromTopology } from '../../client/inventory.js';
import { FIXTURES } from '../helpers.js';
import { execOnce } from './ssh.js';

const lab = readTopologySync(join(FIXTURES, 'drift', 'lab.yaml'));
let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.stop();
  fleet = undefined;
});

describe('fleet options', () => {
  it('serves the drifted world: neighbours follow the real cables', async () => {
    const world = parseDrift(readFileSync(join(FIXTURES, 'drift', 'lab-drift.yaml'), 'utf8'), lab);
    fleet = await startFleet({
      topology: lab,
      world,
      rest: false,
      sshPort: 0,
      commandLatencyMs: 0,
      freezeTime: true,
    });
    const r1 = fleet.devices.find((d) => d.name === 'R1')!;
    const cdp = await execOnce({ host: r1.host, port: r1.port }, 'show cdp neighbors detail');
    // swap: R1 Gi3 and Gi4 exchanged their cables
    expect(cdp).toContain('Interface: GigabitEthernet3,  Port ID (outgoing port): GigabitEthernet2\r\n');
    expect(cdp).toMatch(/Device ID: R4\r\n(?:.*\r\n){3}Interface: GigabitEthernet3,/);
    expect(cdp).toMatch(/Device ID: R3\r\n(?:.*\r\n){3}Interface: GigabitEthernet4,/);
    const r2 = fleet.devices.find((d) => d.name === 'R2')!;
    expect(await execOnce({ host: r2.host, port: r2.port }, 'show cdp neighbors')).toContain(
      'Total cdp entries displayed : 1',
    );
  });

  it('port 0: the OS picks one port, and every device listens on it at its own address', async () => {
    fleet = await startFleet({ topology: lab, sshPort: 0, restPort: 0, commandLatencyMs: 0 });
    expect(fleet.sshPort).toBeGreaterThan(0);
    expect(fleet.restPort).toBeGreaterThan(0);
    expect(fleet.restPort).not.toBe(fleet.sshPort);
    for (const d of fleet.devices) {
      expect(d.port).toBe(fleet.sshPort);
      if (d.rest_url) expect(d.rest_url).toBe(`https://${d.host}:${fleet.restPort}`);
    }
    expect(new Set(fleet.devices.map((d) => d.host)).size).toBe(fleet.devices.length);
    const r5 = fleet.devices.find((d) => d.name === 'R5')!;
    expect(await execOnce({ host: r5.host, port: r5.port }, 'show running-config | include ^hostname')).toBe(
      'hostname R5\r\n',
    );
  });

  it('--bind port: every device on 127.0.0.1, consecutive ports in file order', async () => {
    fleet = await startFleet({
      topology: lab,
      bind: 'port',
      rest: false,
      sshPort: 0,
      commandLatencyMs: 0,
    });
    const PORT = fleet.sshPort;
    // Ports follow file order over the whole topology, whether a platform is served yet or not.
    const portOf = new Map(lab.nodes.map((n, i) => [n.name, PORT + i]));
    for (const d of fleet.devices)
      expect(`${d.name}@${d.host}:${d.port}`).toBe(`${d.name}@127.0.0.1:${portOf.get(d.name)}`);
    expect(fleet.devices.length + fleet.unserved.length).toBe(lab.nodes.length);
    const served = fleet.devices.filter((d) => d.platform === 'cisco_ios').at(-1)!;
    expect(
      await execOnce({ host: served.host, port: served.port }, 'show running-config | include ^hostname'),
    ).toBe('hostname R5\r\n');
  });

  it('--bind port with REST: REST ports are consecutive too, and collecting over them works', async () => {
    fleet = await startFleet({
      topology: lab,
      bind: 'port',
      sshPort: 0,
      restPort: 0,
      commandLatencyMs: 0,
    });
    const { sshPort: PORT, restPort: rest } = fleet;
    const indexOf = new Map(lab.nodes.map((n, i) => [n.name, i]));
    for (const d of fleet.devices)
      expect(d.rest_url).toBe(`https://127.0.0.1:${rest + indexOf.get(d.name)!}`);
    const options = { bind: 'port', sshPort: PORT, restPort: rest } as const;
    const collect = (transport: 'ssh' | 'rest') =>
      collectAll(
        targetsFromTopology(lab, { ...options, transport }),
        { items: ['neighbors'] },
        {
          ...DEFAULT_COLLECT_OPTIONS,
          transport,
        },
      );
    const [overSsh, overRest] = [await collect('ssh'), await collect('rest')];
    expect(overRest.every((r) => r.ok)).toBe(true);
    expect(overRest.map((r) => [r.device, r.neighbors?.length])).toEqual(
      overSsh.map((r) => [r.device, r.neighbors?.length]),
    );
  });
});
