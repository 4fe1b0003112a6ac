/**
 * CDP and LLDP neighbours as IOS-XE models them: `Cisco-IOS-XE-cdp-oper`, `Cisco-IOS-XE-lldp-oper`
 * and `openconfig-lldp`. Same neighbours and facts as `show cdp/lldp neighbors detail` (the CLI
 * renderers' helpers); a protocol that is off leaves its containers empty. Leaf names and types
 * are from the YANG models (YangModels/yang vendor/cisco/xe/1731), not from captures.
 */
import { renderMacColons, renderMacDotted } from '../../../state/mac.js';
import type { Neighbor } from '../../../state/neighbors.js';
import { neighborAddress, peerModel, remainingHold } from '../render/neighbor-facts.js';
import { knownCapabilities } from '../render/cdp.js';
import { iosShortName, listedInterfaces } from '../render/ports.js';
import { lldpCapabilityLetters, lldpPortId } from '../../lldp-facts.js';
import type { RenderContext } from '../../../device/render-context.js';
import { cdpVersionText, lldpSystemDescription } from '../../software.js';
import { container, identity, leaf, leaves, list, type YangNode } from './tree.js';

const byProtocol = (ctx: RenderContext, protocol: Neighbor['protocol']) =>
  ctx.state.protocols[protocol] ? ctx.state.neighbors.filter((n) => n.protocol === protocol) : [];

/** `Cisco-IOS-XE-cdp-oper:cdp-neighbor-details`: list keyed by a device number. */
export function cdpNeighborDetails(ctx: RenderContext): YangNode {
  const entries = byProtocol(ctx, 'cdp').map((n, i) => {
    const vtp = n.peerPlatform === 'cisco_ios' && n.capabilities.includes('Switch');
    return leaves({
      'device-id': i + 1,
      'device-name': n.deviceId,
      'local-intf-name': n.localInterface,
      'port-id': n.remoteInterface,
      capability: knownCapabilities(n).join(' '),
      'platform-name': n.platform,
      version: cdpVersionText(n.peerPlatform, peerModel(n), n.version).join('\n'),
      duplex: 'cdp-full-duplex',
      'adv-version': 'cdp-advertised-v2',
      'vty-mgmt-domain': vtp ? '' : undefined,
      'native-vlan': 0,
      'unidirectional-mode': 'cdp-uni-mode-off',
      'mgmt-address': n.mgmtAddress,
      'ip-address': neighborAddress(ctx, n),
    });
  });
  return container(
    'cdp-neighbor-details',
    [list('cdp-neighbor-detail', ['device-id'], entries)],
    'Cisco-IOS-XE-cdp-oper',
  );
}

const LLDP_CAPABILITY_LEAVES: Readonly<Record<string, string>> = {
  O: 'other',
  P: 'repeater',
  B: 'bridge',
  W: 'access-point',
  R: 'router',
  T: 'telephone',
  C: 'docsis',
  S: 'station',
};

const capabilityLeaves = (n: Neighbor) =>
  lldpCapabilityLetters(n).map((letter) => leaf(LLDP_CAPABILITY_LEAVES[letter]!, null));

/** Every platform here advertises a 120-second TTL, as `show lldp neighbors` prints. */
const LLDP_TTL = 120;

function lldpNeighborDetail(ctx: RenderContext, n: Neighbor, id: number): YangNode[] {
  return [
    ...leaves({
      identifier: String(id),
      'chassis-id': renderMacDotted(n.chassisMac),
      'chassis-id-type': 'chassis-mac',
      'port-id': lldpPortId(n),
      'port-id-type': 'port-ifname',
      'port-desc': n.remoteInterface,
      'system-name': n.deviceId,
      'system-desc': lldpSystemDescription(n.peerPlatform, peerModel(n), n.version).join('\n'),
      'time-remaining': remainingHold(ctx, n),
    }),
    list('mgmt-addrs', [], [leaves({ 'mgmt-addr': n.mgmtAddress, 'mgmt-addr-type': 'mgmt-ip' })]),
    container('system-capabilities', capabilityLeaves(n)),
    container('enabled-capabilities', capabilityLeaves(n)),
    leaf('ttl', LLDP_TTL),
  ];
}

/** `Cisco-IOS-XE-lldp-oper:lldp-entries`: the brief table, then per-interface details. */
export function lldpEntries(ctx: RenderContext): YangNode {
  const neighbors = byProtocol(ctx, 'lldp');
  const entries = neighbors.map((n) => [
    ...leaves({
      'device-id': n.deviceId,
      'local-interface': iosShortName(n.localInterface),
      'connecting-interface': lldpPortId(n),
      ttl: LLDP_TTL,
    }),
    container('capabilities', capabilityLeaves(n)),
  ]);
  const ids = new Map(neighbors.map((n, i) => [n, i + 1]));
  const details = ctx.state.protocols.lldp
    ? listedInterfaces(ctx).map((iface) => [
        ...leaves({ 'if-name': iface.name, isenabled: true }),
        list(
          'lldp-neighbor-details',
          ['identifier'],
          neighbors
            .filter((n) => n.localInterface === iface.name)
            .map((n) => lldpNeighborDetail(ctx, n, ids.get(n)!)),
        ),
      ])
    : [];
  return container(
    'lldp-entries',
    [
      list('lldp-entry', ['device-id', 'local-interface', 'connecting-interface'], entries),
      list('lldp-intf-details', ['if-name'], details),
    ],
    'Cisco-IOS-XE-lldp-oper',
  );
}

const OC_CAPABILITIES: Readonly<Record<string, string>> = {
  O: 'OTHER',
  P: 'REPEATER',
  B: 'MAC_BRIDGE',
  W: 'WLAN_ACCESS_POINT',
  R: 'ROUTER',
  T: 'TELEPHONE',
  C: 'DOCSIS_CABLE_DEVICE',
  S: 'STATION_ONLY',
};

function ocNeighbor(n: Neighbor, id: number): YangNode[] {
  const capabilities = lldpCapabilityLetters(n).map((letter) => {
    const name = identity('openconfig-lldp-types', OC_CAPABILITIES[letter]!);
    return [leaf('name', name), container('state', [leaf('name', name), leaf('enabled', true)])];
  });
  return [
    leaf('id', String(id)),
    container('state', [
      ...leaves({
        'system-name': n.deviceId,
        'system-description': lldpSystemDescription(n.peerPlatform, peerModel(n), n.version).join('\n'),
        'chassis-id': renderMacColons(n.chassisMac),
        'chassis-id-type': 'MAC_ADDRESS',
        id: String(id),
        'port-id': lldpPortId(n),
        'port-id-type': 'INTERFACE_NAME',
        'port-description': n.remoteInterface,
        'management-address': n.mgmtAddress,
        'management-address-type': 'ipv4',
      }),
    ]),
    container('capabilities', [list('capability', ['name'], capabilities)]),
  ];
}

/** `openconfig-lldp:lldp`: global state, then each port and the neighbours heard on it. */
export function openconfigLldp(ctx: RenderContext): YangNode {
  const enabled = ctx.state.protocols.lldp;
  const neighbors = byProtocol(ctx, 'lldp');
  const ids = new Map(neighbors.map((n, i) => [n, i + 1]));
  const interfaces = enabled
    ? listedInterfaces(ctx).map((iface) => [
        leaf('name', iface.name),
        container('config', [leaf('name', iface.name), leaf('enabled', true)]),
        container('state', [leaf('name', iface.name), leaf('enabled', true)]),
        container('neighbors', [
          list(
            'neighbor',
            ['id'],
            neighbors.filter((n) => n.localInterface === iface.name).map((n) => ocNeighbor(n, ids.get(n)!)),
          ),
        ]),
      ])
    : [];
  return container(
    'lldp',
    [
      container('config', [leaf('enabled', enabled)]),
      container('state', [...leaves({ enabled, 'hello-timer': '30', 'system-name': ctx.config.hostname })]),
      container('interfaces', [list('interface', ['name'], interfaces)]),
    ],
    'openconfig-lldp',
  );
}
