/**
 * eAPI on a real fleet over loopback HTTPS: curl and python requests as third-party clients, the
 * client's own REST driver, EOS's error answers, keep-alive, and configuration made over eAPI
 * showing up in the SSH prompt.
 */
import { Agent, request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aristaEosDriver } from '../../client/drivers/arista-eos.js';
import { aristaEosRestDriver } from '../../client/drivers/rest/arista-eos.js';
import { openRestSession, type RestSession } from '../../client/transport/rest-session.js';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { DEBIAN_PYTHON, run } from './clients.js';
import { startFrozenLab, ADMIN, rawRequest } from '../rest.js';
import { connect, shell } from './ssh.js';

const runCmds = (cmds: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ jsonrpc: '2.0', method: 'runCmds', params: { version: 1, cmds, ...extra }, id: 'e2e' });

let fleet: Fleet;
let ar12: InventoryDevice;
let ar06: InventoryDevice;

beforeAll(async () => {
  fleet = await startFrozenLab();
  ar12 = fleet.devices.find((d) => d.name === 'r1-ar12')!;
  ar06 = fleet.devices.find((d) => d.name === 'r2-ar06')!;
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
});

describe('third-party clients', () => {
  it('curl posts runCmds and reads JSON', async () => {
    const { stdout } = await run(
      'curl',
      [
        '-sk',
        '-u',
        'admin:admin',
        '-H',
        'Content-Type: application/json-rpc',
        '-w',
        '\n%{http_code} %{content_type}',
        '-d',
        runCmds(['enable', 'show version']),
        `${ar12.rest_url}/command-api`,
      ],
      { timeout: 15_000 },
    );
    const [body, status] = stdout.split('\n');
    expect(status).toBe('200 application/json');
    const reply = JSON.parse(body!) as { id: string; result: Array<Record<string, unknown>> };
    expect(reply.id).toBe('e2e');
    expect(reply.result[0]).toEqual({});
    expect(reply.result[1]).toMatchObject({ modelName: 'DCS-7050SX3-48YC8', mfgName: 'Arista' });
  });

  it('python requests: results, text format and a command error', async () => {
    const script = `
import json, sys, requests, urllib3
urllib3.disable_warnings()
url = sys.argv[1] + "/command-api"
def call(cmds, fmt="json"):
    body = {"jsonrpc": "2.0", "method": "runCmds", "params": {"version": 1, "format": fmt, "cmds": cmds}, "id": 1}
    r = requests.post(url, json=body, auth=("admin", "admin"), verify=False, timeout=10)
    return r.status_code, r.json()
s1, ok = call(["enable", "show lldp neighbors", "show hostname"])
s2, text = call(["enable", "show clock"], "text")
s3, bad = call(["enable", "show bogus"])
print(json.dumps({"status": [s1, s2, s3], "neighbors": len(ok["result"][1]["lldpNeighbors"]),
  "hostname": ok["result"][2]["hostname"], "clock": text["result"][1]["output"], "error": bad["error"]}))
`;
    const { stdout } = await run(DEBIAN_PYTHON, ['-c', script, ar06.rest_url!], { timeout: 20_000 });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out.status).toEqual([200, 200, 200]);
    expect(out.neighbors).toBeGreaterThan(0);
    expect(out.hostname).toBe('r2-ar06');
    expect(out.clock).toMatch(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} \d{4}\nTimezone: UTC\n/);
    expect(out.error).toEqual({
      code: 1002,
      message: "CLI command 2 of 2 'show bogus' failed: invalid command",
      data: [{}, { errors: ["Invalid input (at token 1: 'bogus')"] }],
    });
  });
});

describe('errors over the wire', () => {
  it('wrong or missing credentials: 401 with EOS text', async () => {
    for (const auth of [{ username: 'admin', password: 'nope' }, null]) {
      const answer = await rawRequest(ar12.rest_url!, {
        method: 'POST',
        path: '/command-api',
        auth,
        body: runCmds(['show version']),
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toBe('Unable to authenticate user: Bad username/password combination');
    }
  });

  it('malformed JSON is a JSON-RPC parse error with HTTP 200; other paths are nginx 404', async () => {
    const parse = await rawRequest(ar12.rest_url!, {
      method: 'POST',
      path: '/command-api',
      auth: ADMIN,
      body: '{"jsonrpc":',
    });
    expect(parse.status).toBe(200);
    expect(JSON.parse(parse.body)).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: 'Parse error' },
    });
    const missing = await rawRequest(ar12.rest_url!, { method: 'GET', path: '/nope', auth: ADMIN });
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<center>nginx</center>');
  });

  it('an oversized body is nginx 413', async () => {
    const body = Buffer.alloc(1024 * 1024 + 10, 'a');
    const answer = await rawRequest(ar12.rest_url!, {
      method: 'POST',
      path: '/command-api',
      auth: ADMIN,
      body,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('413 Request Entity Too Large');
  });
});

describe('one keep-alive connection', () => {
  it('serves several requests on the same socket', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
    const url = new URL(ar12.rest_url!);
    const post = (body: string) =>
      new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
        const req = httpsRequest(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/command-api',
            timeout: 10_000,
            headers: {
              authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
              'content-type': 'application/json-rpc',
            },
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
        req.end(body);
      });
    try {
      const answers = [];
      for (const cmds of [['show hostname'], ['show bogus'], ['enable', 'show ip arp']])
        answers.push(await post(runCmds(cmds)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.map((a) => a.reused)).toEqual([false, true, true]);
      expect((JSON.parse(answers[2]!.body) as { result: unknown[] }).result[1]).toHaveProperty(
        'ipV4Neighbors',
      );
    } finally {
      agent.destroy();
    }
  });
});

describe('the client REST driver', () => {
  let session: RestSession;
  beforeAll(() => {
    session = openRestSession({ name: ar06.name, restUrl: ar06.rest_url!, ...ADMIN }, { timeoutMs: 10_000 });
  });
  afterAll(() => session?.close());

  it('reads what the SSH driver reads from the same device’s CLI text', async () => {
    const ask = async <T>(c: {
      request: Parameters<RestSession['request']>[0];
      parse(a: Awaited<ReturnType<RestSession['request']>>): T;
    }) => c.parse(await session.request(c.request));
    const text = (command: string) => ask(aristaEosRestDriver.raw!(command));
    const neighbors = await ask(aristaEosRestDriver.neighbors[0]!);
    expect(neighbors.length).toBeGreaterThan(0);
    expect(neighbors).toEqual(aristaEosDriver.neighbors[0]!.parse(await text('show lldp neighbors detail')));
    expect(await ask(aristaEosRestDriver.arp)).toEqual(aristaEosDriver.arp.parse(await text('show ip arp')));
    expect(await ask(aristaEosRestDriver.version)).toEqual(
      aristaEosDriver.version.parse(await text('show version')),
    );
    expect(await ask(aristaEosRestDriver.memory)).toEqual(
      aristaEosDriver.memory.parse(await text('show version')),
    );
  });
});

describe('one wording for a refused line', () => {
  it('eAPI errors and text output carry what the CLI prints over SSH', async () => {
    const lines = ['show bogus', 'show lldp', 'show i', 'show interfaces Ethernet99', 'show running-config'];
    const client = await connect({ host: ar06.host, port: ar06.port });
    const printed: string[] = [];
    try {
      const sh = await shell(client);
      await sh.expect(/r2-ar06>$/, 10_000);
      for (const line of lines) {
        sh.send(`${line}\r`);
        const seen = await sh.expect(/r2-ar06>$/, 10_000);
        printed.push(seen.split('\r\n')[1]!);
      }
    } finally {
      client.end();
    }
    expect(printed).toEqual([
      "% Invalid input (at token 1: 'bogus')",
      '% Incomplete command',
      "% Ambiguous command (at token 1: 'i')",
      "% Invalid input (at token 2: 'Ethernet99')",
      '% Invalid input (privileged mode required)',
    ]);
    for (const [i, line] of lines.entries()) {
      for (const format of ['json', 'text'] as const) {
        const answer = await rawRequest(ar06.rest_url!, {
          method: 'POST',
          path: '/command-api',
          auth: ADMIN,
          body: runCmds([line], { format }),
        });
        const error = printed[i]!.slice(2);
        expect(JSON.parse(answer.body)).toEqual({
          jsonrpc: '2.0',
          id: 'e2e',
          error: {
            code: 1002,
            message: `CLI command 1 of 1 '${line}' failed: invalid command`,
            data: [format === 'text' ? { output: `${printed[i]}\n`, errors: [error] } : { errors: [error] }],
          },
        });
      }
    }
  });
});

describe('configuration made over eAPI', () => {
  it('a new hostname shows in the SSH prompt', async () => {
    const reply = await rawRequest(ar12.rest_url!, {
      method: 'POST',
      path: '/command-api',
      auth: ADMIN,
      headers: { 'content-type': 'application/json-rpc' },
      body: runCmds(['enable', 'configure', 'hostname eapi-renamed', 'end']),
    });
    expect(JSON.parse(reply.body)).toMatchObject({ result: [{}, {}, {}, {}] });
    const client = await connect({ host: ar12.host, port: ar12.port });
    try {
      const sh = await shell(client);
      await sh.expect(/eapi-renamed>$/, 10_000);
    } finally {
      client.end();
    }
  });
});
