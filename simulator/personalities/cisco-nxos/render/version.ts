/** `show version` of a Nexus switch. */
import { createRng } from '../../../state/random.js';
import { specOf } from '../../../state/identity.js';
import type { RenderContext } from '../../../device/render-context.js';
import { softwareBanner } from '../../software.js';
import { nxosHardware, totalKb } from './hardware.js';
import { renderCtime, renderNxosUptime, uptimeParts, type UptimeParts } from './time.js';

/** `9.3(10)` → 9, `7.0(3)I7(9)` → 7. */
export function nxosMajor(version: string): number {
  return Number(/^(\d+)/.exec(version)?.[1] ?? 9);
}

/** The licence notice every NX-OS banner carries; 7.x left trailing spaces on three lines. */
function licenseLines(legacy: boolean): string[] {
  const t = legacy ? ' ' : '';
  return [
    'The copyrights to certain works contained in this software are',
    'owned by other third parties and used and distributed under their own',
    'licenses, such as open source.  This software is provided "as is," and unless',
    'otherwise stated, there is no warranty, express or implied, including but not',
    'limited to warranties of merchantability and fitness for a particular purpose.',
    'Certain components of this software are licensed under',
    `the GNU General Public License (GPL) version 2.0 or${t}`,
    'GNU General Public License (GPL) version 3.0  or the GNU',
    `Lesser General Public License (LGPL) Version 2.1 or${t}`,
    `Lesser General Public License (LGPL) Version 2.0.${t}`,
    'A copy of each such license is available at',
    'http://www.opensource.org/licenses/gpl-2.0.php and',
    'http://opensource.org/licenses/gpl-3.0.html and',
    'http://www.opensource.org/licenses/lgpl-2.1.php and',
    'http://www.gnu.org/licenses/old-licenses/library.txt.',
  ];
}

/** `10.3(4a)` → `10.3.4a`, `7.0(3)I7(9)` → `7.0.3.I7.9`: the version as image file names spell it. */
const dotted = (version: string) => version.replace(/[()]/g, '.').replace(/\.+$/, '').replace(/\.\./g, '.');

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Everything `show version` states, as data: the CLI prints it, NX-API returns it as fields. */
export interface NxosVersionFacts {
  /** The banner and licence notice, line by line (7.x keeps its trailing spaces). */
  header: string[];
  bios: string;
  biosCompiled: string;
  version: string;
  /** `Maintenance Release` on 10.x, which names the release type; absent before. */
  releaseType?: string;
  /** `bootflash:///nxos.9.3.10.bin` */
  imageFile: string;
  /** `12/8/2018 1:00:00`, then the bracketed stamp `12/08/2018 01:47:29`. */
  compileTime: string;
  compileStamp: string;
  chassis: string;
  cpuName: string;
  memoryKb: number;
  boardId: string;
  hostName: string;
  bootflashKb: number;
  kernelUptime: UptimeParts;
  reset: { usecs: number; ctime: string; reason: string; systemVersion: string };
  plugins: string;
}

/** The image's compile time and stamp, derived from the release year in the banner. */
function compileTimes(ctx: RenderContext, banner: readonly string[]): [time: string, stamp: string] {
  const year = Number(/2002-(\d{4})/.exec(banner.join('\n'))?.[1] ?? 2022);
  const rng = createRng('software', ctx.state.version, 'nxos-build');
  const [month, day, hour] = [rng.int(1, 12), rng.int(1, 28), rng.int(0, 23)];
  const [minute, second] = [rng.int(0, 59), rng.int(0, 59)];
  const date = `${pad2(month)}/${pad2(day)}/${year}`;
  return [`${month}/${day}/${year} ${hour}:00:00`, `${date} ${pad2(hour)}:${pad2(minute)}:${pad2(second)}`];
}

/** Whole days, hours, minutes and seconds since boot. */
/** The figures of `show version`, computed once for the CLI text and the NX-API body. */
export function nxosVersionFacts(ctx: RenderContext): NxosVersionFacts {
  const { state } = ctx;
  const { version } = state;
  const hw = nxosHardware(ctx);
  const modern = nxosMajor(version) >= 10;
  const banner = softwareBanner(state.platform, specOf(state).model, version);
  const image = modern
    ? `${specOf(state).model.image}.${dotted(version)}.M.bin`
    : `nxos.${dotted(version)}.bin`;
  const [compileTime, compileStamp] = compileTimes(ctx, banner);
  return {
    header: [...banner, ...licenseLines(nxosMajor(version) < 9)],
    bios: hw.bios,
    biosCompiled: hw.biosCompiled,
    version,
    ...(modern ? { releaseType: 'Maintenance Release' } : {}),
    imageFile: `bootflash:///${image}`,
    compileTime,
    compileStamp,
    chassis: hw.chassis,
    cpuName: hw.cpu,
    memoryKb: totalKb(ctx),
    boardId: state.serial,
    hostName: ctx.config.hostname,
    bootflashKb: hw.bootflashKb,
    kernelUptime: uptimeParts(ctx.uptimeSeconds),
    reset: {
      usecs: createRng(state.serial, state.name, 'reset').int(1000, 999_999),
      ctime: renderCtime(ctx.now - ctx.uptimeSeconds * 1000),
      reason: 'Reset Requested by CLI command reload',
      systemVersion: version,
    },
    plugins: 'Core Plugin, Ethernet Plugin',
  };
}

function softwareLines(facts: NxosVersionFacts): string[] {
  return [
    'Software',
    `  BIOS: version ${facts.bios}`,
    `  NXOS: version ${facts.version}${facts.releaseType ? ` [${facts.releaseType}]` : ''}`,
    `  BIOS compile time:  ${facts.biosCompiled}`,
    `  NXOS image file is: ${facts.imageFile}`,
    `  NXOS compile time:  ${facts.compileTime} [${facts.compileStamp}]`,
  ];
}

function hardwareLines(facts: NxosVersionFacts, legacy: boolean): string[] {
  return [
    'Hardware',
    `  ${facts.chassis}${legacy ? ' ' : ''}`,
    `  ${facts.cpuName} with ${facts.memoryKb} kB of memory.`,
    `  Processor Board ID ${facts.boardId}`,
    ...(legacy ? [''] : []),
    `  Device name: ${facts.hostName}`,
    `  bootflash: ${String(facts.bootflashKb).padStart(10)} kB`,
  ];
}

/** Renders `show version`; parsers take the hostname from `Device name:`. */
export function renderShowVersion(ctx: RenderContext): string {
  const facts = nxosVersionFacts(ctx);
  const legacy = nxosMajor(facts.version) < 9;
  return [
    ...facts.header,
    '',
    ...softwareLines(facts),
    '',
    ...(legacy ? [''] : []),
    ...hardwareLines(facts, legacy),
    ...(legacy ? [] : ['']),
    `Kernel uptime is ${renderNxosUptime(facts.kernelUptime)}`,
    '',
    `Last reset at ${facts.reset.usecs} usecs after ${facts.reset.ctime}`,
    `  Reason: ${facts.reset.reason}`,
    `  System version: ${facts.reset.systemVersion}`,
    '  Service: ',
    '',
    'plugin',
    `  ${facts.plugins}`,
    '',
    'Active Package(s):',
    '',
  ].join('\n');
}
