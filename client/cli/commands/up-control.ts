/**
 * `up`'s control API: where it listens (`--control host:port`, 127.0.0.1 on a port the OS picks by
 * default, `--no-control` for none) and its token. Checked before the fleet starts, so a refusal
 * (a non-loopback address without a token) costs nothing; started once the fleet serves.
 */
import {
  createFanOutControl,
  createFanOutMetrics,
  createFleetMetrics,
  CONTROL_MODULE_URL,
  isLoopbackHost,
  startControlServer,
  DEFAULT_CONTROL_HOST,
  type ControlServer,
  type FleetMetrics,
} from '../../../simulator/control/index.js';
import { LabfleetError } from '../../../simulator/errors.js';
import type { Fleet } from '../../../simulator/fleet/fleet.js';
import { siblingScript } from '../../../simulator/fleet/sibling-script.js';
import type { WorkerFleet } from '../../../simulator/fleet/workers.js';
import { parseListenPort } from '../options.js';

export type { ControlServer };
import { packageVersion } from '../version.js';

export interface UpControlOptions {
  /** false with --no-control; a "host:port" (or port) with --control. */
  control?: string | false;
  controlToken?: string;
}

export interface ControlPlan {
  host: string;
  port: number;
  token?: string;
  /** Created before the fleet, whose telemetry feeds it. */
  metrics: FleetMetrics;
}

/** Where the control API will listen, or undefined with --no-control; USAGE when it may not. */
export function planControl(
  options: UpControlOptions,
  env: NodeJS.ProcessEnv = process.env,
): ControlPlan | undefined {
  if (options.control === false) return undefined;
  const { host, port } = parseControlAddress(options.control ?? `${DEFAULT_CONTROL_HOST}:0`);
  const token = options.controlToken ?? env.LABFLEET_CONTROL_TOKEN;
  if (!isLoopbackHost(host) && !token)
    throw new LabfleetError(
      'USAGE',
      `--control ${options.control}: off loopback the control API needs a token, or anyone who reaches ${host} could steer the fleet; give --control-token <token> (or LABFLEET_CONTROL_TOKEN), or use 127.0.0.1`,
    );
  return { host, port, ...(token ? { token } : {}), metrics: createFleetMetrics() };
}

/** `host:port`, `[v6]:port`, or a port alone (on 127.0.0.1). */
export function parseControlAddress(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value) ?? /^()()(\d+)$/.exec(value);
  if (!match)
    throw new LabfleetError(
      'USAGE',
      `--control "${value}" is not host:port; e.g. 127.0.0.1:9090, or 127.0.0.1:0 for a port the OS picks`,
    );
  const host = match[1] || match[2] || DEFAULT_CONTROL_HOST;
  return { host, port: parseListenPort('--control port', match[3]!) };
}

/** The worker entry of a fleet of several workers with a control API: it keeps the metrics. */
export function controlWorkerScript(): string {
  return siblingScript('worker.js', 'a fleet of several workers needs it', CONTROL_MODULE_URL);
}

/**
 * Over one process, its FleetControl; over several workers, the fan-out to theirs (each worker
 * counts its own metrics, merged at each scrape).
 */
export function startUpControl(
  plan: ControlPlan,
  fleet: Fleet | WorkerFleet,
  inventory?: () => object,
): Promise<ControlServer> {
  const workers = 'control' in fleet ? undefined : fleet;
  return startControlServer(workers ? { control: createFanOutControl(workers) } : (fleet as Fleet), {
    ...(inventory ? { inventory } : {}),
    host: plan.host,
    port: plan.port,
    metrics: workers ? createFanOutMetrics(workers) : plan.metrics,
    version: packageVersion(),
    ...(plan.token ? { token: plan.token } : {}),
    ...(workers ? { unserving: () => endedWorkers(workers) } : {}),
  });
}

/** The workers that have ended, and how many devices no longer answer with them; undefined: none. */
function endedWorkers(fleet: WorkerFleet): string | undefined {
  const ended = fleet.parts.flatMap((names, index) => (fleet.alive(index) ? [] : [{ index, names }]));
  if (ended.length === 0) return undefined;
  const devices = ended.reduce((sum, e) => sum + e.names.length, 0);
  const which = ended.map((e) => e.index + 1).join(', ');
  return `worker${ended.length > 1 ? 's' : ''} ${which} of ${fleet.parts.length} ended: ${devices} device(s) no longer answer (${ended[0]!.names[0]} …); restart the fleet`;
}
