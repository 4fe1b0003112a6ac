/**
 * `show interface`, `show ipv6 interface` and `show vlan brief` as NX-OS structures. Key names
 * from NX-OS 9.x `show interface | json` (eth_hw_desc, eth_hw_addr, eth_ip_addr, eth_mtu, eth_bw,
 * eth_duplex, eth_speed, eth_mode …, the ones nxos_facts maps) and `show vlan brief | json`
 * (vlanshowbr-*, vlanshowplist-ifidx).
 */
import type { RenderContext } from '../../../device/render-context.js';
import {
  nxosInterfaceFacts,
  nxosInterfacesInOrder,
  type NxosInterfaceFacts,
} from '../render/interface-facts.js';
import { nxosVlans } from '../render/vlan.js';
import { table, type JsonObject } from './json.js';
import { counter } from './values.js';

function addressFields(f: NxosInterfaceFacts): JsonObject {
  if (!f.address) return {};
  return { eth_ip_addr: f.address.ip, eth_ip_mask: f.address.prefix, eth_ip_prefix: f.address.ip };
}

function counterFields(f: NxosInterfaceFacts): JsonObject {
  return {
    eth_inucast: f.input.unicast,
    eth_inmcast: f.input.multicast,
    eth_inbcast: f.input.broadcast,
    eth_inpkts: f.input.packets,
    eth_inbytes: f.input.bytes,
    eth_outucast: f.output.unicast,
    eth_outmcast: f.output.multicast,
    eth_outbcast: f.output.broadcast,
    eth_outpkts: f.output.packets,
    eth_outbytes: f.output.bytes,
  };
}

function interfaceRow(ctx: RenderContext, f: NxosInterfaceFacts): JsonObject {
  return {
    interface: f.name,
    state: f.up ? 'up' : 'down',
    ...(f.downReason ? { state_rsn_desc: f.downReason } : {}),
    admin_state: f.adminUp ? 'up' : 'down',
    ...(f.mgmt ? {} : { share_state: 'Dedicated' }),
    eth_hw_desc: f.hardware,
    eth_hw_addr: f.mac,
    eth_bia_addr: f.mac,
    ...(f.description ? { desc: f.description } : {}),
    ...addressFields(f),
    eth_mtu: String(f.mtu),
    eth_bw: f.bandwidthKbit,
    eth_dly: 10,
    eth_reliability: '255',
    eth_txload: '1',
    eth_rxload: '1',
    medium: 'broadcast',
    ...(f.mgmt ? {} : { eth_mode: f.mode }),
    eth_duplex: f.duplex,
    eth_speed: f.speed,
    ...(f.media ? { eth_media: f.media } : {}),
    eth_autoneg: 'on',
    eth_mdix: 'off',
    eth_ethertype: f.mgmt ? '0x0000' : '0x8100',
    ...(f.mgmt
      ? {}
      : {
          eth_link_flapped: f.flapped,
          eth_clear_counters: 'never',
          eth_reset_cntr: counter(ctx, f.resets),
        }),
    eth_inrate1_bits: String(f.rateBits.input),
    eth_inrate1_pkts: String(f.ratePackets.input),
    eth_outrate1_bits: String(f.rateBits.output),
    eth_outrate1_pkts: String(f.ratePackets.output),
    ...counterFields(f),
  };
}

/** `show interface`: one row per port, mgmt0 first. */
export function interfaceBody(ctx: RenderContext): JsonObject {
  return table(
    'interface',
    nxosInterfacesInOrder(ctx).map((iface) => interfaceRow(ctx, nxosInterfaceFacts(ctx, iface))),
  );
}

/** `show ipv6 interface`: no port has an IPv6 address, so the box returns an empty structure. */
export const ipv6InterfaceBody = (): JsonObject => ({});

/** `Ethernet1/1-5,Ethernet1/7`: consecutive ports of a slot collapse into a range. */
export function renderPortRanges(ports: readonly string[]): string {
  const parts: string[] = [];
  let run: { prefix: string; first: number; last: number } | undefined;
  const flush = () => {
    if (run) parts.push(`${run.prefix}${run.first}${run.last > run.first ? `-${run.last}` : ''}`);
  };
  for (const port of ports) {
    const m = /^(.*\/)(\d+)$/.exec(port);
    if (m && run && run.prefix === m[1] && Number(m[2]) === run.last + 1) {
      run.last += 1;
      continue;
    }
    flush();
    run = m ? { prefix: m[1]!, first: Number(m[2]), last: Number(m[2]) } : undefined;
    if (!m) parts.push(port);
  }
  flush();
  return parts.join(',');
}

/** `show vlan brief`. */
export function vlanBriefBody(ctx: RenderContext): JsonObject {
  return table(
    'vlanbriefxbrief',
    nxosVlans(ctx).map((vlan) => ({
      'vlanshowbr-vlanid': counter(ctx, vlan.id),
      'vlanshowbr-vlanid-utf': counter(ctx, vlan.id),
      'vlanshowbr-vlanname': vlan.name,
      'vlanshowbr-vlanstate': 'active',
      'vlanshowbr-shutstate': 'noshutdown',
      ...(vlan.ports.length > 0 ? { 'vlanshowplist-ifidx': renderPortRanges(vlan.ports) } : {}),
    })),
  );
}
