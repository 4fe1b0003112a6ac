/**
 * `check` against addresses where nothing answers says so once, with the likely cause, in every
 * report format: nothing listening (SSH, NETCONF), plain HTTP against HTTPS and HTTPS against plain
 * HTTP. A fleet where some devices answer keeps its per-device lines. The exit code stays 1.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { startTestFleet, type TestFleet } from '../../client/testing/index.js';
import { captureIO, closedPort } from '../helpers.js';

let https: TestFleet;
let plain: TestFleet;

beforeAll(async () => {
  [https, plain] = await Promise.all([
    startTestFleet({ topology: 'routers-10' }),
    startTestFleet({ topology: 'routers-10', restPlain: true }),
  ]);
});
afterAll(() => Promise.all([https?.stop(), plain?.stop()]));

async function check(...argv: string[]) {
  const captured = captureIO();
  const code = await runCli(
    ['check', 'routers-10', '--no-progress', '--timeout', '5s', '--retries', '0', ...argv],
    captured.io,
  );
  return { code, out: captured.out };
}

/** The text report's problem lines (everything but the summary and timing lines). */
const problems = (out: string) =>
  out.split('\n').filter((l) => l && !l.startsWith('Cabling:') && !l.startsWith('It took'));

describe('check where nothing answers', () => {
  it('SSH, nothing listening: one line naming the count, the addresses, what was tried and `labfleet up`', async () => {
    const port = await closedPort('127.110.0.1');
    const { code, out } = await check('--ssh-port', String(port));
    expect(code).toBe(1);
    const lines = problems(out);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `UNREACHABLE: all 10 devices failed alike over SSH at 127.110.0.1:${port} … 127.110.0.10:${port} [CONNECT_REFUSED]; ` +
        'likely: nothing listens there: the fleet is not running (start it with `labfleet up`), or it listens elsewhere: ' +
        'give check --lab <name> (`labfleet ls` lists the running labs), the --bind and --ssh-port that `labfleet up` was given, or --inventory with the file up wrote ' +
        `(check tried --bind ip --ssh-port ${port})`,
    );
  });

  it('every format carries the summary; JSON keeps each device too', async () => {
    const port = String(await closedPort('127.110.0.1'));
    const json = await check('--ssh-port', port, '--format', 'json');
    const report = JSON.parse(json.out) as {
      ok: boolean;
      unverifiable: Array<{ device: string; code: string }>;
      unreachable: Record<string, unknown>;
    };
    expect(report.ok).toBe(false);
    expect(report.unverifiable.map((u) => u.code)).toEqual(Array(10).fill('CONNECT_REFUSED'));
    expect(report.unreachable).toMatchObject({
      code: 'CONNECT_REFUSED',
      devices: 10,
      transport: 'ssh',
      bind: 'ip',
      addresses: `127.110.0.1:${port} … 127.110.0.10:${port}`,
    });
    expect(report.unreachable.cause).toContain('labfleet up');

    const junit = await check('--ssh-port', port, '--format', 'junit');
    const suites = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testsuite' || name === 'testcase',
    }).parse(junit.out) as {
      testsuites: {
        failures: string;
        errors: string;
        testsuite: Array<{ name: string; testcase: Array<{ name: string; error?: { type: string } }> }>;
      };
    };
    // every cable an error (no end answered), and one summary line for the fleet, not one per device
    expect([suites.testsuites.failures, suites.testsuites.errors]).toEqual(['0', '16']);
    const cabling = suites.testsuites.testsuite.find((s) => s.name === 'cabling')!;
    expect(cabling.testcase.map((t) => t.name.split(' [')[0])).toEqual([
      `UNREACHABLE: all 10 devices failed alike over SSH at 127.110.0.1:${port} … 127.110.0.10:${port}`,
    ]);
    const cables = suites.testsuites.testsuite.filter((s) => s.name !== 'cabling').flatMap((s) => s.testcase);
    expect(cables).toHaveLength(15);
    expect(new Set(cables.map((t) => t.error?.type))).toEqual(new Set(['CONNECT_REFUSED']));

    const markdown = await check('--ssh-port', port, '--format', 'markdown');
    expect(markdown.out.match(/^- `UNREACHABLE: all 10 devices/gm)).toHaveLength(1);
    expect(markdown.out).not.toContain('UNVERIFIABLE');
    expect(markdown.out).toContain('| problems | 1 |');
    expect([json.code, junit.code, markdown.code]).toEqual([1, 1, 1]);
  });

  it('NETCONF, nothing listening on the NETCONF port', async () => {
    const port = await closedPort('127.110.0.1');
    const { code, out } = await check(
      '--transport',
      'netconf',
      '--ssh-port',
      String(https.sshPort),
      '--netconf-port',
      String(port),
    );
    expect(code).toBe(1);
    const lines = problems(out);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^UNREACHABLE: all 10 devices failed alike over NETCONF at 127\\.110\\.0\\.1:${port} … 127\\.110\\.0\\.10:${port} \\[CONNECT_REFUSED\\]; .*\\(check tried --bind ip --netconf-port ${port}\\)$`,
      ),
    );
  });

  it('plain HTTP against an HTTPS fleet: says to drop --rest-plain', async () => {
    const { code, out } = await check(
      '--transport',
      'rest',
      '--ssh-port',
      String(https.sshPort),
      '--rest-port',
      String(https.restPort),
      '--rest-plain',
    );
    expect(code).toBe(1);
    const lines = problems(out);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^UNREACHABLE: all 10 devices failed alike over REST at http:\/\/127\.110\.0\.1:\d+ … http:\/\/127\.110\.0\.10:\d+ \[SESSION_CLOSED\]; likely: .*the fleet serves HTTPS \(started without --rest-plain\); run check without --rest-plain$/,
    );
  });

  it('HTTPS against a plain-HTTP fleet: says to add --rest-plain', async () => {
    const { code, out } = await check(
      '--transport',
      'rest',
      '--ssh-port',
      String(plain.sshPort),
      '--rest-port',
      String(plain.restPort),
    );
    expect(code).toBe(1);
    const lines = problems(out);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^UNREACHABLE: all 10 devices failed alike over REST at https:\/\/127\.110\.0\.1:\d+ … https:\/\/127\.110\.0\.10:\d+ \[TLS_FAILED\]; likely: they answer plain HTTP, not HTTPS: the fleet was started with `up --rest-plain`; run check with --rest-plain too$/,
    );
  });

  it('some devices answering: one line per device that did not, no summary', async () => {
    const fault = await https.fleet.control.addFault({ kind: 'down', devices: ['R1', 'R2'] });
    try {
      const { code, out } = await check('--ssh-port', String(https.sshPort), '--format', 'json');
      const report = JSON.parse(out) as { unreachable?: unknown; unverifiable: Array<{ device: string }> };
      expect(code).toBe(1);
      expect(report.unreachable).toBeUndefined();
      expect(report.unverifiable.map((u) => u.device)).toEqual(['R1', 'R2']);
    } finally {
      await https.fleet.control.removeFault(fault.id);
    }
  });
});
