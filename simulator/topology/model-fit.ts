/**
 * The model a device must be when all that is known is the ports it uses: what an import or a
 * discovery writes for a device whose own model labfleet does not have.
 */
import { modelHasPort, normalizeInterfaceName } from './interfaces.js';
import { defaultModel, getKind, type ModelSpec, type Platform } from './kinds/index.js';

/**
 * The platform's default model if it has every one of these ports, else the first model in the
 * registry that does; undefined when no model has them all.
 */
export function modelWithPorts(platform: Platform, interfaces: readonly string[]): ModelSpec | undefined {
  const kind = getKind(platform);
  const names = interfaces.map((name) => normalizeInterfaceName(name, kind.interfaceTypes));
  const fits = (model: ModelSpec) => names.every((name) => modelHasPort(model, name));
  const preferred = defaultModel(kind);
  return fits(preferred) ? preferred : kind.models.find(fits);
}
