/**
 * `show version` as EOS's JSON. Key order and types from eAPI captures (anta's asynceapi test data,
 * napalm's show_version.json); the cEOS-only keys (cEosToolsVersion, kernelVersion) are left out.
 */
import { specOf } from '../../../state/identity.js';
import { renderMacColons } from '../../../state/mac.js';
import { eosBuild, eosHardware } from '../render/version.js';
import type { RenderContext } from '../../../device/render-context.js';
import { bootEpochSeconds } from './time.js';

export function versionModel(ctx: RenderContext): object {
  const { state } = ctx;
  const { model } = specOf(state);
  const hw = eosHardware(model.name);
  const mac = renderMacColons(state.baseMac);
  const build = eosBuild(state.version);
  return {
    mfgName: 'Arista',
    modelName: model.platform,
    hardwareRevision: hw.revision,
    serialNumber: state.serial,
    systemMacAddress: mac,
    hwMacAddress: mac,
    configMacAddress: '00:00:00:00:00:00',
    version: state.version,
    architecture: hw.arch,
    internalVersion: build.internal,
    internalBuildId: build.id,
    imageFormatVersion: '3.0',
    imageOptimization: hw.optimization,
    bootupTimestamp: bootEpochSeconds(ctx),
    uptime: ctx.uptimeSeconds,
    memTotal: Math.floor(ctx.memory.totalBytes / 1024),
    memFree: Math.floor((ctx.memory.totalBytes - ctx.memory.usedBytes) / 1024),
    isIntlVersion: false,
  };
}
