/** What a Junos box is: its model entry, whether it is a virtual chassis, and the per-member header. */
import { specOf } from '../../../state/identity.js';
import type { ModelSpec } from '../../../topology/kinds/index.js';
import type { RenderContext } from '../../../device/render-context.js';

/** The model entry of the device being rendered. */
export function junosModel(ctx: RenderContext): ModelSpec {
  return specOf(ctx.state).model;
}

/** EX and QFX switches run as a virtual chassis: member 0 is master. */
export function isVirtualChassis(ctx: RenderContext): boolean {
  return junosModel(ctx).virtualChassis === true;
}

/** A virtual chassis answers per member: `fpc0:` over 74 dashes, then the member's output. */
export function perMember(ctx: RenderContext, lines: readonly string[]): string[] {
  return isVirtualChassis(ctx) ? ['fpc0:', '-'.repeat(74), ...lines] : [...lines];
}

/** The SNMP ifIndex Junos gives a port (and sends as a locally assigned LLDP Port ID). */
export function junosIfIndex(portIndex: number): number {
  return 500 + portIndex;
}
