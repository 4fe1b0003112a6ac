/**
 * `labfleet demo`: what `npm start` runs. Starts the default lab in-process with realistic latency,
 * checks a sample of devices one after the other (a line per device as it finishes) and every
 * device at once, and prints both timings, the speed-up, both runs on one time axis and the verdict.
 */
import type { Command } from 'commander';
import { DEFAULT_TOPOLOGY } from '../../../simulator/topology/default-topology.js';
import type { CheckResult } from '../../check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../collect-defaults.js';
import { createPainter } from '../../report/ansi.js';
import type { DemoPageInput } from '../../report/html/demo-page.js';
import { watchInterrupt } from '../interrupt.js';
import { CliExit, EXIT, writeOutput, type CliIO } from '../io.js';
import { parseTransport } from '../connection.js';
import { parseCount, parseLatency, parseListenPort } from '../options.js';
import { extentOf, renderStep, renderTimeline } from '../demo-timeline.js';
import {
  DEFAULT_NETCONF_PORT,
  DEFAULT_REST_PORT,
  DEFAULT_SSH_PORT,
} from '../../../simulator/topology/addresses.js';
import { DEFAULT_SEED } from '../../../simulator/state/default-seed.js';
import { packageVersion } from '../version.js';

/** The totals' bars: with their labels and seconds, within 80 columns. */
const DEMO_BAR_WIDTH = 42;

interface DemoOptions {
  sshPort: string;
  restPort: string;
  netconfPort?: string;
  netconf: boolean;
  transport: string;
  latency?: string;
  sample: string;
  injectDrift?: boolean;
  html?: string;
}

export function registerDemo(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description(
      'start the default lab and check its cabling sequentially and concurrently (what npm start runs)',
    )
    .argument('[topology]', 'topology file or bundled name', DEFAULT_TOPOLOGY)
    .option(
      '--ssh-port <port>',
      'SSH port for the in-process fleet (0: the OS picks)',
      String(DEFAULT_SSH_PORT),
    )
    .option(
      '--rest-port <port>',
      'REST port for the in-process fleet, with --transport rest (0: the OS picks)',
      String(DEFAULT_REST_PORT),
    )
    .option(
      '--netconf-port <port>',
      `NETCONF port for the in-process fleet (0: the OS picks; default: ${DEFAULT_NETCONF_PORT}, picked too with --ssh-port 0)`,
    )
    .option('--no-netconf', 'serve no NETCONF port')
    .option(
      '--transport <transport>',
      'check over ssh (the CLI), rest (each platform API) or netconf (each platform model)',
      'ssh',
    )
    .option('--latency <duration>', "per-command latency (default: the topology's own, 200 ms in lab-100)")
    .option(
      '--sample <n>',
      'devices checked one after the other; the full sequential time is extrapolated from them',
      '10',
    )
    .option(
      '--inject-drift',
      'swap two cables, unplug one and add one, so the checker has something to catch',
    )
    .option('--html <file>', 'also write both runs as timelines on one time axis to an HTML page')
    .action(async (file: string, options: DemoOptions) => {
      const interrupt = watchInterrupt();
      try {
        throw new CliExit(await runDemo(file, options, io, interrupt.signal));
      } finally {
        interrupt.dispose();
      }
    });
}

/**
 * Starts the fleet, checks it both ways and stops it; resolves with the exit code (130 when
 * Ctrl-C aborted `signal`: the interrupted run's partial report is printed).
 */
async function runDemo(file: string, options: DemoOptions, io: CliIO, signal: AbortSignal): Promise<number> {
  // imported here, not at the top: `--help` loads neither the fleet nor the checker
  const { loadTopology } = await import('../../../simulator/topology/load.js');
  const { createWorld } = await import('../../../simulator/topology/world.js');
  const { startFleet } = await import('../../../simulator/fleet/fleet.js');
  const { checkCabling } = await import('../../check.js');
  const { demoDrift, describeDrift } = await import('../../demo.js');
  const { targetsFromTopology } = await import('../../inventory.js');
  const { renderReport, timingLine } = await import('../../report/index.js');
  const { documentationFromTopology } = await import('../../verify/documentation.js');
  const topology = await loadTopology(file);
  const latency = parseLatency(options.latency);
  const transport = parseTransport(options.transport);
  const drift = options.injectDrift ? demoDrift(topology, topology.seed ?? DEFAULT_SEED, () => true) : [];
  const fleet = await startFleet({
    topology,
    world: createWorld(topology, drift),
    rest: transport === 'rest',
    sshPort: parseListenPort('--ssh-port', options.sshPort),
    restPort: parseListenPort('--rest-port', options.restPort),
    ...(options.netconfPort === undefined
      ? {}
      : { netconfPort: parseListenPort('--netconf-port', options.netconfPort) }),
    netconf: options.netconf,
    ...(latency === undefined ? {} : { commandLatencyMs: latency }),
  });
  const say = (line = '') => io.out(line + '\n');
  const colors = io.colors?.() === true;
  const painter = createPainter(colors);
  const interrupted = (run: CheckResult) => {
    say();
    io.out(renderReport(run, 'text', { colors }));
    return EXIT.INTERRUPTED;
  };
  try {
    say(
      `${topology.name}: ${fleet.devices.length} devices up over SSH${transport === 'rest' ? ' and REST' : transport === 'netconf' ? ' and NETCONF' : ''} in ${fleet.startupSeconds.toFixed(2)} s${fleet.unserved.length ? ` (${fleet.unserved.length} not served yet)` : ''}.`,
    );
    for (const item of drift) say(`Injected drift: ${describeDrift(item)}`);
    const targets = targetsFromTopology(topology, {
      sshPort: fleet.sshPort,
      restPort: fleet.restPort,
      netconfPort: fleet.netconfPort,
      transport,
    });
    const documentation = documentationFromTopology(topology);
    const sampleSize = Math.min(parseCount('--sample', options.sample, 1, targets.length), targets.length);
    say();
    say(`Sequentially (one device after the other), ${sampleSize} of ${targets.length} devices:`);
    /** The staircase's axis: the first device's time for each device of the sample. */
    let axisMs = 0;
    const sequential = await checkCabling(targets.slice(0, sampleSize), documentation, {
      ...DEFAULT_COLLECT_OPTIONS,
      transport,
      concurrency: 1,
      signal,
      onResult: (result) => {
        axisMs ||= (extentOf(result)?.endMs ?? 0) * sampleSize;
        say(renderStep(result, axisMs, painter));
      },
    });
    if (signal.aborted) return interrupted(sequential);
    const perDevice = sequential.timing.seconds / sampleSize;
    say(`  ${timingLine(sequential.timing)}`);
    say(
      `  all ${targets.length} devices would take about ${(perDevice * targets.length).toFixed(1)} s (extrapolated from the sample)`,
    );
    say();
    say(`Concurrently (all ${targets.length} devices at once):`);
    const concurrent = await checkCabling(targets, documentation, {
      ...DEFAULT_COLLECT_OPTIONS,
      transport,
      concurrency: targets.length,
      signal,
    });
    if (signal.aborted) return interrupted(concurrent);
    say(`  ${timingLine(concurrent.timing)}`);
    say(
      `  ${((perDevice * targets.length) / concurrent.timing.seconds).toFixed(0)}x faster than the extrapolated sequential run`,
    );
    say();
    const bars = drawBars(
      [
        ['sequential (extrapolated)', perDevice * targets.length],
        ['concurrent', concurrent.timing.seconds],
      ],
      DEMO_BAR_WIDTH,
    );
    for (const line of bars) say(line);
    say();
    say('Both runs on one time axis:');
    for (const line of renderTimeline(sequential.results, concurrent.results, painter)) say(line);
    say();
    if (options.html) {
      const page = {
        title: topology.name,
        devices: targets.length,
        transport,
        sequential,
        sampleSize,
        concurrent,
      };
      await writeDemoPage(options.html, page, io);
    }
    io.out(renderReport(concurrent, 'text', { colors, timing: false }));
    return concurrent.report.ok ? EXIT.OK : EXIT.MISMATCH;
  } finally {
    await fleet.stop();
  }
}

/** Bars on one scale, so the audience sees the difference: `label  ████…  61.0 s`. */
export function drawBars(bars: ReadonlyArray<readonly [string, number]>, width = 50): string[] {
  const longest = Math.max(...bars.map(([, seconds]) => seconds));
  const labelWidth = Math.max(...bars.map(([label]) => label.length));
  return bars.map(([label, seconds]) => {
    const eighths = longest > 0 ? Math.round((seconds / longest) * width * 8) : 0;
    const bar = '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1]! : '');
    return `  ${label.padEnd(labelWidth)}  ${(bar || '▏').padEnd(width)}  ${seconds.toFixed(1)} s`;
  });
}

/** `--html`: the sequential sample and the concurrent run as two Gantt charts on one time axis. */
async function writeDemoPage(file: string, input: DemoPageInput, io: CliIO): Promise<void> {
  const { renderDemoPage } = await import('../../report/html/demo-page.js');
  await writeOutput(io, renderDemoPage({ ...input, generatedBy: `labfleet ${packageVersion()}` }), file);
  io.out(`Timelines of both runs written to ${file}\n\n`);
}
