/**
 * How an IOS-XE `<edit-config>` changes the configuration: `Cisco-IOS-XE-native` (hostname, each
 * interface's description and shutdown) and `ietf-interfaces` (description, enabled), with the
 * operations of RFC 6241 §7.2 inherited down the tree. Everything lands in DeviceConfig, the one
 * configuration the CLI prompt, `show running-config` and RESTCONF read. Errors are shaped as the
 * box's ConfD front end shapes them: a leaf that is there for `create` is `data-exists`, one that
 * is not there for `delete` is `data-missing`, each with the node's path; an element the model
 * lacks is `unknown-element` naming it; an interface the box does not have is what IOS answers
 * when ConfD hands it the command — "Device refused one or more commands".
 */
import type { DeviceConfig, RenderContext } from '../../device/render-context.js';
import { configuredInterfaces, nativeInterfaceName } from '../../personalities/cisco-ios/yang/native.js';
import { namespaceOf } from '../../personalities/cisco-ios/yang/modules.js';
import {
  dataExists,
  dataMissing,
  invalidValue,
  missingElement,
  unknownElement,
  type RpcError,
} from '../errors.js';
import type { EditOperation, EditRequest } from '../platform.js';
import { attributeOf, childOf, type XmlElement } from '../xml.js';

type Op = EditOperation | 'none';

const OPERATIONS = new Set<string>(['merge', 'replace', 'create', 'delete', 'remove']);
const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/** Cisco-IOS-XE-interface-common: `description` is a string of up to 200 characters. */
const DESCRIPTION_MAX = 200;
/** IOS's `no hostname` puts the factory name back. */
const DEFAULT_HOSTNAME = 'Router';

interface Scope {
  target: DeviceConfig;
  /** The device as it is, with `target` as its configuration (what exists now, for create/delete). */
  ctx: RenderContext;
}

/** An element's operation: its own `operation` attribute, else its parent's. */
function opOf(node: XmlElement, inherited: Op, path: string): Op | RpcError {
  const own = attributeOf(node, 'operation');
  if (own === undefined) return inherited;
  if (OPERATIONS.has(own)) return own as Op;
  return {
    type: 'protocol',
    tag: 'bad-attribute',
    path,
    message: `"${own}" is not an operation; expected one of ${[...OPERATIONS].join(', ')}`,
    info: [
      ['bad-attribute', 'operation'],
      ['bad-element', node.name],
    ],
  };
}

const isError = (value: unknown): value is RpcError =>
  typeof value === 'object' && value !== null && 'tag' in value;

const unknown = (node: XmlElement, parentPath: string): RpcError => ({
  ...unknownElement(node.name, 'application'),
  path: parentPath,
});

/** What IOS-XE answers when the command ConfD generated is refused by the IOS parser. */
const refused = (): RpcError => ({
  type: 'application',
  tag: 'operation-failed',
  path: '/rpc/edit-config',
  message: 'inconsistent value: Device refused one or more commands',
});

const settingsOf = (scope: Scope, name: string) => scope.target.interfaces.get(name) ?? {};

function setInterface(scope: Scope, name: string, change: { description?: string; shutdown?: boolean }) {
  scope.target.interfaces.set(name, { ...settingsOf(scope, name), ...change });
}

function interfaceNow(scope: Scope, name: string) {
  return configuredInterfaces(scope.ctx).find((i) => i.name === name);
}

/** `description` of an interface, under any operation. */
function editDescription(
  scope: Scope,
  name: string,
  node: XmlElement,
  op: Op,
  path: string,
): RpcError | undefined {
  const present = interfaceNow(scope, name)?.description !== undefined;
  switch (op) {
    case 'none':
      return undefined;
    case 'delete':
      if (!present) return dataMissing(path);
      setInterface(scope, name, { description: '' });
      return undefined;
    case 'remove':
      setInterface(scope, name, { description: '' });
      return undefined;
    case 'create':
      if (present) return dataExists(path);
  }
  const text = node.text.trim();
  if (text.length > DESCRIPTION_MAX)
    return {
      ...invalidValue(`"${text.slice(0, 20)}…" is longer than ${DESCRIPTION_MAX} characters`, 'application'),
      path,
    };
  setInterface(scope, name, { description: text });
  return undefined;
}

/** The `shutdown` presence leaf (native) or `enabled` (ietf-interfaces) as the shutdown state. */
function editShutdown(
  scope: Scope,
  name: string,
  wanted: boolean,
  op: Op,
  path: string,
): RpcError | undefined {
  const shut = interfaceNow(scope, name)?.shutdown === true;
  switch (op) {
    case 'none':
      return undefined;
    case 'delete':
      if (!shut) return dataMissing(path);
      setInterface(scope, name, { shutdown: false });
      return undefined;
    case 'remove':
      setInterface(scope, name, { shutdown: false });
      return undefined;
    case 'create':
      if (shut) return dataExists(path);
  }
  setInterface(scope, name, { shutdown: wanted });
  return undefined;
}

type LeafEditor = (
  scope: Scope,
  name: string,
  leaf: XmlElement,
  op: Op,
  path: string,
) => RpcError | undefined;

/** One list entry of an interface: the key, then the leaves `editors` know; others are unknown. */
function editInterfaceEntry(
  scope: Scope,
  entry: XmlElement,
  full: string,
  op: Op,
  path: string,
  editors: Readonly<Record<string, LeafEditor>>,
  ignored: ReadonlySet<string>,
): RpcError | undefined {
  const exists = interfaceNow(scope, full) !== undefined;
  if (!exists) return op === 'delete' || op === 'none' ? dataMissing(path) : refused();
  if (op === 'delete' || op === 'remove') return refused();
  if (op === 'create') return dataExists(path);
  if (op === 'replace') setInterface(scope, full, { description: '', shutdown: full === 'Vlan1' });
  for (const leaf of entry.children) {
    if (leaf.name === 'name' || ignored.has(leaf.name)) continue;
    const editor = Object.hasOwn(editors, leaf.name) ? editors[leaf.name] : undefined;
    if (!editor) return unknown(leaf, path);
    const leafPath = `${path}/${leaf.name}`;
    const leafOp = opOf(leaf, op, leafPath);
    if (isError(leafOp)) return leafOp;
    const error = editor(scope, full, leaf, leafOp, leafPath);
    if (error) return error;
  }
  return undefined;
}

const NATIVE_LEAVES: Readonly<Record<string, LeafEditor>> = {
  description: editDescription,
  shutdown: (scope, name, _leaf, op, path) => editShutdown(scope, name, true, op, path),
};

function editHostname(scope: Scope, node: XmlElement, op: Op, path: string): RpcError | undefined {
  switch (op) {
    case 'none':
      return undefined;
    case 'create':
      return dataExists(path);
    case 'delete':
    case 'remove':
      scope.target.hostname = DEFAULT_HOSTNAME;
      return undefined;
  }
  const name = node.text.trim();
  if (!HOSTNAME.test(name))
    return { ...invalidValue(`"${name}" is not a valid value for ${path}`, 'application'), path };
  scope.target.hostname = name;
  return undefined;
}

function editNativeInterfaces(
  scope: Scope,
  container: XmlElement,
  op: Op,
  path: string,
): RpcError | undefined {
  for (const list of container.children) {
    const listPath = `${path}/${list.name}`;
    const key = childOf(list, 'name')?.text.trim();
    const full = key === undefined ? undefined : nativeInterfaceName(list.name, key);
    if (nativeInterfaceName(list.name, '') === undefined) return unknown(list, path);
    if (key === undefined || full === undefined)
      return { ...missingElement('name', 'application'), path: listPath };
    const entryPath = `${listPath}[name='${key}']`;
    const entryOp = opOf(list, op, entryPath);
    if (isError(entryOp)) return entryOp;
    const error = editInterfaceEntry(scope, list, full, entryOp, entryPath, NATIVE_LEAVES, new Set());
    if (error) return error;
  }
  return undefined;
}

function editNative(scope: Scope, native: XmlElement, inherited: Op): RpcError | undefined {
  const op = opOf(native, inherited, '/native');
  if (isError(op)) return op;
  for (const child of native.children) {
    const path = `/native/${child.name}`;
    const childOp = opOf(child, op, path);
    if (isError(childOp)) return childOp;
    let error: RpcError | undefined;
    if (child.name === 'hostname') error = editHostname(scope, child, childOp, path);
    else if (child.name === 'interface') error = editNativeInterfaces(scope, child, childOp, path);
    else if (child.name !== 'version') error = unknown(child, '/native');
    if (error) return error;
  }
  return undefined;
}

const IETF_LEAVES: Readonly<Record<string, LeafEditor>> = {
  description: editDescription,
  enabled(scope, name, leaf, op, path) {
    const text = leaf.text.trim();
    if ((op === 'merge' || op === 'replace' || op === 'create') && text !== 'true' && text !== 'false')
      return { ...invalidValue(`"${text}" is not a valid value for ${path}`, 'application'), path };
    if (op === 'delete' || op === 'remove') return editShutdown(scope, name, false, op, path);
    return editShutdown(scope, name, text === 'false', op === 'create' ? 'merge' : op, path);
  },
};

/** Leaves of an ietf-interfaces entry accepted and left as they are (the box's addresses are the topology's). */
const IETF_IGNORED = new Set(['type', 'ipv4', 'ipv6', 'link-up-down-trap-enable']);

function editIetfInterfaces(scope: Scope, interfaces: XmlElement, inherited: Op): RpcError | undefined {
  const op = opOf(interfaces, inherited, '/interfaces');
  if (isError(op)) return op;
  for (const entry of interfaces.children) {
    if (entry.name !== 'interface') return unknown(entry, '/interfaces');
    const name = childOf(entry, 'name')?.text.trim();
    if (!name) return { ...missingElement('name', 'application'), path: '/interfaces/interface' };
    const path = `/interfaces/interface[name='${name}']`;
    const entryOp = opOf(entry, op, path);
    if (isError(entryOp)) return entryOp;
    const error = editInterfaceEntry(scope, entry, name, entryOp, path, IETF_LEAVES, IETF_IGNORED);
    if (error) return error;
  }
  return undefined;
}

/** Applies `<config>`'s nodes to `target`; the first error stops it (the session keeps nothing then). */
export function editIosXe(target: DeviceConfig, request: EditRequest): RpcError | undefined {
  const scope: Scope = { target, ctx: { ...request.ctx, config: target } };
  const inherited: Op = request.defaultOperation;
  for (const node of request.nodes) {
    let error: RpcError | undefined;
    if (node.name === 'native' && node.ns === namespaceOf('Cisco-IOS-XE-native'))
      error = editNative(scope, node, inherited);
    else if (node.name === 'interfaces' && node.ns === namespaceOf('ietf-interfaces'))
      error = editIetfInterfaces(scope, node, inherited);
    else
      error = {
        type: 'protocol',
        tag:
          node.ns === undefined || !KNOWN_NAMESPACES.has(node.ns) ? 'unknown-namespace' : 'unknown-element',
        path: '/rpc/edit-config/config',
        info: [
          ['bad-element', node.name],
          ...(node.ns !== undefined && !KNOWN_NAMESPACES.has(node.ns)
            ? [['bad-namespace', node.ns] as const]
            : []),
        ],
      };
    if (error) return error;
  }
  return undefined;
}

/** Namespaces of the modules served (an element of one of them that is not writable is unknown, not foreign). */
const KNOWN_NAMESPACES: ReadonlySet<string> = new Set(
  [
    'Cisco-IOS-XE-native',
    'ietf-interfaces',
    'Cisco-IOS-XE-arp-oper',
    'Cisco-IOS-XE-cdp-oper',
    'Cisco-IOS-XE-device-hardware-oper',
    'Cisco-IOS-XE-interfaces-oper',
    'Cisco-IOS-XE-lldp-oper',
    'Cisco-IOS-XE-memory-oper',
    'Cisco-IOS-XE-platform-software-oper',
    'openconfig-lldp',
  ].map(namespaceOf),
);
