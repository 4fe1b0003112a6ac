/** `show hostname`, `show license host-id` and `dir`: small facts Ansible's nxos_facts reads. */
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { right } from '../../cisco-ios/render/text.js';
import { nxosHardware } from './hardware.js';
import { nxosVersionFacts } from './version.js';
import { renderDirStamp } from './time.js';

/** Renders `show hostname`: the name and a trailing space, as the box prints it. */
export const renderShowHostname = (ctx: RenderContext): string => `${ctx.config.hostname} `;

/** Renders `show license host-id`: the chassis serial is the licence host ID. */
export const renderShowLicenseHostId = (ctx: RenderContext): string =>
  `License hostid: VDH=${ctx.state.serial}`;

interface DirEntry {
  size: number;
  ageSeconds: number;
  name: string;
}

/** What bootflash holds: the running image, the boot-time scratch files and a few folders. */
function bootflashEntries(ctx: RenderContext): DirEntry[] {
  const rng = createRng(ctx.state.serial, ctx.state.name, 'bootflash');
  const boot = ctx.uptimeSeconds;
  const image = nxosVersionFacts(ctx).imageFile.replace(/^bootflash:\/\/\//, '');
  const installed = boot + rng.int(1, 40) * 86_400;
  return [
    { size: 4096, ageSeconds: boot - 95, name: '.rpmstore/' },
    { size: 4096, ageSeconds: boot - 120, name: '.swtam/' },
    { size: 0, ageSeconds: boot - 60, name: 'bootflash_sync_list' },
    { size: rng.int(40, 90), ageSeconds: boot - 30, name: 'disk_log.txt' },
    { size: 4096, ageSeconds: installed, name: 'lost+found/' },
    { size: rng.int(1_600_000_000, 2_100_000_000), ageSeconds: installed, name: image },
    { size: 4096, ageSeconds: installed, name: 'scripts/' },
    { size: 4096, ageSeconds: boot - 240, name: 'virtual-instance/' },
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Renders `dir` (bootflash:): the files in byte order of their names, then the file system's usage. */
export function renderDir(ctx: RenderContext): string {
  const entries = bootflashEntries(ctx);
  const total = nxosHardware(ctx).bootflashKb * 1024;
  const used = entries.reduce((sum, e) => sum + e.size, 0) + 812_146_688;
  const stamp = (e: DirEntry) => renderDirStamp(ctx.now - e.ageSeconds * 1000);
  return [
    ...entries.map((e) => `${right(e.size, 11)}    ${stamp(e)}  ${e.name}`),
    '',
    'Usage for bootflash://sup-local',
    `${right(used, 11)} bytes used`,
    `${right(total - used, 11)} bytes free`,
    `${right(total, 11)} bytes total`,
  ].join('\n');
}
