/**
 * `show version` as EOS's JSON. Key order and types from eAPI captures (anta's asynceapi test data,
 * napalm's show_version.json); the cEOS-only keys (cEosToolsVersion, kernelVersion) are left out.
 */
import { specOf } from '../../../state/identity.js';
import { renderMacColons } from '../../../state/mac.js';
import { eosBuild, renderShowVersion } from '../../../personalities/arista-eos/render/version.js';
import type { RenderContext } from '../../../personalities/render-context.js';
import { bootEpochSeconds } from './time.js';

/**
 * Hardware facts the CLI renderer keeps per model (board revision, architecture, image format and
 * optimisation), read off its own `Label: value` lines so both answers always agree.
 */
function renderedFacts(ctx: RenderContext): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const line of renderShowVersion(ctx).split('\n')) {
    const match = /^([A-Za-z ]+):[ \t]*(.*)$/.exec(line);
    if (match) facts[match[1]!] = match[2]!;
  }
  return facts;
}

export function versionModel(ctx: RenderContext): object {
  const { state } = ctx;
  const { model } = specOf(state);
  const facts = renderedFacts(ctx);
  const mac = renderMacColons(state.baseMac);
  const build = eosBuild(state.version);
  return {
    mfgName: 'Arista',
    modelName: model.platform,
    hardwareRevision: facts['Hardware version'] ?? '',
    serialNumber: state.serial,
    systemMacAddress: mac,
    hwMacAddress: mac,
    configMacAddress: '00:00:00:00:00:00',
    version: state.version,
    architecture: facts.Architecture ?? 'x86_64',
    internalVersion: build.internal,
    internalBuildId: build.id,
    imageFormatVersion: facts['Image format version'] ?? '3.0',
    imageOptimization: facts['Image optimization'] ?? 'None',
    bootupTimestamp: bootEpochSeconds(ctx),
    uptime: ctx.uptimeSeconds,
    memTotal: Math.floor(ctx.memory.totalBytes / 1024),
    memFree: Math.floor((ctx.memory.totalBytes - ctx.memory.usedBytes) / 1024),
    isIntlVersion: false,
  };
}
