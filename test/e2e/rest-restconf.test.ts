/**
 * IOS-XE RESTCONF on a real fleet over loopback HTTPS: curl and python requests as third-party
 * clients in JSON and XML, the errors IOS-XE answers with (401, 404, 406, 415), several requests
 * on one keep-alive connection, the client's own REST driver, and a hostname written over
 * RESTCONF showing up in the SSH prompt.
 */
import { Agent, request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ciscoIosRestDriver } from '../../client/drivers/rest/cisco-ios.js';
import { openRestSession } from '../../client/transport/rest-session.js';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { DEBIAN_PYTHON, run } from './clients.js';
import { startFrozenLab, ADMIN, rawRequest } from '../rest.js';
import { connect, shell } from './ssh.js';

const CDP = '/restconf/data/Cisco-IOS-XE-cdp-oper:cdp-neighbor-details';
const HOSTNAME = '/restconf/data/Cisco-IOS-XE-native:native/hostname';

let fleet: Fleet;
let rt09: InventoryDevice;
let sw04: InventoryDevice;

beforeAll(async () => {
  fleet = await startFrozenLab();
  rt09 = fleet.devices.find((d) => d.name === 'r1-rt09')!;
  sw04 = fleet.devices.find((d) => d.name === 'r1-sw04')!;
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
});

/** curl's body, then a last line with the status and content type. */
async function curl(args: string[]): Promise<{ body: string; status: string; type: string }> {
  const { stdout } = await run('curl', ['-sk', '-w', '\n%{http_code} %{content_type}', ...args], {
    timeout: 15_000,
  });
  const cut = stdout.lastIndexOf('\n');
  const [status = '', type = ''] = stdout.slice(cut + 1).split(' ');
  return { body: stdout.slice(0, cut), status, type };
}

describe('curl', () => {
  it('discovers the API root through host-meta', async () => {
    const meta = await curl(['-u', 'admin:admin', `${rt09.rest_url}/.well-known/host-meta`]);
    expect(meta.status).toBe('200');
    expect(meta.type).toMatch(/^application\/xrd\+xml/);
    expect(meta.body).toContain("<Link rel='restconf' href='/restconf'/>");
  });

  it('reads CDP neighbours in JSON, and XML when no Accept is sent', async () => {
    const json = await curl([
      '-u',
      'admin:admin',
      '-H',
      'Accept: application/yang-data+json',
      `${rt09.rest_url}${CDP}`,
    ]);
    expect(json.status).toBe('200');
    expect(json.type).toBe('application/yang-data+json');
    const doc = JSON.parse(json.body) as Record<
      string,
      { 'cdp-neighbor-detail': Array<Record<string, unknown>> }
    >;
    const names = doc['Cisco-IOS-XE-cdp-oper:cdp-neighbor-details']!['cdp-neighbor-detail'].map(
      (n) => n['device-name'],
    );
    const expected = fleet
      .runtime('r1-rt09')!
      .state()
      .neighbors.filter((n) => n.protocol === 'cdp')
      .map((n) => n.deviceId);
    expect(names).toEqual(expected);
    const xml = await curl(['-u', 'admin:admin', `${rt09.rest_url}${CDP}`]);
    expect(xml.type).toMatch(/^application\/yang-data\+xml/);
    expect(xml.body).toMatch(
      /^<cdp-neighbor-details xmlns="http:\/\/cisco.com\/ns\/yang\/Cisco-IOS-XE-cdp-oper">/,
    );
  });

  it('answers 401 with a challenge without or with wrong credentials', async () => {
    for (const auth of [[], ['-u', 'admin:wrong']]) {
      const reply = await curl([
        ...auth,
        '-H',
        'Accept: application/yang-data+json',
        `${rt09.rest_url}${CDP}`,
      ]);
      expect(reply.status).toBe('401');
      expect(JSON.parse(reply.body)).toEqual({
        'ietf-restconf:errors': { error: [{ 'error-type': 'protocol', 'error-tag': 'access-denied' }] },
      });
    }
    const { stdout } = await run('curl', ['-sk', '-o', '/dev/null', '-D', '-', `${rt09.rest_url}${CDP}`], {
      timeout: 15_000,
    });
    expect(stdout).toMatch(/^www-authenticate: Basic realm=/im);
  });
});

describe('python requests', () => {
  it('reads JSON and XML and gets the RESTCONF errors', async () => {
    const script = `
import json, sys, requests, urllib3
urllib3.disable_warnings()
base = sys.argv[1]
s = requests.Session()
s.auth = ("admin", "admin")
J = {"Accept": "application/yang-data+json"}
out = {}
r = s.get(base + "/restconf/data/Cisco-IOS-XE-memory-oper:memory-statistics", headers=J, verify=False)
out["memory"] = [r.status_code, r.headers["Content-Type"], r.json()["Cisco-IOS-XE-memory-oper:memory-statistics"]["memory-statistic"][0]["name"]]
r = s.get(base + "/restconf/data/Cisco-IOS-XE-native:native/hostname", headers={"Accept": "application/yang-data+xml"}, verify=False)
out["xml"] = [r.status_code, r.text.strip()]
r = s.get(base + "/restconf/data/Cisco-IOS-XE-cdp-oper:nothing", headers=J, verify=False)
out["missing"] = [r.status_code, r.json()["ietf-restconf:errors"]["error"][0]["error-message"]]
r = s.get(base + "/restconf/data/Cisco-IOS-XE-cdp-oper:cdp-neighbor-details", headers={"Accept": "application/json"}, verify=False)
out["accept"] = r.status_code
r = s.put(base + "/restconf/data/Cisco-IOS-XE-native:native/hostname", headers={**J, "Content-Type": "application/json"}, data=json.dumps({"Cisco-IOS-XE-native:hostname": "x"}), verify=False)
out["content_type"] = r.status_code
r = requests.get(base + "/restconf", auth=("admin", "nope"), verify=False, headers=J)
out["denied"] = [r.status_code, r.headers.get("WWW-Authenticate")]
print(json.dumps(out))
`;
    const { stdout } = await run(DEBIAN_PYTHON, ['-c', script, rt09.rest_url!], { timeout: 20_000 });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out.memory).toEqual([200, expect.stringMatching(/^application\/yang-data\+json/), 'Processor']);
    expect(out.xml).toEqual([
      200,
      '<hostname xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native">r1-rt09</hostname>',
    ]);
    expect(out.missing).toEqual([404, 'uri keypath not found']);
    expect(out.accept).toBe(406);
    expect(out.content_type).toBe(415);
    expect(out.denied).toEqual([401, expect.stringMatching(/^Basic realm=/)]);
  });
});

describe('one keep-alive connection', () => {
  it('serves several requests on the same socket', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
    const url = new URL(rt09.rest_url!);
    const ports: number[] = [];
    const statuses: number[] = [];
    try {
      for (const path of [CDP, '/restconf', '/restconf/data/Cisco-IOS-XE-nope:x', HOSTNAME]) {
        await new Promise<void>((resolve, reject) => {
          const req = httpsRequest(
            {
              agent,
              host: url.hostname,
              port: url.port,
              path,
              auth: 'admin:admin',
              headers: { accept: 'application/yang-data+json' },
              timeout: 10_000,
            },
            (res) => {
              ports.push(res.socket.localPort!);
              statuses.push(res.statusCode ?? 0);
              res.resume();
              res.on('end', resolve);
            },
          );
          req.on('timeout', () => req.destroy(new Error('timeout')));
          req.on('error', reject);
          req.end();
        });
      }
    } finally {
      agent.destroy();
    }
    expect(statuses).toEqual([200, 200, 404, 200]);
    expect(new Set(ports).size).toBe(1);
  });

  it('the client REST driver reads neighbours, ARP, version and memory over one session', async () => {
    const session = openRestSession(
      { name: rt09.name, restUrl: rt09.rest_url!, ...ADMIN },
      { timeoutMs: 10_000 },
    );
    try {
      const state = fleet.runtime('r1-rt09')!.state();
      for (const collector of ciscoIosRestDriver.neighbors) {
        const neighbors = collector.parse(await session.request(collector.request));
        expect(neighbors.map((n) => n.remoteDevice)).toEqual(
          state.neighbors.filter((n) => n.protocol === collector.protocol).map((n) => n.deviceId),
        );
      }
      const arp = ciscoIosRestDriver.arp.parse(await session.request(ciscoIosRestDriver.arp.request));
      expect(arp.length).toBeGreaterThan(0);
      const version = ciscoIosRestDriver.version.parse(
        await session.request(ciscoIosRestDriver.version.request),
      );
      expect(version).toMatchObject({ hostname: 'r1-rt09', model: 'ASR1001-X', serial: state.serial });
      const memory = ciscoIosRestDriver.memory.parse(
        await session.request(ciscoIosRestDriver.memory.request),
      );
      expect(memory.totalBytes).toBe(state.memory.pools[0]!.total);
    } finally {
      session.close();
    }
  });
});

describe('configuration made over RESTCONF', () => {
  it('a hostname PUT shows in the SSH prompt and in GET', async () => {
    const reply = await rawRequest(sw04.rest_url!, {
      method: 'PUT',
      path: HOSTNAME,
      auth: ADMIN,
      headers: { 'content-type': 'application/yang-data+json', accept: 'application/yang-data+json' },
      body: JSON.stringify({ 'Cisco-IOS-XE-native:hostname': 'restconf-renamed' }),
    });
    expect(reply.status).toBe(204);
    const back = await rawRequest(sw04.rest_url!, {
      path: HOSTNAME,
      auth: ADMIN,
      headers: { accept: 'application/yang-data+json' },
    });
    expect(JSON.parse(back.body)).toEqual({ 'Cisco-IOS-XE-native:hostname': 'restconf-renamed' });
    const client = await connect({ host: sw04.host, port: sw04.port });
    try {
      const sh = await shell(client);
      await sh.expect(/restconf-renamed[>#]$/, 10_000);
    } finally {
      client.end();
    }
  });
});
