/** `labfleet collect` against a running fleet: named facts and raw commands, JSON and CSV. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { captureIO, closedPort } from '../helpers.js';

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('routers-10'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
});
afterAll(() => fleet?.stop());

async function collect(...argv: string[]) {
  const captured = captureIO();
  const code = await runCli(
    ['collect', ...argv, 'routers-10', '--ssh-port', String(fleet.sshPort)],
    captured.io,
  );
  return { code, out: captured.out, err: captured.err };
}

describe('labfleet collect', () => {
  it('cdp as CSV: one row per neighbour, each led by its device', async () => {
    const { code, out } = await collect('cdp', '--format', 'csv');
    expect(code).toBe(0);
    const [header, ...rows] = out.trim().split('\n');
    expect(header).toBe(
      'device,platform,status,protocol,local_interface,remote_device,remote_interface,remote_platform,remote_mgmt_address,detail',
    );
    expect(rows).toHaveLength(30); // 15 cables seen from both ends
    expect(rows).toContain(
      'R1,cisco_ios,ok,cdp,GigabitEthernet2,R2,GigabitEthernet2,cisco CSR1000V,127.110.0.2,',
    );
  });

  it('version and arp as JSON, and any raw command', async () => {
    const version = JSON.parse((await collect('version')).out) as {
      devices: Array<{ device: string; version: { hostname: string; model: string } }>;
    };
    expect(version.devices.map((d) => [d.device, d.version.hostname, d.version.model])).toContainEqual([
      'R7',
      'R7',
      'CSR1000V',
    ]);
    const arp = JSON.parse((await collect('arp')).out) as {
      devices: Array<{ arp: Array<{ address: string }> }>;
    };
    expect(arp.devices[0]!.arp.map((e) => e.address)).toContain('127.110.0.1');
    const raw = JSON.parse((await collect('--raw', 'show clock')).out) as {
      devices: Array<{ raw: Record<string, string> }>;
    };
    expect(raw.devices[0]!.raw['show clock']).toBe('*09:30:00.000 UTC Thu Jan 15 2026');
  });

  it('LLDP switched off is no neighbours, not an error; a refused raw command is returned as printed', async () => {
    const { code, out } = await collect('lldp', '--format', 'csv');
    expect(code).toBe(0); // IOS speaks LLDP; routers-10 just has it off: no neighbours, no error
    expect(out.trim().split('\n')).toHaveLength(1);
    const refused = await collect('--raw', 'show bogus');
    expect(refused.code).toBe(0); // a raw command's output is returned as the device printed it
    expect(refused.out).toContain("% Invalid input detected at '^' marker.");
  });

  it('an unreachable fleet: every device an error row, exit 1', async () => {
    const captured = captureIO();
    const stopped = await closedPort('127.110.0.1');
    const code = await runCli(
      [
        'collect',
        'version',
        'routers-10',
        '--ssh-port',
        String(stopped),
        '--retries',
        '0',
        '--format',
        'csv',
      ],
      captured.io,
    );
    expect(code).toBe(1);
    expect(captured.out.trim().split('\n').slice(1)).toHaveLength(10);
    expect(captured.out).toContain(
      `R1,cisco_ios,error,,,,,,CONNECT_REFUSED: 127.110.0.1:${stopped}: connection refused`,
    );
  });

  it('refuses a target it does not know, naming the valid ones, instead of sending it as a command', async () => {
    const { code, out, err } = await collect('lldpp');
    expect(out).toBe('');
    expect(err).toMatch(
      /^labfleet: collect: unknown target "lldpp" \(did you mean "lldp"\?\); valid: arp, cdp, lldp, memory, neighbors, version, or --raw "<command>".* \[USAGE\]\n$/,
    );
    expect(code).toBe(2);
    expect((await collect('show clock')).err).toMatch(/unknown target "show clock";.*--raw/);
  });

  it('takes the topology as the one argument with --raw, and several --raw commands', async () => {
    const captured = captureIO();
    const code = await runCli(
      [
        'collect',
        '--raw',
        'show clock',
        '--raw',
        'show users',
        'routers-10',
        '--ssh-port',
        String(fleet.sshPort),
        '--format',
        'csv',
      ],
      captured.io,
    );
    expect(code).toBe(0);
    const rows = captured.out.trim().split('\n');
    expect(rows[0]).toBe('device,platform,status,command,output,detail');
    expect(rows.filter((r) => r.startsWith('R1,'))).toHaveLength(2);
    expect(captured.err).toBe('collect raw: 10 of 10 devices answered; 0 failed\n');
    const both = await collect('arp', '--raw', 'show clock');
    expect(both.err).toMatch(/with --raw, the only argument is the topology.*\[USAGE\]/);
    expect(both.code).toBe(2);
  });
});
