import { beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { deviceRuntimeFor } from '../device.js';
import { apiSession, runCliLine } from '../../simulator/rest/cli.js';
import { restconf } from '../../simulator/rest/restconf/index.js';
import type { ApiReply, ApiRequest } from '../../simulator/rest/types.js';
import { expectGolden } from '../helpers.js';

const JSON_TYPE = 'application/yang-data+json';
const XML_TYPE = 'application/yang-data+xml';

function request(partial: Partial<ApiRequest> & { path: string }): ApiRequest {
  const q = partial.path.indexOf('?');
  return {
    method: 'GET',
    headers: {},
    body: Buffer.alloc(0),
    user: 'admin',
    ...partial,
    path: q < 0 ? partial.path : partial.path.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : partial.path.slice(q + 1)),
  };
}

const get = (device: DeviceRuntime, path: string, accept?: string): ApiReply =>
  restconf.handle(request({ path, headers: accept ? { accept } : {} }), device);

const write = (device: DeviceRuntime, method: string, path: string, body: string, contentType?: string) =>
  restconf.handle(
    request({
      method,
      path,
      body: Buffer.from(body),
      headers: { accept: JSON_TYPE, ...(contentType ? { 'content-type': contentType } : {}) },
    }),
    device,
  );

/** Status, content type and body: what a golden file pins. */
const shown = (reply: ApiReply) =>
  `${reply.status} ${reply.headers['content-type'] ?? '-'}\n${reply.headers.allow ? `Allow: ${reply.headers.allow}\n` : ''}\n${reply.body}`;

let router: DeviceRuntime; // r1-rt09, an ASR1001-X
let cat: DeviceRuntime; // r1-tor1, a Catalyst 9300
let noLldp: DeviceRuntime; // routers-10 R1: CDP only

beforeAll(async () => {
  router = await deviceRuntimeFor('lab-100', 'r1-rt09');
  cat = await deviceRuntimeFor('lab-100', 'r1-tor1');
  noLldp = await deviceRuntimeFor('routers-10', 'R1');
});

const CDP = '/restconf/data/Cisco-IOS-XE-cdp-oper:cdp-neighbor-details';
const LLDP = '/restconf/data/Cisco-IOS-XE-lldp-oper:lldp-entries';
const PLATFORM_MEMORY =
  'cisco-platform-software/control-processes/control-process=platform-fru-rp,0,0,-1/memory-stats';

describe('RESTCONF discovery and root', () => {
  it('answers host-meta with the XRD that points at /restconf', () => {
    const reply = get(router, '/.well-known/host-meta');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/xrd+xml');
    expectGolden('rest/restconf/host-meta.txt', shown(reply));
  });

  it('serves the root resource in JSON and, with no Accept, in XML', () => {
    expectGolden('rest/restconf/root.json.txt', shown(get(router, '/restconf', JSON_TYPE)));
    const xml = get(router, '/restconf/');
    expect(xml.headers['content-type']).toBe(XML_TYPE);
    expectGolden('rest/restconf/root.xml.txt', shown(xml));
    expect(JSON.parse(get(router, '/restconf/yang-library-version', JSON_TYPE).body)).toEqual({
      'ietf-restconf:yang-library-version': '2016-06-21',
    });
  });

  it('answers outside /restconf as the nginx in front does', () => {
    const reply = get(router, '/api/v1/whatever', JSON_TYPE);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('text/html');
    expect(reply.body).toContain('<center>nginx</center>');
  });

  it('carries the headers of IOS-XE and the device clock in Date', () => {
    const reply = get(router, CDP, JSON_TYPE);
    expect(reply.headers).toMatchObject({
      server: 'nginx',
      'cache-control': 'private, no-cache, must-revalidate, proxy-revalidate',
      pragma: 'no-cache',
      date: new Date(router.renderContext().now).toUTCString(),
    });
  });
});

describe('RESTCONF data', () => {
  it('serves CDP neighbours from the real wiring, JSON and XML', () => {
    const json = get(router, CDP, JSON_TYPE);
    expect(json.commands).toEqual(['show cdp neighbors detail']);
    expectGolden('rest/restconf/cdp.json.txt', shown(json));
    expectGolden('rest/restconf/cdp.xml.txt', shown(get(router, CDP, XML_TYPE)));
    const details = (JSON.parse(json.body) as Record<string, Record<string, Array<Record<string, unknown>>>>)[
      'Cisco-IOS-XE-cdp-oper:cdp-neighbor-details'
    ]!['cdp-neighbor-detail']!;
    const expected = router.state().neighbors.filter((n) => n.protocol === 'cdp');
    expect(details.map((d) => [d['local-intf-name'], d['device-name'], d['port-id']])).toEqual(
      expected.map((n) => [n.localInterface, n.deviceId, n.remoteInterface]),
    );
    expect(typeof details[0]!['device-id']).toBe('number');
  });

  it('serves LLDP entries and the OpenConfig neighbour state', () => {
    const json = get(router, LLDP, JSON_TYPE);
    expect(json.commands).toEqual(['show lldp neighbors detail']);
    expectGolden('rest/restconf/lldp-entries.json.txt', shown(json));
    const neighbor = router.state().neighbors.find((n) => n.protocol === 'lldp')!;
    const port = encodeURIComponent(neighbor.localInterface);
    const reply = get(
      router,
      `/restconf/data/openconfig-lldp:lldp/interfaces/interface=${port}/neighbors/neighbor=1/state`,
      JSON_TYPE,
    );
    expectGolden('rest/restconf/openconfig-lldp-state.json.txt', shown(reply));
    const state = (JSON.parse(reply.body) as Record<string, Record<string, unknown>>)[
      'openconfig-lldp:state'
    ]!;
    expect(state['system-name']).toBe(neighbor.deviceId);
  });

  it('answers 204 where a protocol is off, as a box with nothing to show', () => {
    const reply = get(noLldp, LLDP, JSON_TYPE);
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expect(get(noLldp, CDP, JSON_TYPE).status).toBe(200);
    const oc = JSON.parse(get(noLldp, '/restconf/data/openconfig-lldp:lldp', JSON_TYPE).body) as Record<
      string,
      Record<string, unknown>
    >;
    expect(oc['openconfig-lldp:lldp']!.state).toEqual({
      enabled: false,
      'hello-timer': '30',
      'system-name': 'R1',
    });
  });

  it('serves ARP, memory pools and the platform memory path, with or without module prefixes', () => {
    const arp = get(router, '/restconf/data/Cisco-IOS-XE-arp-oper:arp-data', JSON_TYPE);
    expect(arp.commands).toEqual(['show ip arp']);
    expectGolden('rest/restconf/arp.json.txt', shown(arp));
    const memory = get(router, '/restconf/data/Cisco-IOS-XE-memory-oper:memory-statistics', JSON_TYPE);
    expect(memory.commands).toEqual(['show memory statistics']);
    expectGolden('rest/restconf/memory-statistics.json.txt', shown(memory));
    const prefixed = get(
      router,
      `/restconf/data/Cisco-IOS-XE-platform-software-oper:${PLATFORM_MEMORY}`,
      JSON_TYPE,
    );
    expectGolden('rest/restconf/platform-memory-stats.json.txt', shown(prefixed));
    expect(get(router, `/restconf/data/${PLATFORM_MEMORY}`, JSON_TYPE).body).toBe(prefixed.body);
    // uint64 leaves are JSON strings (RFC 7951), uint8 a number.
    const stats = (JSON.parse(prefixed.body) as Record<string, Record<string, unknown>>)[
      'Cisco-IOS-XE-platform-software-oper:memory-stats'
    ]!;
    expect(typeof stats.total).toBe('string');
    expect(typeof stats['committed-percent']).toBe('number');
  });

  it('serves the hostname and interfaces, keys percent-decoded', () => {
    expectGolden(
      'rest/restconf/hostname.json.txt',
      shown(get(cat, '/restconf/data/Cisco-IOS-XE-native:native/hostname', JSON_TYPE)),
    );
    expectGolden(
      'rest/restconf/hostname.xml.txt',
      shown(get(cat, '/restconf/data/Cisco-IOS-XE-native:native/hostname', XML_TYPE)),
    );
    const entry = get(
      cat,
      '/restconf/data/ietf-interfaces:interfaces/interface=GigabitEthernet1%2F0%2F1',
      JSON_TYPE,
    );
    expect(entry.commands).toEqual(['show ip interface brief']);
    expectGolden('rest/restconf/ietf-interface.json.txt', shown(entry));
    expectGolden(
      'rest/restconf/ietf-interface.xml.txt',
      shown(
        get(cat, '/restconf/data/ietf-interfaces:interfaces/interface=GigabitEthernet1%2F0%2F1', XML_TYPE),
      ),
    );
    expectGolden(
      'rest/restconf/oper-interface.json.txt',
      shown(
        get(
          cat,
          '/restconf/data/Cisco-IOS-XE-interfaces-oper:interfaces/interface=GigabitEthernet1%2F0%2F1',
          JSON_TYPE,
        ),
      ),
    );
    // An unencoded slash splits the key: there is no such node.
    expect(
      get(cat, '/restconf/data/ietf-interfaces:interfaces/interface=GigabitEthernet1/0/1', JSON_TYPE).status,
    ).toBe(404);
  });

  it('keeps only what fields names, across modules at the datastore', () => {
    const reply = get(
      router,
      '/restconf/data?fields=Cisco-IOS-XE-native:native/hostname;Cisco-IOS-XE-device-hardware-oper:device-hardware-data/device-hardware',
      JSON_TYPE,
    );
    expect(reply.commands).toEqual(['show running-config', 'show version']);
    expectGolden('rest/restconf/datastore-fields.json.txt', shown(reply));
    const cdp = JSON.parse(
      get(router, `${CDP}?fields=cdp-neighbor-detail(device-name;port-id)`, JSON_TYPE).body,
    ) as Record<string, Record<string, Array<Record<string, unknown>>>>;
    expect(
      Object.keys(cdp['Cisco-IOS-XE-cdp-oper:cdp-neighbor-details']!['cdp-neighbor-detail']![0]!),
    ).toEqual(['device-id', 'device-name', 'port-id']);
  });

  it('gives the same answer twice (determinism)', () => {
    expect(get(router, '/restconf/data', JSON_TYPE).body).toBe(get(router, '/restconf/data', JSON_TYPE).body);
  });
});

describe('RESTCONF errors', () => {
  it.each([
    ['not-found', `/restconf/data/Cisco-IOS-XE-cdp-oper:no-such-thing`, JSON_TYPE, 404],
    ['not-found-xml', `/restconf/data/Cisco-IOS-XE-cdp-oper:no-such-thing`, XML_TYPE, 404],
    ['no-such-entry', `/restconf/data/ietf-interfaces:interfaces/interface=Nope0`, JSON_TYPE, 404],
    ['key-count', `/restconf/data/${PLATFORM_MEMORY.replace(',0,0,-1', ',0')}`, JSON_TYPE, 400],
    ['bad-encoding', `/restconf/data/ietf-interfaces:interfaces/interface=Gi%ZZ`, JSON_TYPE, 400],
    ['bad-query', `${CDP}?foo=1`, JSON_TYPE, 400],
    ['bad-fields', `${CDP}?fields=a(b`, JSON_TYPE, 400],
    ['not-acceptable', CDP, 'application/json', 406],
  ])('%s', (name, path, accept, status) => {
    const reply = get(router, path, accept);
    expect(reply.status).toBe(status);
    expectGolden(`rest/restconf/error-${name}.txt`, shown(reply));
  });

  it('refuses like IOS-XE: 401 with a challenge, 413, 400', () => {
    const parts = { method: 'GET', path: CDP, query: new URLSearchParams(), headers: { accept: JSON_TYPE } };
    const denied = restconf.refuse('unauthorized', parts, router);
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expectGolden('rest/restconf/error-unauthorized.txt', shown(denied));
    expectGolden(
      'rest/restconf/error-unauthorized-xml.txt',
      shown(restconf.refuse('unauthorized', { ...parts, headers: {} }, router)),
    );
    expectGolden(
      'rest/restconf/error-too-large.txt',
      shown(restconf.refuse('body-too-large', parts, router)),
    );
    expectGolden('rest/restconf/error-bad-request.txt', shown(restconf.refuse('bad-request', parts, router)));
  });

  it('refuses writes to operational data with 405 and Allow', () => {
    const reply = write(router, 'PUT', CDP, '{}', JSON_TYPE);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD, OPTIONS');
    expectGolden('rest/restconf/error-not-allowed.txt', shown(reply));
    expect(
      write(router, 'DELETE', '/restconf/data/Cisco-IOS-XE-native:native/hostname', '').headers.allow,
    ).toBe('GET, HEAD, OPTIONS, PATCH, PUT');
    expect(write(router, 'POST', '/restconf/data/Cisco-IOS-XE-native:nope', '{}', JSON_TYPE).status).toBe(
      404,
    );
  });

  it('answers OPTIONS with what a resource allows', () => {
    const reply = write(router, 'OPTIONS', '/restconf/data/Cisco-IOS-XE-native:native/hostname', '');
    expect(reply.status).toBe(200);
    expect(reply.headers.allow).toBe('GET, HEAD, OPTIONS, PATCH, PUT');
  });
});

describe('RESTCONF hostname writes', () => {
  const HOSTNAME = '/restconf/data/Cisco-IOS-XE-native:native/hostname';

  it('PUT in JSON and PATCH in XML change the hostname the CLI shows', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-sw01');
    const put = write(device, 'PUT', HOSTNAME, '{"Cisco-IOS-XE-native:hostname": "core-a"}', JSON_TYPE);
    expect(put.status).toBe(204);
    expect(put.body).toBe('');
    expect(put.commands).toEqual(['hostname core-a']);
    expect(device.config().hostname).toBe('core-a');
    const session = apiSession(device, 'admin', 'enable');
    expect(runCliLine(device, session, 'show running-config').output).toMatch(/^hostname core-a$/m);
    const patch = write(
      device,
      'PATCH',
      HOSTNAME,
      '<hostname xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native">core-b</hostname>',
      `${XML_TYPE}; charset=utf-8`,
    );
    expect(patch.status).toBe(204);
    expect(JSON.parse(get(device, HOSTNAME, JSON_TYPE).body)).toEqual({
      'Cisco-IOS-XE-native:hostname': 'core-b',
    });
  });

  it.each([
    ['unsupported-media', 'PUT', '{"Cisco-IOS-XE-native:hostname": "x"}', 'application/json', 415],
    ['malformed-json', 'PUT', '{"Cisco-IOS-XE-native:hostname": ', JSON_TYPE, 400],
    ['malformed-xml', 'PATCH', '<hostname>x</hostnam>', XML_TYPE, 400],
    ['wrong-member', 'PUT', '{"hostname": "x"}', JSON_TYPE, 400],
    ['invalid-hostname', 'PUT', '{"Cisco-IOS-XE-native:hostname": "has space"}', JSON_TYPE, 400],
  ])('%s', async (name, method, body, type, status) => {
    const device = await deviceRuntimeFor('lab-100', 'r1-sw02');
    const reply = write(device, method, HOSTNAME, body, type);
    expect(reply.status).toBe(status);
    expect(device.config().hostname).toBe('r1-sw02');
    expectGolden(`rest/restconf/error-write-${name}.txt`, shown(reply));
  });
});
