/**
 * HTTP(S) to one device's REST API: one keep-alive connection reused for every request, basic
 * auth, TCP_NODELAY, every request bounded by a timeout. Device certificates are self-signed (as
 * a lab box's are), so they are accepted unless a CA is given to pin them.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ClientError } from '../errors.js';

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
          reject(classify(error, where, call, secure));
        };
        const timer = setTimeout(() => {
          req.destroy();
          reject(
            new ClientError(
              'TIMEOUT',
              `${where}: no answer to ${call.method} ${call.path} within ${options.timeoutMs} ms`,
            ),
          );
        }, options.timeoutMs);
        req.on('error', fail);
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
