/**
 * `get-interface-information` (`show interfaces [name] [terse | descriptions]`): `<interface-information>`
 * in the `junos-interface` namespace, styled `terse`, `description` or `normal`. Element names and
 * nesting from `| display xml` captures (SRX 12.1X47 and MX 18.2/20.4 terse, MX 12.1 normal):
 * `<physical-interface>` with `<logical-interface>` inside, `<address-family>` and
 * `<interface-address>` below that; `junos:format` carries the CLI's wording of a value
 * (`Enabled`, `MAC 00:05:86:…`), `junos:seconds` the age of `<interface-flapped>`. Every value comes
 * from the facts the CLI text prints (render/ports.ts, render/interfaces-detail.ts).
 */
import { renderMacColons } from '../../../state/mac.js';
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isVirtualChassis } from '../render/chassis.js';
import {
  isInterfaceGlob,
  junosFlapped,
  junosInterfacesMatching,
  junosListedInterfaces,
  junosLocalIndexes,
  junosSubnet,
  junosTraffic,
  nhCacheLimit,
} from '../render/interfaces-detail.js';
import { isDisabled, junosDescription, junosSnmpIndexes, junosSpeed, portState } from '../render/ports.js';
import { element, flag, leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX, junosNamespace } from './namespaces.js';

export type InterfaceStyle = 'terse' | 'description' | 'normal';

const flags = (name: string, names: readonly string[]) => element(name, names.map(flag));

/** The inet family of a terse unit: `<ifa-local junos:emit="emit">10.0.0.1/31</ifa-local>`. */
function terseFamily(iface: InterfaceState | undefined): JunosElement {
  const address = iface?.address;
  return element('address-family', [
    leaf('address-family-name', 'inet'),
    ...(address
      ? [
          element('interface-address', [
            leaf('ifa-local', `${address.ip}/${address.prefix}`, [['junos:emit', 'emit']]),
          ]),
        ]
      : []),
  ]);
}

/** A LAG member's unit: `<address-family-name>aenet</…><ae-bundle-name>ae0.0</…>` (MX 18.2 capture). */
function aenetFamily(bundle: string): JunosElement {
  return element('address-family', [
    leaf('address-family-name', 'aenet'),
    leaf('ae-bundle-name', `${bundle}.0`),
  ]);
}

function terseUnit(name: string, admin: string, oper: string, iface?: InterfaceState): JunosElement {
  return element('logical-interface', [
    leaf('name', name),
    leaf('admin-status', admin),
    leaf('oper-status', oper),
    element('filter-information', []),
    iface?.memberOf ? aenetFamily(iface.memberOf) : terseFamily(iface),
  ]);
}

function tersePort(ctx: RenderContext, iface: InterfaceState): JunosElement {
  const { admin, link } = portState(ctx, iface);
  return element('physical-interface', [
    leaf('name', iface.name),
    leaf('admin-status', admin),
    leaf('oper-status', link),
    ...(iface.address || iface.memberOf ? [terseUnit(`${iface.name}.0`, admin, link, iface)] : []),
  ]);
}

const TERSE_LOOPBACK = element('physical-interface', [
  leaf('name', 'lo0'),
  leaf('admin-status', 'up'),
  leaf('oper-status', 'up'),
  terseUnit('lo0.16385', 'up', 'up'),
]);

function describedPort(ctx: RenderContext, iface: InterfaceState): JunosElement[] {
  const description = junosDescription(ctx, iface);
  if (!description) return [];
  const { admin, link } = portState(ctx, iface);
  return [
    element('physical-interface', [
      leaf('name', iface.name),
      leaf('admin-status', admin),
      leaf('oper-status', link),
      leaf('description', description),
    ]),
  ];
}

/** Unit 0 as `show interfaces` details it: flags, packet counts, the inet family and its address. */
function normalUnit(ctx: RenderContext, iface: InterfaceState): JunosElement[] {
  if (!iface.address) return [];
  const up = portState(ctx, iface).link === 'up';
  const { ip, prefix } = iface.address;
  const { destination, broadcast } = junosSubnet(ip, prefix);
  const t = junosTraffic(ctx, iface);
  const nh = nhCacheLimit(ctx);
  return [
    element('logical-interface', [
      leaf('name', `${iface.name}.0`),
      leaf('local-index', junosLocalIndexes(ctx, iface).logical),
      leaf('snmp-index', junosSnmpIndexes(ctx, iface).logical),
      flags('if-config-flags', [up ? 'iff-up' : 'iff-down', 'iff-snmp-traps']),
      leaf('encapsulation', 'ENET2'),
      element(
        'traffic-statistics',
        [leaf('input-packets', t.inPackets), leaf('output-packets', t.outPackets)],
        [['junos:style', 'brief']],
      ),
      element('address-family', [
        leaf('address-family-name', 'inet'),
        leaf('mtu', 1500),
        leaf('max-local-cache', nh),
        leaf('new-hold-limit', nh),
        leaf('intf-curr-cnt', iface.connected ? 1 : 0),
        leaf('intf-unresolved-cnt', 0),
        leaf('intf-dropcnt', 0),
        flags('address-family-flags', ['ifff-sendbcast-pkt-to-re']),
        element('interface-address', [
          flags('ifa-flags', ['ifaf-current-preferred', 'ifaf-current-primary']),
          leaf('ifa-destination', destination),
          leaf('ifa-local', ip),
          ...(broadcast ? [leaf('ifa-broadcast', broadcast)] : []),
        ]),
      ]),
      ...(isVirtualChassis(ctx)
        ? []
        : [
            element('address-family', [
              leaf('address-family-name', 'multiservice'),
              leaf('mtu', 'Unlimited'),
            ]),
          ]),
    ]),
  ];
}

function normalPort(ctx: RenderContext, iface: InterfaceState): JunosElement {
  const disabled = isDisabled(ctx, iface);
  const { link } = portState(ctx, iface);
  const description = junosDescription(ctx, iface);
  const mac = renderMacColons(iface.mac);
  const t = junosTraffic(ctx, iface);
  const flapped = junosFlapped(ctx, iface);
  return element('physical-interface', [
    leaf('name', iface.name),
    leaf('admin-status', disabled ? 'down' : 'up', [
      ['junos:format', disabled ? 'Administratively down' : 'Enabled'],
    ]),
    leaf('oper-status', link),
    leaf('local-index', junosLocalIndexes(ctx, iface).physical),
    leaf('snmp-index', junosSnmpIndexes(ctx, iface).physical),
    ...(description ? [leaf('description', description)] : []),
    ...(iface.mgmt ? [leaf('if-type', 'Ethernet')] : []),
    leaf('link-level-type', 'Ethernet'),
    leaf('mtu', 1514),
    ...(iface.mgmt ? [] : [leaf('link-mode', 'Full-duplex')]),
    leaf('speed', junosSpeed(iface.speed)),
    flags('if-device-flags', ['ifdf-present', 'ifdf-running', ...(link === 'up' ? [] : ['ifdf-down'])]),
    element('if-config-flags', [
      ...(disabled ? [flag('iff-device-down')] : []),
      flag('iff-snmp-traps'),
      leaf('internal-flags', '0x4000'),
    ]),
    flags('if-media-flags', ['ifmf-none']),
    leaf('current-physical-address', mac, [['junos:format', `MAC ${mac}`]]),
    leaf('hardware-physical-address', mac, [['junos:format', `MAC ${mac}`]]),
    leaf('interface-flapped', flapped.text, [['junos:seconds', String(flapped.seconds)]]),
    element(
      'traffic-statistics',
      [
        leaf('input-bps', t.inBps),
        leaf('input-pps', t.inPps),
        leaf('output-bps', t.outBps),
        leaf('output-pps', t.outPps),
      ],
      [['junos:style', 'brief']],
    ),
    ...normalUnit(ctx, iface),
  ]);
}

const NORMAL_LOOPBACK_UNIT = element('logical-interface', [
  leaf('name', 'lo0.16385'),
  leaf('local-index', 322),
  leaf('snmp-index', 22),
  flags('if-config-flags', ['iff-snmp-traps']),
  leaf('encapsulation', 'Unspecified'),
  element(
    'traffic-statistics',
    [leaf('input-packets', 0), leaf('output-packets', 0)],
    [['junos:style', 'brief']],
  ),
  element('address-family', [leaf('address-family-name', 'inet'), leaf('mtu', 'Unlimited')]),
]);

const NORMAL_LOOPBACK = element('physical-interface', [
  leaf('name', 'lo0'),
  leaf('admin-status', 'up', [['junos:format', 'Enabled']]),
  leaf('oper-status', 'up'),
  leaf('local-index', 6),
  leaf('snmp-index', 6),
  leaf('if-type', 'Loopback'),
  leaf('mtu', 'Unlimited'),
  flags('if-device-flags', ['ifdf-present', 'ifdf-running', 'ifdf-loopback']),
  flags('if-config-flags', ['iff-snmp-traps']),
  flags('if-media-flags', ['ifmf-none']),
  leaf('interface-flapped', 'Never', [['junos:seconds', '0']]),
  element(
    'traffic-statistics',
    [leaf('input-packets', 0), leaf('output-packets', 0)],
    [['junos:style', 'brief']],
  ),
  NORMAL_LOOPBACK_UNIT,
]);

type Selection =
  { kind: 'port'; port: InterfaceState; unit: boolean } | { kind: 'lo0' } | { kind: 'glob'; glob: string };

/** What a name selects: a port, its unit 0, the loopback, a glob's matches, or nothing (`device … not found`). */
function selected(ctx: RenderContext, name: string): Selection | undefined {
  if (isInterfaceGlob(name)) {
    const { ports, loopback } = junosInterfacesMatching(ctx, name);
    return ports.length > 0 || loopback ? { kind: 'glob', glob: name } : undefined;
  }
  if (name === 'lo0') return { kind: 'lo0' };
  const [portName, unit] = name.split('.');
  const port = ctx.state.interfaces.find((i) => i.name === portName);
  if (!port || (unit !== undefined && (unit !== '0' || !(port.address || port.memberOf)))) return undefined;
  return { kind: 'port', port, unit: unit !== undefined };
}

/** mgd's refusal of a name the box does not have; undefined when the name is fine. */
export function interfaceNameError(ctx: RenderContext, name: string | undefined): string | undefined {
  return name === undefined || selected(ctx, name) ? undefined : `device ${name} not found`;
}

function entries(ctx: RenderContext, style: InterfaceStyle, name: string | undefined): JunosElement[] {
  const port = (iface: InterfaceState) =>
    style === 'terse'
      ? [tersePort(ctx, iface)]
      : style === 'description'
        ? describedPort(ctx, iface)
        : [normalPort(ctx, iface)];
  const loopback = style === 'terse' ? [TERSE_LOOPBACK] : style === 'normal' ? [NORMAL_LOOPBACK] : [];
  if (name === undefined) return [...junosListedInterfaces(ctx).flatMap(port), ...loopback];
  const chosen = selected(ctx, name);
  if (chosen === undefined) return [];
  if (chosen.kind === 'lo0') return loopback;
  if (chosen.kind === 'glob') {
    const { ports, loopback: withLoopback } = junosInterfacesMatching(ctx, chosen.glob);
    return [...ports.flatMap(port), ...(withLoopback ? loopback : [])];
  }
  if (!chosen.unit) return port(chosen.port);
  const [physical] = port(chosen.port);
  return (physical?.children ?? []).filter((c) => c.name === 'logical-interface');
}

export function buildInterfaceInformation(
  ctx: RenderContext,
  style: InterfaceStyle,
  name?: string,
): JunosElement {
  return element('interface-information', entries(ctx, style, name), [
    junosNamespace(ctx, 'junos-interface'),
    JUNOS_PREFIX,
    ['junos:style', style],
  ]);
}
