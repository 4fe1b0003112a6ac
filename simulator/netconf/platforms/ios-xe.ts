/**
 * IOS-XE's NETCONF-YANG: the YANG models RESTCONF serves (personalities/cisco-ios/yang) as XML,
 * running datastore only (`:writable-running`; the candidate is an opt-in feature the box ships
 * off), XPath filters, and the native hostname as the writable leaf.
 */
import type { DeviceConfig } from '../../device/render-context.js';
import { commandsFor, namespaceOf } from '../../personalities/cisco-ios/yang/modules.js';
import { TOP_LEVEL } from '../../personalities/cisco-ios/yang/index.js';
import { badElement, invalidValue, unknownElement, type RpcError } from '../errors.js';
import type { EditRequest, NetconfPlatform } from '../platform.js';
import { BASE_1_0, BASE_1_1 } from '../session.js';
import { attributeOf, type XmlElement } from '../xml.js';
import { yangToXml } from '../yang-xml.js';

const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function editNative(target: DeviceConfig, native: XmlElement, request: EditRequest): RpcError | undefined {
  for (const child of native.children) {
    if (child.name !== 'hostname') return unknownElement(child.name, 'application');
    const operation = attributeOf(child, 'operation') ?? request.defaultOperation;
    if (operation === 'delete' || operation === 'remove') {
      target.hostname = 'Router';
      continue;
    }
    const name = child.text.trim();
    if (!HOSTNAME.test(name))
      return invalidValue(`"${name}" is not a valid value for /native/hostname`, 'application');
    target.hostname = name;
  }
  return undefined;
}

export const iosXe: NetconfPlatform = {
  capabilities: () => [
    BASE_1_0,
    BASE_1_1,
    'urn:ietf:params:netconf:capability:writable-running:1.0',
    'urn:ietf:params:netconf:capability:xpath:1.0',
    'urn:ietf:params:netconf:capability:validate:1.0',
    'urn:ietf:params:netconf:capability:validate:1.1',
    'urn:ietf:params:netconf:capability:rollback-on-error:1.0',
    ...TOP_LEVEL.map((t) => `${namespaceOf(t.module)}?module=${t.module}`),
  ],
  xmlDeclaration: true,
  datastores: [],
  writableRunning: true,
  xpath: true,
  state: (ctx) => TOP_LEVEL.flatMap((t) => yangToXml({ module: t.module, node: t.build(ctx) })),
  config: (ctx) =>
    TOP_LEVEL.filter((t) => t.config).flatMap((t) => yangToXml({ module: t.module, node: t.build(ctx) })),
  edit(target, request) {
    for (const node of request.nodes) {
      if (node.name === 'native' && node.ns === namespaceOf('Cisco-IOS-XE-native')) {
        const error = editNative(target, node, request);
        if (error) return error;
      } else return badElement(node.name, `no writable model for <${node.name}>`, 'application');
    }
    return undefined;
  },
  commandFor: (_kind, selected) => {
    const modules =
      selected.length === 0
        ? TOP_LEVEL.map((t) => t.module)
        : TOP_LEVEL.filter((t) => selected.includes(t.name)).map((t) => t.module);
    return commandsFor(modules)[0] ?? 'show running-config';
  },
};
