/** `show version` of an EOS switch. */
import { specOf } from '../../../state/identity.js';
import { renderMacDotted } from '../../../state/mac.js';
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { renderEosUptime } from './text.js';

/** Board revision, CPU architecture and image optimisation, by model; a VM has no hardware version. */
const HARDWARE: Readonly<Record<string, EosHardware>> = {
  'DCS-7050SX3-48YC8': { revision: '11.02', arch: 'i686', optimization: 'Strata-4GB' },
  'DCS-7280SR-48C6': { revision: '12.00', arch: 'x86_64', optimization: 'None' },
  'DCS-7516': { revision: '02.01', arch: 'x86_64', optimization: 'None' },
  vEOS: { revision: '', arch: 'i686', optimization: 'None' },
};

export interface EosHardware {
  revision: string;
  arch: string;
  optimization: string;
}

/** The hardware facts `show version` prints for a model. */
export function eosHardware(model: string): EosHardware {
  return HARDWARE[model] ?? HARDWARE['DCS-7050SX3-48YC8']!;
}

const hex = (rng: ReturnType<typeof createRng>, digits: number) =>
  Array.from({ length: digits }, () => rng.int(0, 15).toString(16)).join('');

/** `4.28.3M-28837868.4283M` and a build UUID: fixed per release, whatever the box. */
export function eosBuild(version: string): { internal: string; id: string } {
  const rng = createRng('software', version, 'eos-build');
  const number = rng.int(20_000_000, 39_999_999);
  const id = [hex(rng, 8), hex(rng, 4), `4${hex(rng, 3)}`, `8${hex(rng, 3)}`, hex(rng, 12)].join('-');
  return { internal: `${version}-${number}.${version.replaceAll('.', '')}`, id };
}

/** Renders `show version`; parsers find the model on the first line and memory in kB at the end. */
export function renderShowVersion(ctx: RenderContext): string {
  const { state } = ctx;
  const { model } = specOf(state);
  const hw = eosHardware(model.name);
  const mac = renderMacDotted(state.baseMac);
  const build = eosBuild(state.version);
  const totalKb = Math.floor(ctx.memory.totalBytes / 1024);
  const freeKb = Math.floor((ctx.memory.totalBytes - ctx.memory.usedBytes) / 1024);
  return [
    `Arista ${model.platform}`,
    `Hardware version: ${hw.revision}`,
    `Serial number: ${state.serial}`,
    `Hardware MAC address: ${mac}`,
    `System MAC address: ${mac}`,
    '',
    `Software image version: ${state.version}`,
    `Architecture: ${hw.arch}`,
    `Internal build version: ${build.internal}`,
    `Internal build ID: ${build.id}`,
    'Image format version: 3.0',
    `Image optimization: ${hw.optimization}`,
    '',
    `Uptime: ${renderEosUptime(ctx.uptimeSeconds)}`,
    `Total memory: ${totalKb} kB`,
    `Free memory: ${freeKb} kB`,
    '',
  ].join('\n');
}
