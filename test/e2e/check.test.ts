/** `labfleet check` against real fleets: clean, drifted, stopped, other documentation, bad input. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology, parseTopology } from '../../simulator/topology/load.js';
import { captureIO, closedPort, FIXTURES, TOPOLOGIES } from '../helpers.js';

let cleanPort: number;
let driftedPort: number;
let stoppedPort: number; // nothing listens here
const fleets: Fleet[] = [];
const dir = mkdtempSync(join(tmpdir(), 'labfleet-check-'));

async function check(...argv: string[]) {
  const captured = captureIO();
  const code = await runCli(['check', ...argv, '--no-progress'], captured.io);
  return { code, out: captured.out, err: captured.err };
}

beforeAll(async () => {
  const routers = await loadTopology('routers-10');
  const drift = parseDrift(readFileSync(join(FIXTURES, 'check', 'routers-10-drift.yaml'), 'utf8'), routers);
  fleets.push(await startFleet({ topology: routers, rest: false, sshPort: 0, commandLatencyMs: 0 }));
  fleets.push(
    await startFleet({ topology: routers, world: drift, rest: false, sshPort: 0, commandLatencyMs: 0 }),
  );
  cleanPort = fleets[0]!.sshPort;
  driftedPort = fleets[1]!.sshPort;
  stoppedPort = await closedPort('127.110.0.1');
});
afterAll(() => Promise.all(fleets.map((f) => f.stop())));

describe('labfleet check', () => {
  it('a clean lab: exit 0, the verdict, and the timing line', async () => {
    const { code, out } = await check('routers-10', '--ssh-port', String(cleanPort));
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Cabling 100% coincides with the documentation!\nIt took \d+\.\d\d s for 10 devices \(\d+\.\d{3} s per device\)\n$/,
    );
  });

  it('mixed-vendor lab-100 (IOS, NX-OS, EOS, Junos): every cable verified over CDP and LLDP', async () => {
    const lab = await startFleet({
      topology: await loadTopology('lab-100'),
      rest: false,
      sshPort: 0,
      commandLatencyMs: 0,
    });
    try {
      const { code, out } = await check('lab-100', '--ssh-port', String(lab.sshPort), '--format', 'json');
      const report = JSON.parse(out) as {
        ok: boolean;
        cables: { documented: number; verified: number };
        devices: { checked: number };
      };
      expect(report).toMatchObject({
        ok: true,
        cables: { documented: 777, verified: 777 },
        devices: { checked: 100 },
      });
      expect(code).toBe(0);
    } finally {
      await lab.stop();
    }
  }, 60_000);

  it('a drifted lab: exit 1 with exactly the drift, and nothing else', async () => {
    const { code, out } = await check('routers-10', '--ssh-port', String(driftedPort));
    expect(code).toBe(1);
    expect(out.split('\n').slice(0, -2)).toEqual([
      'SWAPPED     R1 GigabitEthernet2 and R1 GigabitEthernet3: their cables (to R2 GigabitEthernet2 and R10 GigabitEthernet3) are exchanged',
      'MOVED       the cable from R10 GigabitEthernet4 is in R5 GigabitEthernet5, documented in R5 GigabitEthernet4',
      'MISSING     R3 GigabitEthernet4 <-> R8 GigabitEthernet4: documented, not seen',
      'UNEXPECTED  R7 GigabitEthernet7 <-> R9 GigabitEthernet7: seen, not documented',
      'Cabling: 11 of 15 documented cables verified; 4 problems.',
    ]);
  });

  it('a stopped fleet: one line for every device unverifiable, in bounded time', async () => {
    const { code, out } = await check(
      'routers-10',
      '--ssh-port',
      String(stoppedPort),
      '--timeout',
      '2s',
      '--retries',
      '1',
    );
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines.filter((l) => l.startsWith('UNVERIFIABLE'))).toEqual([]);
    expect(lines[0]).toMatch(
      new RegExp(
        `^UNREACHABLE: all 10 devices failed alike over SSH at 127\\.110\\.0\\.1:${stoppedPort} … 127\\.110\\.0\\.10:${stoppedPort} \\[CONNECT_REFUSED\\]; likely: nothing listens there`,
      ),
    );
    expect(out).toContain('Cabling: 0 of 15 documented cables verified; 1 problem.');
  }, 20_000);

  it('verifies the fleet against the cabling CSV and the containerlab file', async () => {
    for (const doc of ['routers-10.csv', 'routers-10.clab.yml']) {
      const { code, out } = await check(
        'routers-10',
        '--ssh-port',
        String(cleanPort),
        '--doc',
        join(TOPOLOGIES, doc),
      );
      expect({ doc, code, first: out.split('\n')[0] }).toEqual({
        doc,
        code: 0,
        first: 'Cabling 100% coincides with the documentation!',
      });
    }
  });

  it('reports a malformed CSV row with its line, and checks the rest', async () => {
    const csv = join(dir, 'cabling.csv');
    writeFileSync(csv, readFileSync(join(TOPOLOGIES, 'routers-10.csv'), 'utf8') + 'R1,Gig9\n');
    const { code, out } = await check('routers-10', '--ssh-port', String(cleanPort), '--doc', csv);
    expect(code).toBe(1);
    expect(out).toContain(`DOCUMENTATION ${csv}:32: expected 4 non-empty columns`);
    expect(out).toContain('Cabling: 15 of 15 documented cables verified; 1 problem.');
  });

  it('JSON, JUnit and Markdown reports, to a file', async () => {
    const file = join(dir, 'report.json');
    expect(
      (await check('routers-10', '--ssh-port', String(driftedPort), '--format', 'json', '--output', file))
        .code,
    ).toBe(1);
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      ok: boolean;
      findings: Array<{ kind: string }>;
      timing: { devices: number };
    };
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toEqual(['swapped', 'moved', 'missing', 'unexpected']);
    expect(report.timing.devices).toBe(10);
    const junit = (await check('routers-10', '--ssh-port', String(driftedPort), '--format', 'junit')).out;
    // 15 documented cables and the ones seen instead; failing where the 4 findings are
    expect(junit).toMatch(/<testsuites name="labfleet check" tests="19" failures="8" errors="0"/);
    const markdown = (await check('routers-10', '--ssh-port', String(cleanPort), '--format', 'markdown')).out;
    expect(markdown).toMatch(
      /^# Cabling check: 15 of 15 documented cables verified; 0 problems\n\nCabling 100% coincides with the documentation!\n/,
    );
    expect(markdown.match(/Cabling/g)).toHaveLength(2);
  });

  it.each([
    [['--format', 'pdf'], /--format "pdf" is not supported; valid: text, json, junit, markdown/],
    [['--timeout', 'soon'], /--timeout "soon" is not a duration/],
    [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 10000/],
    [['--transport', 'telnet'], /--transport "telnet" is not supported; valid: ssh, rest/],
    [['--rest-ca', '/nonexistent.pem'], /--rest-ca \/nonexistent.pem: ENOENT/],
  ])('%j exits 2', async (args, message) => {
    const { code, err } = await check('routers-10', ...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('bad devices are findings, the rest completes', () => {
  let garbage: Server;
  let hanging: Fleet;
  beforeAll(async () => {
    garbage = createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n\x00\x01\x02garbage'));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    const topology = parseTopology(
      [
        'name: hang-lab',
        'mgmt: { pool: 127.152.0.0/24 }',
        'nodes:',
        '  A: { model: CSR1000V }',
        '  B: { model: CSR1000V, latency: { command: 60s } }',
        'links:',
        '  - endpoints: ["A:Gi2", "B:Gi2"]',
      ].join('\n'),
    );
    hanging = await startFleet({ topology, rest: false, sshPort: 0 });
  });
  afterAll(async () => {
    garbage.close();
    await hanging.stop();
  });

  it('wrong credentials, a device that hangs, a server that speaks garbage, an undocumented device', async () => {
    const inventory = join(dir, 'inventory.json');
    const device = (name: string, host: string, port: number, password = 'admin') => ({
      name,
      platform: 'cisco_ios',
      host,
      port,
      username: 'admin',
      password,
      secret: 'admin',
    });
    const clean = fleets[0]!.devices;
    writeFileSync(
      inventory,
      JSON.stringify({
        devices: [
          ...clean.slice(0, 9).map((d) => device(d.name, d.host, d.port!)),
          device('R10', clean[9]!.host, clean[9]!.port!, 'wrong'),
          device('B', '127.152.0.2', hanging.sshPort),
          device('junk', '127.0.0.1', (garbage.address() as AddressInfo).port),
        ],
      }),
    );
    const { code, out } = await check(
      'routers-10',
      '--inventory',
      inventory,
      '--timeout',
      '1500ms',
      '--retries',
      '0',
    );
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines).toContain(
      `UNVERIFIABLE R10: ${clean[9]!.host}:${clean[9]!.port}: authentication failed for admin [AUTH_FAILED]`,
    );
    expect(lines.find((l) => l.startsWith('UNVERIFIABLE B:'))).toMatch(/\[TIMEOUT\]$/);
    expect(lines.find((l) => l.startsWith('UNVERIFIABLE junk:'))).toMatch(/\[CONNECT_FAILED\]$/);
    // R10's cables are still verified from the other end; nothing is missing.
    expect(lines.filter((l) => /^(MISSING|UNEXPECTED|MISWIRED|MOVED|SWAPPED)/.test(l))).toEqual([]);
    expect(out).toContain('Cabling: 15 of 15 documented cables verified; 3 problems.');
  }, 30_000);
});
