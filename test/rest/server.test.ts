/**
 * The shared REST server on its own, with a recording test API: credentials, body limits, bad
 * requests, a failing API and garbage on the wire all get an answer, and the server keeps serving.
 */
import { connect as netConnect, createServer, type AddressInfo, type Server } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { deviceRuntimeFor } from '../device.js';
import { createRestServer, type RestServer } from '../../simulator/rest/server.js';
import { generateTlsIdentity } from '../../simulator/rest/tls.js';
import type { ApiRequest, RestApi } from '../../simulator/rest/types.js';
import { rawRequest } from '../rest.js';

const HOST = '127.0.0.1';
let httpsPort: number;
let httpPort: number;
let https: string;
let http: string;
const admin = { username: 'admin', password: 'admin' };
/** An answer larger than loopback's socket buffers can absorb. */
const BIG = 24 * 1024 * 1024;

const seen: ApiRequest[] = [];
const api: RestApi = {
  name: 'restconf',
  handle(request, device) {
    seen.push(request);
    if (request.path === '/boom') throw new Error('the API tripped');
    if (request.path === '/big')
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(BIG), commands: [] };
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ device: device.name, user: request.user, bytes: request.body.length }),
      commands: [],
    };
  },
  refuse: (reason) => ({
    status: reason === 'unauthorized' ? 401 : reason === 'body-too-large' ? 413 : 400,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refused: reason }),
    commands: [],
  }),
};

let device: DeviceRuntime;
const servers: RestServer[] = [];
const listeners: Server[] = [];

/** Serves on a port the OS picks; returns it. */
async function serve(tls: boolean): Promise<number> {
  const server = await createRestServer({
    ...(tls ? { tls: await generateTlsIdentity() } : {}),
    apiFor: () => api,
    limits: { bodyLimit: 64 * 1024, idleTimeoutMs: 400, replyLimit: 2 * BIG },
  });
  servers.push(server);
  const listener = createServer({ noDelay: true }, (socket) => server.accept(socket, device));
  listeners.push(listener);
  await new Promise<void>((resolve) => listener.listen(0, HOST, resolve));
  return (listener.address() as AddressInfo).port;
}

beforeAll(async () => {
  device = await deviceRuntimeFor('routers-10', 'R1');
  httpsPort = await serve(true);
  httpPort = await serve(false);
  https = `https://${HOST}:${httpsPort}`;
  http = `http://${HOST}:${httpPort}`;
});

afterAll(async () => {
  for (const s of servers) s.closeAll();
  await Promise.all(listeners.map((l) => new Promise((resolve) => l.close(resolve))));
});

describe('shared REST server', () => {
  it('finds the device by the address the connection arrived on and hands the API the raw request', async () => {
    const answer = await rawRequest(https, {
      method: 'POST',
      path: '/ins?x=1',
      headers: { 'content-type': 'application/weird' },
      body: '{"not": "parsed by the server"}',
      auth: admin,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ device: 'R1', user: 'admin', bytes: 31 });
    // The device's (frozen) clock, not the host's.
    expect(answer.headers.date).toBe('Thu, 15 Jan 2026 09:30:00 GMT');
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.path).toBe('/ins');
    expect(last.query.get('x')).toBe('1');
    expect(last.headers['content-type']).toBe('application/weird');
  });

  it.each([
    ['no credentials', null],
    ['a wrong password', { username: 'admin', password: 'nope' }],
    ['a wrong user', { username: 'root', password: 'admin' }],
  ])('lets the API refuse %s', async (_what, auth) => {
    const answer = await rawRequest(https, { path: '/restconf/data', auth });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ refused: 'unauthorized' });
  });

  it('lets the API refuse an oversized body, and a malformed URL', async () => {
    const big = await rawRequest(http, {
      method: 'POST',
      path: '/command-api',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(65 * 1024, 0x41),
      auth: admin,
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toEqual({ refused: 'body-too-large' });
    const bad = await rawRequest(http, { path: '/%zz', auth: admin });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ refused: 'bad-request' });
  });

  it('answers a failing API with a plain 500 and keeps serving', async () => {
    const boom = await rawRequest(https, { path: '/boom', auth: admin });
    expect(boom.status).toBe(500);
    expect(boom.body).toBe('labfleet internal error on R1: the API tripped\n');
    expect((await rawRequest(https, { path: '/ok', auth: admin })).status).toBe(200);
  });

  it('survives garbage, plain HTTP on the TLS port, and clients that vanish mid-request', async () => {
    const closes: Array<Promise<void>> = [];
    for (let i = 0; i < 20; i++) {
      const raw = netConnect(httpsPort, HOST);
      raw.on('error', () => undefined).resume();
      raw.write(
        i % 2
          ? 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'
          : Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x00]),
      );
      closes.push(new Promise((resolve) => raw.on('close', () => resolve())));
      const half = tlsConnect({ host: HOST, port: httpsPort, rejectUnauthorized: false }, () => {
        half.write('POST /ins HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"in');
        half.destroy();
      });
      half.on('error', () => undefined);
      const junk = netConnect(httpPort, HOST);
      junk.on('error', () => undefined).resume();
      junk.write('\x00\x01\x02 NOT HTTP AT ALL\r\n\r\n');
      closes.push(new Promise((resolve) => junk.on('close', () => resolve())));
    }
    await Promise.all(closes);
    const [secure, plain] = await Promise.all([
      rawRequest(https, { path: '/after', auth: admin }),
      rawRequest(http, { path: '/after', auth: admin }),
    ]);
    expect([secure.status, plain.status]).toEqual([200, 200]);
  });

  it('closes a connection that stalls halfway through its headers', async () => {
    const stalled = tlsConnect({ host: HOST, port: httpsPort, rejectUnauthorized: false }, () =>
      stalled.write('GET /slow HTTP/1.1\r\nHost: x\r\nX-Half: '),
    );
    stalled.on('error', () => undefined).resume();
    // Bounded: the server's idle timeout is 400 ms here; the test's own timeout is the backstop.
    await new Promise<void>((resolve) => stalled.on('close', () => resolve()));
    expect(stalled.destroyed).toBe(true);
  });

  it('serves 200 concurrent requests to one device', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => rawRequest(https, { path: `/n/${i}`, auth: admin })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  const pipelined = (path: string, n: number) =>
    `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Basic ${Buffer.from('admin:admin').toString('base64')}\r\n\r\n`.repeat(
      n,
    );
  const built = (path: string) => seen.filter((r) => r.path === path).length;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('builds one answer at a time for a client that pipelines and never reads', async () => {
    const socket = netConnect(httpPort, HOST);
    socket.on('error', () => undefined);
    socket.pause();
    socket.write(pipelined('/big', 8));
    // Bounded waits: until the first answer is built, then long enough for more to be built if they were.
    for (let i = 0; i < 200 && built('/big') === 0; i++) await sleep(25);
    await sleep(500);
    expect(built('/big')).toBeGreaterThanOrEqual(1);
    expect(built('/big')).toBeLessThanOrEqual(2);
    socket.destroy();
  });

  it('drops a connection with more than 16 requests waiting', async () => {
    const socket = netConnect(httpPort, HOST);
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(pipelined('/piped', 20));
    await closed;
    expect(received.split('HTTP/1.1 200').length - 1).toBeLessThan(20);
    expect((await rawRequest(http, { path: '/after', auth: admin })).status).toBe(200);
  });
});
