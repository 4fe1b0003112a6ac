/**
 * Arista EOS's NETCONF (`management api netconf`): OpenConfig interfaces, LLDP and system over the
 * device's state, running writable and a candidate committed with `<commit/>` (on the box a
 * configuration session; here the device's shared candidate). Writable leaves: the hostname, and
 * an interface's description and enabled state, landing in the one DeviceConfig the CLI and eAPI
 * read.
 */
import type { DeviceConfig, RenderContext } from '../../device/render-context.js';
import {
  invalidValue,
  missingElement,
  operationNotSupported,
  unknownElement,
  type RpcError,
} from '../errors.js';
import type { EditOperation, EditRequest, NetconfPlatform } from '../platform.js';
import { wantsTop, type Wanted } from '../filter.js';
import { attributeOf, BASE_NS, childOf, type XmlElement } from '../xml.js';
import { eosCapabilities } from './eos-capabilities.js';
import { interfacesTree, lldpTree, OC_INTERFACES, OC_LLDP, OC_SYSTEM, systemTree } from './eos-openconfig.js';

/** RFC 1123 labels, dot-separated, as EOS's `hostname` accepts them. */
const HOSTNAME =
  /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** EOS's `description` takes up to 240 characters. */
const MAX_DESCRIPTION = 240;
/** What `no hostname` leaves. */
const DEFAULT_HOSTNAME = 'localhost';

type Op = EditOperation | 'none';

/** The operation in force on `node`: its own `operation` attribute, else its parent's. */
function operationOf(node: XmlElement, inherited: Op): Op | RpcError {
  const own = attributeOf(node, 'operation');
  if (own === undefined) return inherited;
  if (['merge', 'replace', 'create', 'delete', 'remove'].includes(own)) return own as EditOperation;
  return {
    type: 'protocol',
    tag: 'bad-attribute',
    message: `"${own}" is not an edit operation`,
    info: [
      ['bad-attribute', 'operation'],
      ['bad-element', node.name],
    ],
  };
}

const isError = (value: unknown): value is RpcError =>
  typeof value === 'object' && value !== null && 'tag' in value;
const removes = (op: Op) => op === 'delete' || op === 'remove';
/**
 * Elements written without their model's namespace are taken as the model's: EOS accepts a bare
 * `<system>` (no xmlns, or the rpc's default base namespace inherited).
 */
const inModel = (node: XmlElement, ns: string) =>
  node.ns === undefined || node.ns === BASE_NS || node.ns === ns;

function editSystem(target: DeviceConfig, system: XmlElement, inherited: Op): RpcError | undefined {
  for (const child of system.children) {
    const op = operationOf(child, inherited);
    if (isError(op)) return op;
    if (child.name !== 'config')
      return unknownElement(child.name, 'application', `/system/${child.name} is not writable`);
    for (const leaf of child.children) {
      const leafOp = operationOf(leaf, op);
      if (isError(leafOp)) return leafOp;
      if (leaf.name !== 'hostname')
        return unknownElement(leaf.name, 'application', `/system/config/${leaf.name} is not writable`);
      if (leafOp === 'none') continue;
      if (removes(leafOp)) {
        target.hostname = DEFAULT_HOSTNAME;
        continue;
      }
      const name = leaf.text.trim();
      if (!HOSTNAME.test(name) || name.length > 253)
        return invalidValue(`"${name}" is not a valid value for /system/config/hostname`, 'application');
      target.hostname = name;
    }
  }
  return undefined;
}

function editInterfaceConfig(
  target: DeviceConfig,
  name: string,
  config: XmlElement,
  inherited: Op,
): RpcError | undefined {
  const settings = { ...target.interfaces.get(name) };
  for (const leaf of config.children) {
    const op = operationOf(leaf, inherited);
    if (isError(op)) return op;
    const value = leaf.text.trim();
    switch (leaf.name) {
      case 'name':
        if (value !== name)
          return invalidValue(`config/name "${value}" does not match the list key "${name}"`, 'application');
        break;
      case 'type':
        break;
      case 'description':
        if (op === 'none') break;
        if (!removes(op) && leaf.text.length > MAX_DESCRIPTION)
          return invalidValue(`description longer than ${MAX_DESCRIPTION} characters`, 'application');
        settings.description = removes(op) ? '' : leaf.text;
        break;
      case 'enabled':
        if (op === 'none') break;
        if (removes(op)) settings.shutdown = false;
        else if (value === 'true' || value === 'false') settings.shutdown = value === 'false';
        else
          return invalidValue(`"${value}" is not a valid value for enabled (true or false)`, 'application');
        break;
      default:
        return unknownElement(
          leaf.name,
          'application',
          `/interfaces/interface/config/${leaf.name} is not writable`,
        );
    }
  }
  target.interfaces.set(name, settings);
  return undefined;
}

function editInterfaces(
  target: DeviceConfig,
  interfaces: XmlElement,
  inherited: Op,
  request: EditRequest,
): RpcError | undefined {
  for (const entry of interfaces.children) {
    if (entry.name !== 'interface') return unknownElement(entry.name, 'application');
    const op = operationOf(entry, inherited);
    if (isError(op)) return op;
    const key = childOf(entry, 'name');
    if (!key) return missingElement('name', 'application');
    const name = key.text.trim();
    if (!request.ctx.state.interfaces.some((i) => i.name === name))
      return invalidValue(`Interface ${name} does not exist`, 'application');
    for (const child of entry.children) {
      if (child.name === 'name') continue;
      const childOp = operationOf(child, op);
      if (isError(childOp)) return childOp;
      if (child.name !== 'config')
        return unknownElement(
          child.name,
          'application',
          `/interfaces/interface/${child.name} is not writable`,
        );
      const error = editInterfaceConfig(target, name, child, childOp);
      if (error) return error;
    }
  }
  return undefined;
}

const STATE_COMMANDS: Readonly<Record<string, string>> = {
  lldp: 'show lldp neighbors detail',
  interfaces: 'show interfaces',
  system: 'show version',
};

/** The OpenConfig trees a filter can select, built (with operational state for `<get>`). */
function trees(ctx: RenderContext, withState: boolean, wanted: Wanted): XmlElement[] {
  return [
    ...(wantsTop(wanted, 'interfaces', OC_INTERFACES) ? [interfacesTree(ctx, withState)] : []),
    ...(wantsTop(wanted, 'lldp', OC_LLDP) ? [lldpTree(ctx, withState)] : []),
    ...(wantsTop(wanted, 'system', OC_SYSTEM) ? [systemTree(ctx, withState)] : []),
  ];
}

export const eos: NetconfPlatform = {
  capabilities: (ctx) => eosCapabilities(ctx.state.version),
  xmlDeclaration: false,
  datastores: ['candidate'],
  writableRunning: true,
  xpath: false,
  state: (ctx, wanted) => trees(ctx, true, wanted),
  config: (ctx, wanted) => trees(ctx, false, wanted),
  edit(target, request) {
    const inherited: Op = request.defaultOperation === 'none' ? 'none' : 'merge';
    for (const node of request.nodes) {
      const op = operationOf(node, inherited);
      if (isError(op)) return op;
      let error: RpcError | undefined;
      if (node.name === 'system' && inModel(node, OC_SYSTEM)) error = editSystem(target, node, op);
      else if (node.name === 'interfaces' && inModel(node, OC_INTERFACES))
        error = editInterfaces(target, node, op, request);
      else if (node.name === 'lldp' && inModel(node, OC_LLDP))
        error = operationNotSupported('/lldp is not writable over NETCONF here', 'application');
      else error = unknownElement(node.name, 'application');
      if (error) return error;
    }
    return undefined;
  },
  commandFor: (kind, selected) => {
    if (kind === 'get-config' || selected.length !== 1) return 'show running-config';
    return STATE_COMMANDS[selected[0]!] ?? 'show running-config';
  },
};
