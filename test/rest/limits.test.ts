/**
 * The REST fleet against a hostile client, on real loopback ports: command caps, the reply limit,
 * header and body deadlines, connections per device. Deadlines and the reply limit are made small
 * through `restLimits`, so nothing waits for the real 60 s.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { COMMAND_LIMITS } from '../../simulator/rest/limits.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { ADMIN, rawRequest } from '../rest.js';

const REPLY_LIMIT = 16 * 1024;
const HEADERS_MS = 300;
const REQUEST_MS = 600;
const MAX_CONNECTIONS = 4;

let fleet: Fleet;
const url: Record<string, string> = {};

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    sshPort: 0,
    restPort: 0,
    restPlain: true,
    freezeTime: true,
    commandLatencyMs: 0,
    restLimits: {
      replyLimit: REPLY_LIMIT,
      headersTimeoutMs: HEADERS_MS,
      requestTimeoutMs: REQUEST_MS,
      maxConnectionsPerDevice: MAX_CONNECTIONS,
    },
  });
  for (const name of ['r1-ar12', 'r1-nx05', 'r2-jx14', 'agg1', 'r1-nx06'])
    url[name] = fleet.devices.find((d) => d.name === name)!.rest_url!;
});

afterAll(async () => {
  await fleet?.stop();
});

const runCmds = (cmds: string[], format = 'text') =>
  rawRequest(url['r1-ar12']!, {
    method: 'POST',
    path: '/command-api',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'runCmds', id: 7, params: { version: 1, format, cmds } }),
    auth: ADMIN,
  });

const insApi = (type: string, commands: string[], contentType = 'application/json') =>
  rawRequest(url['r1-nx05']!, {
    method: 'POST',
    path: '/ins',
    headers: { 'content-type': contentType },
    body:
      contentType === 'application/json'
        ? JSON.stringify({
            ins_api: {
              version: '1.0',
              type,
              chunk: '0',
              sid: '1',
              input: commands.join(' ;'),
              output_format: 'json',
            },
          })
        : `<?xml version="1.0"?><ins_api><version>1.0</version><type>${type}</type><chunk>0</chunk><sid>1</sid><input>${commands.join(' ;')}</input><output_format>xml</output_format></ins_api>`,
    auth: ADMIN,
  });

/** Heap and buffers in use, bytes. */
const inUse = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describe('amplification', () => {
  it.each([8000, 25_000])(
    'refuses enable + %i × show running-config all at once, memory bounded, other devices answering',
    async (n) => {
      const before = inUse();
      const others = Promise.all([
        insApi('cli_show', ['show clock']),
        rawRequest(url.agg1!, { path: '/restconf/data/Cisco-IOS-XE-native:native/hostname', auth: ADMIN }),
        rawRequest(url['r2-jx14']!, { path: '/rpc/get-software-information', auth: ADMIN }),
      ]);
      const answer = await runCmds(['enable', ...Array<string>(n).fill('show running-config all')]);
      const reply = JSON.parse(answer.body) as { id: number; error: { code: number; message: string } };
      expect(answer.status).toBe(200);
      expect(reply.id).toBe(7);
      expect(reply.error.code).toBe(-32602);
      expect(reply.error.message).toContain(`at most ${COMMAND_LIMITS.eapi}`);
      expect((await others).map((a) => a.status)).toEqual([200, 200, 200]);
      // Unfixed, N = 8,000 built a 33 MB reply (+170 MiB RSS); the request body alone is 0.2-0.6 MB.
      expect(inUse() - before).toBeLessThan(48 * 1024 * 1024);
    },
  );

  it('stops building an eAPI reply at the limit and answers EOS -32603', async () => {
    const before = inUse();
    const answer = await runCmds([
      'enable',
      ...Array<string>(COMMAND_LIMITS.eapi - 1).fill('show running-config all'),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeLessThan(1024);
    expect(JSON.parse(answer.body)).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32603, message: '[Errno 28] No space left on device' },
    });
    expect(inUse() - before).toBeLessThan(48 * 1024 * 1024);
    // The device still answers what fits.
    const small = JSON.parse((await runCmds(['show version'], 'json')).body) as { result: unknown[] };
    expect(small.result).toHaveLength(1);
  });
});

describe('NX-API command limit', () => {
  const shows = (n: number) => Array.from({ length: n }, () => 'show clock');

  it('runs 10 show commands', async () => {
    const answer = await insApi('cli_show_ascii', shows(10));
    const outputs = (JSON.parse(answer.body) as { ins_api: { outputs: { output: Array<{ code: string }> } } })
      .ins_api.outputs.output;
    expect(outputs.map((o) => o.code)).toEqual(Array<string>(10).fill('200'));
  });

  it('answers 11 with the box 413, in JSON and XML', async () => {
    const json = await insApi('cli_show', shows(11));
    expect(json.status).toBe(200);
    expect((JSON.parse(json.body) as { ins_api: { outputs: unknown } }).ins_api.outputs).toEqual({
      output: {
        msg: 'Maximum number of consecutive show commands exceeded. The maximum is 10.',
        code: '413',
      },
    });
    const xml = await insApi('cli_show_ascii', shows(11), 'application/xml');
    expect(xml.body).toContain('<code>413</code>');
    expect(xml.body).toContain(
      '<msg>Maximum number of consecutive show commands exceeded. The maximum is 10.</msg>',
    );
  });

  it('refuses 11 show calls in a row over JSON-RPC, and runs 10', async () => {
    const batch = (n: number) =>
      rawRequest(url['r1-nx05']!, {
        method: 'POST',
        path: '/ins',
        headers: { 'content-type': 'application/json-rpc' },
        body: JSON.stringify(
          Array.from({ length: n }, (_, i) => ({
            jsonrpc: '2.0',
            method: 'cli_ascii',
            params: { cmd: 'show clock', version: 1 },
            id: i + 1,
          })),
        ),
        auth: ADMIN,
      });
    const refused = JSON.parse((await batch(11)).body) as { error: { code: number; data: { msg: string } } };
    expect(refused.error.code).toBe(-32600);
    expect(refused.error.data.msg).toMatch(/^Maximum number of consecutive show commands exceeded/);
    expect(JSON.parse((await batch(10)).body)).toHaveLength(10);
  });

  it('stops at the output that passes the reply limit with the box 413', async () => {
    const answer = await insApi('cli_show_ascii', Array<string>(10).fill('show running-config'));
    const outputs = (
      JSON.parse(answer.body) as { ins_api: { outputs: { output: Array<{ code: string; msg: string }> } } }
    ).ins_api.outputs.output;
    const last = outputs.at(-1)!;
    expect(last.code).toBe('413');
    expect(last.msg).toMatch(
      /^Response size stopped processing because it exceeded the maximum message size/,
    );
    expect(outputs.slice(0, -1).every((o) => o.code === '200')).toBe(true);
    expect(answer.body.length).toBeLessThanOrEqual(REPLY_LIMIT + 1024);
  });
});

describe('Junos REST limits', () => {
  const rpcs = (n: number, rpc = '<get-software-information/>') =>
    rawRequest(url['r2-jx14']!, {
      method: 'POST',
      path: '/rpc',
      headers: { 'content-type': 'application/xml' },
      body: rpc.repeat(n),
      auth: ADMIN,
    });

  it('refuses more than 100 RPCs in one POST /rpc with a too-big rpc-error', async () => {
    const answer = await rpcs(COMMAND_LIMITS.junosRpcs + 1);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('<error-tag>too-big</error-tag>');
  });

  it('stops a multipart reply at the limit', async () => {
    const answer = await rpcs(COMMAND_LIMITS.junosRpcs);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('<error-message>response too large</error-message>');
    expect(answer.body.length).toBeLessThan(REPLY_LIMIT);
  });
});

/** Resolves when `socket` is closed by the server; what it received until then. */
function closed(socket: Socket): Promise<string> {
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  return new Promise((resolve) => socket.on('close', () => resolve(received)));
}

function open(name: string): Promise<Socket> {
  const { hostname, port } = new URL(url[name]!);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Writes `piece` every 50 ms until the socket closes; at most `max` times. */
async function trickle(socket: Socket, piece: string, max: number): Promise<number> {
  let sent = 0;
  while (!socket.destroyed && sent < max) {
    socket.write(piece);
    sent++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return sent;
}

describe('deadlines', () => {
  it('closes a slowloris connection at the header deadline, however busy it keeps the line', async () => {
    const socket = await open('r1-nx06');
    socket.on('error', () => undefined);
    const end = closed(socket);
    socket.write('POST /ins HTTP/1.1\r\nHost: x\r\n');
    // A header line every 50 ms keeps the socket from ever being idle; only the deadline ends it.
    const sent = await trickle(socket, 'X-a: b\r\n', 200);
    const received = await end;
    expect(sent).toBeLessThan(200);
    expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('closes a connection whose body trickles past the request deadline', async () => {
    const socket = await open('r1-nx06');
    socket.on('error', () => undefined);
    const end = closed(socket);
    socket.write(
      'POST /ins HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    const sent = await trickle(socket, ' ', 200);
    await end;
    expect(sent).toBeLessThan(200);
  });

  it(`serves ${MAX_CONNECTIONS} connections to one device and closes the next at once`, async () => {
    const sockets = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => open('r1-nx06')));
    const extra = await open('r1-nx06');
    extra.on('error', () => undefined);
    await closed(extra);
    // The admitted ones still answer; another device is not affected.
    const first = sockets[0]!;
    const answer = closed(first);
    first.write('GET /ins HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 401/);
    expect((await insApi('cli_show', ['show clock'])).status).toBe(200);
    for (const s of sockets) s.destroy();
  });
});
