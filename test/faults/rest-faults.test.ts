/**
 * Per-device faults on the REST APIs (eAPI, NX-API, RESTCONF, Junos REST), applied through the
 * fleet's control and met by curl, python requests and pyeapi over real loopback sockets: what each
 * client reports, that lifting the fault restores normal answers, and that the device's REST
 * counters move.
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestFleet, type TestFleet } from '../../client/testing/index.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { TEST_DIR, waitUntil } from '../helpers.js';
import { available, DEBIAN_PYTHON, run } from '../e2e/clients.js';

const PROBE = join(TEST_DIR, 'faults', 'rest_probe.py');
const EAPI_BODY = JSON.stringify({
  jsonrpc: '2.0',
  method: 'runCmds',
  params: { version: 1, cmds: ['show version'], format: 'json' },
  id: '1',
});
const NXAPI_BODY = JSON.stringify({
  ins_api: {
    version: '1.0',
    type: 'cli_show',
    chunk: '0',
    sid: '1',
    input: 'show version',
    output_format: 'json',
  },
});
const HOSTNAME = '/restconf/data/Cisco-IOS-XE-native:native/hostname';

interface Curled {
  exit: number;
  status: string;
  body: string;
  seconds: number;
  bytes: number;
  stderr: string;
}

/** One curl call (certificate unchecked, `--max-time`): exit code, status, body, time, bytes. */
async function curl(url: string, args: string[], maxTime = 5): Promise<Curled> {
  const argv = ['-sSk', '--max-time', String(maxTime), '-w', '\n%{http_code} %{time_total} %{size_download}'];
  let stdout: string;
  let stderr: string;
  let exit = 0;
  try {
    ({ stdout, stderr } = await run('curl', [...argv, ...args, url], { timeout: (maxTime + 10) * 1000 }));
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    ({ stdout, stderr } = failed);
    exit = failed.code;
  }
  const cut = stdout.lastIndexOf('\n');
  const [status = '', seconds = '0', bytes = '0'] = stdout.slice(cut + 1).split(' ');
  return { exit, status, body: stdout.slice(0, cut), seconds: Number(seconds), bytes: Number(bytes), stderr };
}

interface Probed {
  ok: boolean;
  error?: string;
  message?: string;
  status?: number;
  parsed?: boolean;
  text?: string;
  seconds: number;
}

/** rest_probe.py under Debian's python: what pyeapi or requests made of one call. */
async function probe(args: string[]): Promise<Probed> {
  const { stdout } = await run(DEBIAN_PYTHON, [PROBE, ...args], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Probed;
}

let lab: TestFleet;
let eos: InventoryDevice;
let nxos: InventoryDevice;
let ios: InventoryDevice;
let junos: InventoryDevice;

/** The request each API's clients send most: `show version` (RESTCONF: the hostname). */
function showVersion(device: InventoryDevice, auth = 'admin:admin'): [string, string[]] {
  const base = device.rest_url!;
  const user = ['-u', auth];
  switch (device.platform) {
    case 'arista_eos':
      return [`${base}/command-api`, [...user, '-H', 'content-type: application/json-rpc', '-d', EAPI_BODY]];
    case 'cisco_nxos':
      return [`${base}/ins`, [...user, '-H', 'content-type: application/json', '-d', NXAPI_BODY]];
    case 'juniper_junos':
      return [`${base}/rpc/get-software-information`, [...user, '-H', 'accept: application/json']];
    default:
      return [`${base}${HOSTNAME}`, [...user, '-H', 'accept: application/yang-data+json']];
  }
}

const curlShow = (device: InventoryDevice, maxTime = 5, auth?: string) => {
  const [url, args] = showVersion(device, auth);
  return curl(url, args, maxTime);
};

const counters = (device: InventoryDevice) => lab.fleet.control.device(device.name).counters.rest!;

/** A raw TCP connection to the device's REST port; resolves once connected. */
function open(device: InventoryDevice): Promise<Socket> {
  const url = new URL(device.rest_url!);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

const eapiProbe = (device: InventoryDevice, timeout = 2) => {
  const url = new URL(device.rest_url!);
  return probe(['pyeapi', url.hostname, url.port, 'admin', 'admin', String(timeout)]);
};

beforeAll(async () => {
  lab = await startTestFleet({ topology: 'lab-100', netconf: false });
  const named = (name: string) => lab.devices.find((d) => d.name === name)!;
  eos = named('r1-ar12');
  nxos = named('r1-nx05');
  ios = named('r1-rt09');
  junos = named('r2-jx14');
}, 60_000);
afterAll(() => lab?.stop());
afterEach(() => lab.fleet.control.clearFaults());

describe('REST connection faults', () => {
  it('hang: the connection is taken and never answered, counted until the client gives up', async () => {
    const clean = await curlShow(eos);
    expect(clean.status).toBe('200');
    await lab.fleet.control.addFault({ kind: 'hang', devices: [eos.name] });
    const hung = await curlShow(eos, 1);
    expect(hung.exit).toBe(28);
    // curl counts the TLS handshake as connecting: it never finished.
    expect(hung.stderr).toMatch(/Connection timed out after/);
    const held = await open(eos);
    await waitUntil(() => counters(eos).sessions === 1, 'the session is counted', 5000);
    held.destroy();
    await waitUntil(() => counters(eos).sessions === 0, 'no session is counted', 5000);
    await lab.fleet.control.clearFaults();
    expect((await curlShow(eos)).status).toBe('200');
  });

  it.skipIf(!available('pyeapi'))('hang: pyeapi times out', async () => {
    await lab.fleet.control.addFault({ kind: 'hang', devices: [eos.name] });
    const seen = await eapiProbe(eos, 1);
    expect(seen.ok).toBe(false);
    expect(seen.message).toMatch(/handshake operation timed out/);
    expect(seen.seconds).toBeGreaterThanOrEqual(0.9);
  });

  it('slow-banner: the TLS handshake starts after the delay, then the answer is normal', async () => {
    await lab.fleet.control.addFault({ kind: 'slow-banner', devices: [nxos.name], delay: '400ms' });
    const slow = await curlShow(nxos);
    expect(slow.status).toBe('200');
    expect(slow.seconds).toBeGreaterThanOrEqual(0.4);
    expect(JSON.parse(slow.body)).toMatchObject({ ins_api: { outputs: { output: { code: '200' } } } });
  });

  it('auth-fail: right credentials get exactly what wrong ones get, on every API', async () => {
    for (const device of [eos, nxos, ios, junos]) {
      const wrong = await curlShow(device, 5, 'admin:wrong');
      expect(wrong.status).toBe('401');
      const before = counters(device);
      const fault = await lab.fleet.control.addFault({ kind: 'auth-fail', devices: [device.name] });
      const refused = await curlShow(device);
      expect({ status: refused.status, body: refused.body }).toEqual({ status: '401', body: wrong.body });
      const after = counters(device);
      expect(after.authFailures).toBe(before.authFailures + 1);
      expect(after.logins).toBe(before.logins);
      await lab.fleet.control.removeFault(fault.id);
      expect((await curlShow(device)).status).toBe('200');
    }
  });

  it.skipIf(!available('pyeapi'))(
    'auth-fail: pyeapi reports the 401 as it does for a bad password',
    async () => {
      await lab.fleet.control.addFault({ kind: 'auth-fail', devices: [eos.name] });
      const seen = await eapiProbe(eos);
      expect(seen).toMatchObject({ ok: false, error: 'ConnectionError' });
      expect(seen.message).toMatch(/^Unauthorized\. .*Bad username\/password combination/);
    },
  );

  it("vty-full: the front end's 503 page (nginx; lighttpd on Junos), before credentials are read", async () => {
    await lab.fleet.control.addFault({
      kind: 'vty-full',
      devices: [eos.name, nxos.name, ios.name, junos.name],
    });
    for (const device of [eos, nxos, ios]) {
      const full = await curlShow(device, 5, 'admin:wrong');
      expect(full.status).toBe('503');
      expect(full.body).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
    }
    const lighttpd = await curlShow(junos);
    expect(lighttpd.status).toBe('503');
    expect(lighttpd.body).toContain('<h1>503 - Service Unavailable</h1>');
    await lab.fleet.control.clearFaults();
    expect((await curlShow(junos)).status).toBe('200');
  });

  it.skipIf(!available('pyeapi'))(
    'vty-full: pyeapi cannot read the page as eAPI; requests sees the 503',
    async () => {
      await lab.fleet.control.addFault({ kind: 'vty-full', devices: [eos.name, ios.name] });
      expect(await eapiProbe(eos)).toMatchObject({
        ok: false,
        error: 'ConnectionError',
        message: 'unable to connect to eAPI',
      });
      expect(await probe(['requests', `${ios.rest_url}${HOSTNAME}`, 'admin', 'admin', '5'])).toMatchObject({
        status: 503,
        parsed: false,
      });
    },
  );
});

describe('REST command faults', () => {
  it('drop-mid-output: curl reads part of the body and fails with 18 (partial file)', async () => {
    const clean = await curlShow(eos);
    const before = counters(eos);
    await lab.fleet.control.addFault({ kind: 'drop-mid-output', devices: [eos.name, nxos.name] });
    const cut = await curlShow(eos);
    expect(cut.exit).toBe(18);
    expect(cut.stderr).toMatch(/transfer closed with \d+ bytes remaining to read/);
    expect(cut.bytes).toBeGreaterThan(0);
    expect(cut.bytes).toBeLessThan(clean.bytes);
    expect(clean.body.startsWith(cut.body)).toBe(true);
    expect(counters(eos).bytesSent - before.bytesSent).toBe(cut.bytes);
    expect((await curlShow(nxos)).exit).toBe(18);
    await lab.fleet.control.clearFaults();
    expect((await curlShow(eos)).body).toBe(clean.body);
  });

  it.skipIf(!available('pyeapi'))('drop-mid-output: pyeapi meets IncompleteRead', async () => {
    await lab.fleet.control.addFault({ kind: 'drop-mid-output', devices: [eos.name] });
    const seen = await eapiProbe(eos);
    expect(seen).toMatchObject({ ok: false, error: 'IncompleteRead' });
  });

  it('command-hang: the handshake and request go through, no answer ever comes', async () => {
    const before = counters(junos);
    await lab.fleet.control.addFault({ kind: 'command-hang', devices: [junos.name, ios.name] });
    const hung = await curlShow(junos, 1);
    expect(hung.exit).toBe(28);
    expect(hung.stderr).toMatch(/Operation timed out after \d+ milliseconds with 0 bytes received/);
    const seen = await probe(['requests', `${ios.rest_url}${HOSTNAME}`, 'admin', 'admin', '1']);
    expect(seen).toMatchObject({ ok: false, error: 'ReadTimeout' });
    // Taken (a login), never answered (no command, no bytes).
    const after = counters(junos);
    expect(after.logins).toBe(before.logins + 1);
    expect(after.commands).toBe(before.commands);
    expect(after.bytesSent).toBe(before.bytesSent);
    await lab.fleet.control.clearFaults();
    expect((await curlShow(junos)).status).toBe('200');
  });

  it('garble: the body arrives whole, its bytes changed, and no longer parses', async () => {
    const clean = await probe(['requests', `${ios.rest_url}${HOSTNAME}`, 'admin', 'admin', '5']);
    expect(clean).toMatchObject({ status: 200, parsed: true });
    await lab.fleet.control.addFault({ kind: 'garble', devices: [ios.name, eos.name], rate: 0.3 });
    const garbled = await probe(['requests', `${ios.rest_url}${HOSTNAME}`, 'admin', 'admin', '5']);
    expect(garbled).toMatchObject({ status: 200, parsed: false });
    expect(garbled.text).toHaveLength(clean.text!.length);
    expect(garbled.text).not.toBe(clean.text);
    const eapi = await curlShow(eos);
    expect(eapi.exit).toBe(0);
    expect(() => JSON.parse(eapi.body) as unknown).toThrow();
  });

  it('slow: an outlier takes the extra delay on top of the usual answer', async () => {
    await lab.fleet.control.addFault({ kind: 'slow', devices: [nxos.name], delay: '400ms', rate: 1 });
    const slow = await curlShow(nxos);
    expect(slow.status).toBe('200');
    expect(slow.seconds).toBeGreaterThanOrEqual(0.4);
  });

  it('counts what REST served: logins, commands, bytes, sessions back to none', async () => {
    const before = counters(eos);
    const answered = await curlShow(eos);
    await waitUntil(() => counters(eos).sessions === 0, 'no session is counted', 5000);
    const after = counters(eos);
    expect(after.logins).toBe(before.logins + 1);
    expect(after.commands).toBe(before.commands + 1);
    expect(after.bytesSent).toBe(before.bytesSent + answered.bytes);
  });
});

describe('REST fault bounds and determinism', () => {
  let first: TestFleet;
  let second: TestFleet;
  beforeAll(async () => {
    const limits = { restLimits: { handshakeTimeoutMs: 300, hungRequestMs: 300 } };
    [first, second] = await Promise.all([
      startTestFleet({ topology: 'routers-10', netconf: false, ...limits }),
      startTestFleet({ topology: 'routers-10', netconf: false, ...limits }),
    ]);
  }, 60_000);
  afterAll(() => Promise.all([first?.stop(), second?.stop()]));

  const r1 = (fleet: TestFleet) => fleet.devices.find((d) => d.name === 'R1')!;

  it('hang: a held connection is closed at the handshake deadline, and by `down`', async () => {
    await first.fleet.control.addFault({ kind: 'hang', devices: ['R1'] });
    const held = await open(r1(first));
    const closed = new Promise<Buffer[]>((resolve) => {
      const got: Buffer[] = [];
      held.on('data', (chunk: Buffer) => got.push(chunk));
      held.once('close', () => resolve(got));
    });
    expect(await closed).toEqual([]);
    const again = await open(r1(first));
    const gone = new Promise((resolve) => again.once('close', resolve));
    await first.fleet.control.addFault({ kind: 'down', devices: ['R1'] });
    await gone;
    await first.fleet.control.clearFaults();
    expect(first.fleet.control.device('R1').counters.rest!.sessions).toBe(0);
  });

  it('command-hang: the hung request is closed at its bound; curl sees an empty reply', async () => {
    await first.fleet.control.addFault({ kind: 'command-hang', devices: ['R1'] });
    const hung = await curl(`${r1(first).rest_url}${HOSTNAME}`, ['-u', 'admin:admin'], 10);
    expect(hung.exit).toBe(52);
    await first.fleet.control.clearFaults();
  });

  it('garble: the same seed and requests garble the same bytes', async () => {
    const garbled = await Promise.all(
      [first, second].map(async (fleet) => {
        await fleet.fleet.control.addFault({ kind: 'garble', devices: ['R1'], rate: 0.5 });
        const bodies: string[] = [];
        for (let i = 0; i < 2; i++)
          bodies.push((await curl(`${r1(fleet).rest_url}${HOSTNAME}`, ['-u', 'admin:admin'])).body);
        await fleet.fleet.control.clearFaults();
        return bodies;
      }),
    );
    expect(garbled[0]).toEqual(garbled[1]);
    expect(garbled[0]![0]).not.toBe(garbled[0]![1]);
  });
});
