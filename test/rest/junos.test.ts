/**
 * Junos REST handler without sockets: RPC replies in XML, Junos JSON and text (goldens under
 * test/golden/rest/junos/), the Junos JSON layout against real captures, the error shapes, and the
 * REST driver reading the same facts the SSH driver reads from the CLI of every lab-100 Junos box.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseJunosArp,
  parseJunosLldpDetail,
  parseJunosLldpNeighbors,
  parseJunosMemory,
  parseJunosVersion,
} from '../../client/drivers/juniper-junos.js';
import { juniperJunosRestDriver } from '../../client/drivers/rest/juniper-junos.js';
import type { HttpAnswer } from '../../client/transport/rest-session.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { deviceRuntimeFor } from '../device.js';
import { apiSession, runCliLine } from '../../simulator/rest/cli.js';
import { junosRest, MULTIPART_BOUNDARY } from '../../simulator/rest/junos/index.js';
import {
  element,
  flag,
  leaf,
  renderJunosJson,
  renderXml,
} from '../../simulator/personalities/juniper-junos/rpc/tree.js';
import { readXmlFragment } from '../../simulator/rest/junos/xml-input.js';
import type { ApiReply, ApiRequest } from '../../simulator/rest/types.js';
import { expectGolden } from '../helpers.js';

interface Call {
  method?: string;
  /** Path and query. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function request({ method = 'GET', path, headers = {}, body = '' }: Call): ApiRequest {
  const q = path.indexOf('?');
  return {
    method,
    path: q < 0 ? path : path.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : path.slice(q + 1)),
    headers,
    body: Buffer.from(body),
    user: 'admin',
  };
}

const send = async (device: DeviceRuntime, call: Call): Promise<ApiReply> =>
  junosRest.handle(request(call), device);

/** What a client would read back: status, headers and body as they came. */
const answerOf = (reply: ApiReply): HttpAnswer => ({
  status: reply.status,
  headers: reply.headers,
  body: reply.body,
});

/** Status, every header (sorted) and the body as sent. */
function goldenText(reply: ApiReply): string {
  const headers = Object.entries(reply.headers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}: ${value}\n`)
    .join('');
  return `HTTP ${reply.status}\n${headers}\n${reply.body}`;
}

const cli = (device: DeviceRuntime, line: string) =>
  runCliLine(device, apiSession(device, 'admin'), line).output;

const JUNOS_LAB = ['r2-jx14', 'r3-jx08', 'r3-jx11', 'r3-mx17', 'r4-jx05', 'r4-jx12', 'r4-mx15', 'r5-jx18'];
const devices = new Map<string, DeviceRuntime>();
const ex = () => devices.get('r2-jx14')!;
const mx = () => devices.get('r3-mx17')!;

beforeAll(async () => {
  for (const name of JUNOS_LAB) devices.set(name, await deviceRuntimeFor('lab-100', name));
});

describe('Junos JSON and XML layout', () => {
  it('prints Junos JSON exactly as the REST capture of get-bgp-neighbor-information lays it out', () => {
    const tree = element('bgp-information', [
      element(
        'bgp-peer',
        [leaf('peer-address', '192.168.1.2+63127'), leaf('peer-as', '110'), flag('peer-no-restart')],
        [['junos:style', 'detail']],
      ),
    ]);
    expect(renderJunosJson(tree)).toBe(
      [
        '{',
        '    "bgp-information" : [',
        '    {',
        '        "bgp-peer" : [',
        '        {',
        '            "attributes" : {"junos:style" : "detail"}, ',
        '            "peer-address" : [',
        '            {',
        '                "data" : "192.168.1.2+63127"',
        '            }',
        '            ], ',
        '            "peer-as" : [',
        '            {',
        '                "data" : "110"',
        '            }',
        '            ], ',
        '            "peer-no-restart" : [',
        '            {',
        '                "data" : [null]',
        '            }',
        '            ]',
        '        }',
        '        ]',
        '    }',
        '    ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('wraps several attributes and prints empty elements as `| display json` does', () => {
    const tree = element(
      'lldp-neighbors-information',
      [element('lldp-neighbor-information', [{ name: 'lldp-remote-management-addr-oid', text: '' }])],
      [
        ['xmlns', 'http://xml.juniper.net/junos/23.2R0/lldp-mtx'],
        ['junos:style', 'detail'],
      ],
    );
    expect(renderJunosJson(tree).split('\n').slice(1, 11)).toEqual([
      '    "lldp-neighbors-information" : [',
      '    {',
      '        "attributes" : {"xmlns" : "http://xml.juniper.net/junos/23.2R0/lldp-mtx", ',
      '                        "junos:style" : "detail"',
      '                       }, ',
      '        "lldp-neighbor-information" : [',
      '        {',
      '            "lldp-remote-management-addr-oid" : [',
      '            {',
      '            }',
    ]);
  });

  it('escapes XML text and attributes, and keeps flags self-closing', () => {
    const xml = renderXml(element('a', [leaf('b', '<x & "y">'), flag('none')], [['c', 'q"&']]));
    expect(xml).toBe('<a c="q&quot;&amp;">\n<b>&lt;x &amp; "y"&gt;</b>\n<none/>\n</a>\n');
    const read = readXmlFragment(xml);
    expect(read.ok && read.nodes[0]!.children.map((n) => [n.name, n.text])).toEqual([
      ['b', '<x & "y">'],
      ['none', ''],
    ]);
  });
});

describe('RPC replies', () => {
  const rpcs: Array<[rpc: string, golden: string]> = [
    ['get-lldp-neighbors-information', 'lldp'],
    ['get-arp-table-information?no-resolve', 'arp-no-resolve'],
    ['get-software-information', 'software'],
    ['get-system-memory-information', 'memory'],
    ['get-route-information', 'route'],
    ['get-interface-information?terse', 'interfaces-terse'],
    ['get-chassis-inventory', 'chassis-inventory'],
    ['get-system-uptime-information', 'uptime'],
  ];
  const formats: Array<[accept: string, suffix: string]> = [
    ['application/xml', 'xml'],
    ['application/json', 'json'],
    ['text/plain', 'txt'],
  ];
  for (const name of ['r2-jx14', 'r3-mx17'])
    for (const [rpc, golden] of rpcs)
      it.each(formats)(`${name} ${rpc} as %s`, async (accept, suffix) => {
        const reply = await send(devices.get(name)!, { path: `/rpc/${rpc}`, headers: { accept } });
        expect(reply.status).toBe(200);
        expect(reply.headers['content-type']).toBe(
          `${accept === 'application/xml' ? 'application/xml' : accept}; charset=utf-8`,
        );
        if (suffix === 'json') expect(() => JSON.parse(reply.body) as unknown).not.toThrow();
        if (suffix === 'xml') expect(readXmlFragment(reply.body).ok).toBe(true);
        expectGolden(`rest/junos/${name}-${golden}.${suffix}`, goldenText(reply));
      });

  it('each RPC amounts to its CLI command, and text is what the CLI prints', async () => {
    const pairs: Array<[string, string]> = [
      ['get-lldp-neighbors-information', 'show lldp neighbors'],
      ['get-arp-table-information?no-resolve', 'show arp no-resolve'],
      ['get-software-information', 'show version'],
      ['get-system-memory-information', 'show system memory'],
      ['get-system-uptime-information', 'show system uptime'],
      ['get-system-users-information', 'show system users'],
      ['get-route-information', 'show route'],
      ['get-interface-information', 'show interfaces'],
      ['get-interface-information?terse', 'show interfaces terse'],
      ['get-interface-information?descriptions', 'show interfaces descriptions'],
      ['get-interface-information?interface-name=ge-0/0/1', 'show interfaces ge-0/0/1'],
      ['get-interface-information?interface-name=ge-0/0/4*', 'show interfaces ge-0/0/4*'],
      ['get-chassis-inventory', 'show chassis hardware'],
      ['get-log?filename=messages', 'show log messages'],
      ['get-lldp-neighbors-information?detail', 'show lldp neighbors detail'],
      ['get-ethernet-switching-table-information', 'show ethernet-switching table'],
      ['get-vlan-information', 'show vlans'],
    ];
    for (const [rpc, command] of pairs) {
      const reply = await send(ex(), { path: `/rpc/${rpc}`, headers: { accept: 'text/plain' } });
      expect(reply.commands).toEqual([command]);
      expect(reply.body).toBe(`${cli(ex(), command)}\n`);
      expect((await send(ex(), { path: `/rpc/${rpc}` })).commands).toEqual([command]);
    }
  });

  it('the LLDP reply says what `show lldp neighbors` prints, Port info included', async () => {
    const json = JSON.parse(
      (
        await send(mx(), {
          path: '/rpc/get-lldp-neighbors-information',
          headers: { accept: 'application/json' },
        })
      ).body,
    ) as {
      'lldp-neighbors-information': Array<{
        attributes: object;
        'lldp-neighbor-information': Array<Record<string, Array<{ data: string }>>>;
      }>;
    };
    const [info] = json['lldp-neighbors-information'];
    expect(info!.attributes).toEqual({ 'junos:style': 'brief' });
    const rows = info!['lldp-neighbor-information'].map((n) =>
      [
        'lldp-local-port-id',
        'lldp-remote-chassis-id',
        'lldp-remote-port-description',
        'lldp-remote-system-name',
      ].map((k) => n[k]![0]!.data),
    );
    const table = cli(mx(), 'show lldp neighbors')
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/).filter((_, i) => i !== 1));
    expect(rows).toEqual(table);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('arguments arrive by query, path, XML body or text body alike; @format= and ?format= choose JSON', async () => {
    const variants: Call[] = [
      { path: '/rpc/get-arp-table-information?no-resolve=' },
      { path: '/rpc/get-arp-table-information/no-resolve' },
      { method: 'POST', path: '/rpc/get-arp-table-information', body: '<no-resolve/>' },
      {
        method: 'POST',
        path: '/rpc/get-arp-table-information',
        body: '<get-arp-table-information><no-resolve/></get-arp-table-information>',
      },
      {
        method: 'POST',
        path: '/rpc/get-arp-table-information',
        headers: { 'content-type': 'text/plain' },
        body: 'no-resolve',
      },
    ];
    const bodies = await Promise.all(variants.map(async (v) => (await send(mx(), v)).body));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('junos:style="no-resolve"');
    const json = await send(mx(), { path: '/rpc/get-software-information@format=json' });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await send(mx(), { path: '/rpc/get-software-information?format=json' })).body).toBe(json.body);
    expect((await send(mx(), { path: '/rpc/get-software-information?format=text' })).body).toBe(
      `${cli(mx(), 'show version')}\n`,
    );
  });

  it('get-arp-table-information without no-resolve adds the host names', async () => {
    const reply = await send(mx(), { path: '/rpc/get-arp-table-information' });
    expect(reply.commands).toEqual(['show arp']);
    expect(reply.body).toContain('junos:style="normal"');
    expect(reply.body).toMatch(/<ip-address>([\d.]+)<\/ip-address>\n<hostname>\1<\/hostname>/);
    const text = (
      await send(mx(), {
        path: '/rpc/get-arp-table-information',
        headers: { accept: 'text/plain' },
      })
    ).body;
    expect(text.split('\n')[0]).toMatch(/^MAC Address\s+Address\s+Name\s+Interface\s+Flags$/);
  });

  it('a virtual chassis answers per member, a router with the element itself', async () => {
    expect((await send(ex(), { path: '/rpc/get-software-information' })).body).toMatch(
      /^<multi-routing-engine-results xmlns:junos="[^"]+">\n<multi-routing-engine-item>\n<re-name>fpc0<\/re-name>\n<software-information>/,
    );
    expect((await send(mx(), { path: '/rpc/get-software-information' })).body).toMatch(
      /^<software-information xmlns:junos=/,
    );
  });

  it('POST /rpc runs several RPCs into one multipart/mixed answer, each part in its format', async () => {
    const reply = await send(mx(), {
      method: 'POST',
      path: '/rpc',
      headers: { accept: 'application/json' },
      body: '<get-software-information/>\n<get-arp-table-information format="xml"><no-resolve/></get-arp-table-information>',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(`multipart/mixed; boundary=${MULTIPART_BOUNDARY}`);
    expect(reply.commands).toEqual(['show version', 'show arp no-resolve']);
    const parts = reply.body.split(`--${MULTIPART_BOUNDARY}`);
    expect(parts.at(-1)).toBe('--\r\n');
    expect(parts[1]).toMatch(/^\r\nContent-Type: application\/json; charset=utf-8\r\n\r\n\{/);
    expect(parts[2]).toMatch(
      /^\r\nContent-Type: application\/xml; charset=utf-8\r\n\r\n<arp-table-information /,
    );
    expectGolden('rest/junos/r3-mx17-multipart.txt', goldenText(reply));
  });
});

describe('errors', () => {
  const cases: Array<[golden: string, call: Call, status: number]> = [
    ['unknown-rpc', { path: '/rpc/get-bogus-information' }, 500],
    [
      'unknown-rpc-json',
      { path: '/rpc/get-bogus-information', headers: { accept: 'application/json' } },
      500,
    ],
    ['unknown-argument', { path: '/rpc/get-software-information?detail' }, 500],
    [
      'flag-with-value',
      { method: 'POST', path: '/rpc/get-arp-table-information', body: '<no-resolve>1</no-resolve>' },
      500,
    ],
    ['malformed-xml', { method: 'POST', path: '/rpc/get-arp-table-information', body: '<no-resolve>' }, 400],
    ['malformed-multi', { method: 'POST', path: '/rpc', body: '<get-software-information' }, 400],
    ['wrong-method', { method: 'DELETE', path: '/rpc/get-software-information' }, 405],
    ['get-multi', { path: '/rpc' }, 405],
    ['unknown-path', { path: '/api/v1/interfaces' }, 404],
  ];
  it.each(cases)('%s', async (golden, call, status) => {
    const reply = await send(mx(), call);
    expect(reply.status).toBe(status);
    expect(reply.commands).toEqual([]);
    expectGolden(`rest/junos/error-${golden}.txt`, goldenText(reply));
  });

  it('an interface or log file the box lacks is an application error; a router knows no switch-only RPC', async () => {
    const missing = await send(mx(), { path: '/rpc/get-interface-information?interface-name=ge-9/9/9' });
    expect(missing.status).toBe(500);
    expect(missing.body).toContain('<error-type>application</error-type>');
    expect(missing.body).toContain('<error-message>device ge-9/9/9 not found</error-message>');
    expect((await send(mx(), { path: '/rpc/get-log?filename=nope' })).body).toContain(
      '<error-message>could not resolve file: nope</error-message>',
    );
    for (const rpc of ['get-ethernet-switching-table-information', 'get-vlan-information']) {
      expect((await send(mx(), { path: `/rpc/${rpc}` })).body).toContain(`<bad-element>${rpc}</bad-element>`);
      expect((await send(ex(), { path: `/rpc/${rpc}` })).status).toBe(200);
    }
  });

  it('an unknown RPC names itself in bad-element; a flag given a value names the value', async () => {
    expect((await send(mx(), { path: '/rpc/get-bogus' })).body).toContain(
      '<bad-element>get-bogus</bad-element>',
    );
    expect((await send(mx(), { path: '/rpc/get-arp-table-information?no-resolve=yes' })).body).toContain(
      '<bad-element>yes</bad-element>',
    );
  });

  it('multi-RPC failures are parts; ?stop-on-error=1 stops there', async () => {
    const body = '<get-bogus/><get-software-information/>';
    const all = await send(mx(), { method: 'POST', path: '/rpc', body });
    expect(all.status).toBe(200);
    expect(all.commands).toEqual(['show version']);
    expect(all.body).toContain('<bad-element>get-bogus</bad-element>');
    expect(all.body).toContain('<software-information');
    const stopped = await send(mx(), { method: 'POST', path: '/rpc?stop-on-error=1', body });
    expect(stopped.commands).toEqual([]);
    expect(stopped.body).not.toContain('<software-information');
  });

  it('refusals: 401 with a Basic challenge, 413, 400, as lighttpd pages', () => {
    const parts = {
      method: 'GET',
      path: '/rpc/get-software-information',
      query: new URLSearchParams(),
      headers: {},
    };
    const unauthorized = junosRest.refuse('unauthorized', parts, mx());
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers['www-authenticate']).toMatch(/^Basic realm="[^"]+"$/);
    expectGolden('rest/junos/error-unauthorized.txt', goldenText(unauthorized));
    expect(junosRest.refuse('body-too-large', parts, mx()).body).toContain(
      '<title>413 - Request Entity Too Large</title>',
    );
    expect(junosRest.refuse('bad-request', parts, mx()).status).toBe(400);
  });

  it('never throws, whatever arrives', async () => {
    const junk: Call[] = [
      { path: '/rpc/%E0%A4%A' },
      { method: 'POST', path: '/rpc', body: '' },
      { method: 'POST', path: '/rpc', body: '<a><b></a>' },
      {
        method: 'POST',
        path: '/rpc/get-software-information',
        headers: { 'content-type': 'application/json' },
        body: '{"x":1}',
      },
      { path: '/rpc/@format=json' },
      { method: 'PATCH', path: '/rpc' },
      { path: '/rpc/get-software-information?format=yaml' },
      { method: 'POST', path: '/rpc', body: '<?xml version="1.0"?><!-- c --><get-software-information/>' },
    ];
    for (const call of junk) {
      const reply = await send(mx(), call);
      expect(reply.status).toBeGreaterThanOrEqual(200);
      expect(reply.status).toBeLessThan(600);
    }
  });
});

describe('the REST driver reads what the SSH driver reads', () => {
  it.each(JUNOS_LAB)('%s', async (name) => {
    const device = devices.get(name)!;
    const rest = async <T>(collector: {
      request: { path: string; headers?: Record<string, string> };
      parse(a: HttpAnswer): T;
    }): Promise<T> =>
      collector.parse(
        answerOf(
          await send(device, { path: collector.request.path, headers: collector.request.headers ?? {} }),
        ),
      );
    const [lldp] = juniperJunosRestDriver.neighbors;
    const neighbors = await rest(lldp!);
    expect(neighbors).toEqual(parseJunosLldpNeighbors(cli(device, 'show lldp neighbors')));
    const detail = parseJunosLldpDetail(cli(device, 'show lldp neighbors detail'));
    expect(neighbors).toEqual(
      detail.map(({ protocol, localInterface, remoteDevice, remoteInterface }) => ({
        protocol,
        localInterface,
        remoteDevice,
        remoteInterface,
      })),
    );
    expect(await rest(juniperJunosRestDriver.arp)).toEqual(parseJunosArp(cli(device, 'show arp no-resolve')));
    expect(await rest(juniperJunosRestDriver.version)).toEqual(
      parseJunosVersion(cli(device, 'show version')),
    );
    expect(await rest(juniperJunosRestDriver.memory)).toEqual(
      parseJunosMemory(cli(device, 'show system memory')),
    );
    expect(await rest(juniperJunosRestDriver.raw!('show version'))).toBe(`${cli(device, 'show version')}\n`);
  });

  it('the facts are not empty on the lab boxes', async () => {
    const device = mx();
    const version = juniperJunosRestDriver.version.parse(
      answerOf(
        await send(device, {
          path: '/rpc/get-software-information',
          headers: { accept: 'application/json' },
        }),
      ),
    );
    expect(version).toEqual({
      hostname: 'r3-mx17',
      model: 'mx204',
      version: device.renderContext().state.version,
    });
    const arp = juniperJunosRestDriver.arp.parse(
      answerOf(
        await send(device, {
          path: '/rpc/get-arp-table-information?no-resolve',
          headers: { accept: 'application/json' },
        }),
      ),
    );
    expect(arp.length).toBeGreaterThan(0);
  });

  it('a refused RPC is COMMAND_FAILED quoting mgd', async () => {
    const collector = juniperJunosRestDriver.raw!('show bogus thing');
    const answer = answerOf(
      await send(mx(), { path: collector.request.path, headers: collector.request.headers ?? {} }),
    );
    expect(() => collector.parse(answer)).toThrow(/syntax error \(show bogus thing\)/);
    expect(() => collector.parse(answer)).toThrow(expect.objectContaining({ code: 'COMMAND_FAILED' }));
    const json = answerOf(
      await send(mx(), { path: '/rpc/get-bogus', headers: { accept: 'application/json' } }),
    );
    expect(() => juniperJunosRestDriver.version.parse(json)).toThrow(
      expect.objectContaining({ code: 'COMMAND_FAILED' }),
    );
  });
});
