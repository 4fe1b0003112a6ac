/**
 * NX-OS's NETCONF agent: the hello a Nexus sends (YangModels/yang vendor/cisco/nx/<release>/
 * netconf-capabilities.xml, captured from real boxes: base 1.0/1.1, writable-running,
 * rollback-on-error, candidate, validate:1.1, confirmed-commit:1.1 and — from 9.3 — notification,
 * interleave and with-defaults; no :xpath, so only subtree filters), the Cisco-NX-OS-device
 * `System` tree (the DME model NX-API REST and gNMI also serve) and openconfig-lldp, both from the
 * device state the CLI and NX-API print. `System/name` and each `PhysIf-list` entry's `descr` and
 * `adminSt` are writable on running and on the candidate.
 *
 * DME names: `System/name`, `intf-items/phys-items/PhysIf-list` (id `eth1/1`, adminSt, descr,
 * layer, mode, mtu), `lldp-items/.../AdjEp-list` (chassisIdT/V, mgmtIp, portDesc, portIdT/V,
 * sysDesc, sysName, ttl — the lldpAdjEp attributes NX-API REST and ACI captures show) and
 * `cdp-items/.../AdjEp-list` (devId, platId, portId, sysName, ver, intf-items/IntfAddr-list,
 * mgmt-items/MgmtAddr-list — the cdpAdjEp paths Cisco's telemetry path list names).
 */
import type { DeviceConfig, RenderContext } from '../../device/render-context.js';
import type { InterfaceState } from '../../state/device-state.js';
import type { Neighbor } from '../../state/neighbors.js';
import { renderMacColons } from '../../state/mac.js';
import { peerModel, remainingHold } from '../../personalities/cisco-ios/render/neighbor-facts.js';
import { nxosPortDescription } from '../../personalities/cisco-nxos/render/interface-facts.js';
import { isShutdown } from '../../personalities/cisco-nxos/render/interfaces.js';
import { nxosMajor } from '../../personalities/cisco-nxos/render/version.js';
import { lldpPortId } from '../../personalities/lldp-facts.js';
import { cdpVersionText, lldpSystemDescription } from '../../personalities/software.js';
import { invalidValue, missingElement, operationFailed, unknownElement, type RpcError } from '../errors.js';
import { wantedChildren, wantsTop, type Wanted } from '../filter.js';
import type { EditRequest, NetconfPlatform } from '../platform.js';
import { BASE_1_0, BASE_1_1 } from '../session.js';
import { attributeOf, el, type XmlElement } from '../xml.js';

export const NXOS_DEVICE_NS = 'http://cisco.com/ns/yang/cisco-nx-os-device';
export const OC_LLDP_NS = 'http://openconfig.net/yang/lldp';
const OC_LLDP_TYPES_NS = 'http://openconfig.net/yang/lldp/types';

const CAPABILITY = 'urn:ietf:params:netconf:capability';

/** What every release's agent lists after the base capabilities, in its order. */
const PROTOCOL = [
  `${CAPABILITY}:writable-running:1.0`,
  `${CAPABILITY}:rollback-on-error:1.0`,
  `${CAPABILITY}:candidate:1.0`,
  `${CAPABILITY}:validate:1.1`,
  `${CAPABILITY}:confirmed-commit:1.1`,
];

/** Added with 9.3's agent. */
const NOTIFICATIONS = [
  `${CAPABILITY}:notification:1.0`,
  `${CAPABILITY}:interleave:1.0`,
  `${CAPABILITY}:with-defaults:1.0?basic-mode=report-all`,
];

/** An OpenConfig module the agent lists: its path under http://openconfig.net/yang/, name, revision. */
type OcModule = readonly [path: string, module: string, revision: string];

/** 9.3's OpenConfig modules (the same in 9.3(10) and 9.3(12)). */
const OC_93: readonly OcModule[] = [
  ['acl', 'openconfig-acl', '2019-11-27'],
  ['bfd', 'openconfig-bfd', '2019-10-25'],
  ['bgp-policy', 'openconfig-bgp-policy', '2019-11-28'],
  ['interfaces', 'openconfig-interfaces', '2017-07-14'],
  ['interfaces/aggregate', 'openconfig-if-aggregate', '2017-07-14'],
  ['interfaces/ethernet', 'openconfig-if-ethernet', '2017-07-14'],
  ['interfaces/ip', 'openconfig-if-ip', '2018-01-05'],
  ['interfaces/ip-ext', 'openconfig-if-ip-ext', '2018-01-05'],
  ['lacp', 'openconfig-lacp', '2018-11-21'],
  ['lldp', 'openconfig-lldp', '2018-11-21'],
  ['network-instance', 'openconfig-network-instance', '2018-11-21'],
  ['network-instance/policy', 'openconfig-network-instance-policy', '2018-11-21'],
  ['ospf-policy', 'openconfig-ospf-policy', '2017-08-24'],
  ['platform', 'openconfig-platform', '2019-04-16'],
  ['platform/cpu', 'openconfig-platform-cpu', '2018-11-21'],
  ['platform/fan', 'openconfig-platform-fan', '2018-11-21'],
  ['platform/linecard', 'openconfig-platform-linecard', '2018-11-21'],
  ['platform/port', 'openconfig-platform-port', '2018-11-21'],
  ['platform/psu', 'openconfig-platform-psu', '2018-11-21'],
  ['platform/transceiver', 'openconfig-platform-transceiver', '2018-11-25'],
  ['qos', 'openconfig-qos', '2019-11-28'],
  ['relay-agent', 'openconfig-relay-agent', '2018-11-21'],
  ['routing-policy', 'openconfig-routing-policy', '2018-11-21'],
  ['spanning-tree', 'openconfig-spanning-tree', '2019-11-28'],
  ['system', 'openconfig-system', '2019-03-15'],
  ['telemetry', 'openconfig-telemetry', '2018-11-21'],
  ['vlan', 'openconfig-vlan', '2018-11-21'],
];

/** `base` with some modules at other revisions and some added (kept in path order). */
function revise(
  base: readonly OcModule[],
  changes: Readonly<Record<string, string>>,
  added: OcModule[] = [],
) {
  return [...base.map(([p, m, r]): OcModule => [p, m, changes[m] ?? r]), ...added].sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );
}

const OC_102 = revise(OC_93, {
  'openconfig-bfd': '2020-05-08',
  'openconfig-interfaces': '2019-11-19',
  'openconfig-if-aggregate': '2020-05-01',
  'openconfig-if-ethernet': '2020-05-06',
  'openconfig-if-ip': '2019-01-08',
  'openconfig-if-ip-ext': '2018-11-21',
  'openconfig-network-instance': '2020-06-20',
  'openconfig-ospf-policy': '2018-11-21',
  'openconfig-platform-linecard': '2020-05-10',
  'openconfig-platform-port': '2020-05-06',
  'openconfig-platform-transceiver': '2020-05-06',
  'openconfig-system': '2020-03-25',
  'openconfig-vlan': '2019-04-16',
});

const OC_103 = revise(OC_102, { 'openconfig-network-instance': '2022-01-25' }, [
  ['terminal-device', 'openconfig-terminal-device', '2021-07-29'],
]);

/** 7.0(3)I7's few OpenConfig modules, their deviation modules not yet prefixed `cisco-nx-`. */
const OC_I7: readonly OcModule[] = [
  ['bgp', 'openconfig-bgp', '2016-06-06'],
  ['bgp-multiprotocol', 'openconfig-bgp-multiprotocol', '2016-06-06'],
  ['interfaces', 'openconfig-interfaces', '2016-05-26'],
  ['interfaces/ip', 'openconfig-if-ip', '2016-05-26'],
  ['local-routing', 'openconfig-local-routing', '2016-05-11'],
  ['routing-policy', 'openconfig-routing-policy', '2016-05-12'],
  ['vlan', 'openconfig-vlan', '2016-05-26'],
];

interface Release {
  /** Cisco-NX-OS-device's revision in this release. */
  device: string;
  openconfig: readonly OcModule[];
  legacy: boolean;
}

/** Per release the lab runs; another release takes its train's newest. */
const RELEASES: Readonly<Record<string, Release>> = {
  '7.0(3)I7(9)': { device: '2020-08-26', openconfig: OC_I7, legacy: true },
  '9.3(10)': { device: '2022-07-08', openconfig: OC_93, legacy: false },
  '9.3(12)': { device: '2023-06-23', openconfig: OC_93, legacy: false },
  '10.2(5)': { device: '2023-03-02', openconfig: OC_102, legacy: false },
  '10.3(4a)': { device: '2023-10-25', openconfig: OC_103, legacy: false },
};

function releaseOf(ctx: RenderContext): Release {
  const version = ctx.state.version;
  if (Object.hasOwn(RELEASES, version)) return RELEASES[version]!;
  const major = nxosMajor(version);
  if (major < 9) return RELEASES['7.0(3)I7(9)']!;
  if (major < 10) return RELEASES['9.3(12)']!;
  return /^10\.[0-2]\(/.test(version) ? RELEASES['10.2(5)']! : RELEASES['10.3(4a)']!;
}

const servesOpenconfigLldp = (ctx: RenderContext) =>
  releaseOf(ctx).openconfig.some(([, module]) => module === 'openconfig-lldp');

function capabilities(ctx: RenderContext): string[] {
  const release = releaseOf(ctx);
  const deviations = (module: string) =>
    release.legacy ? `${module}-deviations` : `cisco-nx-${module}-deviations`;
  return [
    BASE_1_0,
    BASE_1_1,
    ...PROTOCOL,
    ...(release.legacy ? [] : NOTIFICATIONS),
    `${NXOS_DEVICE_NS}?revision=${release.device}&module=Cisco-NX-OS-device` +
      (release.legacy ? '&deviations=Cisco-NX-OS-device-deviations' : ''),
    ...release.openconfig.map(
      ([path, module, revision]) =>
        `http://openconfig.net/yang/${path}?revision=${revision}&module=${module}&deviations=${deviations(module)}`,
    ),
  ];
}

/** `Ethernet1/1` → `eth1/1`, the DME's interface id. */
export const dmeInterfaceId = (name: string): string => name.replace(/^Ethernet/, 'eth');

/** `eth1/1` → `Ethernet1/1`, the name the CLI and DeviceConfig key it by; undefined for other ids. */
function cliInterfaceName(id: string): string | undefined {
  const m = /^eth(\d+(?:\/\d+){1,2})$/i.exec(id.trim());
  return m ? `Ethernet${m[1]}` : undefined;
}

const ethernetPorts = (ctx: RenderContext) =>
  ctx.state.interfaces.filter((i) => !i.mgmt && i.aggregate === undefined && i.name.startsWith('Ethernet'));

/** A PhysIf-list entry: its configuration, and with `state` its operational status. */
function physIf(ctx: RenderContext, iface: InterfaceState, state: boolean): XmlElement {
  const adminUp = !isShutdown(ctx, iface);
  const routed = iface.address !== undefined || iface.memberOf !== undefined;
  const operUp = adminUp && iface.connected;
  return el('PhysIf-list', [
    el('id', dmeInterfaceId(iface.name)),
    el('adminSt', adminUp ? 'up' : 'down'),
    el('descr', nxosPortDescription(ctx, iface) ?? ''),
    el('layer', routed ? 'Layer3' : 'Layer2'),
    el('mode', 'access'),
    el('mtu', '1500'),
    ...(state
      ? [
          el('phys-items', [
            el('operSt', operUp ? 'up' : 'down'),
            el('operSpeed', operUp ? `${iface.speed / 1000}G` : 'auto'),
          ]),
        ]
      : []),
  ]);
}

const intfItems = (ctx: RenderContext, state: boolean) =>
  el('intf-items', [
    el(
      'phys-items',
      ethernetPorts(ctx).map((i) => physIf(ctx, i, state)),
    ),
  ]);

/** Neighbours of one protocol grouped by local port, in port order. */
function byPort(ctx: RenderContext, protocol: 'cdp' | 'lldp'): Array<[port: string, neighbors: Neighbor[]]> {
  const groups = new Map<string, Neighbor[]>();
  for (const n of ctx.state.neighbors.filter((x) => x.protocol === protocol)) {
    const list = groups.get(n.localInterface) ?? [];
    list.push(n);
    groups.set(n.localInterface, list);
  }
  return [...groups];
}

function cdpAdjacency(ctx: RenderContext, n: Neighbor, index: number): XmlElement {
  return el('AdjEp-list', [
    el('id', String(index)),
    el('devId', n.deviceId),
    el('intf-items', [el('IntfAddr-list', [el('addr', n.address)])]),
    el('mgmt-items', [el('MgmtAddr-list', [el('addr', n.mgmtAddress)])]),
    el('platId', n.platform),
    el('portId', n.remoteInterface),
    ...(n.peerPlatform === 'cisco_nxos' ? [el('sysName', n.hostname)] : []),
    el('ttl', String(remainingHold(ctx, n))),
    el('ver', cdpVersionText(n.peerPlatform, peerModel(n), n.version).join('\n')),
  ]);
}

function lldpAdjacency(ctx: RenderContext, n: Neighbor, index: number): XmlElement {
  return el('AdjEp-list', [
    el('id', String(index)),
    el('chassisIdT', 'mac'),
    el('chassisIdV', renderMacColons(n.chassisMac)),
    el('mgmtIp', n.mgmtAddress),
    el('portDesc', n.remoteInterface),
    el('portIdT', 'if-name'),
    el('portIdV', lldpPortId(n)),
    el('sysDesc', lldpSystemDescription(n.peerPlatform, peerModel(n), n.version).join('\n')),
    el('sysName', n.deviceId),
    el('ttl', String(remainingHold(ctx, n))),
  ]);
}

/** `cdp-items` / `lldp-items`: the instance, and one If-list entry per port that hears a neighbour. */
function discoveryItems(ctx: RenderContext, protocol: 'cdp' | 'lldp'): XmlElement {
  const enabled = ctx.state.protocols[protocol];
  const adjacency = protocol === 'cdp' ? cdpAdjacency : lldpAdjacency;
  return el(`${protocol}-items`, [
    el('inst-items', [
      el('adminSt', enabled ? 'enabled' : 'disabled'),
      ...(enabled
        ? [
            el(
              'if-items',
              byPort(ctx, protocol).map(([port, neighbors]) =>
                el('If-list', [
                  el('id', dmeInterfaceId(port)),
                  el(
                    'adj-items',
                    neighbors.map((n, i) => adjacency(ctx, n, i + 1)),
                  ),
                ]),
              ),
            ),
          ]
        : []),
    ]),
  ]);
}

/**
 * The `System` tree; with `only`, just those children (the ones a filter descending into System
 * names: a CDP filter does not build every port's PhysIf-list).
 */
function system(ctx: RenderContext, state: boolean, only?: ReadonlySet<string>): XmlElement {
  const wants = (name: string) => only === undefined || only.has(name);
  return el(
    'System',
    [
      ...(wants('name') ? [el('name', ctx.config.hostname)] : []),
      ...(state && wants('cdp-items') ? [discoveryItems(ctx, 'cdp')] : []),
      ...(wants('intf-items') ? [intfItems(ctx, state)] : []),
      ...(state && wants('lldp-items') ? [discoveryItems(ctx, 'lldp')] : []),
    ],
    { ns: NXOS_DEVICE_NS },
  );
}

/** The trees a filter can select: System (only the children it goes into), openconfig-lldp. */
function trees(ctx: RenderContext, state: boolean, wanted: Wanted): XmlElement[] {
  return [
    ...(wantsTop(wanted, 'System', NXOS_DEVICE_NS)
      ? [system(ctx, state, wantedChildren(wanted, 'System', NXOS_DEVICE_NS))]
      : []),
    ...(state && servesOpenconfigLldp(ctx) && wantsTop(wanted, 'lldp', OC_LLDP_NS)
      ? [openconfigLldp(ctx)]
      : []),
  ];
}

/** openconfig-lldp's `lldp` container: what each port hears. */
function openconfigLldp(ctx: RenderContext): XmlElement {
  const typed = (name: string, identity: string) =>
    el(name, `oc-lldp-types:${identity}`, { attributes: [['xmlns:oc-lldp-types', OC_LLDP_TYPES_NS]] });
  const enabled = ctx.state.protocols.lldp;
  return el(
    'lldp',
    [
      el('state', [el('enabled', String(enabled))]),
      el(
        'interfaces',
        byPort(ctx, 'lldp').map(([port, neighbors]) =>
          el('interface', [
            el('name', dmeInterfaceId(port)),
            el('state', [el('name', dmeInterfaceId(port)), el('enabled', 'true')]),
            el(
              'neighbors',
              neighbors.map((n, i) =>
                el('neighbor', [
                  el('id', String(i + 1)),
                  el('state', [
                    el('id', String(i + 1)),
                    el('chassis-id', renderMacColons(n.chassisMac)),
                    typed('chassis-id-type', 'MAC_ADDRESS'),
                    el('port-id', lldpPortId(n)),
                    typed('port-id-type', 'INTERFACE_NAME'),
                    el('port-description', n.remoteInterface),
                    el('system-name', n.deviceId),
                    el(
                      'system-description',
                      lldpSystemDescription(n.peerPlatform, peerModel(n), n.version).join('\n'),
                    ),
                    el('management-address', n.mgmtAddress),
                    el('management-address-type', 'ipv4'),
                  ]),
                ]),
              ),
            ),
          ]),
        ),
      ),
    ],
    { ns: OC_LLDP_NS },
  );
}

const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

const isDelete = (node: XmlElement, request: EditRequest) => {
  const operation = attributeOf(node, 'operation') ?? request.defaultOperation;
  return operation === 'delete' || operation === 'remove';
};

/**
 * An interface id the box does not have. The DME refuses to create a physical port; the wording is
 * ours (no capture of NX-OS's reply to an unknown PhysIf-list id was found).
 */
const noSuchInterface = (id: string): RpcError => ({
  ...operationFailed(`Invalid interface ${id}: no such physical interface on this device`),
  path: `/System/intf-items/phys-items/PhysIf-list[id='${id}']`,
});

function editPhysIf(target: DeviceConfig, entry: XmlElement, request: EditRequest): RpcError | undefined {
  const idNode = entry.children.find((c) => c.name === 'id');
  if (!idNode) return missingElement('id', 'application');
  const id = idNode.text.trim();
  const name = cliInterfaceName(id);
  if (!name || !request.ctx.state.interfaces.some((i) => i.name === name && !i.mgmt))
    return noSuchInterface(id);
  const settings = { ...target.interfaces.get(name) };
  for (const leaf of entry.children) {
    if (leaf.name === 'id') continue;
    if (leaf.name === 'descr') {
      const text = isDelete(leaf, request) ? '' : leaf.text;
      if (text.length > 254)
        return invalidValue(`descr of ${id} is ${text.length} characters; at most 254`, 'application');
      settings.description = text;
    } else if (leaf.name === 'adminSt') {
      const value = isDelete(leaf, request) ? 'up' : leaf.text.trim();
      if (value !== 'up' && value !== 'down')
        return invalidValue(`"${value}" is not a valid adminSt (up, down)`, 'application');
      settings.shutdown = value === 'down';
    } else return unknownElement(leaf.name, 'application');
  }
  target.interfaces.set(name, settings);
  return undefined;
}

function editSystem(target: DeviceConfig, root: XmlElement, request: EditRequest): RpcError | undefined {
  for (const child of root.children) {
    if (child.name === 'name') {
      if (isDelete(child, request)) {
        target.hostname = 'switch';
        continue;
      }
      const name = child.text.trim();
      if (!HOSTNAME.test(name))
        return invalidValue(`"${name}" is not a valid value for /System/name`, 'application');
      target.hostname = name;
    } else if (child.name === 'intf-items') {
      for (const items of child.children) {
        if (items.name !== 'phys-items') return unknownElement(items.name, 'application');
        for (const entry of items.children) {
          if (entry.name !== 'PhysIf-list') return unknownElement(entry.name, 'application');
          const error = editPhysIf(target, entry, request);
          if (error) return error;
        }
      }
    } else return unknownElement(child.name, 'application');
  }
  return undefined;
}

/** The CLI command each top-level element's data comes from. */
const COMMANDS: Readonly<Record<string, string>> = {
  System: 'show cdp neighbors detail',
  lldp: 'show lldp neighbors detail',
};

export const nxOs: NetconfPlatform = {
  capabilities,
  xmlDeclaration: true,
  datastores: ['candidate'],
  writableRunning: true,
  xpath: false,
  state: (ctx, wanted) => trees(ctx, true, wanted),
  config: (ctx, wanted) => trees(ctx, false, wanted),
  edit(target, request) {
    for (const node of request.nodes) {
      if (node.name === 'System' && node.ns === NXOS_DEVICE_NS) {
        const error = editSystem(target, node, request);
        if (error) return error;
      } else return unknownElement(node.name, 'application');
    }
    return undefined;
  },
  commandFor: (kind, selected) => {
    if (kind === 'get-config') return 'show running-config';
    const known = selected.filter((name) => Object.hasOwn(COMMANDS, name));
    return known.length === 1 ? COMMANDS[known[0]!]! : 'show running-config';
  },
};
