/**
 * Per-device faults on NETCONF (the NETCONF port's SSH server and its sessions), seen by ncclient:
 * a refused login, an RPC that never answers, one whose reply is cut off with the connection, one
 * whose reply is corrupted; each applied and lifted at runtime, with the NETCONF counters moving.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON } from '../e2e/clients.js';
import { startStepper } from './steps.js';

const TOPOLOGY = `
name: netconf-faults
seed: 12
defaults: { kind: cisco_ios }
mgmt: { pool: 127.112.13.0/24 }
nodes:
  R1: { model: CSR1000V }
  R2: { model: CSR1000V }
`;
const SCRIPT = join(TEST_DIR, 'faults', 'ncclient_steps.py');

interface RpcStep {
  reply: string | null;
  error: string | null;
  seconds: number;
  connected: boolean;
}

let fleet: Fleet;
const counters = (name: string) => fleet.control.device(name).counters;
const ncclient = (name: string) => {
  const device = fleet.devices.find((d) => d.name === name)!;
  return startStepper(DEBIAN_PYTHON, [SCRIPT, device.host, String(device.netconf_port), 'csr']);
};

beforeAll(async () => {
  fleet = await startFleet({
    topology: parseTopology(TOPOLOGY),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
});
afterEach(async () => {
  await fleet.control.clearFaults();
});
afterAll(() => fleet?.stop());

describe.runIf(available('ncclient'))('NETCONF faults, seen by ncclient', () => {
  it('auth-fail: ncclient cannot log in, each attempt counted as NETCONF; lifted, it can', async () => {
    const fault = await fleet.control.addFault({ kind: 'auth-fail', devices: ['R1'] });
    const refused = await ncclient('R1');
    await refused.close();
    expect(refused.first.connect_error).toMatch(/AuthenticationError/);
    expect(counters('R1').netconf!.authFailures).toBeGreaterThan(0);
    expect(counters('R1').netconf!.logins ?? 0).toBe(0);
    await fleet.control.removeFault(fault.id);
    const session = await ncclient('R1');
    await session.close();
    expect(session.first.ready).toBe(true);
    expect(counters('R1').netconf!.logins).toBe(1);
  }, 30_000);

  it('garble corrupts a reply, command-hang leaves an RPC unanswered; lifted, replies are clean again', async () => {
    const session = await ncclient('R2');
    try {
      const rpc = (timeout = 10) => session.step<RpcStep>({ rpc: 'get-config', timeout });
      const clean = await rpc();
      expect(clean.error).toBeNull();
      expect(clean.reply).toContain('<hostname>R2</hostname>');
      expect(counters('R2').netconf!.sessions).toBe(1);

      const garble = await fleet.control.addFault({ kind: 'garble', devices: ['R2'], rate: 0.05 });
      const garbled = await rpc(3);
      // Corrupted XML: ncclient cannot parse it, so never matches it to the request, and times out.
      expect(garbled.reply).toBeNull();
      expect(garbled.error).toMatch(/TimeoutExpiredError/);
      expect(garbled.connected).toBe(true);
      await fleet.control.removeFault(garble.id);
      const after = await rpc();
      expect(after.reply).toBe(clean.reply);

      const hang = await fleet.control.addFault({ kind: 'command-hang', devices: ['R2'] });
      const hung = await rpc(1);
      expect(hung.error).toMatch(/TimeoutExpiredError/);
      expect(hung.connected).toBe(true);
      await fleet.control.removeFault(hang.id);
      expect(counters('R2').netconf!.commands).toBeGreaterThanOrEqual(3);
      expect(counters('R2').netconf!.bytesSent).toBeGreaterThan(clean.reply!.length);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('drop-mid-output: the reply stops halfway and the session is gone', async () => {
    const session = await ncclient('R1');
    try {
      const fault = await fleet.control.addFault({ kind: 'drop-mid-output', devices: ['R1'] });
      const dropped = await session.step<RpcStep>({ rpc: 'get-config', timeout: 5 });
      expect(dropped.reply).toBeNull();
      // ncclient shows what it had read: the first part of the reply, then the close.
      expect(dropped.error).toMatch(/SessionCloseError[\s\S]*<rpc-reply/);
      expect(dropped.connected).toBe(false);
      await fleet.control.removeFault(fault.id);
    } finally {
      await session.close();
    }
    const again = await ncclient('R1');
    try {
      expect((await again.step<RpcStep>({ rpc: 'get-config' })).reply).toContain('<hostname>R1</hostname>');
    } finally {
      await again.close();
    }
    for (let i = 0; i < 100 && counters('R1').netconf!.sessions !== 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(counters('R1').netconf!.sessions).toBe(0);
  }, 60_000);
});
