/**
 * HTTP(S) to one device's REST API: one keep-alive connection reused for every request, basic
 * auth, TCP_NODELAY, every request bounded by a timeout. Device certificates are self-signed (as
 * a lab box's are), so they are accepted unless a CA is given to pin them.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { ClientError } from '../errors.js';
import type { TimelineRecorder } from '../timeline.js';

export interface RestTarget {
  name: string;
  /** Base URL: `https://127.100.0.1:8443`. */
  restUrl: string;
  username: string;
  password: string;
}

export interface RestCall {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/restconf/data/Cisco-IOS-XE-cdp-oper:cdp-neighbor-details`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** What a timeline calls the request: the CLI command an API wraps; `METHOD path` when absent. */
  label?: string;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RestOptions {
  /** Each request, from sending it to the last byte of the answer (connect included). */
  timeoutMs: number;
  /**
   * PEM of a CA (or the fleet's own certificate) the device's certificate must chain to. The name
   * in it is not matched: devices are reached by address, and one fleet certificate cannot name
   * ten thousand of them.
   */
  ca?: string;
  /**
   * Records a `connect` span while a new connection is made (TCP, and TLS for https) and a
   * `command` span (`GET <path>`, or the call's label) from then to the answer's last byte, or from writing for a reused
   * connection.
   */
  recorder?: TimelineRecorder;
}

export interface RestSession {
  request(call: RestCall): Promise<HttpAnswer>;
  close(): void;
}

export function openRestSession(target: RestTarget, options: RestOptions): RestSession {
  let url: URL;
  try {
    url = new URL(target.restUrl);
  } catch {
    throw new ClientError('INVENTORY_INVALID', `${target.name}: rest_url "${target.restUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ClientError(
      'INVENTORY_INVALID',
      `${target.name}: rest_url "${target.restUrl}" must start with https:// or http://`,
    );
  const secure = url.protocol === 'https:';
  const agentOptions = { keepAlive: true, maxSockets: 1, noDelay: true };
  const agent = secure
    ? new HttpsAgent({
        ...agentOptions,
        ...(options.ca
          ? { ca: options.ca, checkServerIdentity: () => undefined }
          : { rejectUnauthorized: false }),
      })
    : new HttpAgent(agentOptions);
  const authorization = `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}`;
  const where = url.host;
  const base = url.pathname.replace(/\/$/, '');
  const send = secure ? httpsRequest : httpRequest;
  const { recorder } = options;
  /** Sockets already connected: a request on one of these has no connect span. */
  const connected = new WeakSet<Socket>();

  return {
    request: (call) =>
      new Promise<HttpAnswer>((resolve, reject) => {
        if (/[^\u0021-\u00ff]/.test(call.path))
          return reject(
            new ClientError(
              'COMMAND_FAILED',
              `${where}: ${JSON.stringify(call.path)} cannot be sent as a URL path (spaces or characters beyond Latin-1); percent-encode them`,
            ),
          );
        const body = call.body === undefined ? undefined : Buffer.from(call.body);
        const label = call.label ?? `${call.method} ${call.path}`;
        let spanStart = recorder?.now() ?? 0;
        let connecting = false;
        let ended = false;
        /** Ends the connect span (the command's starts then) or, finally, the command's. */
        const endSpan = (failed: boolean) => {
          if (!recorder || ended) return;
          if (connecting) {
            recorder.end('connect', 'connect', spanStart, failed);
            connecting = false;
            ended = failed;
            spanStart = recorder.now();
            return;
          }
          ended = true;
          recorder.end('command', label, spanStart, failed);
        };
        const req = send(
          {
            agent,
            host: url.hostname,
            port: url.port || (secure ? 443 : 80),
            method: call.method,
            path: base + call.path,
            headers: {
              authorization,
              ...call.headers,
              ...(body ? { 'content-length': String(body.length) } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              clearTimeout(timer);
              endSpan(false);
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
            res.on('error', (error) => fail(error));
          },
        );
        const fail = (error: Error & { code?: string }) => {
          clearTimeout(timer);
          endSpan(true);
          reject(classify(error, where, call, secure));
        };
        const timer = setTimeout(() => {
          endSpan(true);
          req.destroy();
          reject(
            new ClientError(
              'TIMEOUT',
              `${where}: no answer to ${call.method} ${call.path} within ${options.timeoutMs} ms`,
            ),
          );
        }, options.timeoutMs);
        req.on('error', fail);
        if (recorder)
          req.once('socket', (socket: Socket) => {
            if (connected.has(socket)) return;
            connected.add(socket);
            connecting = true;
            socket.once(secure ? 'secureConnect' : 'connect', () => {
              if (connecting) endSpan(false);
            });
          });
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

function classify(
  error: Error & { code?: string },
  where: string,
  call: RestCall,
  secure: boolean,
): ClientError {
  if (error instanceof ClientError) return error;
  if (error.code === 'ECONNREFUSED')
    return new ClientError('CONNECT_REFUSED', `${where}: connection refused`, { cause: error });
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE')
    return new ClientError(
      'SESSION_CLOSED',
      // An HTTPS server drops a plain-HTTP request without a word.
      `${where}: the device closed the connection during ${call.method} ${call.path}${secure ? '' : ' (is it serving HTTPS? then drop --rest-plain)'}`,
      { cause: error },
    );
  if (error.code === 'EPROTO' || /wrong version number|packet length too long/i.test(error.message))
    return new ClientError(
      'TLS_FAILED',
      `${where}: no TLS there (${error.code ?? error.message}); is the device serving plain HTTP (--rest-plain)?`,
      { cause: error },
    );
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(error.code ?? ''))
    return new ClientError(
      'TLS_FAILED',
      `${where}: the device's certificate does not chain to the --rest-ca given (${error.code})`,
      { cause: error },
    );
  return new ClientError('CONNECT_FAILED', `${where}: ${error.code ?? error.message}`, { cause: error });
}
