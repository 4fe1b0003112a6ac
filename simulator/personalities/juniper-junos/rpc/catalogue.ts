/**
 * The RPCs this Junos serves: for each, the arguments it takes, the CLI command it is (for latency
 * and `text/plain`), and the reply element it builds from the device state.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { buildArpTable } from './arp.js';
import { buildLldpNeighbors } from './lldp.js';
import { buildSystemMemory } from './memory.js';
import { buildSoftwareInformation } from './software.js';
import type { JunosElement } from './tree.js';

/** Arguments as given: a flag has no value (`<no-resolve/>`, `?no-resolve`). */
export type RpcArgs = ReadonlyMap<string, string | undefined>;

export interface RpcSpec {
  /** A flag (`<no-resolve/>`) or a value (`<interface-name>…</interface-name>`). */
  params: Readonly<Record<string, 'flag' | 'value'>>;
  /** The CLI command the RPC is, spelled out. */
  command(args: RpcArgs): string;
  build(ctx: RenderContext, args: RpcArgs): JunosElement;
}

export const RPCS: Readonly<Record<string, RpcSpec>> = {
  'get-lldp-neighbors-information': {
    params: {},
    command: () => 'show lldp neighbors',
    build: (ctx) => buildLldpNeighbors(ctx),
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
};

/** Which RPC a CLI command is, with its arguments (`show arp no-resolve` → `<no-resolve/>`). */
export interface CliRpc {
  rpc: string;
  args: RpcArgs;
}

const flags = (...names: string[]): RpcArgs => new Map(names.map((n) => [n, undefined]));

/** The operational commands whose reply has a model: `| display xml|json|xml rpc` print it. */
export const JUNOS_CLI_RPCS: Readonly<Record<string, CliRpc>> = {
  'show lldp neighbors': { rpc: 'get-lldp-neighbors-information', args: flags() },
  'show arp': { rpc: 'get-arp-table-information', args: flags() },
  'show arp no-resolve': { rpc: 'get-arp-table-information', args: flags('no-resolve') },
  'show version': { rpc: 'get-software-information', args: flags() },
  'show system memory': { rpc: 'get-system-memory-information', args: flags() },
};
