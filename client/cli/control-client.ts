/**
 * Talking to a fleet's control API from the CLI: where it is (`controlTarget`, the one place a
 * resolver such as `--lab <name>` plugs in) and one request with a deadline, whose failures become
 * errors that say what happened: the API's own message, or that nothing listens at the URL.
 */
import { ERROR_CODES, LabfleetError, type ErrorCode } from '../../simulator/errors.js';
import { findRunningLab } from './labs.js';

export interface ControlTarget {
  /** The control API's base URL, e.g. http://127.0.0.1:41234. */
  url: string;
  token?: string;
}

export interface ControlTargetOptions {
  control?: string;
  token?: string;
  lab?: string;
}

/**
 * Where the control API is: `--lab <name>` (its record's control URL), `--control` /
 * LABFLEET_CONTROL_URL, else the only running lab's; `--token` / LABFLEET_CONTROL_TOKEN. Flags win.
 */
export async function controlTarget(
  options: ControlTargetOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ControlTarget> {
  if (options.lab !== undefined && options.control !== undefined)
    throw new LabfleetError('USAGE', '--lab and --control both say where the control API is; give one');
  const url =
    options.lab !== undefined
      ? await labControlUrl(options.lab)
      : (options.control ?? env.LABFLEET_CONTROL_URL ?? (await labControlUrl()));
  if (!url)
    throw new LabfleetError(
      'USAGE',
      'no control API to talk to: no lab is running; give --lab <name>, --control <url> or set LABFLEET_CONTROL_URL (`labfleet up` prints it as "control: http://…" and writes it to its inventory as control_url)',
    );
  if (!/^https?:\/\//i.test(url))
    throw new LabfleetError(
      'USAGE',
      `--control "${url}" is not an http:// or https:// URL${/^[\w.[\]:-]+:\d+$/.test(url) ? `; did you mean http://${url}?` : ''}`,
    );
  if (!URL.canParse(url))
    throw new LabfleetError('USAGE', `--control "${url}" is not a URL; expected e.g. http://127.0.0.1:41234`);
  const token = options.token ?? env.LABFLEET_CONTROL_TOKEN;
  return { url: url.replace(/\/+$/, ''), ...(token ? { token } : {}) };
}

/** The control URL of the named lab, or of the only running one (undefined when none runs). */
async function labControlUrl(name?: string): Promise<string | undefined> {
  // A name no running lab has is LAB_UNKNOWN, listing the running ones.
  const lab = await findRunningLab(name);
  if (!lab) return undefined;
  if (!lab.control_url)
    throw new LabfleetError(
      'USAGE',
      `lab "${lab.name}" serves no control API (it was started with --no-control); restart it without`,
    );
  return lab.control_url;
}

export const CONTROL_TIMEOUT_MS = 10_000;

/**
 * One request: resolves with the parsed JSON (or the text, for /metrics). Throws the API's own
 * error (its code and message), or CONTROL_UNREACHABLE naming the URL and the likely cause.
 */
export async function requestControl(
  target: ControlTarget,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  timeoutMs = CONTROL_TIMEOUT_MS,
): Promise<unknown> {
  const url = `${target.url}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw unreachable(target.url, cause, timeoutMs);
  }
  const text = await response.text();
  const json = parseJson(text);
  if (response.ok) return response.headers.get('content-type')?.startsWith('application/json') ? json : text;
  if (isErrorBody(json)) {
    const code = (json.code in ERROR_CODES ? json.code : 'CONTROL_FAILED') as ErrorCode;
    throw new LabfleetError(code, json.message);
  }
  throw new LabfleetError(
    'CONTROL_FAILED',
    `${url} answered ${response.status} ${response.statusText}, not as a labfleet control API does; is ${target.url} the control URL \`labfleet up\` printed?`,
  );
}

function unreachable(url: string, cause: unknown, timeoutMs: number): LabfleetError {
  const error = cause as Error & { cause?: { code?: string } };
  const code = error.cause?.code;
  const why =
    error.name === 'TimeoutError'
      ? `no answer within ${timeoutMs / 1000} s (is the fleet overloaded, or is this not the control port?)`
      : code === 'ECONNREFUSED'
        ? 'connection refused: is `labfleet up` running (and not with --no-control), on this port?'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? 'the connection was closed without an answer (an https:// API asked over http://, or not the control port?)'
          : `${code ?? error.message}`;
  return new LabfleetError('CONTROL_UNREACHABLE', `cannot reach the control API at ${url}: ${why}`, {
    cause,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
