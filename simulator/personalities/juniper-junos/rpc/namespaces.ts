/** The XML namespaces Junos stamps on reply elements, and the per-member wrapper of a virtual chassis. */
import { isVirtualChassis } from '../render/chassis.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';

/**
 * `xmlns:junos` on a reply's top element: the REST service hands out elements cut from their
 * `<rpc-reply>`, so each carries its own declaration of the `junos:` prefix, with a wildcard release.
 */
export const JUNOS_PREFIX: readonly [string, string] = [
  'xmlns:junos',
  'http://xml.juniper.net/junos/*/junos',
];

/** `20.4R3-S7.2` → `20.4R3`, `17.4R1.16` → `17.4R1`: the release as namespace URLs spell it. */
export function namespaceRelease(version: string): string {
  return version.replace(/-.*$/, '').replace(/\.\d+$/, '');
}

/** `http://xml.juniper.net/junos/20.4R3/junos-arp` (`show arp | display xml` captures). */
export function junosNamespace(ctx: RenderContext, module: string): readonly [string, string] {
  return ['xmlns', `http://xml.juniper.net/junos/${namespaceRelease(ctx.state.version)}/${module}`];
}

/**
 * An EX/QFX virtual chassis answers per member, as its CLI does under `fpc0:`:
 * `<multi-routing-engine-results><multi-routing-engine-item><re-name>fpc0</re-name>…` (napalm's
 * EX4300 `get-software-information` capture). Other boxes answer with the element itself.
 */
export function perMemberElement(ctx: RenderContext, reply: JunosElement): JunosElement {
  if (!isVirtualChassis(ctx)) return { ...reply, attributes: [JUNOS_PREFIX, ...(reply.attributes ?? [])] };
  return element(
    'multi-routing-engine-results',
    [element('multi-routing-engine-item', [leaf('re-name', 'fpc0'), reply])],
    [JUNOS_PREFIX],
  );
}
