/**
 * `labfleet up [topology]`: start the fleet, write the inventory and ready file, run until
 * SIGINT/SIGTERM. The first signal stops the fleet (every timer cleared, so even a 30-minute
 * latency wait ends) and exits 0; a second one exits at once.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import {
  renderInventoryFiles,
  INVENTORY_FORMATS,
  type InventoryFormat,
} from '../../../simulator/fleet/inventory.js';
import {
  DEFAULT_BIND,
  DEFAULT_NETCONF_PORT,
  DEFAULT_REST_PORT,
  DEFAULT_SSH_PORT,
} from '../../../simulator/topology/addresses.js';
import { DEFAULT_MAX_SESSIONS } from '../../../simulator/fleet/defaults.js';
import type { Fleet, FleetOptions } from '../../../simulator/fleet/fleet.js';
import { DEFAULT_TOPOLOGY } from '../../../simulator/topology/default-topology.js';
import type { Topology } from '../../../simulator/topology/model.js';
import { parseShard, renderShard, shardRange, type Shard } from '../../../simulator/fleet/shard.js';
import type { ServedFleet, WorkerFleet } from '../../../simulator/fleet/workers.js';
import { parseSeed, type CliIO } from '../io.js';
import { claimLab } from '../labs.js';
import { parseBind, parseListenPort, parseCount, parseLatency } from '../options.js';
import type { ControlServer, UpControlOptions } from './up-control.js';
import type { UpInventoryOptions } from './up-inventory.js';

interface UpOptions extends UpControlOptions, UpInventoryOptions {
  seed?: string;
  bind: string;
  sshPort: string;
  restPort: string;
  netconfPort?: string;
  netconf: boolean;
  restPlain?: boolean;
  rest: boolean;
  restCert?: string;
  latency?: string;
  drift?: string;
  faults?: string;
  inventory?: string;
  inventoryFormat: string;
  readyFile?: string;
  freezeTime?: boolean;
  hostKey?: string[];
  maxSessions: string;
  name?: string;
  shard?: string;
  workers?: string;
}

export function registerUp(program: Command, io: CliIO): void {
  program
    .command('up')
    .description('start the fleet and run until SIGINT/SIGTERM')
    .argument('[topology]', 'topology file or bundled name', DEFAULT_TOPOLOGY)
    .option('--seed <seed>', "seed for all derived state (default: the topology's, else 1)")
    .option(
      '--bind <mode>',
      'ip: each device on its own 127.x address; port: all on 127.0.0.1, consecutive ports',
      DEFAULT_BIND,
    )
    .option(
      '--ssh-port <port>',
      "SSH port (with --bind port: the first device's); 0: the OS picks, see the inventory",
      String(DEFAULT_SSH_PORT),
    )
    .option(
      '--rest-port <port>',
      "REST port (with --bind port: the first device's); 0: the OS picks, see the inventory",
      String(DEFAULT_REST_PORT),
    )
    .option(
      '--netconf-port <port>',
      `NETCONF-over-SSH port (with --bind port: the first device's); 0: the OS picks (default: ${DEFAULT_NETCONF_PORT}, as a box's 830 needs privileges; picked too with --ssh-port 0)`,
    )
    .option('--no-netconf', 'serve no NETCONF port (the SSH port still offers the netconf subsystem)')
    .option('--rest-plain', 'serve REST over plain HTTP instead of HTTPS')
    .option('--no-rest', 'serve SSH only')
    .option('--rest-cert <file>', "write the REST devices' certificate (PEM) here, to pin it in clients")
    .option('--latency <duration>', 'per-command latency for every device, e.g. 200ms or 0ms')
    .option('--drift <file>', 'drift overlay: how the real wiring differs from the topology')
    .option('--faults <file>', "faults overlay: faults in force from the start, after the topology's")
    .option(
      '--bind-address <ip>',
      'with --bind port: listen on this address (a pod IP) instead of 127.0.0.1; the devices are then reachable beyond this host',
    )
    .option('--inventory <file>', 'write the running fleet as an inventory')
    .option(
      '--advertise-host <name>',
      'the host the inventory names instead of the listening address; {shard} becomes the serving shard index (labfleet-{shard}.labfleet)',
    )
    .option(
      '--inventory-scope <scope>',
      "shard: the devices this process serves; fleet: every shard's (with --shard: needs --advertise-host with {shard})",
      'shard',
    )
    .option('--inventory-format <format>', `inventory format: ${INVENTORY_FORMATS.join('|')}`, 'json')
    .option('--ready-file <file>', 'written (JSON) once every device accepts connections')
    .option('--freeze-time', 'freeze the clock: byte-identical output between runs')
    .option('--host-key <file...>', 'private host key file(s) instead of fresh ones')
    .option(
      '--max-sessions <n>',
      'concurrent SSH sessions per device (vty lines)',
      String(DEFAULT_MAX_SESSIONS),
    )
    .option(
      '--shard <i/n>',
      'serve only block i of n (0-based) of the topology; n processes or hosts together serve the whole fleet',
    )
    .option(
      '--workers <n>',
      `processes serving the fleet, each a part of the devices (default: one per core, ${availableParallelism()} here, for ${WORKERS_FROM.toLocaleString('en')} devices or more; one below)`,
    )
    .option('--name <lab>', "the lab's name, for ls, inspect, down and check --lab (default: the topology's)")
    .option(
      '--control <host:port>',
      'where the control API listens (default: 127.0.0.1, a port the OS picks)',
    )
    .option('--no-control', 'serve no control API')
    .option(
      '--control-token <token>',
      'bearer token the control API requires (default: $LABFLEET_CONTROL_TOKEN)',
    )
    .action(async (file: string, options: UpOptions) => {
      // imported here, not at the top: `up --help` loads no server (docs/cli-start.md)
      const { loadHostKeys, startFleet } = await import('../../../simulator/fleet/fleet.js');
      const { loadDrift } = await import('../../../simulator/topology/drift.js');
      const { loadFaults } = await import('../../../simulator/topology/fault-files.js');
      const { loadTopology, resolveTopologyPath } = await import('../../../simulator/topology/load.js');
      const { controlWorkerScript, planControl, startUpControl } = await import('./up-control.js');
      const { startWorkers, MAX_WORKERS } = await import('../../../simulator/fleet/workers.js');
      const { inventoryDevices, planInventory } = await import('./up-inventory.js');
      const format = options.inventoryFormat as InventoryFormat;
      if (!INVENTORY_FORMATS.includes(format))
        throw new LabfleetError(
          'USAGE',
          `--inventory-format "${format}" is not supported; valid: ${INVENTORY_FORMATS.join(', ')}`,
        );
      const latency = parseLatency(options.latency);
      if (options.restCert && (options.restPlain || !options.rest))
        throw new LabfleetError(
          'USAGE',
          `--rest-cert writes the HTTPS certificate, but ${options.restPlain ? '--rest-plain' : '--no-rest'} serves none; drop one of them`,
        );
      const controlPlan = planControl(options);
      const shard = options.shard === undefined ? undefined : parseShard('--shard', options.shard);
      const inventoryPlan = planInventory(options, parseBind(options.bind), shard);
      const askedWorkers =
        options.workers === undefined ? undefined : parseCount('--workers', options.workers, 1, MAX_WORKERS);
      const topology = await loadTopology(file);
      if (shard && isEmptyShard(topology.nodes.length, shard)) {
        io.out(
          `${topology.name}: shard ${renderShard(shard)} serves no device (the topology has ${topology.nodes.length}); nothing to do\n`,
        );
        return;
      }
      const settings: FleetOptions = {
        ...(controlPlan ? { telemetry: controlPlan.metrics.telemetry } : {}),
        topology,
        ...(options.drift ? { world: await loadDrift(options.drift, topology) } : {}),
        ...(options.faults ? { faults: await loadFaults(options.faults, topology) } : {}),
        ...(options.seed === undefined ? {} : { seed: parseSeed(options.seed)! }),
        bind: parseBind(options.bind),
        sshPort: parseListenPort('--ssh-port', options.sshPort),
        restPort: parseListenPort('--rest-port', options.restPort),
        ...(options.netconfPort === undefined
          ? {}
          : { netconfPort: parseListenPort('--netconf-port', options.netconfPort) }),
        restPlain: options.restPlain ?? false,
        rest: options.rest,
        netconf: options.netconf,
        ...(latency === undefined ? {} : { commandLatencyMs: latency }),
        freezeTime: options.freezeTime ?? false,
        ...(options.hostKey ? { hostKeys: await loadHostKeys(options.hostKey) } : {}),
        maxSessions: parseCount('--max-sessions', options.maxSessions, 1, 1000),
        ...(shard ? { shard } : {}),
        ...(inventoryPlan.bindAddress ? { bindAddress: inventoryPlan.bindAddress } : {}),
      };
      if (inventoryPlan.note) io.err(inventoryPlan.note + '\n');
      // Every option checked, the name is claimed (a refused `up` starts nothing and leaves the
      // running lab's ready file be), then the last run's ready file goes: a CI loop waiting for
      // it must never see a stale one.
      // Shards of one topology run side by side: each records a lab of its own by default.
      const lab = await claimLab(options.name ?? shardLabName(topology.name, shard), {
        name: topology.name,
        file: resolveTopologyPath(file),
      });
      const workers = askedWorkers ?? defaultWorkers(topology, shard);
      const fleet: ServedFleet = await removeFile(options.readyFile)
        .then((): Promise<ServedFleet> =>
          workers === 1
            ? startFleet(settings)
            : startWorkers({
                workers,
                topology,
                ...(options.drift ? { driftFile: options.drift } : {}),
                ...(options.faults ? { faultsFile: options.faults } : {}),
                fleet: settings,
                onWorkerExit: (message) => io.err(`labfleet: ${message}\n`),
                ...(controlPlan ? { script: controlWorkerScript() } : {}),
              }),
        )
        .catch(async (error: unknown) => {
          await lab.release();
          throw error;
        });
      // Listening before the ready file appears: a poller may signal the moment it sees it.
      const signals = listenForSignals();
      let control: ControlServer | undefined;
      try {
        const listed = inventoryDevices(inventoryPlan, fleet, settings);
        if (controlPlan)
          control = await startUpControl(controlPlan, fleet as Fleet | WorkerFleet, () => ({
            devices: listed,
          }));
        await lab.running(fleet, {
          bind: settings.bind!,
          restPlain: settings.restPlain!,
          ...(control ? { controlUrl: control.url } : {}),
        });
        io.out(summaryLine(topology.name + (shard ? ` shard ${renderShard(shard)}` : ''), fleet) + '\n');
        if (control) io.out(`control: ${control.url}\n`);
        io.out(`next: labfleet check --lab ${lab.name}\n`);
        if (fleet.unserved.length > 0)
          io.err(
            `note: ${fleet.unserved.length} device(s) not served over SSH yet (no CLI personality for their platform): ${fleet.unserved.slice(0, 5).join(', ')}${fleet.unserved.length > 5 ? ', …' : ''}\n`,
          );
        // The certificate is public (clients pin it); inventories carry passwords and secrets.
        if (options.restCert && fleet.tls)
          await writeAtomically(options.restCert, fleet.tls.cert, PUBLIC_FILE_MODE);
        if (options.inventory)
          for (const { path, text } of renderInventoryFiles(listed, format, options.inventory, {
            ...(control ? { controlUrl: control.url } : {}),
          }))
            await writeAtomically(path, text);
        if (options.readyFile)
          await writeAtomically(
            options.readyFile,
            JSON.stringify({
              name: lab.name,
              pid: process.pid,
              topology: topology.name,
              devices: fleet.devices.length,
              startupSeconds: fleet.startupSeconds,
              ...(control ? { control_url: control.url } : {}),
            }) + '\n',
          );
        await signals.first;
      } finally {
        await control?.close();
        await fleet.stop();
        signals.release();
        await lab.release();
        await removeFile(options.readyFile).catch(() => undefined);
      }
      io.out('fleet stopped\n');
    });
}

/** Below this many devices (in the shard) one process serves the fleet unless --workers says otherwise. */
const WORKERS_FROM = 1000;

/**
 * One worker per core for a big fleet: SSH handshakes are CPU-bound, and one process uses one core.
 * A worker costs a process's start and memory, which a small fleet does not repay.
 */
function defaultWorkers(topology: Topology, shard: Shard | undefined): number {
  const { start, end } = shard
    ? shardRange(topology.nodes.length, shard)
    : { start: 0, end: topology.nodes.length };
  return end - start >= WORKERS_FROM ? Math.max(1, Math.min(availableParallelism(), end - start)) : 1;
}

/** `lab-100` whole; `lab-100.shard-0-of-2` for a shard (lab names are file names). */
function shardLabName(name: string, shard: Shard | undefined): string {
  return shard ? `${name}.shard-${shard.index}-of-${shard.count}` : name;
}

function isEmptyShard(total: number, shard: Shard): boolean {
  const { start, end } = shardRange(total, shard);
  return start === end;
}

function summaryLine(name: string, fleet: ServedFleet): string {
  const ssh = fleet.devices.filter((d) => d.port !== undefined);
  const rest = fleet.devices.filter((d) => d.rest_url !== undefined);
  const netconf = fleet.devices.filter((d) => d.netconf_port !== undefined);
  const parts = [
    ...(ssh.length ? [`${ssh.length} over SSH (${span(ssh.map((d) => `${d.host}:${d.port}`))})`] : []),
    ...(rest.length ? [`${rest.length} over REST (${span(rest.map((d) => d.rest_url!))})`] : []),
    ...(netconf.length
      ? [`${netconf.length} over NETCONF (${span(netconf.map((d) => `${d.host}:${d.netconf_port}`))})`]
      : []),
  ];
  return `${name}: ${fleet.devices.length} devices up, ${parts.join(', ') || 'none served'} in ${fleet.startupSeconds.toFixed(2)} s; Ctrl-C stops`;
}

/** The first and last address, or the only one. */
function span(addresses: readonly string[]): string {
  return addresses.length === 1 ? addresses[0]! : `${addresses[0]} … ${addresses.at(-1)}`;
}

/** Files that name credentials (inventories) or the process (ready file): the owner's alone. */
const PRIVATE_FILE_MODE = 0o600;
const PUBLIC_FILE_MODE = 0o644;

/**
 * Written to a temporary name and renamed, so a poller never reads half a file. The temporary
 * file is created with its final mode (never readable by others, even for a moment) and must be
 * new: a stale one would keep its old mode.
 */
async function writeAtomically(file: string, text: string, mode = PRIVATE_FILE_MODE): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await rm(temporary, { force: true });
    await writeFile(temporary, text, { mode, flag: 'wx' });
    await rename(temporary, file);
  } catch (cause) {
    throw new LabfleetError('FILE_UNWRITABLE', `cannot write ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

async function removeFile(file: string | undefined): Promise<void> {
  try {
    if (file) await rm(file, { force: true });
  } catch (cause) {
    throw new LabfleetError('FILE_UNWRITABLE', `cannot remove ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** Exit codes for a second signal, as a shell reports a process killed by it (128 + number). */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * `first` resolves on the first SIGINT/SIGTERM; from then on a second signal exits at once (the
 * user insists), whatever the stop is still doing. `release` restores the default handlers.
 */
function listenForSignals(): { first: Promise<void>; release(): void } {
  const installed: Array<[NodeJS.Signals, () => void]> = [];
  const on = (signal: NodeJS.Signals, handler: () => void) => {
    process.on(signal, handler);
    installed.push([signal, handler]);
  };
  const release = () => {
    for (const [signal, handler] of installed.splice(0)) process.off(signal, handler);
  };
  const first = new Promise<void>((resolve) => {
    const stop = () => {
      release();
      on('SIGINT', () => process.exit(SIGNAL_EXIT.SIGINT));
      on('SIGTERM', () => process.exit(SIGNAL_EXIT.SIGTERM));
      resolve();
    };
    on('SIGINT', stop);
    on('SIGTERM', stop);
  });
  return { first, release };
}
