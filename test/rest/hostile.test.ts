/**
 * Hostile requests found by review: inputs that once stalled the shared server for seconds (one
 * event loop serves every device), overflowed the stack, or reached Object's own properties. Each
 * must get the platform's 4xx (or rpc-error) answer, quickly, without throwing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { deviceRuntimeFor } from '../device.js';
import { junosRest } from '../../simulator/rest/junos/index.js';
import { nxapi } from '../../simulator/rest/nxapi/index.js';
import { restconf } from '../../simulator/rest/restconf/index.js';
import type { ApiReply, ApiRequest, RestApi } from '../../simulator/rest/types.js';

async function call(
  api: RestApi,
  device: DeviceRuntime,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<ApiReply> {
  const [path, query = ''] = url.split('?');
  const request: ApiRequest = {
    method,
    path: path!,
    query: new URLSearchParams(query),
    headers,
    body: Buffer.from(body),
    user: 'admin',
  };
  return await api.handle(request, device);
}

const devices: Record<string, DeviceRuntime> = {};
beforeAll(async () => {
  for (const name of ['agg1', 'r1-nx05', 'r2-jx14']) devices[name] = await deviceRuntimeFor('lab-100', name);
});

describe('NX-API XML', () => {
  it.each([
    ['<ins_api> repeated', '<ins_api>'.repeat(100_000)],
    ['an element opened 100,000 times', '<ins_api>' + '<input>'.repeat(100_000)],
  ])('answers %s (1 MB) at once with a 4xx', async (_what, body) => {
    const reply = await call(
      nxapi,
      devices['r1-nx05']!,
      'POST',
      '/ins',
      { 'content-type': 'application/xml' },
      body,
    );
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
  });
});

describe('Junos REST', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'treats the RPC name %s as an unknown RPC, not as an Object property',
    async (name) => {
      const reply = await call(junosRest, devices['r2-jx14']!, 'GET', `/rpc/${name}?x=1`);
      expect(reply.body).toContain('<rpc-error>');
      expect(reply.body).toContain(`<bad-element>${name}</bad-element>`);
    },
  );

  it('refuses an argument named like an Object property', async () => {
    const reply = await call(
      junosRest,
      devices['r2-jx14']!,
      'GET',
      '/rpc/get-software-information?toString=1',
    );
    expect(reply.body).toContain('<bad-element>toString</bad-element>');
  });

  it('answers deeply nested XML with a 400, not a stack overflow', async () => {
    const body = '<a>'.repeat(8000) + '</a>'.repeat(8000);
    const reply = await call(
      junosRest,
      devices['r2-jx14']!,
      'POST',
      '/rpc/get-software-information',
      { 'content-type': 'application/xml' },
      body,
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('nested deeper than 64 levels');
  });
});

describe('RESTCONF', () => {
  it('refuses a fields expression nested 8,000 deep with 400 invalid-value', async () => {
    const fields = encodeURIComponent('a('.repeat(8000) + 'b' + ')'.repeat(8000));
    const reply = await call(restconf, devices.agg1!, 'GET', `/restconf/data?fields=${fields}`, {
      accept: 'application/yang-data+json',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('"error-tag": "invalid-value"');
  });

  it('refuses a hostname that is an object with 400, naming the value', async () => {
    const reply = await call(
      restconf,
      devices.agg1!,
      'PUT',
      '/restconf/data/Cisco-IOS-XE-native:native/hostname',
      { 'content-type': 'application/yang-data+json', accept: 'application/yang-data+json' },
      '{"Cisco-IOS-XE-native:hostname":{"toString":1}}',
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('{\\"toString\\":1}');
  });
});
