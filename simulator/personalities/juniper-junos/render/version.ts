/** `show version`: hostname, model, release and the installed packages, per member on a virtual chassis. */
import type { RenderContext } from '../../render-context.js';
import { isVirtualChassis, junosModel, perMember } from './chassis.js';

/** Packages every Junos of this era lists, by what the box is. */
const SWITCH_PACKAGES = [
  'JUNOS OS Kernel 32-bit  ',
  'JUNOS OS libs',
  'JUNOS OS runtime',
  'JUNOS OS time zone information',
  'JUNOS network stack and utilities',
  'JUNOS libs',
  'JUNOS runtime',
  'JUNOS Packet Forwarding Engine Support (qfx-ex-x86-32)',
  'JUNOS Crypto Software Suite',
  'JUNOS Online Documentation',
  'JUNOS Phone-Home Software Suite',
  'JUNOS Enterprise Software Suite',
  'JUNOS Web Management Platform Package',
  'JUNOS py-base-i386',
];
const ROUTER_PACKAGES = [
  'JUNOS OS Kernel 64-bit  ',
  'JUNOS OS libs',
  'JUNOS OS runtime',
  'JUNOS OS time zone information',
  'JUNOS network stack and utilities',
  'JUNOS libs',
  'JUNOS runtime',
  'JUNOS Packet Forwarding Engine Support (MX Common)',
  'JUNOS Crypto Software Suite',
  'JUNOS Online Documentation',
  'JUNOS Services Crypto',
  'JUNOS Services SSL',
  'JUNOS Routing Software Suite',
  'JUNOS py-base-amd64',
];

export function renderShowVersion(ctx: RenderContext): string {
  const model = junosModel(ctx);
  const version = ctx.state.version;
  const packages = isVirtualChassis(ctx) ? SWITCH_PACKAGES : ROUTER_PACKAGES;
  return perMember(ctx, [
    `Hostname: ${ctx.config.hostname}`,
    `Model: ${model.platform}`,
    `Junos: ${version}`,
    ...packages.map((p) => (p.endsWith(' ') ? `${p}[${version}]` : `${p} [${version}]`)),
  ]).join('\n');
}
