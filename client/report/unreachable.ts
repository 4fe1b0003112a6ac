/**
 * When no device answered at all, the report says so once, with the likely cause, instead of one
 * identical UNVERIFIABLE line per device: nothing listening (the fleet is not running, or was
 * started on other ports or another bind mode), HTTP against HTTPS or the other way round, or
 * nothing answering within the connect timeout.
 *
 * The rule is "every device, the same connection-level failure": a fleet where some devices
 * answer is a different problem (a few dead boxes), and its per-device lines are what matters.
 */
import type { DeviceResult } from '../collect.js';
import type { Transport } from '../readers/types.js';
import type { Target } from '../target.js';

/** Why nothing answered, and where it was tried. */
export interface UnreachableSummary {
  /** The failure every device met: CONNECT_REFUSED, TLS_FAILED, SESSION_CLOSED or TIMEOUT. */
  code: string;
  /** How many devices were tried (all of them failed this way). */
  devices: number;
  transport: Transport;
  /** Where it was tried: the first and last address (`127.100.0.1:2222 … 127.100.0.4:2222`). */
  addresses: string;
  /** How the addresses were laid out: one loopback address per device (`ip`) or one port each (`port`). */
  bind: 'ip' | 'port';
  /** The likely cause and what to do, one sentence. */
  cause: string;
}

/** The failures that happen before any device talks: what a wrong address, port or scheme gives. */
const CONNECTION_CODES = new Set(['CONNECT_REFUSED', 'TLS_FAILED', 'SESSION_CLOSED', 'TIMEOUT']);

/** Where a target was tried over the transport: host:port, or the REST URL. */
function addressOf(target: Target, transport: Transport): { text: string; host: string; port: string } {
  if (transport === 'rest' && target.restUrl) {
    const url = new URL(target.restUrl);
    return { text: target.restUrl, host: url.hostname, port: url.port };
  }
  const port = transport === 'netconf' ? (target.netconfPort ?? target.port) : target.port;
  return { text: `${target.host}:${port}`, host: target.host, port: String(port) };
}

/** A failure seen during login or the first request, not a slow command on a talking device. */
function isConnectionLevel(result: DeviceResult): boolean {
  const error = result.error;
  if (!error || !CONNECTION_CODES.has(error.code)) return false;
  if (error.code === 'TIMEOUT') return /connect timeout|no device hello|no SSH login/i.test(error.message);
  return true;
}

/**
 * The summary when every device failed with the same connection-level code; undefined when at
 * least one answered (or failed otherwise), when nothing was tried, or when the run was interrupted.
 */
export function summarizeUnreachable(
  results: readonly DeviceResult[],
  targets: readonly Target[],
  transport: Transport,
): UnreachableSummary | undefined {
  const first = results[0]?.error?.code;
  if (!first || !results.every((r) => !r.ok && r.error?.code === first && isConnectionLevel(r)))
    return undefined;
  const byName = new Map(targets.map((t) => [t.name, t]));
  const tried = results.map((r) => byName.get(r.device)).filter((t) => t !== undefined);
  if (tried.length === 0) return undefined;
  const addresses = tried.map((t) => addressOf(t, transport));
  const bind = new Set(addresses.map((a) => a.host)).size === 1 && addresses.length > 1 ? 'port' : 'ip';
  const span =
    addresses.length === 1 ? addresses[0]!.text : `${addresses[0]!.text} … ${addresses.at(-1)!.text}`;
  const secure = tried.some((t) => t.restUrl?.startsWith('https:'));
  return {
    code: first,
    devices: results.length,
    transport,
    addresses: span,
    bind,
    cause: causeOf(first, results[0]!.error!.message, transport, bind, addresses[0]!.port, secure),
  };
}

const PORT_OPTION: Record<Transport, string> = {
  ssh: '--ssh-port',
  rest: '--rest-port',
  netconf: '--netconf-port',
};

function causeOf(
  code: string,
  message: string,
  transport: Transport,
  bind: 'ip' | 'port',
  port: string,
  secure: boolean,
): string {
  const tried = `check tried --bind ${bind} ${PORT_OPTION[transport]} ${port}${transport === 'rest' && !secure ? ' --rest-plain' : ''}`;
  const elsewhere = `give check --lab <name> (\`labfleet ls\` lists the running labs), the --bind and ${PORT_OPTION[transport]} that \`labfleet up\` was given, or --inventory with the file up wrote (${tried})`;
  switch (code) {
    case 'CONNECT_REFUSED':
      return `nothing listens there: the fleet is not running (start it with \`labfleet up\`), or it listens elsewhere: ${elsewhere}`;
    case 'TLS_FAILED':
      return /certificate/i.test(message)
        ? 'their certificates do not chain to --rest-ca: give check the certificate `up --rest-cert` wrote, or drop --rest-ca to accept self-signed ones'
        : 'they answer plain HTTP, not HTTPS: the fleet was started with `up --rest-plain`; run check with --rest-plain too';
    case 'SESSION_CLOSED':
      return transport === 'rest' && !secure
        ? 'they closed every plain-HTTP connection unanswered, as an HTTPS server does: the fleet serves HTTPS (started without --rest-plain); run check without --rest-plain'
        : `each closed the connection before answering: something other than the fleet may hold these ports, or the fleet listens elsewhere: ${elsewhere}`;
    default:
      return `none answered within the connect timeout: a wrong address or port, or a fleet too busy to answer (raise --timeout); ${elsewhere}`;
  }
}

/** The report's one line for it. */
export function describeUnreachable(s: UnreachableSummary): string {
  const all = s.devices === 1 ? 'the only device' : `all ${s.devices} devices`;
  return `UNREACHABLE: ${all} failed alike over ${s.transport.toUpperCase()} at ${s.addresses} [${s.code}]; likely: ${s.cause}`;
}
