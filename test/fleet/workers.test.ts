/**
 * A fleet served by worker processes is the fleet one process serves: the same inventory, the same
 * host key on every device, byte-identical output from devices in either worker, and a fault given
 * as a fraction falls on the same devices. Bad --workers values are usage errors naming the range.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { startWorkers, type ServedFleet } from '../../simulator/fleet/workers.js';
import { generateHostKeys } from '../../simulator/ssh/host-keys.js';
import { parseTopology, loadTopology } from '../../simulator/topology/load.js';
import { captureIO } from '../helpers.js';
import { connect, exec } from '../e2e/ssh.js';

const hostKeys = generateHostKeys();
let single: Fleet;
let workers: ServedFleet;

beforeAll(async () => {
  const topology = await loadTopology('routers-10');
  const common = { rest: false, netconf: false, freezeTime: true, commandLatencyMs: 0, hostKeys };
  single = await startFleet({ topology, ...common, sshPort: 0 });
  workers = await startWorkers({
    workers: 3,
    topology,
    fleet: { ...common, sshPort: 0 },
  });
}, 60_000);
afterAll(async () => {
  await single?.stop();
  await workers?.stop();
});

/** The output of `command` on a device, and the SHA-256 of the host key it presented. */
async function run(device: { host: string; port?: number }, command: string) {
  let key = '';
  const client = await connect({
    host: device.host,
    port: device.port!,
    hostVerifier: (k: Buffer) => {
      key = createHash('sha256').update(k).digest('base64');
      return true;
    },
  });
  try {
    return { key, output: await exec(client, command) };
  } finally {
    client.end();
  }
}

describe('up --workers', () => {
  it('serves the same devices, in topology order, as one process', () => {
    expect(workers.workers).toBe(3);
    const strip = (d: { port?: number }) => ({ ...d, port: 0 });
    expect(workers.devices.map(strip)).toEqual(single.devices.map(strip));
  });

  it('devices in every worker present the same host key and print what one process prints', async () => {
    for (const index of [0, 4, 9]) {
      for (const command of ['show cdp neighbors detail', 'show ip arp', 'show version']) {
        const one = await run(single.devices[index]!, command);
        const many = await run(workers.devices[index]!, command);
        expect(many.output, `${single.devices[index]!.name}: ${command}`).toBe(one.output);
        expect(many.key).toBe(one.key);
      }
    }
  }, 60_000);

  it('a fault on a fraction of the fleet falls on the same devices', async () => {
    const topology = parseTopology(topologyText(12));
    const one = await startFleet({ topology, rest: false, netconf: false, sshPort: 0 });
    const chosen = one.control.faults()[0]!.devices;
    await one.stop();
    expect(chosen).toHaveLength(4);
    const captured = captureIO();
    // A login to each device of the worker fleet: exactly the chosen ones refuse it.
    const fleet = await startWorkers({
      workers: 2,
      topology,
      fleet: { rest: false, netconf: false, sshPort: 0 },
    });
    try {
      const refused: string[] = [];
      for (const device of fleet.devices)
        await run(device, 'show clock').catch(() => refused.push(device.name));
      expect(refused).toEqual(chosen);
    } finally {
      await fleet.stop();
    }
    expect(captured.err).toBe('');
  }, 60_000);

  it('--bind port --bind-address: every worker listens on the one address, at consecutive ports', async () => {
    const topology = await loadTopology('routers-10');
    const fleet = await startWorkers({
      workers: 2,
      topology,
      fleet: {
        rest: false,
        netconf: false,
        freezeTime: true,
        commandLatencyMs: 0,
        hostKeys,
        bind: 'port',
        bindAddress: '127.0.0.3',
        sshPort: 0,
      },
    });
    try {
      expect(fleet.devices.map((d) => d.host)).toEqual(topology.nodes.map(() => '127.0.0.3'));
      const first = fleet.devices[0]!.port!;
      expect(fleet.devices.map((d) => d.port)).toEqual(topology.nodes.map((_, i) => first + i));
      // A device of each worker answers there as the single-process fleet's does.
      for (const index of [0, 9]) {
        const one = await run(single.devices[index]!, 'show version');
        expect((await run(fleet.devices[index]!, 'show version')).output).toBe(one.output);
      }
    } finally {
      await fleet.stop();
    }
  }, 60_000);

  it('--workers 0 and --workers x are usage errors naming the valid range', async () => {
    for (const value of ['0', 'x', '257']) {
      const captured = captureIO();
      expect(await runCli(['up', 'routers-10', '--workers', value, '--no-control'], captured.io)).toBe(2);
      expect(captured.err).toContain(`--workers must be a whole number from 1 to 256, got "${value}"`);
    }
  });
});

function topologyText(count: number): string {
  return `name: faulty
faults:
  - { kind: auth-fail, fraction: 0.3 }
nodes:
${Array.from({ length: count }, (_, i) => `  r${i + 1}: { kind: cisco_ios }`).join('\n')}
`;
}
