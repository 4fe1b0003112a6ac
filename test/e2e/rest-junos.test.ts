/**
 * Junos REST on a real fleet over loopback HTTPS: curl and python requests as third-party clients,
 * the client's REST driver against the SSH driver on the same boxes, the error answers, and
 * several requests on one keep-alive connection.
 */
import { Agent, request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { juniperJunosDriver } from '../../client/drivers/juniper-junos.js';
import { juniperJunosRestDriver } from '../../client/drivers/rest/juniper-junos.js';
import type { RestCollector } from '../../client/drivers/rest/types.js';
import { openRestSession, type RestSession } from '../../client/transport/rest-session.js';
import { openSession, type DeviceSession } from '../../client/transport/ssh-session.js';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { DEBIAN_PYTHON, run } from './clients.js';
import { startFrozenLab, ADMIN, rawRequest } from '../rest.js';

const BOUNDARY = 'harqgehabymwiax';

let fleet: Fleet;
let ex: InventoryDevice;
let mx: InventoryDevice;

beforeAll(async () => {
  fleet = await startFrozenLab();
  ex = fleet.devices.find((d) => d.name === 'r2-jx14')!;
  mx = fleet.devices.find((d) => d.name === 'r3-mx17')!;
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
});

describe('third-party clients', () => {
  it('curl: GET an RPC in JSON, and POST several into one multipart answer', async () => {
    const get = await run(
      'curl',
      [
        '-sk',
        '-u',
        'admin:admin',
        '-H',
        'Accept: application/json',
        '-w',
        '\n%{http_code} %{content_type}',
        `${mx.rest_url}/rpc/get-software-information`,
      ],
      { timeout: 15_000 },
    );
    const status = get.stdout.slice(get.stdout.lastIndexOf('\n') + 1);
    expect(status).toBe('200 application/json; charset=utf-8');
    const json = JSON.parse(get.stdout.slice(0, get.stdout.lastIndexOf('\n'))) as {
      'software-information': Array<Record<string, Array<{ data: string }>>>;
    };
    expect(json['software-information'][0]!['host-name']![0]!.data).toBe('r3-mx17');

    const post = await run(
      'curl',
      [
        '-sk',
        '-u',
        'admin:admin',
        '-D',
        '-',
        '-H',
        'Content-Type: application/xml',
        '-d',
        '<get-software-information/><get-lldp-neighbors-information/>',
        `${mx.rest_url}/rpc`,
      ],
      { timeout: 15_000 },
    );
    expect(post.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(post.stdout).toMatch(
      new RegExp(`\r\ncontent-type: multipart/mixed; boundary=${BOUNDARY}\r\n`, 'i'),
    );
    const parts = post.stdout.split(`--${BOUNDARY}`);
    expect(parts).toHaveLength(4);
    expect(parts[1]).toContain('<software-information');
    expect(parts[2]).toContain('<lldp-neighbors-information');
    expect(parts[3]).toBe('--\r\n');
  });

  it('curl without credentials: 401 with a Basic challenge', async () => {
    const { stdout } = await run('curl', ['-sk', '-D', '-', `${ex.rest_url}/rpc/get-software-information`], {
      timeout: 15_000,
    });
    expect(stdout).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(stdout).toMatch(/\r\nwww-authenticate: Basic realm="[^"]+"\r\n/i);
  });

  it('python requests: XML (parsed by ElementTree), JSON, text, and an rpc-error', async () => {
    const script = `
import json, sys, requests, urllib3
import xml.etree.ElementTree as ET
urllib3.disable_warnings()
base = sys.argv[1] + "/rpc/"
s = requests.Session()
s.auth = ("admin", "admin")
kw = {"verify": False, "timeout": 10}  # per request: REQUESTS_CA_BUNDLE would override a session's verify
xml = s.get(base + "get-arp-table-information", params={"no-resolve": ""}, **kw)
root = ET.fromstring(xml.content)
js = s.get(base + "get-lldp-neighbors-information", headers={"Accept": "application/json"}, **kw)
nbrs = js.json()["lldp-neighbors-information"][0]["lldp-neighbor-information"]
txt = s.post(base + "get-software-information", headers={"Accept": "text/plain"}, **kw)
bad = s.get(base + "get-bogus-information", **kw)
err = ET.fromstring(bad.content)
print(json.dumps({
  "xml": [xml.status_code, xml.headers["Content-Type"], root.tag, root.get("{http://xml.juniper.net/junos/*/junos}style"),
          len(root.findall("{*}arp-table-entry")), root.findtext("{*}arp-entry-count")],
  "lldp": [js.status_code, nbrs[0]["lldp-local-port-id"][0]["data"], len(nbrs)],
  "text": [txt.status_code, txt.text.splitlines()[0]],
  "error": [bad.status_code, err.tag, err.findtext("error-message"), err.findtext("error-info/bad-element")],
}))
`;
    const { stdout } = await run(DEBIAN_PYTHON, ['-c', script, ex.rest_url!], { timeout: 30_000 });
    const out = JSON.parse(stdout) as Record<string, unknown[]>;
    const [status, type, tag, style, entries, count] = out.xml!;
    expect([status, type, tag, style]).toEqual([
      200,
      'application/xml; charset=utf-8',
      '{http://xml.juniper.net/junos/20.4R3/junos-arp}arp-table-information',
      'no-resolve',
    ]);
    expect(String(entries)).toBe(count);
    expect(out.lldp).toEqual([200, 'ge-0/0/0', 16]);
    expect(out.text).toEqual([200, 'fpc0:']);
    expect(out.error).toEqual([500, 'rpc-error', 'syntax error', 'get-bogus-information']);
  });
});

describe('errors over the wire', () => {
  it('wrong password, wrong method, unknown path, oversized body: lighttpd pages', async () => {
    const wrong = await rawRequest(mx.rest_url!, {
      path: '/rpc/get-software-information',
      auth: { username: 'admin', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic realm=/);
    const method = await rawRequest(mx.rest_url!, {
      method: 'PUT',
      path: '/rpc/get-software-information',
      auth: ADMIN,
    });
    expect([method.status, method.headers.allow]).toEqual([405, 'GET, POST']);
    expect(method.body).toContain('<title>405 - Method Not Allowed</title>');
    const missing = await rawRequest(mx.rest_url!, { path: '/restconf/data', auth: ADMIN });
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<h1>404 - Not Found</h1>');
    const big = await rawRequest(mx.rest_url!, {
      method: 'POST',
      path: '/rpc',
      auth: ADMIN,
      headers: { 'content-type': 'application/xml' },
      body: Buffer.alloc(1024 * 1024 + 10, 'a'),
    });
    expect(big.status).toBe(413);
    expect(big.body).toContain('413 - Request Entity Too Large');
  });

  it('malformed XML is a 400 rpc-error; an unknown argument a 500 naming it', async () => {
    const malformed = await rawRequest(mx.rest_url!, {
      method: 'POST',
      path: '/rpc/get-arp-table-information',
      auth: ADMIN,
      body: '<no-resolve',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatch(/^<rpc-error>\n[\s\S]*<error-tag>malformed-message<\/error-tag>/);
    const unknown = await rawRequest(mx.rest_url!, {
      path: '/rpc/get-software-information?brief',
      auth: ADMIN,
    });
    expect(unknown.status).toBe(500);
    expect(unknown.body).toContain('<bad-element>brief</bad-element>');
  });
});

describe('one keep-alive connection', () => {
  it('serves several requests, errors included, on the same socket', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
    const url = new URL(mx.rest_url!);
    const get = (path: string, accept: string) =>
      new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
        const req = httpsRequest(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path,
            timeout: 10_000,
            headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, accept },
          },
          (res) => {
            let data = '';
            res.on('data', (c: Buffer) => (data += c.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, body: data }),
            );
          },
        );
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error(`no answer to ${path}`)));
        req.end();
      });
    try {
      const answers = [];
      for (const [path, accept] of [
        ['/rpc/get-software-information', 'application/json'],
        ['/rpc/get-bogus', 'application/xml'],
        ['/rpc/get-arp-table-information?no-resolve', 'text/plain'],
        ['/nope', 'application/xml'],
        ['/rpc/get-system-memory-information', 'application/xml'],
      ])
        answers.push(await get(path!, accept!));
      expect(answers.map((a) => a.status)).toEqual([200, 500, 200, 404, 200]);
      expect(answers.map((a) => a.reused)).toEqual([false, true, true, true, true]);
      expect(answers[2]!.body).toMatch(/^MAC Address\s+Address\s+Interface\s+Flags\n/);
    } finally {
      agent.destroy();
    }
  });
});

describe('the client REST driver', () => {
  for (const name of ['r2-jx14', 'r3-mx17'])
    it(`${name}: reads what the SSH driver reads over SSH`, async () => {
      const device = fleet.devices.find((d) => d.name === name)!;
      const rest: RestSession = openRestSession(
        { name, restUrl: device.rest_url!, ...ADMIN },
        { timeoutMs: 10_000 },
      );
      let ssh: DeviceSession | undefined;
      try {
        ssh = await openSession(
          { name, platform: 'juniper_junos', host: device.host, port: device.port!, ...ADMIN },
          juniperJunosDriver,
          { connectMs: 10_000, commandMs: 10_000 },
        );
        for (const command of juniperJunosDriver.onOpen) await ssh.run(command);
        const ask = async <T>(c: RestCollector<T>) => c.parse(await rest.request(c.request));
        const cli = async <T>(c: { command: string; parse(text: string): T }) =>
          c.parse(await ssh!.run(c.command));
        const neighbors = await ask(juniperJunosRestDriver.neighbors[0]!);
        expect(neighbors.length).toBeGreaterThan(0);
        const viaSsh = await cli(juniperJunosDriver.neighbors[0]!);
        expect(neighbors).toEqual(
          viaSsh.map(({ protocol, localInterface, remoteDevice, remoteInterface }) => ({
            protocol,
            localInterface,
            remoteDevice,
            remoteInterface,
          })),
        );
        expect(await ask(juniperJunosRestDriver.arp)).toEqual(await cli(juniperJunosDriver.arp));
        expect(await ask(juniperJunosRestDriver.version)).toEqual(await cli(juniperJunosDriver.version));
        expect(await ask(juniperJunosRestDriver.memory)).toEqual(await cli(juniperJunosDriver.memory));
        expect(await ask(juniperJunosRestDriver.raw!('get-arp-table-information?no-resolve'))).toMatch(
          /^MAC Address/,
        );
      } finally {
        ssh?.close();
        rest.close();
      }
    });
});
