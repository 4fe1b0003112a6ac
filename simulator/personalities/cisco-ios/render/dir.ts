/** `dir` (and `dir flash:` / `dir bootflash:`): the boot filesystem, booted in install mode from packages.conf. */
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosXeVersion } from '../../software.js';
import { iosHardware } from './hardware.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `Jan 15 2026 09:30:00 +00:00`, the day right-aligned in the column as dir prints it. */
function renderDirTime(ms: number): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]!} ${d.getUTCDate()} ${d.getUTCFullYear()}`.padStart(11);
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +00:00`;
}

/** The filesystem `dir` lists by default: where the image boots from. */
export function bootFilesystem(ctx: RenderContext): string {
  const hw = iosHardware(ctx);
  return hw.storage.some((line) => line.endsWith(' at flash:.')) ? 'flash:' : 'bootflash:';
}

/** Package files prefix per model family, as install mode names them. */
function packagePrefix(model: string): string {
  if (model.startsWith('C9')) return 'cat9k';
  if (model.startsWith('WS-C3850')) return 'cat3k_caa';
  if (model.startsWith('ISR44')) return 'isr4400';
  if (model.startsWith('ASR1001')) return 'asr1000';
  return 'csr1000v';
}

interface DirEntry {
  name: string;
  size: number;
  directory?: boolean;
}

function entries(ctx: RenderContext): DirEntry[] {
  const rng = createRng(ctx.state.serial, 'dir', 'files');
  const prefix = packagePrefix(ctx.state.model);
  const version = iosXeVersion(ctx.state.version);
  const pkg = (part: string, mb: number) => ({
    name: `${prefix}-${part}.${version}.SPA.pkg`,
    size: mb * 1_048_576 + rng.int(0, 1_048_575),
  });
  const catalyst = iosHardware(ctx).catalyst;
  return [
    { name: 'tracelogs', size: 4096 * rng.int(20, 90), directory: true },
    { name: 'license_evlog', size: 4096, directory: true },
    ...(catalyst ? [{ name: 'nvram_config', size: 2_097_152 }] : []),
    { name: 'packages.conf', size: rng.int(4000, 9000) },
    pkg('rpbase', catalyst ? 38 : 51),
    pkg('rpboot', catalyst ? 4 : 25),
    ...(catalyst ? [pkg('srdriver', 6), pkg('webui', 17)] : [pkg('mono-universalk9', 430)]),
  ];
}

/**
 * Renders `dir` (or `dir flash:` / `dir bootflash:`, one filesystem under either name): each file,
 * then total and free bytes (ios_facts reads both).
 */
export function renderDir(ctx: RenderContext, typed?: string): string {
  const boot = bootFilesystem(ctx);
  const fs = typed ?? boot;
  const hw = iosHardware(ctx);
  const storage = hw.storage.find((l) => l.endsWith(` at ${boot}.`)) ?? '';
  const kb = Number(/^(\d+)K bytes of /.exec(storage)?.[1] ?? 0);
  const total = Math.floor((kb * 1024 * 0.985) / 4096) * 4096;
  const rng = createRng(ctx.state.serial, 'dir', 'inodes');
  const installed = ctx.now - ctx.uptimeSeconds * 1000 - rng.int(1, 90) * 86_400_000;
  const files = entries(ctx);
  const used = files.reduce((sum, f) => sum + f.size, 0) + rng.int(200, 900) * 1_048_576;
  const rows = files.map((f) => {
    const inode = String(rng.int(100_000, 999_999)).padStart(6);
    const mode = f.directory ? 'drwx' : '-rw-';
    return `${inode}  ${mode}${String(f.size).padStart(17)}  ${renderDirTime(installed)}  ${f.name}`;
  });
  return [`Directory of ${fs}/`, '', ...rows, '', `${total} bytes total (${total - used} bytes free)`].join(
    '\n',
  );
}
