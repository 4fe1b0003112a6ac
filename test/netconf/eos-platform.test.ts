/**
 * EOS's NETCONF platform without sockets: what get-config leaves out, the capabilities per release,
 * and how each edit lands in (or is refused for) the configuration.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneConfig } from '../../simulator/device/datastores.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { eos } from '../../simulator/netconf/platforms/eos.js';
import { eosCapabilities } from '../../simulator/netconf/platforms/eos-capabilities.js';
import { parseXml, renderXml, type XmlElement } from '../../simulator/netconf/xml.js';
import { renderContextFor } from '../device.js';

let ctx: RenderContext;

beforeAll(async () => {
  ctx = await renderContextFor('lab-100', 'r1-ar12');
});

/** The `<config>` children of an edit written as XML. */
function nodes(xml: string): readonly XmlElement[] {
  const parsed = parseXml(`<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">${xml}</config>`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root.children;
}

function edit(xml: string, defaultOperation: 'merge' | 'none' = 'merge') {
  const target = cloneConfig(ctx.config);
  const error = eos.edit(target, { nodes: nodes(xml), defaultOperation, ctx });
  return { target, error };
}

const OC_IF = 'xmlns="http://openconfig.net/yang/interfaces"';
const OC_SYS = 'xmlns="http://openconfig.net/yang/system"';
const port = (name: string, config: string) =>
  `<interfaces ${OC_IF}><interface><name>${name}</name><config>${config}</config></interface></interfaces>`;

describe('EOS NETCONF data', () => {
  it('get-config answers config containers only; get adds state', () => {
    const config = eos
      .config(ctx)
      .map((n) => renderXml(n))
      .join('');
    expect(config).not.toContain('<state>');
    expect(config).not.toContain('<neighbors>');
    expect(config).toContain('<hostname>r1-ar12</hostname>');
    const state = eos
      .state(ctx)
      .map((n) => renderXml(n))
      .join('');
    expect(state).toContain('<oper-status>UP</oper-status>');
    expect(state).toContain('<current-datetime>2026-01-15T09:30:00Z</current-datetime>');
  });

  it.each([
    ['4.28.3M', 'openconfig-interfaces&revision=2021-04-06'],
    ['4.30.1F', 'openconfig-interfaces&revision=2022-10-25'],
    ['4.31.2F', 'openconfig-system&revision=2023-06-16'],
    ['4.32.1F', 'openconfig-if-ip&revision=2024-03-13'],
  ])('EOS %s lists %s', (version, module) => {
    const capabilities = eosCapabilities(version);
    expect(capabilities.some((c) => c.endsWith(`?module=${module}`))).toBe(true);
    expect(capabilities).not.toContain('urn:ietf:params:netconf:capability:xpath:1.0');
  });
});

describe('EOS NETCONF edits', () => {
  it.each([
    ['hostname', `<system ${OC_SYS}><config><hostname>core-1</hostname></config></system>`],
    ['hostname without a namespace', '<system><config><hostname>core-1</hostname></config></system>'],
  ])('%s lands in the configuration', (_, xml) => {
    const { target, error } = edit(xml);
    expect(error).toBeUndefined();
    expect(target.hostname).toBe('core-1');
  });

  it('enabled false shuts the port, a description is kept as written', () => {
    const { target, error } = edit(
      port('Ethernet3', '<enabled>false</enabled><description>to core</description>'),
    );
    expect(error).toBeUndefined();
    expect(target.interfaces.get('Ethernet3')).toEqual({ shutdown: true, description: 'to core' });
  });

  it('operation="delete" clears a description; default-operation none leaves leaves alone', () => {
    const cleared = edit(port('Ethernet3', '<description operation="delete"/>'));
    expect(cleared.target.interfaces.get('Ethernet3')?.description).toBe('');
    const untouched = edit(port('Ethernet3', '<description>x</description>'), 'none');
    expect(untouched.error).toBeUndefined();
    expect(untouched.target.interfaces.get('Ethernet3')?.description).toBeUndefined();
  });

  it.each([
    [
      'an unknown leaf',
      `<system ${OC_SYS}><config><timezone>UTC</timezone></config></system>`,
      'unknown-element',
    ],
    ['an unknown top-level element', '<vlans xmlns="http://openconfig.net/yang/vlan"/>', 'unknown-element'],
    ['a port the box lacks', port('Ethernet99', '<enabled>true</enabled>'), 'invalid-value'],
    [
      'a bad hostname',
      `<system ${OC_SYS}><config><hostname>bad name!</hostname></config></system>`,
      'invalid-value',
    ],
    ['a non-boolean enabled', port('Ethernet1', '<enabled>yes</enabled>'), 'invalid-value'],
    [
      'an LLDP edit',
      '<lldp xmlns="http://openconfig.net/yang/lldp"><config><enabled>false</enabled></config></lldp>',
      'operation-not-supported',
    ],
    ['a bad operation', port('Ethernet1', '<enabled operation="frob">true</enabled>'), 'bad-attribute'],
  ])('%s is refused with %s', (_, xml, tag) => {
    const { error } = edit(xml);
    expect(error?.tag).toBe(tag);
  });

  it('an unknown element names itself in bad-element', () => {
    const { error } = edit(`<system ${OC_SYS}><config><timezone>UTC</timezone></config></system>`);
    expect(error?.info).toEqual([['bad-element', 'timezone']]);
  });

  it('a get costs the show command of what it selects', () => {
    expect(eos.commandFor('get', ['lldp'])).toBe('show lldp neighbors detail');
    expect(eos.commandFor('get', ['interfaces'])).toBe('show interfaces');
    expect(eos.commandFor('get', ['system'])).toBe('show version');
    expect(eos.commandFor('get-config', ['system'])).toBe('show running-config');
  });
});
