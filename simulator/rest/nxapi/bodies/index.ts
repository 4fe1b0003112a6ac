/** Which commands NX-OS answers with structured output, by their canonical spelling. */
import type { RenderContext } from '../../../device/render-context.js';
import type { JsonObject } from '../json.js';
import { cdpBriefBody, cdpDetailBody, lldpBriefBody, lldpDetailBody } from './neighbors.js';
import { clockBody, resourcesBody, versionBody } from './system.js';
import { arpBody, interfaceBriefBody } from './tables.js';

/** A body from the render context, built from the same facts the CLI renderer prints. */
type BodyBuilder = (ctx: RenderContext) => JsonObject;

const BODIES: Readonly<Record<string, BodyBuilder>> = {
  'show cdp neighbors': cdpBriefBody,
  'show cdp neighbors detail': cdpDetailBody,
  'show lldp neighbors': lldpBriefBody,
  'show lldp neighbors detail': lldpDetailBody,
  'show ip arp': arpBody,
  'show version': versionBody,
  'show system resources': resourcesBody,
  'show clock': clockBody,
  'show interface brief': interfaceBriefBody,
};

/** The commands NX-OS answers with a structured body (the others only as `cli_show_ascii`). */
export const STRUCTURED_COMMANDS: readonly string[] = Object.keys(BODIES);

/** The structured body of `canonical`, or undefined when NX-OS has none (`show running-config`). */
export function structuredBody(canonical: string, ctx: RenderContext): JsonObject | undefined {
  return BODIES[canonical]?.(ctx);
}
