/**
 * `labfleet ctl <command>`: steer a running fleet through its control API: unplug, patch, swap and
 * move cables, apply and lift faults, reset, and see what every device is doing. Where the API is
 * comes from `controlTarget` (--control, LABFLEET_CONTROL_URL); errors are the API's own messages.
 */
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import { FAULT_KINDS } from '../../../simulator/topology/fault-kinds.js';
import { controlTarget, requestControl, type ControlTargetOptions } from '../control-client.js';
import { parseSeed, type CliIO } from '../io.js';
import { parseDurationOption } from '../options.js';
import { renderStatus, type Status } from './ctl-status.js';

interface CtlOptions extends ControlTargetOptions {
  timeout?: string;
}

interface FaultOptions {
  device?: string[];
  fraction?: string;
  seed?: string;
  for?: string;
  delay?: string;
  rate?: string;
  port?: string;
  period?: string;
  downtime?: string;
}

interface DriftAnswer {
  applied: number;
  affected: string[];
}

interface FaultAnswer {
  id: string;
  kind: string;
  devices: string[];
  until?: number;
}

export function registerCtl(program: Command, io: CliIO): void {
  const ctl = program
    .command('ctl')
    .description("steer a running fleet through its control API (`up` prints its URL as 'control: …')")
    .option('--lab <name>', "the lab's control API (default: the only running lab's)")
    .option('--control <url>', 'the control API (default: $LABFLEET_CONTROL_URL, else the lab)')
    .option('--token <token>', 'its bearer token, if it has one (default: $LABFLEET_CONTROL_TOKEN)')
    .option('--timeout <duration>', 'how long to wait for an answer', '10s');

  /** Sends one request with the options of `ctl` (given before or after the subcommand). */
  const send = async (command: Command, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const options = command.optsWithGlobals<CtlOptions>();
    const timeoutMs = parseDurationOption('--timeout', options.timeout ?? '10s', { min: 1 });
    return requestControl(await controlTarget(options), method, path, body, timeoutMs);
  };
  const drift = async (command: Command, item: unknown, done: string) => {
    const answer = (await send(command, 'POST', '/drift', item)) as DriftAnswer;
    io.out(`${done}; devices affected: ${answer.affected.join(', ') || 'none'}\n`);
  };

  ctl
    .command('unplug')
    .description('pull the cable out of a port')
    .argument('<port>', 'device:interface, e.g. leaf1:Gi1/0/1')
    .action((port: string, _o: unknown, command: Command) =>
      drift(command, { unplug: port }, `unplugged ${port}`),
    );
  ctl
    .command('patch')
    .description('plug a new cable between two free ports')
    .argument('<a>', 'device:interface')
    .argument('<b>', 'device:interface')
    .action((a: string, b: string, _o: unknown, command: Command) =>
      drift(command, { patch: [a, b] }, `patched ${a} to ${b}`),
    );
  ctl
    .command('swap')
    .description('exchange the cables of two ports')
    .argument('<a>', 'device:interface')
    .argument('<b>', 'device:interface')
    .action((a: string, b: string, _o: unknown, command: Command) =>
      drift(command, { swap: [a, b] }, `swapped the cables of ${a} and ${b}`),
    );
  ctl
    .command('move')
    .description('move the cable of one port into another, free port')
    .argument('<from>', 'device:interface with a cable')
    .argument('<to>', 'device:interface without one')
    .action((from: string, to: string, _o: unknown, command: Command) =>
      drift(command, { move: { from, to } }, `moved the cable from ${from} to ${to}`),
    );
  ctl
    .command('fault')
    .description('apply a fault to named devices or a seeded fraction of the fleet')
    .argument('<kind>', `one of: ${FAULT_KINDS.join(', ')}`)
    .option('--device <name...>', 'the devices, by name')
    .option('--fraction <F>', 'a seeded share of the fleet, 0 < F ≤ 1: exactly round(F × N) devices')
    .option('--seed <seed>', "chooses the fraction's devices (default: the fleet's seed)")
    .option('--for <duration>', 'lift it by itself after this long')
    .option('--delay <duration>', 'slow-banner: the wait (10s); slow: the extra latency (2s)')
    .option('--rate <share>', 'slow: share of commands (0.2); garble: share of characters (0.05)')
    .option('--port <interface>', "flap: the port (default: the device's first cabled port)")
    .option('--period <duration>', 'flap: one down-and-up cycle (10s)')
    .option('--downtime <duration>', 'reboot: how long the device is away (30s)')
    .action(async (kind: string, options: FaultOptions, command: Command) => {
      const fault = (await send(command, 'POST', '/faults', faultBody(kind, options))) as FaultAnswer;
      const until = fault.until === undefined ? '' : ` until ${new Date(fault.until).toISOString()}`;
      io.out(
        `fault ${fault.id}: ${fault.kind} on ${fault.devices.length} device(s)${until}: ${fault.devices.join(', ')}\n`,
      );
    });
  ctl
    .command('unfault')
    .description('lift one fault')
    .argument('<id>', 'the fault id (`ctl status` lists them)')
    .action(async (id: string, _o: unknown, command: Command) => {
      const fault = (await send(command, 'DELETE', `/faults/${encodeURIComponent(id)}`)) as FaultAnswer;
      io.out(`lifted ${fault.id} (${fault.kind} on ${fault.devices.join(', ') || 'no device left'})\n`);
    });
  ctl
    .command('clear')
    .description('lift every fault')
    .action(async (_o: unknown, command: Command) => {
      const { cleared } = (await send(command, 'DELETE', '/faults')) as { cleared: number };
      io.out(`lifted ${cleared} fault(s)\n`);
    });
  ctl
    .command('reset')
    .description('back to how the lab started: its wiring and its start faults, nothing applied since')
    .action(async (_o: unknown, command: Command) => {
      const { drift, faults } = (await send(command, 'POST', '/reset')) as {
        drift: unknown[];
        faults: unknown[];
      };
      io.out(`back to how the lab started: ${drift.length} drift item(s), ${faults.length} fault(s)\n`);
    });
  ctl
    .command('status')
    .description('devices not up, with faults or with sessions open; the drift and faults in force')
    .option('--json', 'everything, as JSON: {devices, drift, faults}')
    .action(async (options: { json?: boolean }, command: Command) => {
      const [devices, drift, faults] = await Promise.all([
        send(command, 'GET', '/devices'),
        send(command, 'GET', '/drift'),
        send(command, 'GET', '/faults'),
      ]);
      const status = { ...(devices as object), ...(drift as object), ...(faults as object) } as Status;
      io.out(options.json ? JSON.stringify(status, null, 2) + '\n' : renderStatus(status));
    });
  ctl
    .command('metrics')
    .description('the Prometheus metrics, as scraped')
    .action(async (_o: unknown, command: Command) => {
      io.out(String(await send(command, 'GET', '/metrics')));
    });
}

/** The fault spec the API takes; numbers checked here, the rest by the API (which names the field). */
function faultBody(kind: string, o: FaultOptions): Record<string, unknown> {
  if ((o.device === undefined) === (o.fraction === undefined))
    throw new LabfleetError('USAGE', 'ctl fault needs either --device <name…> or --fraction <F>, not both');
  const number = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new LabfleetError('USAGE', `${flag} must be a number, got "${value}"`);
    return n;
  };
  const body: Record<string, unknown> = {
    kind,
    devices: o.device,
    fraction: number('--fraction', o.fraction),
    seed: parseSeed(o.seed),
    for: o.for,
    delay: o.delay,
    rate: number('--rate', o.rate),
    port: o.port,
    period: o.period,
    downtime: o.downtime,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
