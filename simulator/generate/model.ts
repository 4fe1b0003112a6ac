/** What a generator produces before it is written as YAML. */
import { LabfleetError } from '../errors.js';
import { expandModelPorts } from '../topology/interfaces.js';
import { findModel, getKind, type Platform } from '../topology/kinds/index.js';

export interface GeneratedNode {
  name: string;
  kind: Platform;
  model: string;
  labels: Record<string, string>;
}

/** A cable: two `node:port` ends and, for a LAG member, the LAG number at both ends. */
export type GeneratedLink = [a: string, b: string, lag?: number];

export interface GeneratedTopology {
  name: string;
  seed: string | number;
  /** The command line that reproduces the file, written in its header. */
  command: string;
  defaultKind: Platform;
  domain?: string;
  latency?: string;
  mgmtPool?: string;
  nodes: GeneratedNode[];
  links: GeneratedLink[];
}

/** The most devices `ring` and `random` generate: more than a fleet of 100,000 needs. */
export const MAX_GENERATED_NODES = 200_000;

/** Options every shape accepts. */
export interface CommonOptions {
  seed?: string | number;
  name?: string;
  domain?: string;
  /** Per-command latency written into defaults, e.g. `200ms`. */
  latency?: string;
  mgmtPool?: string;
}

/** Hands out a device's free ports in order, so generated cabling never reuses a port. */
export class PortAllocator {
  private readonly free = new Map<string, string[]>();

  add(node: GeneratedNode): void {
    const model = findModel(getKind(node.kind), node.model);
    if (!model) throw new LabfleetError('USAGE', `unknown model ${node.model} for ${node.kind}`);
    this.free.set(node.name, [...expandModelPorts(model)]);
  }

  remaining(name: string): number {
    return this.free.get(name)?.length ?? 0;
  }

  /** Takes a specific port (first choice) or the next free one. */
  take(name: string, port?: string): string {
    const ports = this.free.get(name)!;
    const index = port === undefined ? 0 : ports.indexOf(port);
    if (index < 0 || ports.length === 0)
      throw new LabfleetError('USAGE', `${name} has no free port${port ? ` ${port}` : ''} left`);
    return ports.splice(index, 1)[0]!;
  }

  /** Cables two devices on their next free (or given) ports. */
  cable(links: GeneratedLink[], a: string, b: string, portA?: string, portB?: string): void {
    links.push([`${a}:${this.take(a, portA)}`, `${b}:${this.take(b, portB)}`]);
  }

  /** Cables two devices on the same named ports at both ends, as members of one LAG. */
  bundle(links: GeneratedLink[], a: string, b: string, ports: readonly string[], lag: number): void {
    for (const port of ports) links.push([`${a}:${this.take(a, port)}`, `${b}:${this.take(b, port)}`, lag]);
  }
}

export function usage(message: string): LabfleetError {
  return new LabfleetError('USAGE', message);
}

/** Checks a whole-number option is within bounds. */
export function checkCount(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw usage(`--${name} must be a whole number from ${min} to ${max}, got ${value}`);
}

/** The `generate …` command line that reproduces a file, for its header. */
export function describeCommand(shape: string, args: Record<string, number>, options: CommonOptions): string {
  const parts = [`generate ${shape}`, ...Object.entries(args).map(([k, v]) => `--${k} ${v}`)];
  parts.push(`--seed ${String(options.seed)}`);
  if (options.name) parts.push(`--name ${options.name}`);
  if (options.domain) parts.push(`--domain ${options.domain}`);
  if (options.latency) parts.push(`--latency ${options.latency}`);
  if (options.mgmtPool) parts.push(`--mgmt-pool ${options.mgmtPool}`);
  return parts.join(' ');
}
