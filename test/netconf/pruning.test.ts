/**
 * A `<get>`/`<get-config>` builds only the trees its filter can select (platform.state/config's
 * `wanted`): the reply must be byte-identical to the one built from every tree, for every kind of
 * filter — none, empty, each top-level node alone (with its namespace, without, in another one),
 * each child of each top-level node, content match, two top-level nodes, two nodes for one tree,
 * XPath, and one that matches nothing — on each of the four platforms.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { wantedChildren, wantsTop } from '../../simulator/netconf/filter.js';
import { runOperation } from '../../simulator/netconf/operations.js';
import type { NetconfPlatform, RpcOutcome } from '../../simulator/netconf/platform.js';
import { netconfPlatformFor } from '../../simulator/netconf/platforms/index.js';
import { BASE_NS, el, parseXml, renderXml, type XmlElement } from '../../simulator/netconf/xml.js';
import { deviceRuntimeFor } from '../device.js';

/**
 * The platform as it was: every tree built, whatever the filter (built once per kind: the device
 * does not change during the test, and the test stays quick).
 */
function unpruned(platform: NetconfPlatform): NetconfPlatform {
  let state: XmlElement[] | undefined;
  let config: XmlElement[] | undefined;
  return {
    ...platform,
    state: (ctx) => (state ??= platform.state(ctx)),
    config: (ctx) => (config ??= platform.config(ctx)),
  };
}

function reply(device: DeviceRuntime, platform: NetconfPlatform, operation: string): string {
  const parsed = parseXml(`<rpc xmlns="${BASE_NS}" message-id="1">${operation}</rpc>`);
  if (!parsed.ok) throw new Error(parsed.message);
  const outcome: RpcOutcome = runOperation({
    rpc: parsed.root,
    operation: parsed.root.children[0]!,
    device,
    platform,
    session: { id: 1 },
    peer: () => undefined,
    user: 'admin',
  }).result();
  if (!('reply' in outcome)) throw new Error(`no data: ${JSON.stringify(outcome)}`);
  return outcome.reply.map((r) => renderXml(r)).join('');
}

const xmlns = (ns: string | undefined) => (ns === undefined ? '' : ` xmlns="${ns}"`);
const open = (node: XmlElement, ns: string | undefined) => `<${node.name}${xmlns(ns)}>`;
/** A text leaf as a content match node, escaped. */
const leafMatch = (leaf: XmlElement) =>
  renderXml(el(leaf.name, leaf.text, leaf.ns === undefined ? {} : { ns: leaf.ns }));

/** Subtree filters made from the data itself, so each platform's own trees are exercised. */
function subtreeFilters(tops: readonly XmlElement[]): string[] {
  const filters = ['', '<nothing-here xmlns="urn:example:none"/>'];
  for (const top of tops) {
    filters.push(
      `<${top.name}${xmlns(top.ns)}/>`,
      `<${top.name}/>`,
      `<${top.name} xmlns="urn:example:other"/>`,
    );
    const childNames = [...new Set(top.children.map((c) => c.name))];
    for (const child of childNames) filters.push(`${open(top, top.ns)}<${child}/></${top.name}>`);
    const leaf = top.children.find((c) => c.children.length === 0 && c.text.trim() !== '');
    const branch = top.children.find((c) => c.children.length > 0);
    if (leaf) {
      filters.push(`${open(top, top.ns)}${leafMatch(leaf)}</${top.name}>`);
      filters.push(`${open(top, top.ns)}<${leaf.name}>no-such-value</${leaf.name}></${top.name}>`);
      if (branch) filters.push(`${open(top, top.ns)}${leafMatch(leaf)}<${branch.name}/></${top.name}>`);
    }
    if (branch) {
      // Two levels down, and two filter nodes for the one tree.
      for (const grandchild of [...new Set(branch.children.map((c) => c.name))].slice(0, 4))
        filters.push(`${open(top, top.ns)}<${branch.name}><${grandchild}/></${branch.name}></${top.name}>`);
      const other = childNames.find((n) => n !== branch.name);
      if (other)
        filters.push(
          `${open(top, top.ns)}<no-such-child/></${top.name}>${open(top, top.ns)}<${other}/></${top.name}>`,
        );
    }
  }
  if (tops.length >= 2)
    filters.push(
      tops
        .slice(-2)
        .map((t) => `<${t.name}${xmlns(t.ns)}/>`)
        .join(''),
    );
  return filters.map((f) => (f === '' ? '<filter type="subtree"/>' : `<filter type="subtree">${f}</filter>`));
}

const XPATH = [
  '/cdp:cdp-neighbor-details',
  '/cdp:cdp-neighbor-details/cdp-neighbor-detail/device-name',
  '/ios:native/ios:hostname',
  '/ios:native/hostname | /cdp:cdp-neighbor-details',
  '/if:interfaces',
  "/if:interfaces/interface[name='Vlan1']/description",
  '/oc-lldp:lldp/interfaces',
  '/cdp:no-such-node',
].map(
  (select) =>
    `<filter type="xpath" xmlns:cdp="http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper" xmlns:ios="http://cisco.com/ns/yang/Cisco-IOS-XE-native" xmlns:if="urn:ietf:params:xml:ns:yang:ietf-interfaces" xmlns:oc-lldp="http://openconfig.net/yang/lldp" select="${select}"/>`,
);

const SOURCE = '<source><running/></source>';

/** One device per platform (and both NX-OS trains: 7.0 has no openconfig-lldp). */
const DEVICES = ['r1-tor1', 'r1-rt09', 'r1-nx05', 'r1-nx06', 'r1-ar12', 'r2-jx14'];

describe('NETCONF retrieval builds only what the filter selects, with the same reply', () => {
  const devices = new Map<string, DeviceRuntime>();
  beforeAll(async () => {
    for (const name of DEVICES) devices.set(name, await deviceRuntimeFor('lab-100', name));
  });

  for (const name of DEVICES)
    it(`${name}: every filter answers as from every tree`, () => {
      const device = devices.get(name)!;
      const platform = netconfPlatformFor(device)!;
      const ctx = device.renderContext();
      const before = unpruned(platform);
      let nonEmpty = 0;
      let compared = 0;
      for (const kind of ['get', 'get-config'] as const) {
        const tops = kind === 'get' ? platform.state(ctx) : platform.config(ctx);
        const filters = ['', ...subtreeFilters(tops), ...(platform.xpath ? XPATH : [])];
        for (const filter of filters) {
          const operation = `<${kind}>${kind === 'get-config' ? SOURCE : ''}${filter}</${kind}>`;
          const everything = reply(device, before, operation);
          expect(reply(device, platform, operation), `${kind} ${filter}`).toBe(everything);
          compared++;
          if (everything.length > '<data/>'.length + 64) nonEmpty++;
        }
      }
      expect(compared).toBeGreaterThan(20);
      expect(nonEmpty).toBeGreaterThan(10);
    });

  it('a CDP get builds one tree on IOS-XE; a System/cdp-items get builds only cdp-items on NX-OS', () => {
    const catalyst = devices.get('r1-tor1')!;
    const iosXe = netconfPlatformFor(catalyst)!;
    const cdp = el('cdp-neighbor-details', [], { ns: 'http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper' });
    expect(iosXe.state(catalyst.renderContext(), [cdp]).map((t) => t.name)).toEqual(['cdp-neighbor-details']);
    expect(iosXe.state(catalyst.renderContext()).length).toBeGreaterThan(8);

    const nexus = devices.get('r1-nx06')!;
    const nxOs = netconfPlatformFor(nexus)!;
    const ns = 'http://cisco.com/ns/yang/cisco-nx-os-device';
    const system = nxOs.state(nexus.renderContext(), [el('System', [el('cdp-items', [])], { ns })]);
    expect(system.map((t) => t.name)).toEqual(['System']);
    expect(system[0]!.children.map((c) => c.name)).toEqual(['cdp-items']);
  });

  it('wantedChildren takes the node whole for a selection or content matches only', () => {
    const leaf = el('name', 'sw1');
    expect(wantedChildren([el('System', [])], 'System', undefined)).toBeUndefined();
    expect(wantedChildren([el('System', [leaf])], 'System', undefined)).toBeUndefined();
    expect([...wantedChildren([el('System', [leaf, el('cdp-items', [])])], 'System', 'urn:x')!]).toEqual([
      'name',
      'cdp-items',
    ]);
    expect(wantsTop([el('System', [], { ns: 'urn:a' })], 'System', 'urn:b')).toBe(false);
    expect(wantsTop([el('System', [], { ns: BASE_NS })], 'System', 'urn:b')).toBe(true);
    expect(wantsTop(undefined, 'anything', undefined)).toBe(true);
  });
});
