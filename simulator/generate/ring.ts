/** A ring of CSR1000V routers: each GigabitEthernet2 cabled to the next router's GigabitEthernet3. */
import {
  checkCount,
  describeCommand,
  MAX_GENERATED_NODES,
  type CommonOptions,
  type GeneratedTopology,
} from './model.js';
import { generatedPoolFor } from '../topology/mgmt-addresses.js';
import { DEFAULT_SEED } from '../state/context.js';

export interface RingOptions extends CommonOptions {
  nodes: number;
}

export function generateRing(options: RingOptions): GeneratedTopology {
  checkCount('nodes', options.nodes, 2, MAX_GENERATED_NODES);
  const seed = options.seed ?? DEFAULT_SEED;
  const names = Array.from({ length: options.nodes }, (_, i) => `R${i + 1}`);
  return {
    name: options.name ?? `ring-${options.nodes}`,
    seed,
    command: describeCommand('ring', { nodes: options.nodes }, { ...options, seed }),
    defaultKind: 'cisco_ios',
    ...pick(options, options.nodes),
    nodes: names.map((name) => ({ name, kind: 'cisco_ios', model: 'CSR1000V', labels: {} })),
    links: names.map((name, i) => [
      `${name}:GigabitEthernet2`,
      `${names[(i + 1) % names.length]!}:GigabitEthernet3`,
    ]),
  };
}

/**
 * The common options that go into the file as they are; without `mgmtPool`, a topology of more
 * devices than the default pool holds gets a pool that fits (the same for the same count).
 */
export function pick(
  options: CommonOptions,
  devices: number,
): Pick<GeneratedTopology, 'domain' | 'latency' | 'mgmtPool'> {
  const mgmtPool = options.mgmtPool ?? generatedPoolFor(devices);
  return {
    ...(options.domain ? { domain: options.domain } : {}),
    ...(options.latency ? { latency: options.latency } : {}),
    ...(mgmtPool ? { mgmtPool } : {}),
  };
}
