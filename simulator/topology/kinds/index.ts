/** The kinds registry: one entry per platform, looked up by its platform string. */
import { aristaEos } from './arista-eos.js';
import { ciscoIos } from './cisco-ios.js';
import { ciscoNxos } from './cisco-nxos.js';
import { juniperJunos } from './juniper-junos.js';
import type { InterfaceType, KindSpec, ModelSpec, Platform } from './types.js';

export type { InterfaceType, KindSpec, LagSpec, ModelSpec, Platform, ProtocolSupport } from './types.js';

/** Every supported platform, in the order error messages list them. */
export const KINDS: readonly KindSpec[] = [ciscoIos, ciscoNxos, aristaEos, juniperJunos];

export const PLATFORMS = KINDS.map((k) => k.platform) as [Platform, ...Platform[]];

const byPlatform = new Map<string, KindSpec>(KINDS.map((k) => [k.platform, k]));

/** The registry entry for a platform string, or undefined. */
export function findKind(platform: string): KindSpec | undefined {
  return byPlatform.get(platform);
}

/** The registry entry for a platform known to be valid. */
export function getKind(platform: Platform): KindSpec {
  return byPlatform.get(platform)!;
}

export function findModel(kind: KindSpec, name: string): ModelSpec | undefined {
  const lower = name.toLowerCase();
  return kind.models.find((m) => m.name.toLowerCase() === lower);
}

export function defaultModel(kind: KindSpec): ModelSpec {
  return findModel(kind, kind.defaultModel)!;
}

/** Interface types of every platform, for names whose platform is unknown (cabling CSVs). */
export const ALL_INTERFACE_TYPES: readonly InterfaceType[] = dedupeTypes(
  KINDS.flatMap((k) => k.interfaceTypes),
);

function dedupeTypes(types: InterfaceType[]): InterfaceType[] {
  const seen = new Map<string, InterfaceType>();
  for (const t of types) if (!seen.has(t.name)) seen.set(t.name, t);
  return [...seen.values()];
}
