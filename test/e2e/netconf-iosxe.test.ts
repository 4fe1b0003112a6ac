/**
 * IOS-XE NETCONF on a real fleet over loopback, driven by ncclient (Debian's python3) with the
 * device handlers a user picks for these boxes — `csr`, `iosxe` and `default` — each on a box of a
 * different release train (test/e2e/ncclient_iosxe.py): the hello with base:1.1 and the native
 * module at that train's revision, LLDP and CDP neighbours by subtree filter matching the
 * topology's documented links, an XPath get, a hostname edit the SSH prompt and RESTCONF then
 * show, an interface description `show running-config` and `show interfaces description` show,
 * locks between two sessions, and the errors for an unknown element and the absent candidate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { parseXml, type XmlElement } from '../../simulator/netconf/xml.js';
import { iosShortName } from '../../simulator/personalities/cisco-ios/render/ports.js';
import { TEST_DIR } from '../helpers.js';
import { ADMIN, rawRequest, startFrozenLab } from '../rest.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';
import { connect, execOnce, shell } from './ssh.js';
import { join } from 'node:path';

const SCRIPT = join(TEST_DIR, 'e2e', 'ncclient_iosxe.py');
const NATIVE = 'http://cisco.com/ns/yang/Cisco-IOS-XE-native';

interface Seen {
  session_id: string;
  other_session_id: string;
  capabilities: string[];
  lldp: string;
  cdp: string;
  xpath: string;
  after: string;
  unknown: RpcErrorSeen | null;
  candidate: RpcErrorSeen | null;
  lock_denied: RpcErrorSeen | null;
  in_use: RpcErrorSeen | null;
}

interface RpcErrorSeen {
  type: string;
  tag: string;
  path: string;
  info: string | null;
}

/** Handler, device, and the native module revision its train ships (Cisco's capability files). */
const CASES: ReadonlyArray<[handler: string, device: string, revision: string]> = [
  ['csr', 'r1-rt09', '2020-07-01'],
  ['iosxe', 'r5-rt09', '2019-07-01'],
  ['default', 'r1-sw02', '2022-07-01'],
];

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFrozenLab();
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
});

const xml = (text: string): XmlElement => {
  const parsed = parseXml(text.replace(/^<\?xml[^>]*\?>/, ''));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root;
};

/** Every descendant element named `name`. */
function all(root: XmlElement, name: string): XmlElement[] {
  return root.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

const leafOf = (entry: XmlElement, name: string) => entry.children.find((c) => c.name === name)?.text ?? '';
/** The node a neighbour's device id names: `r1-tor1.lab.example.com`, NX-OS's `r1-nx05(SAL…)`. */
const host = (deviceId: string) => deviceId.split(/[.(]/)[0]!;

describe.skipIf(!available('ncclient')).each(CASES)(
  'ncclient, device handler %s, on %s',
  (handler, name, revision) => {
    let device: InventoryDevice;
    let seen: Seen;
    let port: { type: string; number: string; full: string };
    const hostname = `nc-${handler}`;
    const description = `set over netconf by ${handler}`;

    beforeAll(async () => {
      device = fleet.devices.find((d) => d.name === name)!;
      const iface = fleet
        .runtime(name)!
        .state()
        .interfaces.find((i) => !i.mgmt && i.documentedPeer)!;
      const [, type = '', number = ''] = /^([A-Za-z-]+)(\d.*)$/.exec(iface.name) ?? [];
      port = { type, number, full: iface.name };
      const { stdout } = await run(
        DEBIAN_PYTHON,
        [SCRIPT, device.host, String(device.port), handler, hostname, type, number, description],
        { timeout: 90_000 },
      );
      seen = JSON.parse(stdout) as Seen;
    }, 120_000);

    it('hello: base 1.1 and the native module at the revision of the box train', () => {
      expect(seen.capabilities).toContain('urn:ietf:params:netconf:base:1.1');
      expect(seen.capabilities).toContain(`${NATIVE}?module=Cisco-IOS-XE-native&revision=${revision}`);
      expect(Number(seen.session_id)).toBeGreaterThan(0);
    });

    it('LLDP and CDP neighbours by subtree filter are the documented links the box hears', () => {
      const state = fleet.runtime(name)!.state();
      const documented = new Set(
        state.interfaces.filter((i) => i.documentedPeer).map((i) => `${i.name} ${i.documentedPeer!.node}`),
      );
      const expected = (protocol: 'cdp' | 'lldp') =>
        state.neighbors
          .filter((n) => n.protocol === protocol)
          .map((n) => `${n.localInterface} ${host(n.deviceId)}`);
      const cdp = all(xml(seen.cdp), 'cdp-neighbor-detail').map(
        (e) => `${leafOf(e, 'local-intf-name')} ${host(leafOf(e, 'device-name'))}`,
      );
      expect(cdp.length).toBeGreaterThan(0);
      expect(cdp).toEqual(expected('cdp'));
      for (const link of cdp) expect(documented).toContain(link);
      const shortToFull = new Map(state.interfaces.map((i) => [iosShortName(i.name), i.name]));
      const lldp = all(xml(seen.lldp), 'lldp-entry').map(
        (e) => `${shortToFull.get(leafOf(e, 'local-interface'))} ${host(leafOf(e, 'device-id'))}`,
      );
      expect(lldp).toEqual(expected('lldp'));
      for (const link of lldp) expect(documented).toContain(link);
    });

    it('an XPath get selects the hostname as it was', () => {
      const hostnames = all(xml(seen.xpath), 'hostname');
      expect(hostnames.map((h) => h.text)).toEqual([name]);
      expect(all(xml(seen.xpath), 'interface')).toEqual([]);
    });

    it('the hostname edit shows in get-config, the SSH prompt and RESTCONF', async () => {
      expect(all(xml(seen.after), 'hostname').map((h) => h.text)).toEqual([hostname]);
      const client = await connect({ host: device.host, port: device.port });
      try {
        const sh = await shell(client);
        await sh.expect(new RegExp(`${hostname}[>#]`));
      } finally {
        client.end();
      }
      const answer = await rawRequest(device.rest_url!, {
        path: '/restconf/data/Cisco-IOS-XE-native:native/hostname',
        headers: { accept: 'application/yang-data+json' },
        auth: ADMIN,
      });
      expect(JSON.parse(answer.body)).toEqual({ 'Cisco-IOS-XE-native:hostname': hostname });
    });

    it('the interface description shows in show running-config and show interfaces description', async () => {
      const config = await execOnce({ host: device.host, port: device.port }, 'show running-config');
      expect(config).toMatch(new RegExp(`interface ${port.full}\\r?\\n description ${description}\\r?\\n`));
      const brief = await execOnce({ host: device.host, port: device.port }, 'show interfaces description');
      expect(brief).toMatch(new RegExp(`${iosShortName(port.full)} .* ${description}`));
    });

    it('a lock from one session: lock-denied naming its session-id for another, whose edit is in-use', () => {
      expect(seen.lock_denied?.tag).toBe('lock-denied');
      expect(seen.lock_denied?.info).toContain(`<session-id>${seen.session_id}</session-id>`);
      expect(seen.in_use?.tag).toBe('in-use');
    });

    it('errors: an element native lacks is unknown-element naming it; the candidate is not there', () => {
      expect(seen.unknown).toMatchObject({ type: 'application', tag: 'unknown-element' });
      expect(seen.unknown?.info).toContain('<bad-element>no-such-leaf</bad-element>');
      expect(seen.candidate).not.toBeNull();
    });
  },
);
