/**
 * containerlab node kinds labfleet serves: the platform and model each image is, and how the image
 * numbers the container's `ethN` ports (containerlab's kind pages, "Interface naming"). The one
 * mapping table of the project: `up lab.clab.yml` and `check --doc lab.clab.yml` both read it.
 */
import type { Platform } from '../kinds/index.js';

export interface ContainerlabKind {
  platform: Platform;
  /** The model the image is (simulator/topology/kinds/). */
  model: string;
  /** The device's own name of container port ethN (N ≥ 1; eth0 is management). */
  port(n: number): string;
  /** The rule as the notes and docs write it. */
  rule: string;
  /** Models by the node's `type` where the kind has several images (IOL's `type: L2`). */
  typeModels?: Readonly<Record<string, string>>;
  /** Rewrites a spelling containerlab accepts but labfleet's interface types do not (IOL's `e0/1`). */
  alias?(name: string): string;
}

/** vMX-like images accept ge-, xe- and et- for the same port; the model names it one way. */
const junosMedia =
  (media: string) =>
  (name: string): string =>
    name.replace(/^(ge|xe|et)-/i, `${media}-`);

const ceos: ContainerlabKind = {
  platform: 'arista_eos',
  model: 'cEOSLab',
  port: (n) => `Ethernet${n}`,
  rule: 'ethN → EthernetN',
  // cEOS names a breakout lane's Linux interface with `_` where EOS has `/`: eth49_1 is Ethernet49/1
  alias: (name) =>
    name.replace(/^eth(\d+(?:_\d+)+)$/i, (_, lanes: string) => `Ethernet${lanes.replace(/_/g, '/')}`),
};
const csr: ContainerlabKind = {
  platform: 'cisco_ios',
  model: 'CSR1000V',
  port: (n) => `GigabitEthernet${n + 1}`,
  rule: 'ethN → GigabitEthernet(N+1)',
};
const c8000v: ContainerlabKind = { ...csr, model: 'C8000V' };
const iol: ContainerlabKind = {
  platform: 'cisco_ios',
  model: 'IOL',
  port: (n) => `Ethernet${Math.floor(n / 4)}/${n % 4}`,
  rule: 'ethN → Ethernet(N div 4)/(N mod 4)',
  typeModels: { L2: 'IOL-L2', l2: 'IOL-L2' },
  alias: (name) => name.replace(/^e(?=\s*\d)/i, 'Ethernet'),
};
const cat9kv: ContainerlabKind = {
  platform: 'cisco_ios',
  model: 'C9KV-UADP-8P',
  port: (n) => `GigabitEthernet1/0/${n}`,
  rule: 'ethN → GigabitEthernet1/0/N',
};
const n9kv: ContainerlabKind = {
  platform: 'cisco_nxos',
  model: 'N9K-C9300v',
  port: (n) => `Ethernet1/${n}`,
  rule: 'ethN → Ethernet1/N',
};
const junos = (model: string, media: string): ContainerlabKind => ({
  platform: 'juniper_junos',
  model,
  port: (n) => `${media}-0/0/${n - 1}`,
  rule: `ethN → ${media}-0/0/(N-1)`,
  alias: junosMedia(media),
});

/** By kind name as a topology writes it; containerlab's older `vr-` names included. */
export const CONTAINERLAB_KINDS: Readonly<Record<string, ContainerlabKind>> = {
  ceos,
  arista_ceos: ceos,
  cisco_c8000v: c8000v,
  cisco_csr1000v: csr,
  'vr-csr': csr,
  vr_csr: csr,
  cisco_iol: iol,
  cisco_cat9kv: cat9kv,
  'vr-cat9kv': cat9kv,
  cisco_n9kv: n9kv,
  'vr-n9kv': n9kv,
  vr_n9kv: n9kv,
  juniper_vmx: junos('vMX', 'ge'),
  'vr-vmx': junos('vMX', 'ge'),
  vr_vmx: junos('vMX', 'ge'),
  juniper_vjunosrouter: junos('vJunos-router', 'ge'),
  juniper_vjunosswitch: junos('vJunos-switch', 'ge'),
  juniper_vqfx: junos('vQFX', 'xe'),
  'vr-vqfx': junos('vQFX', 'xe'),
  vr_vqfx: junos('vQFX', 'xe'),
};

export const CONTAINERLAB_KIND_NAMES = Object.keys(CONTAINERLAB_KINDS);

/** Link types containerlab has that are not a cable between two nodes. */
export const NON_CABLE_LINK_TYPES = ['host', 'mgmt-net', 'macvlan', 'dummy', 'vxlan', 'vxlan-stitch'];

/** Endpoint node names that mean "not a node" in the brief syntax (`host:veth1`, `macvlan:enp0s3`). */
export const SPECIAL_ENDPOINT_NODES = ['host', 'mgmt-net', 'macvlan'];
