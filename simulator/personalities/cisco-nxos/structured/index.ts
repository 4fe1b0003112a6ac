/**
 * Which commands NX-OS answers with structured output, by their canonical spelling: the one
 * model NX-API's `cli_show` and the CLI's `| json`, `| json-pretty` and `| xml` print.
 */
import type { RenderContext } from '../../../device/render-context.js';
import type { JsonObject } from './json.js';
import { cdpBriefBody, cdpDetailBody, lldpBriefBody, lldpDetailBody } from './neighbors.js';
import { clockBody, resourcesBody, versionBody } from './system.js';
import { fanBody, inventoryBody, moduleBody, powerBody } from './hardware.js';
import { interfaceBody, ipv6InterfaceBody, vlanBriefBody } from './interfaces.js';
import { arpBody, interfaceBriefBody } from './tables.js';
import {
  ipInterfaceBriefBody,
  ipInterfaceBriefVrfAllBody,
  ipRouteBody,
  ipRouteVrfAllBody,
  ipRouteVrfManagementBody,
} from './ip.js';
import { interfaceDescriptionBody, interfaceStatusBody, macAddressTableBody } from './ports.js';
import { portChannelSummaryBody } from './port-channel.js';

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
  'show interface': interfaceBody,
  'show ipv6 interface': ipv6InterfaceBody,
  'show vlan brief': vlanBriefBody,
  'show inventory': inventoryBody,
  'show module': moduleBody,
  'show environment fan': fanBody,
  'show environment power': powerBody,
  'show hostname': (ctx) => ({ hostname: ctx.config.hostname }),
  'show interface status': interfaceStatusBody,
  'show interface description': interfaceDescriptionBody,
  'show ip interface brief': ipInterfaceBriefBody,
  'show ip interface brief vrf all': ipInterfaceBriefVrfAllBody,
  'show ip route': ipRouteBody,
  'show ip route vrf management': ipRouteVrfManagementBody,
  'show ip route vrf all': ipRouteVrfAllBody,
  'show mac address-table': macAddressTableBody,
  'show port-channel summary': portChannelSummaryBody,
};

/** The commands NX-OS answers with a structured body (the others only as `cli_show_ascii`). */
export const STRUCTURED_COMMANDS: readonly string[] = Object.keys(BODIES);

/** The structured body of `canonical`, or undefined when NX-OS has none (`show running-config`). */
export function structuredBody(canonical: string, ctx: RenderContext): JsonObject | undefined {
  return BODIES[canonical]?.(ctx);
}
