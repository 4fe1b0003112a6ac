/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- the tests walk parsed NX-API documents */
/**
 * NX-API on a real fleet over loopback HTTPS: curl and python requests in both forms (ins_api
 * and JSON-RPC), nginx's refusals, several requests on one keep-alive connection, and the
 * labfleet REST driver against the same device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ciscoNxosRestDriver } from '../../client/drivers/rest/cisco-nxos.js';
import { openRestSession, type RestSession } from '../../client/transport/rest-session.js';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import type { RestCollector } from '../../client/drivers/rest/types.js';
import { startFrozenLab, rawRequest } from '../rest.js';
import { DEBIAN_PYTHON, run } from './clients.js';

const TIMEOUT = { timeout: 15_000 };

let fleet: Fleet;
let nexus: InventoryDevice;
let url: string;

beforeAll(async () => {
  fleet = await startFrozenLab();
  nexus = fleet.devices.find((d) => d.name === 'r2-nx02')!;
  url = nexus.rest_url!;
});
afterAll(() => fleet?.stop());

const insApi = (type: string, input: string) =>
  JSON.stringify({ ins_api: { version: '1.0', type, chunk: '0', sid: '1', input, output_format: 'json' } });

/** curl -sk, printing the body then the status on a last line. */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-sk', '--max-time', '10', '-w', '\n%{http_code}', ...args], TIMEOUT);
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

describe('curl', () => {
  it('ins_api cli_show: structured show version', async () => {
    const { status, body } = await curl([
      '-u',
      'admin:admin',
      '-H',
      'Content-Type: application/json',
      '-d',
      insApi('cli_show', 'show version'),
      `${url}/ins`,
    ]);
    expect(status).toBe(200);
    const output = JSON.parse(body).ins_api.outputs.output;
    expect(output).toMatchObject({
      code: '200',
      msg: 'Success',
      body: { host_name: 'r2-nx02', nxos_ver_str: '10.3(4a)' },
    });
  });

  it('JSON-RPC cli and cli_ascii', async () => {
    const batch = JSON.stringify([
      { jsonrpc: '2.0', method: 'cli', params: { cmd: 'show clock', version: 1 }, id: 1 },
      { jsonrpc: '2.0', method: 'cli_ascii', params: { cmd: 'show clock', version: 1 }, id: 2 },
    ]);
    const { status, body } = await curl([
      '-u',
      'admin:admin',
      '-H',
      'Content-Type: application/json-rpc',
      '-d',
      batch,
      `${url}/ins`,
    ]);
    expect(status).toBe(200);
    const [structured, text] = JSON.parse(body);
    expect(structured.result.body.simple_time).toBe('09:30:00.000 UTC Thu Jan 15 2026\n');
    expect(text).toMatchObject({ id: 2, result: { msg: expect.stringContaining('Time source is') } });
  });

  it('refusals: wrong password 401, GET 405, unknown path 404, JSON-RPC error 500', async () => {
    const wrong = await curl([
      '-u',
      'admin:nope',
      '-H',
      'Content-Type: application/json',
      '-d',
      insApi('cli_show', 'show clock'),
      `${url}/ins`,
    ]);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('401 Authorization Required');
    expect((await curl(['-u', 'admin:admin', `${url}/ins`])).status).toBe(405);
    expect((await curl(['-u', 'admin:admin', '-d', '{}', `${url}/ins2`])).status).toBe(404);
    const bad = await curl([
      '-u',
      'admin:admin',
      '-H',
      'Content-Type: application/json-rpc',
      '-d',
      JSON.stringify([{ jsonrpc: '2.0', method: 'cli', params: { cmd: 'show bogus', version: 1 }, id: 1 }]),
      `${url}/ins`,
    ]);
    expect(bad.status).toBe(500);
    expect(JSON.parse(bad.body)[0].error).toMatchObject({
      code: -32602,
      message: 'Invalid params',
    });
  });
});

const PYTHON = String.raw`
import json, sys, http.client, ssl, base64, requests, urllib3
urllib3.disable_warnings()
url = sys.argv[1]
auth = ('admin', 'admin')
out = {}
r = requests.post(url + '/ins', auth=auth, verify=False, timeout=10,
    headers={'content-type': 'application/json'},
    data=json.dumps({'ins_api': {'version': '1.0', 'type': 'cli_show', 'chunk': '0', 'sid': '1',
        'input': 'show cdp neighbors ;show ip arp', 'output_format': 'json'}}))
out['ins'] = [r.status_code, r.json()]
r = requests.post(url + '/ins', auth=auth, verify=False, timeout=10,
    headers={'content-type': 'application/json-rpc'},
    data=json.dumps([{'jsonrpc': '2.0', 'method': 'cli', 'params': {'cmd': 'show system resources', 'version': 1}, 'id': 1}]))
out['rpc'] = [r.status_code, r.json()]
r = requests.post(url + '/ins', auth=('admin', 'wrong'), verify=False, timeout=10, data='{}')
out['unauthorized'] = [r.status_code, r.headers.get('www-authenticate')]
# Several requests on one connection: http.client raises if the server closed it in between.
host, port = url[len('https://'):].split(':')
conn = http.client.HTTPSConnection(host, int(port), context=ssl._create_unverified_context(), timeout=10)
token = base64.b64encode(b'admin:admin').decode()
codes = []
for cmd in ['show clock', 'show version', 'show interface brief']:
    body = json.dumps({'ins_api': {'version': '1.0', 'type': 'cli_show', 'chunk': '0', 'sid': '1', 'input': cmd, 'output_format': 'json'}})
    conn.request('POST', '/ins', body, {'Authorization': 'Basic ' + token, 'Content-Type': 'application/json'})
    resp = conn.getresponse()
    codes.append([resp.status, json.loads(resp.read())['ins_api']['outputs']['output']['code']])
out['keepalive'] = codes
out['same_socket'] = conn.sock is not None
print(json.dumps(out))
`;

describe('python requests', () => {
  it('both forms, 401, and keep-alive with several requests on one connection', async () => {
    const { stdout } = await run(DEBIAN_PYTHON, ['-c', PYTHON, url], TIMEOUT);
    const out = JSON.parse(stdout);
    const [status, ins] = out.ins;
    expect(status).toBe(200);
    const [cdp, arp] = ins.ins_api.outputs.output;
    expect(cdp.body.TABLE_cdp_neighbor_brief_info.ROW_cdp_neighbor_brief_info.length).toBeGreaterThan(0);
    expect(arp.body.TABLE_vrf.ROW_vrf['vrf-name-out']).toBe('default');
    expect(out.rpc[0]).toBe(200);
    expect(out.rpc[1][0].result.body.memory_usage_total).toBeGreaterThan(0);
    expect(out.unauthorized[0]).toBe(401);
    expect(out.unauthorized[1]).toMatch(/^Basic /);
    expect(out.keepalive).toEqual([
      [200, '200'],
      [200, '200'],
      [200, '200'],
    ]);
    expect(out.same_socket).toBe(true);
  });
});

describe('labfleet REST driver', () => {
  let session: RestSession;
  beforeAll(() => {
    session = openRestSession(
      { name: nexus.name, restUrl: url, username: 'admin', password: 'admin' },
      { timeoutMs: 10_000 },
    );
  });
  afterAll(() => session?.close());

  it('collects neighbours, ARP, version and memory over one keep-alive session', async () => {
    const ask = async <T>(c: RestCollector<T>) => c.parse(await session.request(c.request));
    const [cdp, lldp] = ciscoNxosRestDriver.neighbors;
    expect((await ask(cdp!)).length).toBeGreaterThan(0);
    expect((await ask(lldp!)).length).toBeGreaterThan(0);
    expect((await ask(ciscoNxosRestDriver.arp)).length).toBeGreaterThan(0);
    expect(await ask(ciscoNxosRestDriver.version)).toMatchObject({
      hostname: 'r2-nx02',
      version: '10.3(4a)',
    });
    expect((await ask(ciscoNxosRestDriver.memory)).totalBytes).toBeGreaterThan(0);
    expect(await ask(ciscoNxosRestDriver.raw!('show clock'))).toContain('09:30:00.000 UTC');
  });
});

describe('raw requests', () => {
  it('an oversized body is nginx 413', async () => {
    const answer = await rawRequest(url, {
      method: 'POST',
      path: '/ins',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(1024 * 1024 + 10, 0x20),
      auth: { username: 'admin', password: 'admin' },
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('413 Request Entity Too Large');
  });
});
