/** Raw HTTP(S) for REST tests: any method, headers, body or credentials, one connection per request. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { startFleet, type Fleet } from '../simulator/fleet/fleet.js';
import { loadTopology } from '../simulator/topology/load.js';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  /** Path and query. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Basic credentials; `null` sends none. */
  auth?: { username: string; password: string } | null;
}

/** Sends one request to `baseUrl` (`https://127.x.y.z:port`), certificate unchecked; 10 s timeout. */
export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { ...req.headers };
  if (req.auth)
    headers.authorization = `Basic ${Buffer.from(`${req.auth.username}:${req.auth.password}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const r = send(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers,
        agent: false,
        rejectUnauthorized: false,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer from ${baseUrl}${req.path} within 10 s`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** lab-100's own credentials. */
export const ADMIN = { username: 'admin', password: 'admin' };

/** lab-100 on ports the OS picks: frozen clock, no latency, SSH and REST. */
export async function startFrozenLab(): Promise<Fleet> {
  return startFleet({
    topology: await loadTopology('lab-100'),
    sshPort: 0,
    restPort: 0,
    freezeTime: true,
    commandLatencyMs: 0,
  });
}

/** NX-API `cli_show` of one command in JSON (what NAPALM's and Ansible's NX-API paths send). */
export async function nxapiShow(
  baseUrl: string,
  command: string,
): Promise<{ status: number; output: { code?: string; msg?: string; body?: unknown } }> {
  const answer = await rawRequest(baseUrl, {
    method: 'POST',
    path: '/ins',
    auth: ADMIN,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(
      JSON.stringify({
        ins_api: {
          version: '1.0',
          type: 'cli_show',
          chunk: '0',
          sid: '1',
          input: command,
          output_format: 'json',
        },
      }),
    ),
  });
  const parsed =
    answer.status === 200
      ? (JSON.parse(answer.body) as { ins_api: { outputs: { output: object } } })
      : undefined;
  return { status: answer.status, output: parsed?.ins_api.outputs.output ?? {} };
}
