/**
 * An ANTA test catalog: one `VerifyLLDPNeighbors` per Arista EOS device (ANTA tests EOS only),
 * scoped to that device by its name, the tag every ANTA inventory device carries. Each neighbour's
 * port is the Port ID its LLDP sends (Cisco IOS its short name, the others their full one), which
 * is what ANTA compares with; `require_fqdn: false` lets `leaf1` match `leaf1.example.net`.
 */
import { shortInterfaceName } from '../../../simulator/topology/interfaces.js';
import { getKind } from '../../../simulator/topology/kinds/index.js';
import type { Port } from '../../verify/ports.js';
import { byName } from './order.js';
import type { ExportCabling, ExportDevice, ExportOutput } from './types.js';

interface AntaNeighbor {
  port: string;
  neighbor_device: string;
  neighbor_port: string;
}

/** The Port ID TLV a device sends for its port. */
function lldpPortId(port: Port, device: ExportDevice | undefined): string {
  return device?.platform === 'cisco_ios'
    ? shortInterfaceName(port.interface, getKind('cisco_ios').interfaceTypes)
    : port.interface;
}

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
const q = (value: string) => JSON.stringify(value);

export function renderAntaCatalog(cabling: ExportCabling): ExportOutput {
  const deviceOf = new Map(cabling.devices.map((d) => [d.name.toLowerCase(), d]));
  const neighbors = new Map<string, AntaNeighbor[]>();
  for (const cable of cabling.cables) {
    for (const [local, remote] of [
      [cable.a, cable.b],
      [cable.b, cable.a],
    ] as const) {
      if (deviceOf.get(local.device.toLowerCase())?.platform !== 'arista_eos') continue;
      const list = neighbors.get(local.device) ?? [];
      list.push({
        port: local.interface,
        neighbor_device: remote.device,
        neighbor_port: lldpPortId(remote, deviceOf.get(remote.device.toLowerCase())),
      });
      neighbors.set(local.device, list);
    }
  }
  const lines = ['anta.tests.connectivity:'];
  for (const device of [...neighbors.keys()].sort(byName)) {
    lines.push(
      '  - VerifyLLDPNeighbors:',
      '      filters:',
      `        tags: [${q(device)}]`,
      '      require_fqdn: false',
      '      neighbors:',
    );
    for (const n of neighbors.get(device)!.sort((x, y) => byName(x.port, y.port)))
      lines.push(
        `        - port: ${q(n.port)}`,
        `          neighbor_device: ${q(n.neighbor_device)}`,
        `          neighbor_port: ${q(n.neighbor_port)}`,
      );
  }
  if (neighbors.size === 0) lines[0] = 'anta.tests.connectivity: []';
  const others = cabling.devices.filter((d) => d.platform !== 'arista_eos').length;
  const notes =
    others > 0
      ? [
          `${others} device(s) are not Arista EOS and have no ANTA test (ANTA tests EOS devices only); their cables appear as EOS devices' neighbours`,
        ]
      : [];
  return { text: lines.join('\n') + '\n', notes };
}
