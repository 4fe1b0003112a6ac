/**
 * containerlab topologies served directly: `labfleet up lab.clab.yml`. The file is read by
 * containerlab-read.ts; this turns what it read into labfleet topology data, with the origin of
 * every translated path and one note per kind mapping used.
 */
import type { PathSegment } from '../source.js';
import {
  readContainerlab,
  looksLikeContainerlab,
  MODEL_LABEL,
  type ContainerlabLab,
} from './containerlab-read.js';
import { PathOrigins, type ForeignFormat, type Translation } from './types.js';

const LLDP_NOTE =
  'protocols: LLDP runs on every device (labs mix vendors; IOS and NX-OS run only CDP unless told)';
const MGMT_NOTE =
  "management: containerlab's docker network and addresses are not simulated; every device gets a loopback address from labfleet's mgmt pool (127.100.0.0/16)";

export const containerlab: ForeignFormat = {
  name: 'containerlab',
  detect: (file, data) => /\.clab\.ya?ml$/i.test(file) || looksLikeContainerlab(data),
  translate(source): Translation {
    const lab = readContainerlab(source);
    const origins = new PathOrigins();
    const data = translateLab(lab, origins);
    return {
      data,
      origin: origins.origin,
      notes: [...kindNotes(lab), ...lab.notes, LLDP_NOTE, MGMT_NOTE],
      diagnostics: lab.reporter.diagnostics,
      omitted: lab.reporter.omitted,
    };
  },
};

function translateLab(lab: ContainerlabLab, origins: PathOrigins): unknown {
  origins.set(['nodes'], ['topology', 'nodes']);
  origins.set(['links'], ['topology', 'links']);
  const nodes: Record<string, unknown> = {};
  for (const node of lab.nodes) {
    const labels = Object.keys(node.labels).length > 0 ? { labels: node.labels } : {};
    nodes[node.name] = { kind: node.kind.platform, model: node.model.name, ...labels };
    const at = (key: string): PathSegment[] => ['nodes', node.name, key];
    origins.set(['nodes', node.name], node.path);
    origins.set(at('kind'), node.kindPath);
    origins.set(
      at('model'),
      node.modelFrom === 'label' ? [...node.path, 'labels', MODEL_LABEL] : node.kindPath,
    );
    origins.set(at('labels'), [...node.path, 'labels']);
  }
  const links = lab.cables.map((cable, i) => {
    origins.set(['links', i], cable.path);
    origins.set(['links', i, 'endpoints', 0], cable.a.path);
    origins.set(['links', i, 'endpoints', 1], cable.b.path);
    return { endpoints: [`${cable.a.node}:${cable.a.interface}`, `${cable.b.node}:${cable.b.interface}`] };
  });
  return { name: lab.name, defaults: { protocols: { lldp: true } }, nodes, links };
}

/** `kind ceos → arista_eos, model cEOSLab, ethN → EthernetN: leaf1, leaf2`, one per mapping used. */
function kindNotes(lab: ContainerlabLab): string[] {
  const groups = new Map<string, string[]>();
  for (const node of lab.nodes) {
    const why =
      node.modelFrom === 'label'
        ? ` (label ${MODEL_LABEL})`
        : node.modelFrom === 'ports'
          ? ' (has the ports used)'
          : '';
    const key = `kind ${node.kindName} → ${node.kind.platform}, model ${node.model.name}${why}, ${node.kind.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), node.name]);
  }
  return [...groups].map(([key, names]) => `${key}: ${names.join(', ')}`);
}
