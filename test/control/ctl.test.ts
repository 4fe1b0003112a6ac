/** `labfleet ctl` against a real fleet and its control API, run in-process as a user types it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlTarget } from '../../client/cli/control-client.js';
import { runCli } from '../../client/cli/program.js';
import { captureIO, closedPort } from '../helpers.js';
import { startControlledFleet, type ControlledFleet } from './harness.js';

let fleet: ControlledFleet;

beforeAll(async () => {
  fleet = await startControlledFleet({ topology: 'routers-10', rest: false, netconf: false });
});
afterAll(() => fleet.stop());

async function ctl(...argv: string[]) {
  const captured = captureIO();
  const code = await runCli(['ctl', ...argv, '--control', fleet.control.url], captured.io);
  return { code, out: captured.out, err: captured.err };
}

describe('labfleet ctl', () => {
  it('unplug, status, reset: the drift shows and goes', async () => {
    const unplug = await ctl('unplug', 'R1:Gi2');
    expect(unplug).toEqual({ code: 0, out: 'unplugged R1:Gi2; devices affected: R1, R2\n', err: '' });
    expect((await fleet.call('GET', '/drift')).json.drift).toEqual([{ unplug: 'R1:GigabitEthernet2' }]);
    const status = await ctl('status');
    expect(status.code).toBe(0);
    expect(status.out).toContain('10 devices: 10 up; 0 session(s) open');
    expect(status.out).toContain('drift: 1 item(s)\n  unplug R1:GigabitEthernet2\nfaults: none\n');
    expect(await ctl('reset')).toMatchObject({
      code: 0,
      out: 'back to how the lab started: 0 drift item(s), 0 fault(s)\n',
    });
    expect((await fleet.call('GET', '/drift')).json.drift).toEqual([]);
  });

  it('patch, swap and move send the drift items the API takes', async () => {
    expect((await ctl('move', 'R1:Gi2', 'R1:Gi16')).code).toBe(0);
    expect((await ctl('swap', 'R2:Gi3', 'R2:Gi4')).code).toBe(0);
    expect((await ctl('patch', 'R1:Gi2', 'R3:Gi16')).code).toBe(0);
    expect((await fleet.call('GET', '/drift')).json.drift).toEqual([
      { move: { from: 'R1:GigabitEthernet2', to: 'R1:GigabitEthernet16' } },
      { swap: ['R2:GigabitEthernet3', 'R2:GigabitEthernet4'] },
      { add: ['R1:GigabitEthernet2', 'R3:GigabitEthernet16'] },
    ]);
    await ctl('reset');
  });

  it('fault with --fraction, status --json, unfault, clear', async () => {
    const fault = await ctl('fault', 'down', '--fraction', '0.2', '--seed', '3', '--for', '10m');
    expect(fault.code).toBe(0);
    expect(fault.out).toMatch(/^fault f\d+: down on 2 device\(s\) until \S+Z: R\d+, R\d+\n$/);
    const status = await ctl('status', '--json');
    const parsed = JSON.parse(status.out) as {
      devices: Array<{ name: string; availability: string; faults: string[] }>;
      drift: unknown[];
      faults: Array<{ id: string; kind: string; devices: string[] }>;
    };
    expect(parsed.faults).toHaveLength(1);
    expect(parsed.faults[0]).toMatchObject({ kind: 'down' });
    const down = parsed.devices.filter((d) => d.availability === 'down').map((d) => d.name);
    expect(down).toEqual(parsed.faults[0]!.devices);
    const text = await ctl('status');
    expect(text.out).toContain('10 devices: 8 up, 2 down');
    expect(text.out).toMatch(/DEVICE\s+PLATFORM\s+STATE\s+SESSIONS\s+FAULTS\n/);
    expect(text.out).toMatch(new RegExp(`${down[0]}\\s+cisco_ios\\s+down\\s+0\\s+down\\n`));
    await ctl('fault', 'slow', '--device', 'R5', 'R6', '--delay', '1s', '--rate', '0.5');
    expect(await ctl('unfault', parsed.faults[0]!.id)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^lifted f\d+ \(down on R/) as string,
    });
    expect(await ctl('clear')).toMatchObject({ code: 0, out: 'lifted 1 fault(s)\n' });
    expect((await fleet.call('GET', '/faults')).json.faults).toEqual([]);
  });

  it('metrics: the raw Prometheus text', async () => {
    const { code, out } = await ctl('metrics');
    expect(code).toBe(0);
    expect(out).toContain('# TYPE labfleet_command_duration_seconds histogram\n');
    expect(out).toContain('labfleet_devices{platform="cisco_ios",availability="up"} 10\n');
  });

  it("the API's errors are printed as its message, exit 2; nothing applied", async () => {
    const unknown = await ctl('unplug', 'R99:Gi2');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^labfleet: drift\[0\]\.unplug: "R99" is not a node of this topology; .* \[DRIFT_INVALID\]\n$/,
    );
    const kind = await ctl('fault', 'melt', '--device', 'R1');
    expect(kind.code).toBe(2);
    expect(kind.err).toMatch(
      /^labfleet: kind: "melt" is not valid; valid: down, hang, .*, reboot \[FAULT_INVALID\]\n$/,
    );
    expect((await ctl('fault', 'down', '--device', 'R99')).err).toMatch(/\[DEVICE_UNKNOWN\]/);
    expect((await ctl('unfault', 'f999')).err).toMatch(/no fault "f999" is in force \[FAULT_UNKNOWN\]/);
    const both = await ctl('fault', 'down');
    expect(both).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--device <name…> or --fraction <F>/) as string,
    });
    expect((await fleet.call('GET', '/faults')).json.faults).toEqual([]);
  });

  it('nothing listening at the control URL: one line naming it and the likely cause', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const captured = captureIO();
    const code = await runCli(['ctl', 'status', '--control', url], captured.io);
    expect(code).toBe(2);
    expect(captured.err).toBe(
      `labfleet: cannot reach the control API at ${url}: connection refused: is \`labfleet up\` running (and not with --no-control), on this port? [CONTROL_UNREACHABLE]\n`,
    );
  });

  it('where: --control, else LABFLEET_CONTROL_URL, else the only running lab; a token from --token or LABFLEET_CONTROL_TOKEN', async () => {
    await expect(controlTarget({ control: 'http://127.0.0.1:1/' }, {})).resolves.toEqual({
      url: 'http://127.0.0.1:1',
    });
    await expect(
      controlTarget({}, { LABFLEET_CONTROL_URL: 'http://127.0.0.1:2', LABFLEET_CONTROL_TOKEN: 't' }),
    ).resolves.toEqual({ url: 'http://127.0.0.1:2', token: 't' });
    await expect(
      controlTarget({ control: 'http://127.0.0.1:3', token: 'x' }, { LABFLEET_CONTROL_TOKEN: 't' }),
    ).resolves.toEqual({ url: 'http://127.0.0.1:3', token: 'x' });
    // This file's state directory is its own (test/setup-state-dir.ts): no lab runs there.
    await expect(controlTarget({}, {})).rejects.toThrow(
      /no lab is running; give --lab <name>, --control <url>/,
    );
    await expect(controlTarget({ lab: 'nosuch' }, {})).rejects.toThrow(/no lab "nosuch" is running/);
    await expect(controlTarget({ lab: 'x', control: 'http://127.0.0.1:4' }, {})).rejects.toThrow(/give one/);
    await expect(controlTarget({ control: '127.0.0.1:80' }, {})).rejects.toThrow(
      /not an http:\/\/ or https:\/\/ URL; did you mean http:\/\/127\.0\.0\.1:80\?/,
    );
  });

  it('a token-protected API: 401 without the token, served with it', async () => {
    const { startControlServer } = await import('../../simulator/control/index.js');
    const server = await startControlServer(fleet.lab.fleet, { token: 'tok' });
    try {
      const without = captureIO();
      expect(await runCli(['ctl', 'clear', '--control', server.url], without.io)).toBe(2);
      expect(without.err).toMatch(/Authorization: Bearer <token>.* \[CONTROL_UNAUTHORIZED\]\n$/);
      const withToken = captureIO();
      expect(await runCli(['ctl', 'clear', '--control', server.url, '--token', 'tok'], withToken.io)).toBe(0);
      expect(withToken.out).toBe('lifted 0 fault(s)\n');
    } finally {
      await server.close();
    }
  });
});
