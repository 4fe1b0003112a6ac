/**
 * `xml-mode netconf need-trailer` typed at a Junos prompt, in an interactive shell: the CLI hands
 * the channel to NETCONF, which greets with the box's comments and hello, and then answers RPCs on
 * the same channel — including a hello and an RPC sent in the same packet as the command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { connect, shell } from './ssh.js';

const MX = 'r3-mx17';
const EOM = ']]>]]>';
const HELLO = `<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>${EOM}`;
const VERSION_RPC = `<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="7"><get-software-information/></rpc>${EOM}`;

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    sshPort: 0,
    rest: false,
    netconf: false,
    commandLatencyMs: 0,
  });
});
afterAll(() => fleet.stop());

async function junosShell() {
  const { host, port } = fleet.devices.find((d) => d.name === MX)!;
  const client = await connect({ host, port: port!, username: 'admin', password: 'admin' });
  const sh = await shell(client);
  await sh.expect(/admin@\S+> $/);
  return { client, sh };
}

describe('Junos xml-mode netconf typed at the CLI', () => {
  it('greets with the comments and hello, then answers an RPC on the same channel', async () => {
    const { client, sh } = await junosShell();
    try {
      sh.send('xml-mode netconf need-trailer\n');
      const greeting = await sh.expect(new RegExp(`</hello>\\s*${EOM.replace(/[\]>]/g, '\\$&')}`));
      expect(greeting).toContain(
        '<!-- No zombies were killed during the creation of this user interface -->',
      );
      expect(greeting).toContain('<capability>urn:ietf:params:netconf:base:1.0</capability>');
      expect(greeting).not.toMatch(/admin@\S+> /);
      sh.send(HELLO + VERSION_RPC);
      const reply = await sh.expect(/<\/rpc-reply>/);
      expect(reply).toContain('message-id="7"');
      expect(reply).toContain(`<host-name>${fleet.runtime(MX)!.config().hostname}</host-name>`);
    } finally {
      client.end();
    }
  });

  it('reads a hello and an RPC sent in the same packet as the command', async () => {
    const { client, sh } = await junosShell();
    try {
      sh.send(`xml-mode netconf need-trailer\n${HELLO}${VERSION_RPC}`);
      const reply = await sh.expect(/<\/rpc-reply>/);
      expect(reply).toContain('<hello');
      expect(reply).toContain(`<junos-version>${fleet.runtime(MX)!.state().version}</junos-version>`);
    } finally {
      client.end();
    }
  });
});
