/**
 * IOS-XE's NETCONF-YANG: the YANG models RESTCONF serves (personalities/cisco-ios/yang) as XML,
 * the hello of the box's release train (ios-xe-capabilities.ts), running datastore only
 * (`:writable-running`; the candidate is an opt-in feature the box ships off), XPath filters, and
 * edits of the native hostname and interfaces and of ietf-interfaces (ios-xe-edit.ts).
 */
import { commandsFor } from '../../personalities/cisco-ios/yang/modules.js';
import { TOP_LEVEL } from '../../personalities/cisco-ios/yang/index.js';
import type { NetconfPlatform } from '../platform.js';
import { yangToXml } from '../yang-xml.js';
import { iosXeCapabilities } from './ios-xe-capabilities.js';
import { editIosXe } from './ios-xe-edit.js';

export const iosXe: NetconfPlatform = {
  capabilities: (ctx) => iosXeCapabilities(ctx.state.version),
  xmlDeclaration: true,
  datastores: [],
  writableRunning: true,
  xpath: true,
  state: (ctx) => TOP_LEVEL.flatMap((t) => yangToXml({ module: t.module, node: t.build(ctx) })),
  config: (ctx) =>
    TOP_LEVEL.filter((t) => t.config).flatMap((t) => yangToXml({ module: t.module, node: t.build(ctx) })),
  edit: editIosXe,
  commandFor: (kind, selected) => {
    const tops = TOP_LEVEL.filter(
      (t) => (kind === 'get' || t.config) && (selected.length === 0 || selected.includes(t.name)),
    );
    return commandsFor(tops.map((t) => t.module))[0] ?? 'show running-config';
  },
};
