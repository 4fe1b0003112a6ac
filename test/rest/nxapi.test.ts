/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any -- the tests walk parsed NX-API documents */
/**
 * NX-API handler, without sockets: ins_api and JSON-RPC answers for a lab-100 Nexus, every
 * success and error shape in a golden, and the REST driver's parsers agreeing with the SSH
 * driver's parsing of the CLI on the same devices.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ciscoNxosDriver,
  parseNxosArp,
  parseNxosCdpDetail,
  parseNxosLldpDetail,
  parseNxosMemory,
  parseNxosVersion,
} from '../../client/drivers/cisco-nxos.js';
import { ciscoNxosRestDriver, nxapiRows } from '../../client/drivers/rest/cisco-nxos.js';
import type { RestCollector } from '../../client/drivers/rest/types.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { deviceRuntimeFor } from '../device.js';
import { apiSession, runCliLine } from '../../simulator/rest/cli.js';
import { printCjson, rowsOf, table } from '../../simulator/rest/nxapi/json.js';
import { nxapi } from '../../simulator/rest/nxapi/index.js';
import { STRUCTURED_COMMANDS } from '../../simulator/personalities/cisco-nxos/structured/index.js';
import type { ApiReply } from '../../simulator/rest/types.js';
import { expectGolden } from '../helpers.js';

const DEVICE = 'r2-nx02'; // N9K, NX-OS 10.3(4a)
const LEGACY = 'r4-nx08'; // N3K, NX-OS 7.0(3)I7(9)

interface Send {
  method?: string;
  path?: string;
  contentType?: string;
  body: string | Buffer;
}

async function send(device: DeviceRuntime, req: Send): Promise<ApiReply> {
  return nxapi.handle(
    {
      method: req.method ?? 'POST',
      path: req.path ?? '/ins',
      query: new URLSearchParams(),
      headers: req.contentType === undefined ? {} : { 'content-type': req.contentType },
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body),
      user: 'admin',
    },
    device,
  );
}

const insApi = (type: string, input: string, extra: Record<string, string> = {}) =>
  JSON.stringify({
    ins_api: { version: '1.0', type, chunk: '0', sid: '1', input, output_format: 'json', ...extra },
  });

const rpc = (calls: Array<[method: string, cmd: string]>) =>
  JSON.stringify(
    calls.map(([method, cmd], i) => ({ jsonrpc: '2.0', method, params: { cmd, version: 1 }, id: i + 1 })),
  );

const showJson = (device: DeviceRuntime, input: string, type = 'cli_show') =>
  send(device, { contentType: 'application/json', body: insApi(type, input) });

/** The whole reply as one golden text: status, headers, body. */
const transcript = (reply: ApiReply) =>
  `${reply.status}\n${Object.entries(reply.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n\n${reply.body}`;

/** A parsed JSON answer: the tests walk NX-API documents freely and assert on what they find. */
type Doc = any;

const json = (reply: ApiReply): Doc => JSON.parse(reply.body);

let device: DeviceRuntime;
let legacy: DeviceRuntime;

beforeAll(async () => {
  device = await deviceRuntimeFor('lab-100', DEVICE);
  legacy = await deviceRuntimeFor('lab-100', LEGACY);
});

describe('cJSON printing and the single-row quirk', () => {
  it('prints tabs, a tab after colons and one-line arrays, as NX-API does', () => {
    expect(printCjson({ a: 1, b: ['x', 'y'], c: {}, d: { e: null } })).toBe(
      '{\n\t"a":\t1,\n\t"b":\t["x", "y"],\n\t"c":\t{\n\t},\n\t"d":\t{\n\t\t"e":\tnull\n\t}\n}',
    );
  });

  it('a table of one row holds the row itself; an empty table is left out', () => {
    expect(rowsOf([{ a: 1 }])).toEqual({ a: 1 });
    expect(rowsOf([{ a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
    expect(table('x', [{ a: 1 }])).toEqual({ TABLE_x: { ROW_x: { a: 1 } } });
    expect(table('x', [])).toEqual({});
  });

  it('the client reads a single row, a list and a missing table alike', () => {
    expect(nxapiRows({ TABLE_x: { ROW_x: { a: 1 } } }, 'x')).toEqual([{ a: 1 }]);
    expect(nxapiRows({ TABLE_x: { ROW_x: [{ a: 1 }, { a: 2 }] } }, 'x')).toHaveLength(2);
    expect(nxapiRows({}, 'x')).toEqual([]);
  });
});

describe('what Ansible cisco.nxos sends over httpapi', () => {
  it('get_device_info: `show version ;show inventory` as cli_show_ascii, chassis NAME then PID', async () => {
    const reply = await showJson(device, 'show version ;show inventory', 'cli_show_ascii');
    const [version, inventory] = json(reply).ins_api.outputs.output;
    expect(version).toMatchObject({ code: '200', msg: 'Success' });
    expect(inventory).toMatchObject({ input: 'show inventory', code: '200', msg: 'Success' });
    // cisco.nxos cliconf/httpapi get_device_info: the platform is the PID under the Chassis.
    expect(/NAME: "Chassis",\s*DESCR:.*\nPID:\s*(\S+)/.exec(String(inventory.body))?.[1]).toBe(
      'N9K-C93180YC-EX',
    );
  });

  it('nxos_facts legacy: the keys it indexes exist, tables of several rows are lists', async () => {
    const body = async (command: string): Promise<Doc> =>
      json(await showJson(device, command)).ins_api.outputs.output.body;
    const power = (await body('show environment power')).powersup;
    expect(power.TABLE_psinfo.ROW_psinfo[0]).toMatchObject({ psmodel: 'NXA-PAC-650W-PE', ps_status: 'Ok' });
    const fans = (await body('show environment fan')).fandetails.TABLE_faninfo.ROW_faninfo;
    expect(fans[0]).toEqual(
      expect.objectContaining({
        fanname: expect.any(String),
        fanmodel: expect.any(String),
        fandir: 'front-to-back',
      }),
    );
    expect((await body('show module')).TABLE_modinfo.ROW_modinfo).toMatchObject({
      model: 'N9K-C93180YC-EX',
      ports: '54',
    });
    expect(
      (await body('show vlan brief')).TABLE_vlanbriefxbrief.ROW_vlanbriefxbrief['vlanshowbr-vlanid-utf'],
    ).toBe('1');
    const rows = (await body('show interface')).TABLE_interface.ROW_interface;
    expect(rows[0]).toMatchObject({ interface: 'mgmt0', state: 'up', eth_hw_desc: 'GigabitEthernet' });
    expect(rows[1]).toEqual(
      expect.objectContaining({
        interface: 'Ethernet1/1',
        eth_mode: 'routed',
        eth_ip_mask: 31,
        eth_mtu: '1500',
      }),
    );
    expect((await body('show inventory')).TABLE_inv.ROW_inv[0]).toMatchObject({
      name: 'Chassis',
      productid: 'N9K-C93180YC-EX',
    });
  });

  it('`show license host-id` and `dir` are text only: cli_show has no structured form', async () => {
    for (const command of ['show license host-id', 'dir']) {
      expect(json(await showJson(device, command)).ins_api.outputs.output).toMatchObject({ code: '501' });
      const ascii = json(await showJson(device, command, 'cli_show_ascii')).ins_api.outputs.output;
      expect(ascii.code).toBe('200');
    }
  });
});

describe('ins_api cli_show', () => {
  it.each(STRUCTURED_COMMANDS)('%s gives the structured body (golden)', async (command) => {
    const reply = await showJson(device, command);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.commands).toEqual([command]);
    const output = json(reply).ins_api.outputs.output;
    expect(output).toMatchObject({ input: command, msg: 'Success', code: '200' });
    expectGolden(`rest/nxapi/${DEVICE}-cli_show-${command.replaceAll(' ', '-')}.json`, transcript(reply));
  });

  it.each([
    'show cdp neighbors',
    'show lldp neighbors',
    'show version',
    'show ip arp',
    'show ip interface brief',
    'show ip route',
  ])('7.x answers %s with numbers where 9.x has strings (golden)', async (command) => {
    const reply = await showJson(legacy, command);
    expectGolden(`rest/nxapi/${LEGACY}-cli_show-${command.replaceAll(' ', '-')}.json`, transcript(reply));
  });

  it('types values as the trains do: 10.x strings, 7.x numbers', async () => {
    const modern = json(await showJson(device, 'show version')).ins_api.outputs.output.body;
    const old = json(await showJson(legacy, 'show version')).ins_api.outputs.output.body;
    expect(modern.memory).toBeTypeOf('string');
    expect(modern.nxos_ver_str).toBe('10.3(4a)');
    expect(old.memory).toBeTypeOf('number');
    expect(old.nxos_ver_str).toBeUndefined();
    expect(old.kickstart_ver_str).toBe('7.0(3)I7(9)');
    const cdp = json(await showJson(device, 'show cdp neighbors')).ins_api.outputs.output.body;
    expect(cdp.neigh_count).toBeTypeOf('number');
    expect(cdp.TABLE_cdp_neighbor_brief_info.ROW_cdp_neighbor_brief_info[0].ttl).toBeTypeOf('string');
  });

  it('ARP has one VRF, so ROW_vrf is an object, not a list', async () => {
    const body = json(await showJson(device, 'show ip arp')).ins_api.outputs.output.body;
    expect(Array.isArray(body.TABLE_vrf.ROW_vrf)).toBe(false);
    expect(body.TABLE_vrf.ROW_vrf['vrf-name-out']).toBe('default');
    expect(Array.isArray(body.TABLE_vrf.ROW_vrf.TABLE_adj.ROW_adj)).toBe(true);
  });

  it('accepts abbreviations and reports the canonical commands; several commands make a list', async () => {
    const reply = await showJson(device, 'sh cdp nei ;sh ver');
    expect(reply.commands).toEqual(['show cdp neighbors', 'show version']);
    const outputs = json(reply).ins_api.outputs.output;
    expect(outputs).toHaveLength(2);
    expect(outputs[0].input).toBe('sh cdp nei');
    expect(outputs[1].body.host_name).toBe(DEVICE);
    expectGolden(`rest/nxapi/${DEVICE}-cli_show-two-commands.json`, transcript(reply));
  });

  it('an invalid command is code 400 with the CLI error; the others still run (golden)', async () => {
    const reply = await showJson(device, 'show vlan id 5000 ;show clock');
    expect(reply.status).toBe(200);
    const [bad, good] = json(reply).ins_api.outputs.output;
    expect(bad).toEqual({
      input: 'show vlan id 5000',
      clierror: "% Invalid command at '^' marker.\n",
      msg: 'Input CLI command error',
      code: '400',
    });
    expect(good.code).toBe('200');
    expectGolden(`rest/nxapi/${DEVICE}-cli_show-invalid.json`, transcript(reply));
  });

  it('a command without structured output is 501 (golden)', async () => {
    const reply = await showJson(device, 'show running-config');
    expect(json(reply).ins_api.outputs.output).toEqual({
      input: 'show running-config',
      msg: 'Structured output unsupported',
      code: '501',
    });
    expect(reply.commands).toEqual(['show running-config']);
    expectGolden(`rest/nxapi/${DEVICE}-cli_show-unsupported.json`, transcript(reply));
  });

  it('a pipe is refused for cli_show, with NX-API own wording', async () => {
    const output = json(await showJson(device, 'show version | include NXOS')).ins_api.outputs.output;
    expect(output).toMatchObject({ code: '501', msg: 'Pipe is not allowed for this messge type' });
  });

  it('CDP off: code 400 quoting "% CDP is not enabled"; LLDP off: invalid command', async () => {
    const off = await deviceRuntimeFor('lab-100', DEVICE);
    off.state().protocols.cdp = false;
    off.state().protocols.lldp = false;
    const reply = await showJson(off, 'show cdp neighbors detail ;show lldp neighbors detail');
    const [cdp, lldp] = json(reply).ins_api.outputs.output;
    expect(cdp).toMatchObject({ code: '400', clierror: '% CDP is not enabled\n' });
    expect(lldp).toMatchObject({ code: '400', clierror: "% Invalid command at '^' marker.\n" });
    expectGolden(`rest/nxapi/${DEVICE}-cli_show-protocols-off.json`, transcript(reply));
  });
});

describe('ins_api cli_show_ascii and cli_conf', () => {
  it('cli_show_ascii gives the text the CLI prints (golden)', async () => {
    const reply = await showJson(device, 'show clock', 'cli_show_ascii');
    const cli = runCliLine(device, apiSession(device, 'admin'), 'show clock').output;
    expect(json(reply).ins_api.outputs.output.body).toBe(`${cli}\n`);
    expectGolden(`rest/nxapi/${DEVICE}-cli_show_ascii-show-clock.json`, transcript(reply));
  });

  it('cli_conf changes the device: the new hostname shows in later output (golden)', async () => {
    const box = await deviceRuntimeFor('lab-100', DEVICE);
    const reply = await send(box, {
      contentType: 'application/json',
      body: insApi('cli_conf', 'hostname lab-nx ;interface Ethernet1/1 ;description uplink'),
    });
    expect(reply.commands).toEqual(['hostname lab-nx', 'interface <interface>', 'description <text>']);
    const outputs = json(reply).ins_api.outputs.output;
    expect(outputs).toEqual([
      { body: {}, msg: 'Success', code: '200' },
      { body: {}, msg: 'Success', code: '200' },
      { body: {}, msg: 'Success', code: '200' },
    ]);
    expectGolden(`rest/nxapi/${DEVICE}-cli_conf.json`, transcript(reply));
    expect(json(await showJson(box, 'show version')).ins_api.outputs.output.body.host_name).toBe('lab-nx');
    const config = json(await showJson(box, 'show running-config', 'cli_show_ascii')).ins_api.outputs.output
      .body;
    expect(config).toContain('interface Ethernet1/1\n  description uplink\n');
  });

  it('cli_conf stops at the first error: CLI execution error, later lines not run', async () => {
    const box = await deviceRuntimeFor('lab-100', DEVICE);
    const reply = await send(box, {
      contentType: 'application/json',
      body: insApi('cli_conf', 'plover ;hostname never'),
    });
    expect(json(reply).ins_api.outputs.output).toEqual({
      clierror: "% Invalid command at '^' marker.\n",
      msg: 'CLI execution error',
      code: '400',
    });
    expect(box.config().hostname).toBe(DEVICE);
    expectGolden(`rest/nxapi/${DEVICE}-cli_conf-error.json`, transcript(reply));
  });
});

describe('ins_api message errors', () => {
  const cases: Array<[name: string, req: Send, status: number]> = [
    ['unknown-type', { contentType: 'application/json', body: insApi('cli_frobnicate', 'show clock') }, 200],
    ['no-input', { contentType: 'application/json', body: insApi('cli_show', '  ') }, 200],
    [
      'chunked-json',
      { contentType: 'application/json', body: insApi('cli_show', 'show clock', { chunk: '1' }) },
      200,
    ],
    ['malformed-json', { contentType: 'application/json', body: '{"ins_api": {' }, 400],
    ['no-ins_api', { contentType: 'application/json', body: '{"jsonrpc": "2.0"}' }, 400],
    ['wrong-content-type', { contentType: 'text/plain', body: insApi('cli_show', 'show clock') }, 400],
    ['no-content-type', { body: insApi('cli_show', 'show clock') }, 400],
    ['get', { method: 'GET', body: '' }, 405],
    [
      'unknown-path',
      { path: '/ins2', contentType: 'application/json', body: insApi('cli_show', 'show clock') },
      404,
    ],
  ];

  it.each(cases)('%s (golden)', async (name, req, status) => {
    const reply = await send(device, req);
    expect(reply.status).toBe(status);
    expect(reply.commands).toEqual([]);
    expectGolden(`rest/nxapi/error-${name}.txt`, transcript(reply));
  });

  it('an unknown type is code 501 Message type not supported', async () => {
    const output = json(await send(device, cases[0]![1])).ins_api.outputs.output;
    expect(output).toEqual({ msg: 'Message type not supported', code: '501' });
  });

  it('refusals: 401 nginx page with a challenge, 413, 400', () => {
    const base = { method: 'POST', path: '/ins', query: new URLSearchParams(), headers: {} };
    const unauthorized = nxapi.refuse('unauthorized', base, device);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(unauthorized.body).toContain('<title>401 Authorization Required</title>');
    expectGolden('rest/nxapi/error-401.txt', transcript(unauthorized));
    expect(nxapi.refuse('body-too-large', base, device).status).toBe(413);
    expectGolden('rest/nxapi/error-413.txt', transcript(nxapi.refuse('body-too-large', base, device)));
    expect(nxapi.refuse('bad-request', base, device).status).toBe(400);
  });
});

describe('ins_api XML', () => {
  it('answers an XML request in XML, body first (golden)', async () => {
    const body = `<?xml version="1.0"?><ins_api><version>1.0</version><type>cli_show</type><chunk>0</chunk><sid>sid</sid><input>show clock ;show foo</input><output_format>xml</output_format></ins_api>`;
    const reply = await send(device, { contentType: 'application/xml', body });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(/<output>\n\s+<body>\n\s+<simple_time>/);
    expect(reply.body).toContain("<clierror>% Invalid command at '^' marker.\n</clierror>");
    expectGolden(`rest/nxapi/${DEVICE}-xml-cli_show.xml`, transcript(reply));
  });
});

describe('JSON-RPC', () => {
  const call = (body: string) => send(device, { contentType: 'application/json-rpc', body });

  it('a batch gives one result per call, ids echoed, cli and cli_ascii (golden)', async () => {
    const reply = await call(
      rpc([
        ['cli', 'show clock'],
        ['cli_ascii', 'show clock'],
        ['cli', 'sh ver'],
      ]),
    );
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json-rpc');
    expect(reply.commands).toEqual(['show clock', 'show clock', 'show version']);
    const [a, b, c] = json(reply);
    expect(a).toMatchObject({
      jsonrpc: '2.0',
      id: 1,
      result: { body: { time_source: 'Hardware Calendar' } },
    });
    expect(b.result.msg).toBe('09:30:00.000 UTC Thu Jan 15 2026\nTime source is Hardware Calendar\n');
    expect(c.result.body.host_name).toBe(DEVICE);
    expectGolden(`rest/nxapi/${DEVICE}-jsonrpc-batch.json`, transcript(reply));
  });

  it('configuration calls, with or without configure terminal, answer null and change the device', async () => {
    const box = await deviceRuntimeFor('lab-100', DEVICE);
    const reply = await send(box, {
      contentType: 'application/json-rpc',
      body: rpc([
        ['cli', 'configure terminal'],
        ['cli', 'hostname rpc-nx'],
        ['cli', 'end'],
        ['cli', 'show version'],
      ]),
    });
    expect(reply.status).toBe(200);
    const results = (json(reply) as Array<{ result: { body?: { host_name?: string } } | null }>).map(
      (r) => r.result,
    );
    expect(results.slice(0, 3)).toEqual([null, null, null]);
    expect(results[3]?.body?.host_name).toBe('rpc-nx');
  });

  it('a single object gets a single object back', async () => {
    const reply = await call(
      JSON.stringify({ jsonrpc: '2.0', method: 'cli', params: { cmd: 'show clock', version: 1 }, id: 'x' }),
    );
    expect(json(reply)).toMatchObject({ jsonrpc: '2.0', id: 'x', result: { body: {} } });
  });

  it('the first failure ends the batch with -32602 and HTTP 500; later calls do not run (golden)', async () => {
    const box = await deviceRuntimeFor('lab-100', DEVICE);
    const reply = await send(box, {
      contentType: 'application/json-rpc',
      body: rpc([
        ['cli', 'show clock'],
        ['cli', 'show bogus'],
        ['cli', 'hostname never'],
      ]),
    });
    expect(reply.status).toBe(500);
    const answers = json(reply);
    expect(answers).toHaveLength(2);
    expect(answers[1]).toEqual({
      jsonrpc: '2.0',
      error: { code: -32602, message: 'Invalid params', data: { msg: "% Invalid command at '^' marker.\n" } },
      id: 2,
    });
    expect(box.config().hostname).toBe(DEVICE);
    expectGolden(`rest/nxapi/${DEVICE}-jsonrpc-error.json`, transcript(reply));
  });

  it('configuration lines run without configure terminal; their result is null', async () => {
    const box = await deviceRuntimeFor('lab-100', DEVICE);
    const reply = await send(box, {
      contentType: 'application/json-rpc',
      body: rpc([
        ['cli', 'hostname rpc-nx'],
        ['cli', 'show version'],
      ]),
    });
    const [conf, version] = json(reply);
    expect(conf.result).toBeNull();
    expect(version.result.body.host_name).toBe('rpc-nx');
  });

  const errors: Array<[name: string, body: string, status: number, code: number]> = [
    ['parse-error', '[{"jsonrpc": "2.0",', 200, -32700],
    [
      'invalid-request',
      JSON.stringify([{ method: 'cli', params: { cmd: 'show clock' }, id: 1 }]),
      200,
      -32600,
    ],
    ['empty-batch', '[]', 200, -32600],
    [
      'method-not-found',
      JSON.stringify([{ jsonrpc: '2.0', method: 'runCmds', params: { cmd: 'show clock' }, id: 7 }]),
      500,
      -32601,
    ],
    ['no-cmd', JSON.stringify([{ jsonrpc: '2.0', method: 'cli', params: {}, id: 3 }]), 500, -32602],
    ['no-structured', rpc([['cli', 'show running-config']]), 500, -32602],
  ];

  it.each(errors)('%s (golden)', async (name, body, status, code) => {
    const reply = await call(body);
    expect(reply.status).toBe(status);
    const answer = json(reply);
    const answers = Array.isArray(answer) ? [...answer] : [answer];
    expect(answers.at(-1).error.code).toBe(code);
    expectGolden(`rest/nxapi/jsonrpc-${name}.json`, transcript(reply));
  });
});

/** Runs a REST collector against the handler: the request as the driver builds it, the answer parsed. */
async function collect<T>(box: DeviceRuntime, collector: RestCollector<T>): Promise<T> {
  const { request } = collector;
  const reply = await send(box, {
    method: request.method,
    path: request.path,
    contentType: request.headers?.['content-type'],
    body: request.body ?? '',
  });
  return collector.parse({ status: reply.status, headers: reply.headers, body: reply.body });
}

const cliOf = (box: DeviceRuntime, command: string) =>
  runCliLine(box, apiSession(box, 'admin'), command).output;

describe.each(['r1-nx05', 'r1-nx06', 'r2-nx02', 'r4-nx08'])('REST driver = SSH driver on %s', (name) => {
  let box: DeviceRuntime;
  beforeAll(async () => {
    box = await deviceRuntimeFor('lab-100', name);
  });

  it('neighbours (CDP, LLDP), ARP, version and memory parse the same', async () => {
    const [cdp, lldp] = ciscoNxosRestDriver.neighbors;
    const restCdp = await collect(box, cdp!);
    expect(restCdp.length).toBeGreaterThan(0);
    expect(restCdp).toEqual(parseNxosCdpDetail(cliOf(box, 'show cdp neighbors detail')));
    expect(await collect(box, lldp!)).toEqual(parseNxosLldpDetail(cliOf(box, 'show lldp neighbors detail')));
    const arp = await collect(box, ciscoNxosRestDriver.arp);
    expect(arp.length).toBeGreaterThan(0);
    expect(arp).toEqual(parseNxosArp(cliOf(box, 'show ip arp')));
    const version = await collect(box, ciscoNxosRestDriver.version);
    expect(Object.keys(version).sort()).toEqual(['hostname', 'model', 'serial', 'uptime', 'version']);
    expect(version).toEqual(parseNxosVersion(cliOf(box, 'show version')));
    const memory = await collect(box, ciscoNxosRestDriver.memory);
    expect(memory.totalBytes).toBeGreaterThan(0);
    expect(memory).toEqual(parseNxosMemory(cliOf(box, 'show system resources')));
  });

  it('the collectors ask for the SSH driver commands, raw() returns the CLI text', async () => {
    expect(
      ciscoNxosRestDriver.neighbors.map((n): unknown => JSON.parse(n.request.body!).ins_api.input),
    ).toEqual(ciscoNxosDriver.neighbors.map((n) => n.command));
    expect(await collect(box, ciscoNxosRestDriver.raw!('show clock'))).toBe(`${cliOf(box, 'show clock')}\n`);
  });

  it('a protocol that is off parses to no neighbours', async () => {
    const off = await deviceRuntimeFor('lab-100', name);
    off.state().protocols.cdp = false;
    off.state().protocols.lldp = false;
    for (const collector of ciscoNxosRestDriver.neighbors) expect(await collect(off, collector)).toEqual([]);
  });

  it('a refused command is COMMAND_FAILED quoting the box', async () => {
    await expect(
      collect(box, {
        ...ciscoNxosRestDriver.arp,
        request: {
          ...ciscoNxosRestDriver.arp.request,
          body: JSON.stringify({
            ins_api: { type: 'cli_show', chunk: '0', version: '1.0', input: 'show arp bogus' },
          }),
        },
      }),
    ).rejects.toThrow(
      expect.objectContaining({
        code: 'COMMAND_FAILED',
        message:
          "NX-API refused 'show ip arp': 400 Input CLI command error: % Invalid command at '^' marker.",
      }),
    );
  });
});
