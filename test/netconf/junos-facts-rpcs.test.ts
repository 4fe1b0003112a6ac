/**
 * The Junos RPCs junos_facts' hardware and interfaces subsets send that no other client does:
 * `get-system-storage` and `get-interface-information` with `<detail/>`, in process.
 */
import { describe, expect, it } from 'vitest';
import { junos } from '../../simulator/netconf/platforms/junos.js';
import type { XmlElement } from '../../simulator/netconf/xml.js';
import { renderMacColons } from '../../simulator/state/mac.js';
import { find, netconfDevice, openClient, textOf } from './harness.js';

async function ask(name: string, body: string): Promise<XmlElement> {
  const client = openClient(await netconfDevice(name), { platform: junos });
  await client.next();
  client.hello();
  client.rpc(body);
  return client.next();
}

const all = (root: XmlElement, name: string): XmlElement[] => [
  ...(root.name === name ? [root] : []),
  ...root.children.flatMap((c) => all(c, name)),
];

describe('Junos get-system-storage', () => {
  it('answers per member on an EX, one filesystem per mount with blocks and their df size', async () => {
    const reply = await ask('r2-jx14', '<get-system-storage/>');
    expect(textOf(reply, 're-name')).toBe('fpc0');
    const storage = find(reply, 'system-storage-information')!;
    expect(storage.attributes).toContainEqual(['junos:style', 'brief']);
    const filesystems = all(storage, 'filesystem');
    expect(filesystems.map((f) => textOf(f, 'filesystem-name'))).toContain('/dev/gpt/junos');
    for (const f of filesystems) {
      const total = Number(textOf(f, 'total-blocks'));
      const used = Number(textOf(f, 'used-blocks'));
      const available = Number(textOf(f, 'available-blocks'));
      expect(used + available).toBeLessThanOrEqual(total);
      expect(textOf(f, 'used-percent')).toMatch(/^[ \d]{3}$/);
      expect(find(f, 'total-blocks')!.attributes.find(([k]) => k === 'junos:format')?.[1]).toMatch(
        /^\d+(\.\d)?[KMG]$|^\d+B$/,
      );
    }
  });

  it('answers with the element itself on an MX', async () => {
    const reply = await ask('r3-mx17', '<get-system-storage/>');
    expect(find(reply, 'multi-routing-engine-results')).toBeUndefined();
    expect(find(reply, 'system-storage-information')).toBeDefined();
  });

  it('refuses an argument it does not take', async () => {
    const reply = await ask('r2-jx14', '<get-system-storage><detail/></get-system-storage>');
    expect(textOf(reply, 'bad-element')).toBe('detail');
  });
});

describe('Junos get-interface-information detail', () => {
  it('lists every physical interface with the fields junos_facts reads, styled detail', async () => {
    const device = await netconfDevice('r2-jx14');
    const client = openClient(device, { platform: junos });
    await client.next();
    client.hello();
    client.rpc('<get-interface-information><detail/></get-interface-information>');
    const reply = await client.next();
    const info = find(reply, 'interface-information')!;
    expect(info.attributes).toContainEqual(['junos:style', 'detail']);
    const physical = info.children.filter((c) => c.name === 'physical-interface');
    for (const iface of device.state().interfaces) {
      const entry = physical.find((p) => textOf(p, 'name') === iface.name);
      expect(entry, iface.name).toBeDefined();
      expect(textOf(entry!, 'hardware-physical-address')).toBe(renderMacColons(iface.mac));
      expect(textOf(entry!, 'mtu')).toBe('1514');
      expect(textOf(entry!, 'speed')).toBeDefined();
    }
  });

  it('narrows to one interface and refuses one the box does not have', async () => {
    const one = await ask(
      'r2-jx14',
      '<get-interface-information><detail/><interface-name>ge-0/0/1</interface-name></get-interface-information>',
    );
    expect(all(one, 'physical-interface').map((p) => textOf(p, 'name'))).toEqual(['ge-0/0/1']);
    const missing = await ask(
      'r2-jx14',
      '<get-interface-information><detail/><interface-name>ge-9/9/9</interface-name></get-interface-information>',
    );
    expect(textOf(missing, 'error-message')).toContain('ge-9/9/9');
  });
});
