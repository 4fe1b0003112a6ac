/** The resolved topology: what every later phase (drift, state, client) works from. */
import type { FaultSpec } from './faults.js';
import type { Platform } from './kinds/types.js';

/** A latency distribution in milliseconds. */
export type Distribution =
  | { type: 'fixed'; ms: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'normal'; mean: number; stddev: number }
  | { type: 'lognormal'; median: number; p99: number }
  | { type: 'mix'; parts: Array<{ weight: number; dist: Exclude<Distribution, { type: 'mix' }> }> };

export interface LatencyProfile {
  connect: Distribution;
  auth: Distribution;
  command: Distribution;
  /** Bytes per second for long outputs; undefined means as fast as the socket takes it. */
  outputRate?: number;
  /** Per-command overrides keyed by the full command text. */
  commands: Record<string, Distribution>;
}

export interface Credentials {
  username: string;
  password: string;
  secret: string;
  authorizedKeys: string[];
}

export interface Protocols {
  ssh: boolean;
  rest: boolean;
  /** NETCONF over SSH: served only where `ssh` is too (it rides SSH). */
  netconf: boolean;
  cdp: boolean;
  lldp: boolean;
}

/** SSH limits the topology sets; an absent one is the platform's own default. */
export interface SshOptions {
  loginGraceMs?: number;
  authTries?: number;
  maxStartups?: number;
  sessionsPerConnection?: number;
}

/** Where a user-defined command answers (each platform maps these to its own modes). */
export type CommandMode = 'user' | 'privileged' | 'config';

/** A user-defined CLI command, merged over defaults, kind and node and checked. */
export interface UserCommand {
  /** Its keywords in full, lower case: `['show', 'platform']`. */
  words: string[];
  modes: CommandMode[];
  help?: string;
  /** Printed as is, or a template (already checked against the variables) rendered per call. */
  output: { text: string } | { template: string };
  /** Where it was defined, for messages: `kinds.cisco_ios.commands["show platform"]`. */
  origin: string;
}

export interface NodeSpec {
  name: string;
  /** Position in the file; stable order for addresses and output. */
  index: number;
  platform: Platform;
  model: string;
  mgmtAddress: string;
  credentials: Credentials;
  latency: LatencyProfile;
  protocols: Protocols;
  ssh: SshOptions;
  labels: Record<string, string>;
  /** User-defined commands; they win over built-in commands of the same words. */
  commands: UserCommand[];
  serial?: string;
  version?: string;
}

/** One end of a cable, interface name canonical (`GigabitEthernet1/0/1`). */
export interface Endpoint {
  node: string;
  interface: string;
}

export interface Link {
  /** Index in the file's `links` list. */
  index: number;
  a: Endpoint;
  b: Endpoint;
  /** LAG numbers at the a and b ends when the cable is a LAG member (`Port-channel<n>`, `ae<n>`). */
  lag?: [number, number];
  labels: Record<string, string>;
}

export interface Topology {
  name: string;
  /** Where it was loaded from (for messages); `<inline>` when built in memory. */
  file: string;
  seed?: string | number;
  domain?: string;
  mgmtPool: string;
  p2pPool: string;
  nodes: NodeSpec[];
  links: Link[];
  /** Faults in force from the start (`faults:`), applied before an overlay's (`up --faults`). */
  faults: FaultSpec[];
  nodeByName: ReadonlyMap<string, NodeSpec>;
}

/** Key of a port in maps: `leaf1:GigabitEthernet1/0/1`. */
export function endpointKey(endpoint: Endpoint): string {
  return `${endpoint.node}:${endpoint.interface}`;
}

/** The summary `validate --json` prints. */
export function summarizeTopology(topology: Topology): {
  name: string;
  devices: number;
  links: number;
  kinds: Record<string, number>;
  models: Record<string, number>;
} {
  const kinds: Record<string, number> = {};
  const models: Record<string, number> = {};
  for (const node of topology.nodes) {
    kinds[node.platform] = (kinds[node.platform] ?? 0) + 1;
    models[node.model] = (models[node.model] ?? 0) + 1;
  }
  return { name: topology.name, devices: topology.nodes.length, links: topology.links.length, kinds, models };
}
