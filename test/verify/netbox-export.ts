/**
 * NetBox exports of a topology, written the way NetBox writes them (bulk-import CSV columns, the
 * web UI's CSV export headers, the REST API's paged JSON of NetBox 4 and of NetBox 3.2), so the
 * tests can feed `check --doc` and `import netbox` files they did not hand-write.
 */
import type { Topology } from '../../simulator/topology/model.js';
import type { Platform } from '../../simulator/topology/kinds/index.js';

const SLUG: Record<Platform, { platform: string; manufacturer: string }> = {
  cisco_ios: { platform: 'cisco_ios', manufacturer: 'cisco' },
  cisco_nxos: { platform: 'cisco_nxos', manufacturer: 'cisco' },
  arista_eos: { platform: 'arista_eos', manufacturer: 'arista' },
  juniper_junos: { platform: 'juniper_junos', manufacturer: 'juniper' },
};

const csv = (cells: ReadonlyArray<string | number>) =>
  cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

/** The cables in NetBox's bulk-import CSV columns (what its cable import and export take). */
export function cablesImportCsv(topology: Topology): string {
  return [
    'side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name,type,status,label,length,length_unit',
    ...topology.links.map((l, i) =>
      csv([
        l.a.node,
        'dcim.interface',
        l.a.interface,
        l.b.node,
        'dcim.interface',
        l.b.interface,
        'cat6',
        'connected',
        `C${i + 1}`,
        '',
        '',
      ]),
    ),
  ].join('\n');
}

/** The cables as the web UI's "All data (CSV)" export of NetBox 3.3 and later heads them. */
export function cablesUiCsv(topology: Topology): string {
  return [
    'ID,Label,Termination A,Termination B,Device A,Device B,Rack A,Rack B,Status,Type',
    ...topology.links.map((l, i) =>
      csv([
        i + 1,
        `C${i + 1}`,
        l.a.interface,
        l.b.interface,
        l.a.node,
        l.b.node,
        '',
        '',
        'Connected',
        'CAT6',
      ]),
    ),
  ].join('\r\n');
}

let nextId = 1;
const brief = (name: string) => ({
  id: nextId++,
  url: `http://netbox.example/api/x/${nextId}/`,
  display: name,
  name,
});

function termination(device: string, name: string) {
  return { ...brief(name), device: brief(device), cable: nextId, _occupied: true };
}

/** `/api/dcim/cables/` of NetBox 4 (a_terminations/b_terminations), one page. */
export function cablesApiJson(topology: Topology): string {
  const results = topology.links.map((l, i) => ({
    id: i + 1,
    url: `http://netbox.example/api/dcim/cables/${i + 1}/`,
    display: `C${i + 1}`,
    type: 'cat6',
    a_terminations: [
      { object_type: 'dcim.interface', object_id: nextId, object: termination(l.a.node, l.a.interface) },
    ],
    b_terminations: [
      { object_type: 'dcim.interface', object_id: nextId, object: termination(l.b.node, l.b.interface) },
    ],
    status: { value: 'connected', label: 'Connected' },
    label: `C${i + 1}`,
    tags: [],
  }));
  return JSON.stringify({ count: results.length, next: null, previous: null, results }, null, 2);
}

/** `/api/dcim/cables/` of NetBox 3.2 and earlier (termination_a/termination_b), as a bare list. */
export function cablesApiJsonOld(topology: Topology): string {
  return JSON.stringify(
    topology.links.map((l, i) => ({
      id: i + 1,
      termination_a_type: 'dcim.interface',
      termination_a_id: nextId,
      termination_a: termination(l.a.node, l.a.interface),
      termination_b_type: 'dcim.interface',
      termination_b_id: nextId,
      termination_b: termination(l.b.node, l.b.interface),
      status: { value: 'connected', label: 'Connected' },
    })),
    null,
    2,
  );
}

/** The devices in NetBox's bulk-import CSV columns; `name` renames a device as NetBox holds it. */
export function devicesImportCsv(topology: Topology, name: (node: string) => string = (n) => n): string {
  return [
    'name,role,manufacturer,device_type,platform,site,status',
    ...topology.nodes.map((n) =>
      csv([
        name(n.name),
        'router',
        SLUG[n.platform].manufacturer,
        n.model,
        SLUG[n.platform].platform,
        'lab',
        'active',
      ]),
    ),
  ].join('\n');
}

/** `/api/dcim/devices/` of NetBox 4: platform and manufacturer as nested objects with slugs. */
export function devicesApiJson(topology: Topology, platform = true): string {
  const results = topology.nodes.map((n, i) => ({
    id: i + 1,
    name: n.name,
    device_type: {
      ...brief(n.model),
      model: n.model,
      slug: n.model.toLowerCase(),
      manufacturer: { ...brief(SLUG[n.platform].manufacturer), slug: SLUG[n.platform].manufacturer },
    },
    role: { ...brief('Router'), slug: 'router' },
    platform: platform ? { ...brief(n.platform), slug: SLUG[n.platform].platform } : null,
    site: { ...brief('Lab'), slug: 'lab' },
    status: { value: 'active', label: 'Active' },
  }));
  return JSON.stringify({ count: results.length, next: null, previous: null, results }, null, 2);
}
