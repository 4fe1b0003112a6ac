/**
 * `dir` and `dir all-filesystems`: the flash of a box that was installed a month before it last
 * booted and saved its configuration the day before (eos_facts reads the `Directory of` lines).
 */
import type { RenderContext } from '../../../device/render-context.js';
import { right } from './text.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The size of the flash every model here has, in bytes. */
const FLASH_BYTES = 3_825_205_248;

/** `Aug 2  2017` for a file older than half a year, `Feb 14 02:03` for a recent one (ls style). */
function fileDate(ms: number, now: number): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]!} ${d.getUTCDate()}`;
  if (now - ms > 182 * DAY) return `${day}  ${d.getUTCFullYear()}`;
  return `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

interface FlashFile {
  name: string;
  size: number;
  at: number;
  dir?: boolean;
}

function flashFiles(ctx: RenderContext): FlashFile[] {
  const boot = ctx.now - ctx.uptimeSeconds * 1000;
  const installed = boot - 30 * DAY;
  const image = 1_000_000_000 + (ctx.state.baseMac % 90_000_000);
  return [
    { name: `EOS-${ctx.state.version}.swi`, size: image, at: installed },
    { name: 'boot-config', size: renderBootConfig(ctx).length + 1, at: installed },
    { name: 'debug', size: 4096, at: installed, dir: true },
    { name: 'persist', size: 4096, at: boot, dir: true },
    { name: 'schedule', size: 4096, at: installed, dir: true },
    { name: 'startup-config', size: 2048 + (ctx.state.baseMac % 4096), at: boot - DAY },
    { name: 'zerotouch-config', size: 13, at: installed },
  ];
}

function renderDirectory(ctx: RenderContext): string[] {
  const files = flashFiles(ctx);
  const used = files.reduce((sum, f) => sum + f.size, 0) + 512 * 1024 * 1024;
  return [
    'Directory of flash:/',
    '',
    ...files.map(
      (f) =>
        `       ${f.dir ? 'drwx' : '-rwx'}${right(f.size, 12)}${right(fileDate(f.at, ctx.now), 23)}  ${f.name}`,
    ),
    '',
    `${FLASH_BYTES} bytes total (${FLASH_BYTES - used} bytes free)`,
  ];
}

/** The flash's boot-config: the image the box boots (`bash cat /mnt/flash/boot-config`). */
export const renderBootConfig = (ctx: RenderContext): string => `SWI=flash:/EOS-${ctx.state.version}.swi`;

/** Renders `dir` (the flash). */
export function renderDir(ctx: RenderContext): string {
  return renderDirectory(ctx).join('\n');
}

/** Renders `dir all-filesystems`: the flash is the only file system labfleet models. */
export function renderDirAllFilesystems(ctx: RenderContext): string {
  return renderDirectory(ctx).join('\n');
}
