/**
 * Faults written down: a topology's `faults:` and an overlay file (`up --faults`) are checked with
 * located diagnostics, and a started fleet holds exactly the faults they name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCabling } from '../../client/check.js';
import { runCli } from '../../client/cli/program.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { startTestFleet, type TestFleet } from '../../client/testing/index.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { LabfleetError } from '../../simulator/errors.js';
import { parseFaults, validateFaultsText } from '../../simulator/topology/fault-files.js';
import { FAULT_KINDS } from '../../simulator/topology/faults.js';
import { loadTopology, parseTopology, validateTopologyText } from '../../simulator/topology/load.js';
import { captureIO, TOPOLOGIES } from '../helpers.js';

const ROUTERS = readFileSync(join(TOPOLOGIES, 'routers-10.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'labfleet-faults-'));
const fleets: TestFleet[] = [];
afterAll(() => Promise.all(fleets.map((f) => f.stop())));

/** routers-10 with a `faults:` list appended (lines indented as a YAML list). */
const withFaults = (...items: string[]) => `${ROUTERS}faults:\n${items.map((i) => `  - ${i}\n`).join('')}`;
/** The line a text's first line containing `needle` is on (1-based). */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('faults in a topology', () => {
  it('resolves each spec with its defaults, in order', () => {
    const topology = parseTopology(
      withFaults(
        '{kind: auth-fail, fraction: 0.1, seed: 3}',
        '{kind: flap, devices: [R2], port: Gi2, period: 4s}',
      ),
    );
    expect(topology.faults).toEqual([
      {
        kind: 'auth-fail',
        target: { fraction: 0.1, seed: 3 },
        params: { delayMs: 0, rate: 1, periodMs: 10_000, downtimeMs: 30_000 },
      },
      {
        kind: 'flap',
        target: { devices: ['R2'] },
        params: { delayMs: 0, rate: 1, port: 'Gi2', periodMs: 4000, downtimeMs: 30_000 },
      },
    ]);
    expect(parseTopology(ROUTERS).faults).toEqual([]);
  });

  it('an unknown kind is located and the kinds are listed', () => {
    const text = withFaults('{kind: down, devices: [R1]}', '{kind: melt, devices: [R1]}');
    const { diagnostics } = validateTopologyText(text, 'lab.yaml');
    expect(diagnostics.map((d) => [d.code, d.path, d.message, d.location?.line])).toEqual([
      [
        'FAULT_KIND_UNKNOWN',
        'faults[1].kind',
        `fault kind "melt" does not exist; kinds: ${FAULT_KINDS.join(', ')}`,
        lineOf(text, 'melt'),
      ],
    ]);
  });

  it('devices must be nodes of the topology, with a suggestion', () => {
    const text = withFaults('{kind: down, devices: [R1, r11x]}');
    const { diagnostics } = validateTopologyText(text);
    expect(diagnostics.map((d) => [d.code, d.path, d.location?.line])).toEqual([
      ['FAULT_DEVICE_UNKNOWN', 'faults[0].devices[1]', lineOf(text, 'r11x')],
    ]);
    expect(diagnostics[0]!.message).toMatch(/^"r11x" is not a node of this topology; did you mean "R1/);
  });

  it('both or neither of devices and fraction, or a seed without a fraction, are refused', () => {
    const text = withFaults(
      '{kind: down, devices: [R1], fraction: 0.5}',
      '{kind: down}',
      '{kind: down, devices: [R1], seed: 4}',
    );
    const { diagnostics } = validateTopologyText(text);
    expect(diagnostics.map((d) => [d.code, d.path, d.location?.line])).toEqual([
      ['FAULT_TARGET_INVALID', 'faults[0]', lineOf(text, 'fraction: 0.5')],
      ['FAULT_TARGET_INVALID', 'faults[1]', lineOf(text, '{kind: down}')],
      ['FAULT_TARGET_INVALID', 'faults[2]', lineOf(text, 'seed: 4')],
    ]);
    expect(diagnostics[0]!.message).toContain('either `devices` (names) or `fraction`');
  });

  it('parameters are checked by the schema: a fraction above 1, a bad duration, a flap port that is no interface', () => {
    const text = withFaults(
      '{kind: auth-fail, fraction: 1.5}',
      '{kind: reboot, devices: [R1], downtime: soon}',
      '{kind: flap, devices: [R1], port: Bogus9}',
    );
    const { diagnostics } = validateTopologyText(text);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['VALUE_INVALID', 'faults[0].fraction'],
      ['DURATION_INVALID', 'faults[1].downtime'],
    ]);
    // Semantic checks run once the schema passes.
    const port = validateTopologyText(withFaults('{kind: flap, devices: [R1], port: Bogus9}')).diagnostics;
    expect(port.map((d) => [d.code, d.path])).toEqual([['FAULT_PORT_INVALID', 'faults[0].port']]);
  });
});

describe('a faults overlay file', () => {
  const routers = parseTopology(ROUTERS);

  it('holds the same specs as a topology', () => {
    expect(parseFaults('faults:\n  - {kind: slow, devices: [R3], delay: 1s, rate: 0.5}\n', routers)).toEqual([
      {
        kind: 'slow',
        target: { devices: ['R3'] },
        params: { delayMs: 1000, rate: 0.5, periodMs: 10_000, downtimeMs: 30_000 },
      },
    ]);
  });

  it('is checked the same way, located in the overlay; FAULT_INVALID when it does not pass', () => {
    const text = 'faults:\n  - kind: down\n    devices: [R1]\n  - kind: hang\n    devices: [nosuch]\n';
    const { diagnostics } = validateFaultsText(text, routers, 'faults.yaml');
    expect(diagnostics.map((d) => [d.code, d.path, d.location?.file, d.location?.line])).toEqual([
      ['FAULT_DEVICE_UNKNOWN', 'faults[1].devices[0]', 'faults.yaml', 5],
    ]);
    expect(() => parseFaults(text, routers, 'faults.yaml')).toThrow(LabfleetError);
    expect(() => parseFaults('faults: []\nextra: 1\n', routers)).toThrow(/problem/);
    expect(validateFaultsText('fault: []\n', routers).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['KEY_MISSING', 'faults'],
      ['KEY_UNKNOWN', 'fault'],
    ]);
  });

  it('`up --faults` with an invalid overlay: exit 2, FAULT_INVALID and where', async () => {
    const file = join(dir, 'bad-faults.yaml');
    writeFileSync(file, 'faults:\n  - {kind: melt, devices: [R1]}\n');
    const captured = captureIO();
    const code = await runCli(
      ['up', 'routers-10', '--faults', file, '--ssh-port', '0', '--no-rest'],
      captured.io,
    );
    expect(code).toBe(2);
    expect(captured.err).toContain('FAULT_INVALID');
    expect(captured.err).toContain('faults[0].kind');
    expect(captured.err).toMatch(/line 2|:2:/);
  });
});

describe('a started fleet', () => {
  // auth-fail needs the SSH server to consult the device's faults (issue 12, the servers' part);
  // down needs only the control, which closes the device's listeners.
  it.each([
    ['auth-fail', 'AUTH_FAILED'],
    ['down', 'CONNECT_REFUSED'],
  ])(
    'lab-100 with `%s` on a tenth of it: exactly round(0.1 × N) devices fail (%s), the checker verifies the rest',
    async (kind, code) => {
      const text = `${readFileSync(join(TOPOLOGIES, 'lab-100.yaml'), 'utf8')}\nfaults:\n  - {kind: ${kind}, fraction: 0.1, seed: 3}\n`;
      const topology = parseTopology(text, 'lab-100-faults.yaml');
      const lab = await startTestFleet({ topology, rest: false, netconf: false });
      fleets.push(lab);
      const [fault] = lab.fleet.control.faults();
      expect(fault?.kind).toBe(kind);
      expect(fault?.devices).toHaveLength(Math.round(0.1 * lab.devices.length));
      const { report } = await checkCabling(lab.targets(), documentationFromTopology(topology), {
        ...DEFAULT_COLLECT_OPTIONS,
        timeouts: { connectMs: 10_000, commandMs: 10_000 },
        retries: 0,
      });
      expect(report.unverifiable.map((u) => u.device).sort()).toEqual([...fault!.devices].sort());
      expect(new Set(report.unverifiable.map((u) => u.code))).toEqual(new Set([code]));
      expect(report.devices.checked).toBe(lab.devices.length - fault!.devices.length);
      // Every cable between two devices that let the checker in is verified; none is reported wrong.
      expect(report.findings).toEqual([]);
      expect(report.cables.verified + report.cables.unverifiable).toBe(report.cables.documented);
      expect(report.cables.unverifiable).toBeGreaterThan(0);
      await lab.stop();
    },
  );

  it("an overlay applies after the topology's faults, the same fleet-wide", async () => {
    const topology = parseTopology(withFaults('{kind: down, devices: [R1]}'));
    const overlay = parseFaults('faults:\n  - {kind: auth-fail, devices: [R2, R3]}\n', topology);
    const lab = await startTestFleet({ topology, faults: overlay, rest: false, netconf: false });
    fleets.push(lab);
    expect(lab.fleet.control.faults().map((f) => [f.kind, f.devices])).toEqual([
      ['down', ['R1']],
      ['auth-fail', ['R2', 'R3']],
    ]);
    expect(lab.fleet.control.device('R1').availability).toBe('down');
  });

  it('a fault that cannot be applied stops the start (no listener left behind)', async () => {
    // R1's documented ports are all cabled, but a flap on a port with no cable cannot flap.
    const topology = parseTopology(withFaults('{kind: flap, devices: [R1], port: GigabitEthernet8}'));
    await expect(startTestFleet({ topology, rest: false, netconf: false })).rejects.toMatchObject({
      code: 'FAULT_INVALID',
    });
  });
});

it('the bundled topologies load with no faults', async () => {
  expect((await loadTopology('lab-100')).faults).toEqual([]);
});
