/**
 * EOS's OpenConfig trees as NETCONF serves them: `interfaces` (openconfig-interfaces with
 * openconfig-if-ip addresses), `lldp` (openconfig-lldp) and `system` (openconfig-system), built
 * from the same device state and configuration the CLI and eAPI render. Leaves EOS deviates away
 * (neighbour age, last-update, ttl and capabilities: arista-lldp-deviations and
 * arista-lldp-notsupported-deviations) are left out as the box leaves them out.
 */
import type { RenderContext } from '../../device/render-context.js';
import type { InterfaceState } from '../../state/device-state.js';
import { renderMacColons } from '../../state/mac.js';
import type { Neighbor } from '../../state/neighbors.js';
import { findModel, getKind } from '../../topology/kinds/index.js';
import { portCounters, linkHistory } from '../../personalities/arista-eos/render/link-history.js';
import { portId } from '../../personalities/arista-eos/render/lldp.js';
import {
  isShutdown,
  listedInterfaces,
  portDescription,
} from '../../personalities/arista-eos/render/ports.js';
import { lldpSystemDescription } from '../../personalities/software.js';
import { el, type XmlElement } from '../xml.js';

export const OC_INTERFACES = 'http://openconfig.net/yang/interfaces';
export const OC_IP = 'http://openconfig.net/yang/interfaces/ip';
export const OC_LLDP = 'http://openconfig.net/yang/lldp';
export const OC_SYSTEM = 'http://openconfig.net/yang/system';
const IANA_IF_TYPE = 'urn:ietf:params:xml:ns:yang:iana-if-type';

/** The iana-if-type identity each EOS interface type is (ietf-interfaces' `type` identityref). */
function ianaType(iface: InterfaceState): string {
  if (iface.aggregate !== undefined) return 'ieee8023adLag';
  if (iface.name.startsWith('Loopback')) return 'softwareLoopback';
  if (iface.name.startsWith('Vlan')) return 'l3ipvlan';
  return 'ethernetCsmacd';
}

const typeLeaf = (iface: InterfaceState) =>
  el('type', `ianaift:${ianaType(iface)}`, { attributes: [['xmlns:ianaift', IANA_IF_TYPE]] });

/** Leaves of `interface/config` (and repeated in `state`): name, type, description, enabled. */
function interfaceConfigLeaves(ctx: RenderContext, iface: InterfaceState): XmlElement[] {
  const description = portDescription(ctx, iface);
  return [
    el('name', iface.name),
    typeLeaf(iface),
    ...(description ? [el('description', description)] : []),
    el('enabled', String(!isShutdown(ctx, iface))),
  ];
}

function interfaceState(ctx: RenderContext, iface: InterfaceState): XmlElement {
  const history = linkHistory(ctx, iface);
  const c = portCounters(ctx, iface);
  const lastChangeNs = BigInt(Math.round(ctx.now - history.sinceChange * 1000)) * 1_000_000n;
  return el('state', [
    ...interfaceConfigLeaves(ctx, iface),
    el('admin-status', isShutdown(ctx, iface) ? 'DOWN' : 'UP'),
    el('oper-status', history.status === 'connected' ? 'UP' : 'DOWN'),
    el('last-change', String(lastChangeNs)),
    el('counters', [
      el('in-octets', String(c.inOctets)),
      el('in-unicast-pkts', String(c.inPackets - c.inMulticast - c.inBroadcast)),
      el('in-broadcast-pkts', String(c.inBroadcast)),
      el('in-multicast-pkts', String(c.inMulticast)),
      el('in-discards', '0'),
      el('in-errors', '0'),
      el('out-octets', String(c.outOctets)),
      el('out-unicast-pkts', String(c.outPackets - c.outMulticast - c.outBroadcast)),
      el('out-broadcast-pkts', String(c.outBroadcast)),
      el('out-multicast-pkts', String(c.outMulticast)),
      el('out-discards', '0'),
      el('out-errors', '0'),
    ]),
  ]);
}

/** Subinterface 0 with its IPv4 address, on a port that has one. */
function subinterfaces(iface: InterfaceState, withState: boolean): XmlElement[] {
  if (!iface.address) return [];
  const { ip, prefix } = iface.address;
  const leaves = () => [el('ip', ip), el('prefix-length', String(prefix))];
  const address = el('address', [
    el('ip', ip),
    el('config', leaves()),
    ...(withState ? [el('state', [...leaves(), el('origin', 'STATIC')])] : []),
  ]);
  const index = () => [el('index', '0')];
  return [
    el('subinterfaces', [
      el('subinterface', [
        el('index', '0'),
        el('config', index()),
        ...(withState ? [el('state', index())] : []),
        el('ipv4', [el('addresses', [address])], { ns: OC_IP }),
      ]),
    ]),
  ];
}

/** `/interfaces`: config only for get-config, config and state for get. */
export function interfacesTree(ctx: RenderContext, withState: boolean): XmlElement {
  return el(
    'interfaces',
    listedInterfaces(ctx).map((iface) =>
      el('interface', [
        el('name', iface.name),
        el('config', interfaceConfigLeaves(ctx, iface)),
        ...(withState ? [interfaceState(ctx, iface)] : []),
        ...subinterfaces(iface, withState),
      ]),
    ),
    { ns: OC_INTERFACES },
  );
}

function neighborState(n: Neighbor, id: string): XmlElement {
  const kind = getKind(n.peerPlatform);
  const model = findModel(kind, n.model) ?? kind.models[0]!;
  return el('state', [
    el('id', id),
    el('system-name', n.deviceId),
    el('system-description', lldpSystemDescription(n.peerPlatform, model, n.version).join('\n')),
    el('chassis-id', renderMacColons(n.chassisMac)),
    el('chassis-id-type', 'MAC_ADDRESS'),
    el('port-id', portId(n)),
    el('port-id-type', 'INTERFACE_NAME'),
    ...(n.peerPlatform === 'arista_eos' ? [] : [el('port-description', n.remoteInterface)]),
    el('management-address', n.mgmtAddress),
    el('management-address-type', 'ipv4'),
  ]);
}

/** The box's own LLDP identity: what it advertises (chassis MAC, name, description). */
function lldpGlobals(ctx: RenderContext): XmlElement[] {
  const kind = getKind(ctx.state.platform);
  const model = findModel(kind, ctx.state.model) ?? kind.models[0]!;
  return [
    el('hello-timer', '30'),
    el('system-name', ctx.config.hostname),
    el('system-description', lldpSystemDescription(ctx.state.platform, model, ctx.state.version).join('\n')),
    el('chassis-id', renderMacColons(ctx.state.baseMac)),
    el('chassis-id-type', 'MAC_ADDRESS'),
  ];
}

/** `/lldp`: the global switch, and per port its neighbours (ids count from 1 on each port). */
export function lldpTree(ctx: RenderContext, withState: boolean): XmlElement {
  const enabled = String(ctx.state.protocols.lldp);
  const neighbors = ctx.state.protocols.lldp ? ctx.state.neighbors.filter((n) => n.protocol === 'lldp') : [];
  const ports = listedInterfaces(ctx).filter((i) => i.aggregate === undefined);
  const interfaces = ports.map((iface) => {
    const leaves = () => [el('name', iface.name), el('enabled', enabled)];
    const heard = neighbors.filter((n) => n.localInterface === iface.name);
    return el('interface', [
      el('name', iface.name),
      el('config', leaves()),
      ...(withState
        ? [
            el('state', leaves()),
            ...(heard.length > 0
              ? [
                  el(
                    'neighbors',
                    heard.map((n, i) =>
                      el('neighbor', [el('id', String(i + 1)), neighborState(n, String(i + 1))]),
                    ),
                  ),
                ]
              : []),
          ]
        : []),
    ]);
  });
  return el(
    'lldp',
    [
      el('config', [el('enabled', enabled)]),
      ...(withState ? [el('state', [el('enabled', enabled), ...lldpGlobals(ctx)])] : []),
      el('interfaces', interfaces),
    ],
    { ns: OC_LLDP },
  );
}

/** yang:date-and-time in UTC, to the second. */
const dateAndTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `/system`: hostname, clock, boot time and memory. */
export function systemTree(ctx: RenderContext, withState: boolean): XmlElement {
  const bootMs = Math.round(ctx.now - ctx.uptimeSeconds * 1000);
  const { totalBytes, usedBytes } = ctx.memory;
  return el(
    'system',
    [
      el('config', [el('hostname', ctx.config.hostname)]),
      ...(withState
        ? [
            el('state', [
              el('hostname', ctx.config.hostname),
              el('current-datetime', dateAndTime(ctx.now)),
              el('boot-time', String(BigInt(bootMs) * 1_000_000n)),
            ]),
            el('memory', [
              el('state', [
                el('physical', String(totalBytes)),
                el('reserved', '0'),
                el('used', String(usedBytes)),
                el('free', String(totalBytes - usedBytes)),
              ]),
            ]),
          ]
        : []),
    ],
    { ns: OC_SYSTEM },
  );
}
