/** A check result made by hand, with timeline spans, for the HTML report's unit tests. */
import type { CheckResult } from '../../client/check.js';
import type { DeviceResult } from '../../client/collect.js';
import type { TimelineSpan } from '../../client/timeline.js';

/** connect, auth, shell and one command for a device starting at `at` ms, each `step` ms long. */
export function spansFrom(at: number, step = 10, failed = false): TimelineSpan[] {
  return [
    { phase: 'connect', label: 'connect', startMs: at, endMs: at + step },
    { phase: 'auth', label: 'auth', startMs: at + step, endMs: at + 2 * step },
    { phase: 'shell', label: 'shell', startMs: at + 2 * step, endMs: at + 3 * step },
    {
      phase: 'command',
      label: 'show cdp neighbors detail',
      startMs: at + 3 * step,
      endMs: at + 4 * step,
      ...(failed ? { failed: true } : {}),
    },
  ];
}

export function deviceResult(device: string, timeline: TimelineSpan[], ok = true): DeviceResult {
  return {
    device,
    platform: 'cisco_ios',
    host: '127.0.0.1',
    port: 2222,
    status: ok ? 'ok' : 'error',
    ok,
    ...(ok ? {} : { error: { code: 'TIMEOUT', message: 'no answer in 10 s' } }),
    seconds: 0.04,
    attempts: 1,
    timeline,
  };
}

/**
 * Three devices in a chain r1 — r2 — r3 (plus r4 unreachable): r1's cable to r2 is missing, an
 * undocumented r1 — r3 cable was seen, and r4 timed out (its cable to r3 unverifiable).
 */
export function syntheticCheck(): CheckResult {
  const port = (device: string, n: number) => ({ device, interface: `GigabitEthernet0/${n}` });
  return {
    documentation: {
      source: 'lab <&> "x".yaml',
      devices: ['r1', 'r2', 'r3', 'r4'],
      cables: [
        { a: port('r1', 1), b: port('r2', 1) },
        { a: port('r2', 2), b: port('r3', 1) },
        { a: port('r3', 2), b: port('r4', 1) },
      ],
      problems: [{ where: 'lab.yaml:9:3', message: 'port used twice' }],
    },
    report: {
      documentation: 'lab <&> "x".yaml',
      devices: { total: 4, checked: 3 },
      cables: { documented: 3, verified: 1, unverifiable: 1 },
      unverifiableCables: [{ a: port('r3', 2), b: port('r4', 1) }],
      findings: [
        { kind: 'missing', a: port('r1', 1), b: port('r2', 1) },
        { kind: 'unexpected', a: port('r1', 3), b: port('r3', 3) },
      ],
      unverifiable: [{ device: 'r4', code: 'TIMEOUT', message: 'no answer in 10 s' }],
      undocumentedDevices: [],
      documentationProblems: [{ where: 'lab.yaml:9:3', message: 'port used twice' }],
      ok: false,
    },
    results: [
      deviceResult('r2', spansFrom(5)),
      deviceResult('r1', spansFrom(0)),
      deviceResult('r3', spansFrom(2)),
      deviceResult(
        'r4',
        [{ phase: 'connect', label: 'connect', startMs: 1, endMs: 100, failed: true }],
        false,
      ),
    ],
    timing: { seconds: 0.1, devices: 4 },
  };
}
