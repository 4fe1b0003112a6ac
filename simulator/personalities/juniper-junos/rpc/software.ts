/**
 * `get-software-information` (`show version`): host-name, product-model, product-name,
 * junos-version, then one package-information (name, comment) per package line, as the REST
 * capture of a vMX 17.4 and napalm's EX4300 capture show. Everything comes from the facts the CLI
 * renderer prints, so both always agree.
 */
import { junosVersionFacts } from '../render/version.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';
import { perMemberElement } from './namespaces.js';

/**
 * Package names by the description the CLI prints; the ones a 17.4 capture shows verbatim (os-kernel,
 * os-libs, zoneinfo, netstack …), the others as Junos names the same packages on EX and MX.
 */
const PACKAGE_NAMES: ReadonlyArray<[description: RegExp, name: string]> = [
  [/^JUNOS OS Kernel/, 'os-kernel'],
  [/^JUNOS OS libs/, 'os-libs'],
  [/^JUNOS OS runtime/, 'os-runtime'],
  [/^JUNOS OS time zone information/, 'zoneinfo'],
  [/^JUNOS network stack and utilities/, 'netstack'],
  [/^JUNOS libs/, 'junos-libs'],
  [/^JUNOS runtime/, 'junos-runtime'],
  [/^JUNOS Packet Forwarding Engine Support/, 'junos-platform'],
  [/^JUNOS Crypto Software Suite/, 'jcrypto'],
  [/^JUNOS Online Documentation/, 'jdocs'],
  [/^JUNOS Phone-Home Software Suite/, 'jphone-home'],
  [/^JUNOS Enterprise Software Suite/, 'jswitch'],
  [/^JUNOS Web Management Platform Package/, 'jweb-platform'],
  [/^JUNOS Services Crypto/, 'jservices-crypto-base'],
  [/^JUNOS Services SSL/, 'jservices-ssl'],
  [/^JUNOS Routing Software Suite/, 'jroute'],
  [/^JUNOS (py-base-\S+)/, '$1'],
];

function packageName(description: string): string {
  for (const [pattern, name] of PACKAGE_NAMES) {
    const m = pattern.exec(description);
    if (m) return name.replace('$1', m[1] ?? '');
  }
  return description.toLowerCase().replace(/\W+/g, '-');
}

export function buildSoftwareInformation(ctx: RenderContext): JunosElement {
  const facts = junosVersionFacts(ctx);
  return perMemberElement(
    ctx,
    element('software-information', [
      leaf('host-name', facts.hostName),
      leaf('product-model', facts.model),
      leaf('product-name', facts.model),
      leaf('junos-version', facts.version),
      ...facts.packages.map(({ description, comment }) =>
        element('package-information', [leaf('name', packageName(description)), leaf('comment', comment)]),
      ),
    ]),
  );
}
