/** A test fleet with its control API on ports the OS picked, and a JSON caller for the API. */
import { startTestFleet, type TestFleet, type TestFleetOptions } from '../../client/testing/index.js';
import {
  createFleetMetrics,
  startControlServer,
  type ControlOptions,
  type ControlServer,
} from '../../simulator/control/index.js';

/** An answer of the API: `json` is the parsed body (an empty object when it is not JSON). */
export interface Answer {
  status: number;
  json: Record<string, unknown>;
  text: string;
  type: string;
}

export interface ControlledFleet {
  lab: TestFleet;
  control: ControlServer;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

export async function startControlledFleet(
  options: TestFleetOptions,
  control: Omit<ControlOptions, 'metrics'> = {},
): Promise<ControlledFleet> {
  const metrics = createFleetMetrics();
  const lab = await startTestFleet({ ...options, telemetry: metrics.telemetry });
  const server = await startControlServer(lab.fleet, { ...control, metrics });
  return {
    lab,
    control: server,
    async call(method, path, body, headers = {}) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(control.token ? { authorization: `Bearer ${control.token}` } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // /metrics is text
      }
      return { status: response.status, json, text, type: response.headers.get('content-type') ?? '' };
    },
    async stop() {
      await server.close();
      await lab.stop();
    },
  };
}
