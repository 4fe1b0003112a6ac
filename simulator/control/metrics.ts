/**
 * The fleet's Prometheus metrics (prom-client, a fresh Registry per fleet, never the global one).
 * Counters and the latency histogram are fed by the fleet's Telemetry as events happen, so the
 * registry exists before the fleet starts: `createFleetMetrics()` → pass `telemetry` to
 * `startFleet`, then `observe(fleet.control)` so the gauges (devices, sessions, faults, drift) read
 * the fleet at each scrape.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Telemetry } from '../device/stats.js';
import type { FleetControl } from '../fleet/control.js';

export interface FleetMetrics {
  /** Hand to `startFleet({ telemetry })`: every login, failure, command and byte is counted. */
  readonly telemetry: Telemetry;
  readonly registry: Registry;
  /** The fleet the gauges read at each scrape; until then they report nothing. */
  observe(control: FleetControl): void;
}

const PROTOCOL_LABELS = ['platform', 'protocol'] as const;

/**
 * Latency buckets, seconds: from a zero-latency command (~1 ms) past the 200 ms of the story's lab
 * to the outliers of a `slow` fault (2 s and more).
 */
export const COMMAND_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30];

/** A registry of the fleet's metrics and the telemetry that feeds it. */
export function createFleetMetrics(): FleetMetrics {
  const registry = new Registry();
  const registers = [registry];
  let control: FleetControl | undefined;
  const counter = (name: string, help: string) =>
    new Counter({ name, help, labelNames: PROTOCOL_LABELS, registers });
  const logins = counter('labfleet_logins_total', 'Successful logins (REST: authenticated requests).');
  const authFailures = counter('labfleet_auth_failures_total', 'Logins refused.');
  const commands = counter(
    'labfleet_commands_total',
    'Commands answered (REST: one per command a request ran; NETCONF: one per RPC).',
  );
  const bytes = counter('labfleet_bytes_sent_total', 'Bytes of output sent to clients.');
  const duration = new Histogram({
    name: 'labfleet_command_duration_seconds',
    help: 'From a command arriving to its answer being handed to the transport (configured latency included).',
    labelNames: PROTOCOL_LABELS,
    buckets: COMMAND_BUCKETS,
    registers,
  });
  new Gauge({
    name: 'labfleet_devices',
    help: 'Served devices by platform and availability (up, down, rebooting).',
    labelNames: ['platform', 'availability'],
    registers,
    collect() {
      this.reset();
      for (const d of control?.devices() ?? [])
        this.inc({ platform: d.platform, availability: d.availability });
    },
  });
  new Gauge({
    name: 'labfleet_sessions',
    help: 'Sessions open now: SSH shell/exec channels, NETCONF sessions, REST connections.',
    labelNames: PROTOCOL_LABELS,
    registers,
    collect() {
      this.reset();
      for (const d of control?.devices() ?? [])
        for (const [protocol, c] of Object.entries(d.counters))
          this.inc({ platform: d.platform, protocol }, c.sessions);
    },
  });
  new Gauge({
    name: 'labfleet_faults_active',
    help: 'Devices held by a fault, by fault kind.',
    labelNames: ['kind'],
    registers,
    collect() {
      this.reset();
      // A part of a fleet (a worker, a shard) counts its own devices: the parts' counts add up.
      const served = new Set((control?.devices() ?? []).map((d) => d.name));
      for (const f of control?.faults() ?? [])
        this.inc({ kind: f.kind }, f.devices.filter((n) => served.has(n)).length);
    },
  });
  new Gauge({
    name: 'labfleet_drift_items',
    help: 'Drift items in force (from `up --drift` and applied at runtime).',
    registers,
    // Every worker of a fleet holds the whole fleet's drift: merged, it is counted once.
    aggregator: 'first',
    collect() {
      this.set(control?.drift().length ?? 0);
    },
  });
  return {
    registry,
    telemetry: {
      login: (platform, protocol) => logins.inc({ platform, protocol }),
      authFailure: (platform, protocol) => authFailures.inc({ platform, protocol }),
      command(platform, protocol, seconds) {
        commands.inc({ platform, protocol });
        duration.observe({ platform, protocol }, seconds);
      },
      bytes: (platform, protocol, count) => bytes.inc({ platform, protocol }, count),
    },
    observe(next) {
      control = next;
    },
  };
}
