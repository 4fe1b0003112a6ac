/**
 * The RPCs this Junos serves: for each, the arguments it takes, the CLI command it is (for latency
 * and `text/plain`), and the reply element it builds from the device state. Names and arguments
 * as `| display xml rpc` shows them and Juniper's method catalogues list them.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { isVirtualChassis } from '../render/chassis.js';
import { buildArpTable } from './arp.js';
import { buildChassisInventory } from './hardware.js';
import { buildInterfaceInformation, interfaceNameError } from './interfaces.js';
import { buildLacpInterfaces } from './lacp.js';
import { buildLldpNeighbors, buildLldpNeighborsDetail } from './lldp.js';
import { buildLogFile, LOG_FILES } from './log.js';
import { buildSystemMemory } from './memory.js';
import { buildRouteInformation } from './route.js';
import { buildSoftwareInformation } from './software.js';
import { buildEthernetSwitchingTable, buildVlanInformation } from './switching.js';
import type { JunosElement } from './tree.js';
import { buildSystemUptime, buildSystemUsers } from './uptime.js';

/** Arguments as given: a flag has no value (`<no-resolve/>`, `?no-resolve`). */
export type RpcArgs = ReadonlyMap<string, string | undefined>;

export interface RpcSpec {
  /** A flag (`<no-resolve/>`) or a value (`<interface-name>…</interface-name>`). */
  params: Readonly<Record<string, 'flag' | 'value'>>;
  /** The CLI command the RPC is, spelled out. */
  command(args: RpcArgs): string;
  build(ctx: RenderContext, args: RpcArgs): JunosElement;
  /** mgd's error message when the arguments name something the box does not have. */
  refuse?(ctx: RenderContext, args: RpcArgs): string | undefined;
  /** EX/QFX only: a router's mgd does not know the RPC. */
  switchOnly?: boolean;
}

function interfacesCommand(args: RpcArgs): string {
  const name = args.get('interface-name');
  if (args.has('terse')) return 'show interfaces terse';
  if (args.has('descriptions')) return 'show interfaces descriptions';
  return name === undefined ? 'show interfaces' : `show interfaces ${name}`;
}

export const RPCS: Readonly<Record<string, RpcSpec>> = {
  'get-lldp-neighbors-information': {
    params: { detail: 'flag' },
    command: (args) => (args.has('detail') ? 'show lldp neighbors detail' : 'show lldp neighbors'),
    build: (ctx, args) => (args.has('detail') ? buildLldpNeighborsDetail(ctx) : buildLldpNeighbors(ctx)),
  },
  'get-arp-table-information': {
    params: { 'no-resolve': 'flag' },
    command: (args) => (args.has('no-resolve') ? 'show arp no-resolve' : 'show arp'),
    build: (ctx, args) => buildArpTable(ctx, args.has('no-resolve')),
  },
  'get-software-information': {
    params: {},
    command: () => 'show version',
    build: (ctx) => buildSoftwareInformation(ctx),
  },
  'get-system-memory-information': {
    params: {},
    command: () => 'show system memory',
    build: (ctx) => buildSystemMemory(ctx),
  },
  'get-system-uptime-information': {
    params: {},
    command: () => 'show system uptime',
    build: (ctx) => buildSystemUptime(ctx),
  },
  'get-system-users-information': {
    params: {},
    command: () => 'show system users',
    build: (ctx) => buildSystemUsers(ctx),
  },
  'get-interface-information': {
    params: { terse: 'flag', descriptions: 'flag', 'interface-name': 'value' },
    command: interfacesCommand,
    build: (ctx, args) =>
      buildInterfaceInformation(
        ctx,
        args.has('terse') ? 'terse' : args.has('descriptions') ? 'description' : 'normal',
        args.get('interface-name'),
      ),
    refuse: (ctx, args) => interfaceNameError(ctx, args.get('interface-name')),
  },
  'get-chassis-inventory': {
    params: {},
    command: () => 'show chassis hardware',
    build: (ctx) => buildChassisInventory(ctx),
  },
  'get-route-information': {
    params: {},
    command: () => 'show route',
    build: (ctx) => buildRouteInformation(ctx),
  },
  'get-log': {
    params: { filename: 'value' },
    command: (args) => `show log ${args.get('filename') ?? 'messages'}`,
    build: (ctx, args) => buildLogFile(ctx, args.get('filename') ?? 'messages'),
    refuse: (_ctx, args) => {
      const file = args.get('filename');
      if (file === undefined) return 'missing mandatory argument: filename';
      return LOG_FILES.has(file) ? undefined : `could not resolve file: ${file}`;
    },
  },
  'get-lacp-interface-information': {
    params: {},
    command: () => 'show lacp interfaces',
    build: (ctx) => buildLacpInterfaces(ctx),
  },
  'get-ethernet-switching-table-information': {
    params: {},
    command: () => 'show ethernet-switching table',
    build: (ctx) => buildEthernetSwitchingTable(ctx),
    switchOnly: true,
  },
  'get-vlan-information': {
    params: {},
    command: () => 'show vlans',
    build: (ctx) => buildVlanInformation(ctx),
    switchOnly: true,
  },
};

/** Whether this box serves the RPC at all (switch-only RPCs are unknown to a router's mgd). */
export function rpcServed(ctx: RenderContext, name: string): RpcSpec | undefined {
  const spec = Object.hasOwn(RPCS, name) ? RPCS[name] : undefined;
  return spec && (!spec.switchOnly || isVirtualChassis(ctx)) ? spec : undefined;
}

/** Which RPC a CLI command is, with its arguments (`show arp no-resolve` → `<no-resolve/>`). */
export interface CliRpc {
  rpc: string;
  args: RpcArgs;
}

const flags = (...names: string[]): RpcArgs => new Map(names.map((n) => [n, undefined]));

/** The operational commands whose reply has a model: `| display xml|json|xml rpc` print it. */
export const JUNOS_CLI_RPCS: Readonly<Record<string, CliRpc>> = {
  'show lldp neighbors': { rpc: 'get-lldp-neighbors-information', args: flags() },
  'show lldp neighbors detail': { rpc: 'get-lldp-neighbors-information', args: flags('detail') },
  'show arp': { rpc: 'get-arp-table-information', args: flags() },
  'show arp no-resolve': { rpc: 'get-arp-table-information', args: flags('no-resolve') },
  'show version': { rpc: 'get-software-information', args: flags() },
  'show system memory': { rpc: 'get-system-memory-information', args: flags() },
  'show system uptime': { rpc: 'get-system-uptime-information', args: flags() },
  'show system users': { rpc: 'get-system-users-information', args: flags() },
  'show interfaces': { rpc: 'get-interface-information', args: flags() },
  'show interfaces terse': { rpc: 'get-interface-information', args: flags('terse') },
  'show interfaces descriptions': { rpc: 'get-interface-information', args: flags('descriptions') },
  'show chassis hardware': { rpc: 'get-chassis-inventory', args: flags() },
  'show route': { rpc: 'get-route-information', args: flags() },
  'show log messages': { rpc: 'get-log', args: new Map([['filename', 'messages']]) },
  'show lacp interfaces': { rpc: 'get-lacp-interface-information', args: flags() },
  'show ethernet-switching table': { rpc: 'get-ethernet-switching-table-information', args: flags() },
  'show vlans': { rpc: 'get-vlan-information', args: flags() },
};

/** `show interfaces ge-0/0/1` (the one show that takes a value) is `<interface-name>ge-0/0/1</…>`. */
export function cliRpcOf(command: string, args: Readonly<Record<string, string>>): CliRpc | undefined {
  if (Object.hasOwn(JUNOS_CLI_RPCS, command)) return JUNOS_CLI_RPCS[command];
  if (command.startsWith('show interfaces ') && args.name !== undefined)
    return { rpc: 'get-interface-information', args: new Map([['interface-name', args.name]]) };
  return undefined;
}
