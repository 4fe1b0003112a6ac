/**
 * IOS-XE's NETCONF-YANG: the YANG models RESTCONF serves (personalities/cisco-ios/yang) as XML,
 * the hello of the box's release train (ios-xe-capabilities.ts), running datastore only
 * (`:writable-running`; the candidate is an opt-in feature the box ships off), XPath filters, and
 * edits of the native hostname and interfaces and of ietf-interfaces (ios-xe-edit.ts).
 */
import type { RenderContext } from '../../device/render-context.js';
import { commandsFor, namespaceOf } from '../../personalities/cisco-ios/yang/modules.js';
import { TOP_LEVEL, type TopLevel } from '../../personalities/cisco-ios/yang/index.js';
import { wantsTop, type Wanted } from '../filter.js';
import type { NetconfPlatform } from '../platform.js';
import type { XmlElement } from '../xml.js';
import { yangToXml } from '../yang-xml.js';
import { iosXeCapabilities } from './ios-xe-capabilities.js';
import { editIosXe } from './ios-xe-edit.js';

/** The top-level trees a filter can select, built and encoded, in datastore order. */
const build = (ctx: RenderContext, tops: readonly TopLevel[], wanted: Wanted): XmlElement[] =>
  tops
    .filter((t) => wantsTop(wanted, t.name, namespaceOf(t.module)))
    .flatMap((t) => yangToXml({ module: t.module, node: t.build(ctx) }));

const CONFIG_TOP_LEVEL = TOP_LEVEL.filter((t) => t.config);

export const iosXe: NetconfPlatform = {
  capabilities: (ctx) => iosXeCapabilities(ctx.state.version),
  xmlDeclaration: true,
  datastores: [],
  writableRunning: true,
  xpath: true,
  state: (ctx, wanted) => build(ctx, TOP_LEVEL, wanted),
  config: (ctx, wanted) => build(ctx, CONFIG_TOP_LEVEL, wanted),
  edit: editIosXe,
  commandFor: (kind, selected) => {
    const tops = TOP_LEVEL.filter(
      (t) => (kind === 'get' || t.config) && (selected.length === 0 || selected.includes(t.name)),
    );
    return commandsFor(tops.map((t) => t.module))[0] ?? 'show running-config';
  },
};
