/** `show version`: hostname, model, release and the installed packages, per member on a virtual chassis. */
import type { RenderContext } from '../../../device/render-context.js';
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

/** One installed package as `show version` lists it: its description, then the release in brackets. */
export interface JunosPackage {
  /** `JUNOS OS libs`; the kernel's keeps the two trailing spaces it prints with. */
  description: string;
  /** The whole line: `JUNOS OS libs [22.4R2.8]`, `JUNOS OS Kernel 64-bit  [22.4R2.8]`. */
  comment: string;
}

/** Everything `show version` states, as data: the CLI prints it, the REST RPC returns it. */
export interface JunosVersionFacts {
  hostName: string;
  model: string;
  version: string;
  packages: JunosPackage[];
}

/** The figures of `show version`, computed once for the CLI text and the REST reply. */
export function junosVersionFacts(ctx: RenderContext): JunosVersionFacts {
  const version = ctx.state.version;
  const packages = isVirtualChassis(ctx) ? SWITCH_PACKAGES : ROUTER_PACKAGES;
  return {
    hostName: ctx.config.hostname,
    model: junosModel(ctx).platform,
    version,
    packages: packages.map((description) => ({
      description,
      comment: description.endsWith(' ') ? `${description}[${version}]` : `${description} [${version}]`,
    })),
  };
}

export function renderShowVersion(ctx: RenderContext): string {
  const facts = junosVersionFacts(ctx);
  return perMember(ctx, [
    `Hostname: ${facts.hostName}`,
    `Model: ${facts.model}`,
    `Junos: ${facts.version}`,
    ...facts.packages.map((p) => p.comment),
  ]).join('\n');
}
