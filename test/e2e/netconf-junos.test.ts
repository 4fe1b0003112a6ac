/**
 * Junos NETCONF driven by the clients people use against it, unchanged, on the device's SSH port:
 * ncclient's `junos` handler over the `netconf` subsystem, the `xml-mode netconf need-trailer`
 * exec its handler falls back to (paramiko, by hand), and PyEZ's `Device.open()` with facts,
 * `dev.rpc`, `dev.cli` and `Config` (test/e2e/netconf_junos.py). A change made over NETCONF shows on
 * the CLI and REST; one made on the CLI shows over NETCONF.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { expectGolden, TEST_DIR } from '../helpers.js';
import { ADMIN, rawRequest } from '../rest.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';
import { connect, execOnce, shell } from './ssh.js';

const MX = 'r3-mx17';
const EX = 'r4-jx05';
const SCRIPT = join(TEST_DIR, 'e2e', 'netconf_junos.py');

let fleet: Fleet;
let topology: Topology;
const device = (name: string): InventoryDevice => fleet.devices.find((d) => d.name === name)!;
const ssh = (name: string, command: string) =>
  execOnce({ host: device(name).host, port: device(name).port }, command);

async function drive(mode: 'pyez' | 'ncclient' | 'xml-mode', name: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(DEBIAN_PYTHON, [SCRIPT, mode, device(name).host, String(device(name).port)], {
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

const enabled = available('jnpr.junos');

describe.skipIf(!enabled)('Junos NETCONF with ncclient and PyEZ', () => {
  beforeAll(async () => {
    topology = await loadTopology('lab-100');
    fleet = await startFleet({ topology, sshPort: 0, restPort: 0, freezeTime: true, commandLatencyMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await fleet?.stop();
  });

  it('xml-mode netconf need-trailer: mgd comments, base:1.0 hello, trailer newline, xmlns:junos (golden)', async () => {
    const { hello, reply } = (await drive('xml-mode', MX)) as { hello: string; reply: string };
    expect(
      hello.startsWith('<!-- No zombies were killed during the creation of this user interface -->\n'),
    ).toBe(true);
    expect(hello).toContain('<!-- user admin, class super-user -->\n<hello');
    expect(hello).not.toContain('base:1.1');
    expect(hello.endsWith(']]>]]>\n')).toBe(true);
    expect(reply).toContain('xmlns:junos="http://xml.juniper.net/junos/22.4R2/junos"');
    expectGolden(
      'juniper-junos/netconf-hello.xml',
      hello.replace(/<session-id>\d+<\/session-id>/, '<session-id>N</session-id>'),
    );
    expectGolden('juniper-junos/netconf-get-software-information.xml', reply);
  }, 90_000);

  it('ncclient junos handler over the subsystem: capabilities, RPCs, command, get/load/commit-configuration', async () => {
    const out = (await drive('ncclient', EX)) as Record<string, never>;
    expect(out.capabilities).toContain('http://xml.juniper.net/netconf/junos/1.0');
    expect(out.capabilities).toContain('urn:ietf:params:netconf:capability:candidate:1.0');
    expect(out.host_name).toBe(EX);
    expect(out.text).toBe(
      (await ssh(EX, 'show version'))
        .replace(/\r/g, '')
        .replace('nc-renamed', EX)
        .replace(/^\n+|\n+$/g, '') + '\n',
    );
    expect(out.config_host).toBe(EX);
    expect(out.after_host).toBe('nc-renamed');
    expect((out.bad as unknown as { message: string }).message).toBe('syntax error');
    expect((out.bad as unknown as { bad_element: string }).bad_element).toContain(
      '<bad-element>get-no-such-information</bad-element>',
    );
    // The NETCONF commit is the device's configuration: the CLI prompt and REST read it.
    expect(await ssh(EX, 'show version')).toContain('Hostname: nc-renamed');
    const rest = await rawRequest(device(EX).rest_url!, {
      path: '/rpc/get-software-information',
      auth: ADMIN,
    });
    expect(rest.body).toContain('<host-name>nc-renamed</host-name>');
  }, 90_000);

  it('PyEZ Device.open(): facts match show version and chassis hardware, LLDP as documented, cli, Config commit', async () => {
    const version = (await ssh(MX, 'show version')).replace(/\r/g, '');
    const hardware = (await ssh(MX, 'show chassis hardware')).replace(/\r/g, '');
    const out = (await drive('pyez', MX)) as {
      facts: Record<string, unknown>;
      warnings: string;
      neighbors: Array<[string, string]>;
      cli: string;
      diff: string;
    };
    expect(out.warnings).toBe('');
    expect(out.facts.hostname).toBe(/Hostname: (\S+)/.exec(version)![1]);
    expect(out.facts.model).toBe(/Model: (\S+)/.exec(version)![1]!.toUpperCase());
    expect(out.facts.version).toBe(/Junos: (\S+)/.exec(version)![1]);
    expect(out.facts.serialnumber).toBe(/^Chassis\s+(\S+)/m.exec(hardware)![1]);
    expect(out.facts.master).toBe('RE0');
    expect(out.facts.vc_capable).toBe(false);
    expect((out.facts.RE0 as Record<string, string>).mastership_state).toBe('master');
    // Every documented cable of the box with an LLDP speaker behind it, and nothing else.
    const documented = topology.links.flatMap((l) =>
      l.a.node === MX ? [[l.a.interface, l.b.node]] : l.b.node === MX ? [[l.b.interface, l.a.node]] : [],
    );
    expect(out.neighbors.length).toBeGreaterThan(0);
    for (const [port, name] of out.neighbors)
      expect(documented).toContainEqual([port, name.replace(/\..*$/, '')]);
    expect(out.cli).toContain(`Hostname: ${String(out.facts.hostname)}`);
    expect(out.diff).toContain('+  host-name pyez-renamed;');
    // The commit shows on the SSH prompt.
    const client = await connect({ host: device(MX).host, port: device(MX).port });
    try {
      const sh = await shell(client);
      await sh.expect(/admin@pyez-renamed> $/, 20_000);
    } finally {
      client.end();
    }
  }, 120_000);

  it('a CLI configure/set/commit changes the hostname NETCONF reads; rollback 0 drops uncommitted edits', async () => {
    const client = await connect({ host: device(EX).host, port: device(EX).port });
    try {
      const sh = await shell(client);
      await sh.expect(/> $/, 20_000);
      sh.send('configure\n');
      await sh.expect(/# $/);
      sh.send('set system host-name cli-dropped\n');
      await sh.expect(/# $/);
      sh.send('rollback 0\n');
      await sh.expect(/load complete[\s\S]*# $/);
      sh.send('set system host-name cli-renamed\n');
      await sh.expect(/# $/);
      sh.send('commit and-quit\n');
      await sh.expect(/admin@cli-renamed> $/);
    } finally {
      client.end();
    }
    const out = (await drive('ncclient', EX)) as Record<string, string>;
    expect(out.config_host).toBe('cli-renamed');
  }, 90_000);
});
