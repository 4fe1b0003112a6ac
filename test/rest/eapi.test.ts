/**
 * eAPI handler without sockets: runCmds results and errors as EOS shapes them (goldens under
 * test/golden/rest/eapi/), session state across commands, and the REST driver agreeing with the
 * SSH driver on the same devices.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aristaEosDriver } from '../../client/drivers/arista-eos.js';
import { aristaEosRestDriver } from '../../client/drivers/rest/arista-eos.js';
import type { HttpAnswer } from '../../client/transport/rest-session.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { deviceRuntimeFor } from '../device.js';
import { apiSession, runCliLine } from '../../simulator/rest/cli.js';
import { eapi } from '../../simulator/rest/eapi/index.js';
import type { ApiReply, ApiRequest } from '../../simulator/rest/types.js';
import { expectGolden } from '../helpers.js';

function request(body: string | Buffer, extra: Partial<ApiRequest> = {}): ApiRequest {
  return {
    method: 'POST',
    path: '/command-api',
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/json-rpc' },
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    user: 'admin',
    ...extra,
  };
}

const runCmds = (params: Record<string, unknown>, id: unknown = 'labfleet-1') =>
  JSON.stringify({ jsonrpc: '2.0', method: 'runCmds', params: { version: 1, ...params }, id });

async function post(
  device: DeviceRuntime,
  body: string,
): Promise<{ reply: ApiReply; json: Record<string, unknown> }> {
  const reply = await eapi.handle(request(body), device);
  return { reply, json: JSON.parse(reply.body) as Record<string, unknown> };
}

/** Status, content type and the body pretty-printed when it is JSON. */
function goldenText(reply: ApiReply): string {
  const type = reply.headers['content-type'] ?? '';
  const body = type.startsWith('application/json')
    ? `${JSON.stringify(JSON.parse(reply.body), null, 2)}\n`
    : reply.body;
  return `HTTP ${reply.status} ${type}\n\n${body}`;
}

describe('runCmds results', () => {
  let device: DeviceRuntime;
  beforeAll(async () => {
    device = await deviceRuntimeFor('lab-100', 'r1-ar12');
  });

  const shows: Array<[string, string]> = [
    ['show lldp neighbors', 'show-lldp-neighbors'],
    ['show lldp neighbors detail', 'show-lldp-neighbors-detail'],
    ['show ip arp', 'show-ip-arp'],
    ['show version', 'show-version'],
    ['show hostname', 'show-hostname'],
    ['show clock', 'show-clock'],
    ['show interfaces status', 'show-interfaces-status'],
    ['show running-config', 'show-running-config'],
    ['show configuration sessions', 'show-configuration-sessions'],
    ['show interfaces', 'show-interfaces'],
    ['show inventory', 'show-inventory'],
    ['show ip route', 'show-ip-route'],
    ['show mac address-table', 'show-mac-address-table'],
  ];
  it.each(shows)('%s in JSON, after enable', async (command, golden) => {
    const { reply, json } = await post(device, runCmds({ format: 'json', cmds: ['enable', command] }));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.commands).toEqual(['enable', command]);
    const result = json.result as object[];
    expect(result).toHaveLength(2);
    expect(result[0]).toEqual({}); // pyeapi drops the enable result
    expectGolden(`rest/eapi/${golden}.txt`, goldenText(reply));
  });

  it('show interfaces <name> answers that one port, as eos_facts reads it', async () => {
    const { json } = await post(device, runCmds({ cmds: ['show interfaces Ethernet1', 'show interfaces '] }));
    const [one, all] = json.result as Array<{ interfaces: Record<string, Record<string, unknown>> }>;
    expect(Object.keys(one!.interfaces)).toEqual(['Ethernet1']);
    expect(one!.interfaces.Ethernet1).toEqual(all!.interfaces.Ethernet1);
    for (const port of Object.values(all!.interfaces)) {
      for (const key of ['description', 'physicalAddress', 'mtu', 'bandwidth', 'duplex'])
        expect(port).toHaveProperty(key);
      for (const key of ['lineProtocolStatus', 'interfaceStatus', 'forwardingModel', 'interfaceAddress'])
        expect(port).toHaveProperty(key);
    }
    const mgmt = all!.interfaces.Management1!;
    const ctx = device.renderContext();
    expect(mgmt.interfaceAddress).toMatchObject([
      { primaryIp: { address: ctx.state.mgmtAddress, maskLen: 16 } },
    ]);
  });

  it('JSON follows the device state, with the types EOS uses', async () => {
    const ctx = device.renderContext();
    const { json } = await post(
      device,
      runCmds({ cmds: ['show version', 'show ip arp', 'show lldp neighbors'] }),
    );
    const [version, arp, lldp] = json.result as Array<Record<string, unknown>>;
    expect(version).toMatchObject({
      serialNumber: ctx.state.serial,
      version: ctx.state.version,
      uptime: ctx.uptimeSeconds,
      memTotal: Math.floor(ctx.memory.totalBytes / 1024),
      isIntlVersion: false,
    });
    expect(typeof version!.bootupTimestamp).toBe('number');
    const learnt = ctx.state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
    expect(arp!.totalEntries).toBe(learnt.length);
    const rows = arp!.ipV4Neighbors as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.address)).toEqual(learnt.map((e) => e.address));
    // Ages in seconds: the CLI's minute column is their whole minutes.
    expect(rows.map((r) => Math.floor((r.age as number) / 60))).toEqual(learnt.map((e) => e.ageMinutes));
    const neighbors = ctx.state.neighbors.filter((n) => n.protocol === 'lldp');
    expect((lldp!.lldpNeighbors as unknown[]).length).toBe(neighbors.length);
  });

  it('text format answers the CLI text, each output ending in a newline', async () => {
    const { reply, json } = await post(
      device,
      runCmds({ format: 'text', cmds: ['enable', 'show version', 'show hostname'] }),
    );
    const [enabled, version, hostname] = json.result as Array<{ output: string }>;
    expect(enabled).toEqual({ output: '' });
    const cli = runCliLine(device, apiSession(device, 'admin'), 'show version').output;
    expect(version!.output.trimEnd()).toBe(cli.trimEnd());
    expect(version!.output.endsWith('\n')).toBe(true);
    expect(hostname!.output).toBe('Hostname: r1-ar12\nFQDN:     r1-ar12.lab.example.com\n');
    expectGolden('rest/eapi/text-format.txt', goldenText(reply));
  });

  it('`{cmd, input}` with the right enable secret, and timestamps as `_meta`', async () => {
    const secret = device.node.credentials.secret;
    const { json } = await post(
      device,
      runCmds({ cmds: [{ cmd: 'enable', input: secret }, 'show hostname'], timestamps: true }),
    );
    const [enabled, hostname] = json.result as Array<Record<string, unknown>>;
    expect(enabled).toMatchObject({ _meta: { execDuration: 0 } });
    expect(hostname).toMatchObject({
      hostname: 'r1-ar12',
      _meta: { execStartTime: device.renderContext().now / 1000 },
    });
  });

  it('version "latest" and autoComplete abbreviations', async () => {
    const { reply, json } = await post(
      device,
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'runCmds',
        params: { version: 'latest', cmds: ['en', 'sh lldp nei'], autoComplete: true },
        id: 7,
      }),
    );
    expect(json.id).toBe(7);
    expect(reply.commands).toEqual(['enable', 'show lldp neighbors']);
    expect((json.result as Array<Record<string, unknown>>)[1]).toHaveProperty('lldpNeighbors');
  });
});

describe('runCmds errors', () => {
  let device: DeviceRuntime;
  beforeAll(async () => {
    device = await deviceRuntimeFor('lab-100', 'r2-ar06');
  });

  const cases: Array<[string, Record<string, unknown>, number, string]> = [
    [
      'invalid-command',
      { cmds: ['enable', 'show bogus', 'show version'] },
      1002,
      "CLI command 2 of 3 'show bogus' failed: invalid command",
    ],
    [
      'privileged-required',
      { cmds: ['show running-config'] },
      1002,
      "CLI command 1 of 1 'show running-config' failed: invalid command",
    ],
    [
      'abbreviated',
      { cmds: ['enable', 'sh ver'] },
      1002,
      "CLI command 2 of 2 'sh ver' failed: invalid command",
    ],
    [
      'incomplete',
      { cmds: ['enable', 'show lldp'] },
      1002,
      "CLI command 2 of 2 'show lldp' failed: invalid command",
    ],
    [
      'unconverted',
      { cmds: ['enable', 'show version | include Arista'] },
      1003,
      "CLI command 2 of 2 'show version | include Arista' failed: unconverted command",
    ],
    [
      'bad-enable-secret',
      { cmds: [{ cmd: 'enable', input: 'wrong' }, 'show version'] },
      1005,
      "CLI command 1 of 2 'enable' failed: permission to run command denied",
    ],
  ];
  it.each(cases)('%s', async (golden, params, code, message) => {
    const { reply, json } = await post(device, runCmds(params));
    expect(reply.status).toBe(200);
    expect(json).not.toHaveProperty('result');
    expect(json.error).toMatchObject({ code, message });
    expectGolden(`rest/eapi/error-${golden}.txt`, goldenText(reply));
  });

  it('data holds the results before the failure and its errors, nothing after', async () => {
    const { json } = await post(
      device,
      runCmds({ cmds: ['enable', 'show hostname', 'show bogus', 'show version'] }),
    );
    const data = (json.error as { data: unknown[] }).data;
    expect(data).toEqual([
      {},
      { hostname: 'r2-ar06', fqdn: 'r2-ar06.lab.example.com' },
      { errors: ["Invalid input (at token 1: 'bogus')"] },
    ]);
  });

  it('stopOnError false runs every command and still reports the first failure', async () => {
    const { reply, json } = await post(
      device,
      runCmds({ cmds: ['show bogus', 'show hostname', 'show nope'], stopOnError: false }),
    );
    const error = json.error as { message: string; data: unknown[] };
    expect(error.message).toBe("CLI command 1 of 3 'show bogus' failed: invalid command");
    expect(error.data).toHaveLength(3);
    expect(error.data[1]).toMatchObject({ hostname: 'r2-ar06' });
    expect(reply.commands).toEqual(['show bogus', 'show hostname', 'show nope']);
  });

  const jsonRpc: Array<[string, string, number]> = [
    ['parse-error', '{"jsonrpc": "2.0", "method": ', -32700],
    ['not-an-object', '[{"jsonrpc": "2.0", "method": "runCmds"}]', -32600],
    ['no-jsonrpc', '{"method": "runCmds", "params": {"version": 1, "cmds": []}, "id": 1}', -32600],
    ['unknown-method', '{"jsonrpc": "2.0", "method": "runCommands", "params": {}, "id": 1}', -32601],
    ['unknown-param', runCmds({ cmds: ['show version'], encoding: 'json' }), -32602],
    ['bad-format', runCmds({ cmds: ['show version'], format: 'xml' }), -32602],
    ['bad-version', runCmds({ cmds: ['show version'], version: 2 }), -32602],
    ['no-cmds', JSON.stringify({ jsonrpc: '2.0', method: 'runCmds', params: { version: 1 }, id: 1 }), -32602],
    ['bad-cmd', runCmds({ cmds: [42] }), -32602],
  ];
  it.each(jsonRpc)('JSON-RPC %s → %i, HTTP 200, no command run', async (golden, body, code) => {
    const { reply, json } = await post(device, body);
    expect(reply.status).toBe(200);
    expect(reply.commands).toEqual([]);
    expect((json.error as { code: number }).code).toBe(code);
    expectGolden(`rest/eapi/jsonrpc-${golden}.txt`, goldenText(reply));
  });

  it('other paths, methods and refusals get nginx and EOS answers', async () => {
    const notFound = await eapi.handle(request('', { method: 'GET', path: '/restconf/data' }), device);
    const getApi = await eapi.handle(request('', { method: 'GET', path: '/command-api' }), device);
    expect(notFound.status).toBe(404);
    expect(getApi.status).toBe(405);
    const parts = { method: 'POST', path: '/command-api', query: new URLSearchParams(), headers: {} };
    const unauthorized = eapi.refuse('unauthorized', parts, device);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body).toBe('Unable to authenticate user: Bad username/password combination');
    expect(eapi.refuse('body-too-large', parts, device).status).toBe(413);
    expect(eapi.refuse('bad-request', parts, device).status).toBe(400);
    expectGolden('rest/eapi/http-404.txt', goldenText(notFound));
    expectGolden('rest/eapi/http-405.txt', goldenText(getApi));
    expectGolden('rest/eapi/http-401.txt', goldenText(unauthorized));
    expectGolden('rest/eapi/http-413.txt', goldenText(eapi.refuse('body-too-large', parts, device)));
  });

  it('any content type is read as JSON', async () => {
    const reply = await eapi.handle(
      request(runCmds({ cmds: ['show hostname'] }), { headers: { 'content-type': 'text/plain' } }),
      device,
    );
    expect(JSON.parse(reply.body)).toMatchObject({ result: [{ hostname: 'r2-ar06' }] });
  });
});

describe('session state across commands', () => {
  it('configure, hostname and end carry over, and the new hostname stays on the device', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r2-ar12');
    const { reply, json } = await post(
      device,
      runCmds({ cmds: ['enable', 'configure', 'hostname lab-core', 'end', 'show hostname'] }),
    );
    expect(reply.commands).toEqual(['enable', 'configure', 'hostname lab-core', 'end', 'show hostname']);
    expect(json.result).toEqual([{}, {}, {}, {}, { hostname: 'lab-core', fqdn: 'lab-core.lab.example.com' }]);
    // A later request (a new session, unprivileged again) and the CLI see it too.
    const later = await post(device, runCmds({ cmds: ['show hostname', 'configure'] }));
    expect(later.json.error).toMatchObject({
      code: 1002,
      data: [{ hostname: 'lab-core' }, { errors: ['Invalid input (privileged mode required)'] }],
    });
    const cli = runCliLine(device, apiSession(device, 'admin'), 'show running-config').output;
    expect(cli).toContain('hostname lab-core');
  });
});

describe('REST driver parsers agree with the SSH driver', () => {
  const answer = (reply: ApiReply): HttpAnswer => ({
    status: reply.status,
    headers: { 'content-type': reply.headers['content-type'] },
    body: reply.body,
  });

  it.each(['r1-ar12', 'r2-ar06', 'r2-ar08', 'r2-ar12'])('%s', async (name) => {
    const device = await deviceRuntimeFor('lab-100', name);
    const cli = (command: string) => runCliLine(device, apiSession(device, 'admin'), command).output;
    const rest = async <T>(collector: { request: { body?: string }; parse(a: HttpAnswer): T }): Promise<T> =>
      collector.parse(answer(await eapi.handle(request(collector.request.body!), device)));

    const ssh = aristaEosDriver;
    const restNeighbors = await rest(aristaEosRestDriver.neighbors[0]!);
    expect(restNeighbors.length).toBeGreaterThan(0);
    expect(restNeighbors).toEqual(ssh.neighbors[0]!.parse(cli('show lldp neighbors detail')));
    expect(await rest(aristaEosRestDriver.arp)).toEqual(ssh.arp.parse(cli('show ip arp')));
    expect(await rest(aristaEosRestDriver.version)).toEqual(ssh.version.parse(cli('show version')));
    expect(await rest(aristaEosRestDriver.memory)).toEqual(ssh.memory.parse(cli('show version')));
    expect((await rest(aristaEosRestDriver.raw!('show ip arp'))).trimEnd()).toBe(cli('show ip arp'));
  });

  it('a refused command is a COMMAND_FAILED quoting EOS', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-ar12');
    const collector = aristaEosRestDriver.raw!('show bogus');
    const reply = await eapi.handle(request(collector.request.body!), device);
    expect(() => collector.parse(answer(reply))).toThrow(
      expect.objectContaining({
        code: 'COMMAND_FAILED',
        message: expect.stringContaining("Invalid input (at token 1: 'bogus')") as string,
      }),
    );
    expect(() => collector.parse({ status: 401, headers: {}, body: 'Unable to authenticate user' })).toThrow(
      expect.objectContaining({ code: 'COMMAND_FAILED' }),
    );
  });
});

describe('configuration sessions over runCmds', () => {
  it('runs the sequence Ansible sends for eos_config check mode, in text', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-ar12');
    const name = 'ansible_176543210';
    const { json } = await post(
      device,
      runCmds({
        format: 'text',
        cmds: [
          'enable',
          'show configuration sessions',
          `configure session ${name}`,
          'hostname eos1-renamed',
          'show session-config diffs',
          'end',
        ],
      }),
    );
    const outputs = (json.result as Array<{ output: string }>).map((r) => r.output);
    expect(outputs[1]).toMatch(
      /^Maximum number of completed sessions: 1\nMaximum number of pending sessions: 5\n/,
    );
    expect(outputs[4]).toMatch(
      /^--- system:\/running-config\n\+\+\+ session:\/ansible_176543210-session-config\n@@ /,
    );
    expect(outputs[4]).toContain('\n-hostname r1-ar12\n+hostname eos1-renamed\n');
    expect(device.config().hostname).toBe('r1-ar12');
    const pending = await post(device, runCmds({ cmds: ['enable', 'show configuration sessions'] }));
    expect((pending.json.result as Array<Record<string, unknown>>)[1]).toMatchObject({
      sessions: { [name]: { state: 'pending' } },
    });
    const aborted = await post(
      device,
      runCmds({ format: 'text', cmds: ['enable', `configure session ${name}`, 'abort'] }),
    );
    expect(aborted.json).toHaveProperty('result');
    expect(device.config().sessions?.has(name)).toBe(false);
    await post(device, runCmds({ cmds: ['enable', 'configure session c', 'hostname committed', 'commit'] }));
    expect(device.config().hostname).toBe('committed');
  });
});
