/** `show version` of a Nexus switch. */
import { createRng } from '../../../state/random.js';
import { specOf } from '../../../state/identity.js';
import type { RenderContext } from '../../render-context.js';
import { softwareBanner } from '../../software.js';
import { nxosHardware, totalKb } from './hardware.js';
import { renderCtime, renderNxosUptime } from './time.js';

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

/** The image's compile stamp, derived from the release year in the banner. */
function compileLine(ctx: RenderContext, banner: readonly string[]): string {
  const year = Number(/2002-(\d{4})/.exec(banner.join('\n'))?.[1] ?? 2022);
  const rng = createRng('software', ctx.state.version, 'nxos-build');
  const [month, day, hour] = [rng.int(1, 12), rng.int(1, 28), rng.int(0, 23)];
  const [minute, second] = [rng.int(0, 59), rng.int(0, 59)];
  const date = `${pad2(month)}/${pad2(day)}/${year}`;
  return `  NXOS compile time:  ${month}/${day}/${year} ${hour}:00:00 [${date} ${pad2(hour)}:${pad2(minute)}:${pad2(second)}]`;
}

function softwareLines(ctx: RenderContext, banner: readonly string[]): string[] {
  const { version } = ctx.state;
  const hw = nxosHardware(ctx);
  const modern = nxosMajor(version) >= 10;
  const image = modern
    ? `${specOf(ctx.state).model.image}.${dotted(version)}.M.bin`
    : `nxos.${dotted(version)}.bin`;
  return [
    'Software',
    `  BIOS: version ${hw.bios}`,
    `  NXOS: version ${version}${modern ? ' [Maintenance Release]' : ''}`,
    `  BIOS compile time:  ${hw.biosCompiled}`,
    `  NXOS image file is: bootflash:///${image}`,
    compileLine(ctx, banner),
  ];
}

function hardwareLines(ctx: RenderContext, legacy: boolean): string[] {
  const hw = nxosHardware(ctx);
  return [
    'Hardware',
    `  ${hw.chassis}${legacy ? ' ' : ''}`,
    `  ${hw.cpu} with ${totalKb(ctx)} kB of memory.`,
    `  Processor Board ID ${ctx.state.serial}`,
    ...(legacy ? [''] : []),
    `  Device name: ${ctx.config.hostname}`,
    `  bootflash: ${String(hw.bootflashKb).padStart(10)} kB`,
  ];
}

/** Renders `show version`; parsers take the hostname from `Device name:`. */
export function renderShowVersion(ctx: RenderContext): string {
  const { state } = ctx;
  const legacy = nxosMajor(state.version) < 9;
  const banner = softwareBanner(state.platform, specOf(state).model, state.version);
  const bootedAt = ctx.now - ctx.uptimeSeconds * 1000;
  const usecs = createRng(state.serial, state.name, 'reset').int(1000, 999_999);
  return [
    ...banner,
    ...licenseLines(legacy),
    '',
    ...softwareLines(ctx, banner),
    '',
    ...(legacy ? [''] : []),
    ...hardwareLines(ctx, legacy),
    ...(legacy ? [] : ['']),
    `Kernel uptime is ${renderNxosUptime(ctx.uptimeSeconds)}`,
    '',
    `Last reset at ${usecs} usecs after ${renderCtime(bootedAt)}`,
    '  Reason: Reset Requested by CLI command reload',
    `  System version: ${state.version}`,
    '  Service: ',
    '',
    'plugin',
    '  Core Plugin, Ethernet Plugin',
    '',
    'Active Package(s):',
    '',
  ].join('\n');
}
