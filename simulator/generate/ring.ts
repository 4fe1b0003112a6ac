/** A ring of CSR1000V routers: each GigabitEthernet2 cabled to the next router's GigabitEthernet3. */
import { checkCount, describeCommand, type CommonOptions, type GeneratedTopology } from './model.js';
import { DEFAULT_SEED } from '../state/context.js';

export interface RingOptions extends CommonOptions {
  nodes: number;
}

export function generateRing(options: RingOptions): GeneratedTopology {
  checkCount('nodes', options.nodes, 2, 65_000);
  const seed = options.seed ?? DEFAULT_SEED;
  const names = Array.from({ length: options.nodes }, (_, i) => `R${i + 1}`);
  return {
    name: options.name ?? `ring-${options.nodes}`,
    seed,
    command: describeCommand('ring', { nodes: options.nodes }, { ...options, seed }),
    defaultKind: 'cisco_ios',
    ...pick(options),
    nodes: names.map((name) => ({ name, kind: 'cisco_ios', model: 'CSR1000V', labels: {} })),
    links: names.map((name, i) => [
      `${name}:GigabitEthernet2`,
      `${names[(i + 1) % names.length]!}:GigabitEthernet3`,
    ]),
  };
}

/** The common options that go into the file as they are. */
export function pick(options: CommonOptions): Pick<GeneratedTopology, 'domain' | 'latency' | 'mgmtPool'> {
  return {
    ...(options.domain ? { domain: options.domain } : {}),
    ...(options.latency ? { latency: options.latency } : {}),
    ...(options.mgmtPool ? { mgmtPool: options.mgmtPool } : {}),
  };
}
