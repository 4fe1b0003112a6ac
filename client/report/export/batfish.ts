/**
 * Batfish's Layer-1 topology (`<snapshot>/batfish/layer1_topology.json`): `edges`, each a
 * `node1`/`node2` pair of `{hostname, interfaceName}`. Batfish keeps the edges as a directed graph,
 * and its own example snapshot lists every cable in both directions: so do we, hostnames lower-cased
 * as Batfish names nodes, edges sorted by the first end.
 */
import { byName } from './order.js';
import type { ExportCabling, ExportOutput } from './types.js';

interface Layer1Node {
  hostname: string;
  interfaceName: string;
}

export function renderBatfishLayer1(cabling: ExportCabling): ExportOutput {
  const node = (p: { device: string; interface: string }): Layer1Node => ({
    hostname: p.device.toLowerCase(),
    interfaceName: p.interface,
  });
  const edges = cabling.cables
    .flatMap((c) => [
      { node1: node(c.a), node2: node(c.b) },
      { node1: node(c.b), node2: node(c.a) },
    ])
    .sort(
      (x, y) =>
        byName(x.node1.hostname, y.node1.hostname) ||
        byName(x.node1.interfaceName, y.node1.interfaceName) ||
        byName(x.node2.hostname, y.node2.hostname) ||
        byName(x.node2.interfaceName, y.node2.interfaceName),
    );
  return { text: JSON.stringify({ edges }, null, 2) + '\n', notes: [] };
}
