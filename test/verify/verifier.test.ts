import { describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../client/collect.js';
import type { ObservedNeighbor } from '../../client/drivers/types.js';
import { documentationFromCsv, type Documentation } from '../../client/verify/documentation.js';
import { describeFinding, verifyCabling } from '../../client/verify/verifier.js';

const port = (spec: string) => ({ device: spec.split(':')[0]!, interface: spec.split(':')[1]! });
const doc = (...cables: Array<[string, string]>): Documentation => ({
  source: 'doc',
  cables: cables.map(([a, b]) => ({ a: port(a), b: port(b) })),
  devices: [...new Set(cables.flat().map((c) => c.split(':')[0]!))],
  problems: [],
});

/** Results in which every device sees exactly the given cables (from both ends). */
function seeing(devices: string[], cables: Array<[string, string]>, failed: string[] = []): DeviceResult[] {
  return devices.map((device) => {
    if (failed.includes(device))
      return {
        device,
        platform: 'cisco_ios',
        host: 'h',
        port: 1,
        status: 'error',
        ok: false,
        error: { code: 'AUTH_FAILED', message: 'authentication failed' },
        seconds: 0,
        attempts: 1,
        timeline: [],
      };
    const neighbors: ObservedNeighbor[] = cables.flatMap(([a, b]) =>
      [
        [a, b],
        [b, a],
      ]
        .filter(([x]) => x!.startsWith(`${device}:`))
        .map(([x, y]) => ({
          protocol: 'cdp' as const,
          localInterface: x!.split(':')[1]!,
          remoteDevice: `${y!.split(':')[0]}.lab.example.com`,
          remoteInterface: y!.split(':')[1]!,
        })),
    );
    return {
      device,
      platform: 'cisco_ios',
      host: 'h',
      port: 1,
      status: 'ok',
      ok: true,
      neighbors,
      timeline: [],
      seconds: 0,
      attempts: 1,
    };
  });
}

const R = ['R1', 'R2', 'R3', 'R4', 'R5'];
const documented: Array<[string, string]> = [
  ['R1:GigabitEthernet2', 'R2:GigabitEthernet2'],
  ['R1:GigabitEthernet3', 'R3:GigabitEthernet2'],
  ['R1:GigabitEthernet4', 'R4:GigabitEthernet2'],
  ['R2:GigabitEthernet3', 'R3:GigabitEthernet3'],
  ['R4:GigabitEthernet3', 'R5:GigabitEthernet2'],
];
const ios = () => 'cisco_ios' as const;

describe('verifier', () => {
  it('a perfect match: every cable verified, nothing else', () => {
    const report = verifyCabling(doc(...documented), seeing(R, documented), ios);
    expect(report).toMatchObject({ ok: true, findings: [], cables: { documented: 5, verified: 5 } });
  });

  it('normalises hostnames (FQDN, NX-OS serial) and abbreviated ports', () => {
    const results = seeing(R, documented);
    results[0]!.neighbors![0] = {
      protocol: 'cdp',
      localInterface: 'Gi2',
      remoteDevice: 'R2(SAL1234ABCD)',
      remoteInterface: 'Gig 2',
    };
    expect(verifyCabling(doc(...documented), results, ios).ok).toBe(true);
  });

  it('turns each kind of deviation into exactly one finding', () => {
    const actual: Array<[string, string]> = [
      ['R1:GigabitEthernet2', 'R2:GigabitEthernet2'],
      ['R1:GigabitEthernet3', 'R4:GigabitEthernet2'], // swapped with Gi4
      ['R1:GigabitEthernet4', 'R3:GigabitEthernet2'],
      // R2 Gi3 – R3 Gi3 unplugged
      ['R5:GigabitEthernet5', 'R5:GigabitEthernet2'], // moved from R4 Gi3
      ['R3:GigabitEthernet9', 'R5:GigabitEthernet9'], // added
    ];
    const report = verifyCabling(doc(...documented), seeing(R, actual), ios);
    expect(report.findings.map((f) => f.kind).sort()).toEqual(['missing', 'moved', 'swapped', 'unexpected']);
    expect(report.findings.map(describeFinding)).toEqual([
      'SWAPPED     R1 GigabitEthernet3 and R1 GigabitEthernet4: their cables (to R3 GigabitEthernet2 and R4 GigabitEthernet2) are exchanged',
      'MOVED       the cable from R5 GigabitEthernet2 is in R5 GigabitEthernet5, documented in R4 GigabitEthernet3',
      'MISSING     R2 GigabitEthernet3 <-> R3 GigabitEthernet3: documented, not seen',
      'UNEXPECTED  R3 GigabitEthernet9 <-> R5 GigabitEthernet9: seen, not documented',
    ]);
    expect(report.cables.verified).toBe(1);
  });

  it('a far end that moved to a free port is a move', () => {
    const actual: Array<[string, string]> = [
      ...documented.slice(0, 4),
      ['R4:GigabitEthernet3', 'R1:GigabitEthernet9'],
    ];
    const report = verifyCabling(doc(...documented), seeing(R, actual), ios);
    expect(report.findings.map(describeFinding)).toEqual([
      'MOVED       the cable from R4 GigabitEthernet3 is in R1 GigabitEthernet9, documented in R5 GigabitEthernet2',
    ]);
  });

  it('a port that sees a port documented elsewhere is miswired', () => {
    const actual: Array<[string, string]> = [
      ...documented.slice(0, 3),
      ['R4:GigabitEthernet3', 'R3:GigabitEthernet3'],
    ];
    const report = verifyCabling(doc(...documented), seeing(R, actual), ios);
    expect(report.findings.map(describeFinding)).toEqual([
      'MISWIRED    R3 GigabitEthernet3: documented to R2 GigabitEthernet3, found R4 GigabitEthernet3',
      'MISSING     R4 GigabitEthernet3 <-> R5 GigabitEthernet2: documented, not seen',
    ]);
  });

  it('a cable seen from one end only is one-sided', () => {
    const results = seeing(R, documented);
    results[1]!.neighbors = results[1]!.neighbors!.filter((n) => n.localInterface !== 'GigabitEthernet2'); // R2 does not see R1
    expect(verifyCabling(doc(...documented), results, ios).findings.map(describeFinding)).toEqual([
      'ONE-SIDED   R1 GigabitEthernet2 <-> R2 GigabitEthernet2: seen only from R1',
    ]);
  });

  it('never verifies what it could not check: failed devices, documented devices not checked', () => {
    const report = verifyCabling(
      doc(...documented),
      seeing(['R1', 'R2', 'R3', 'R4'], documented, ['R3']),
      ios,
    );
    expect(report.ok).toBe(false);
    expect(report.unverifiable.map((u) => `${u.device} ${u.code}`)).toEqual([
      'R3 AUTH_FAILED',
      'R5 NOT_IN_INVENTORY',
    ]);
    // R1–R3 is seen from R1, so verified; R2–R3 likewise; R4–R5 is seen from R4.
    expect(report.findings).toEqual([]);
  });

  it('names devices that answer but are not documented', () => {
    const report = verifyCabling(doc(...documented), seeing([...R, 'R9'], documented), ios);
    expect(report.undocumentedDevices).toEqual(['R9']);
    expect(report.ok).toBe(true);
  });
});

describe('cabling CSV', () => {
  it('accepts abbreviated ports, both directions, and reports bad rows with their line', () => {
    const text =
      'local_hostname,local_port,remote_hostname,remote_port\nR1,Gig2,R2,Gig2\nR2,Gig2,R1,Gig2\nR1,Gig3\n\nR1.lab,Gi4,R4,GigabitEthernet2\n';
    const parsed = documentationFromCsv(text, 'cabling.csv', () => 'cisco_ios');
    expect(parsed.cables).toEqual([
      {
        a: { device: 'R1', interface: 'GigabitEthernet2' },
        b: { device: 'R2', interface: 'GigabitEthernet2' },
      },
      {
        a: { device: 'R1', interface: 'GigabitEthernet4' },
        b: { device: 'R4', interface: 'GigabitEthernet2' },
      },
    ]);
    expect(parsed.problems).toEqual([
      {
        where: 'cabling.csv:4',
        message:
          'expected 4 non-empty columns (local_hostname,local_port,remote_hostname,remote_port), got "R1,Gig3"',
      },
    ]);
  });

  it('refuses a file without the header', () => {
    expect(() => documentationFromCsv('a,b,c,d\n', 'x.csv', () => undefined)).toThrow(
      expect.objectContaining({ code: 'DOCUMENTATION_INVALID' }),
    );
  });
});
