/**
 * Arista EOS over NETCONF on lab-100: the hello and a filtered get as goldens (raw RFC 6242 1.0
 * framing over the SSH port's `netconf` subsystem, frozen clock), then ncclient with its `default`
 * handler (EOS has none of its own, test/e2e/ncclient_eos.py): OpenConfig LLDP neighbours equal to
 * the topology's cabling, a description edited on running and a hostname committed from the
 * candidate showing on the CLI and eAPI, and a locked candidate refusing another session's edit.
 */
import type { Client, ClientChannel } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import type { Topology } from '../../simulator/topology/model.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { expectGolden, TEST_DIR } from '../helpers.js';
import { ADMIN, rawRequest } from '../rest.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';
import { connect, execOnce, shell } from './ssh.js';

const EOM = ']]>]]>';
/** Driven by ncclient (its edits change the box). */
const EOS = 'r1-ar12';
/** Read raw for the goldens, untouched by any edit. */
const GOLDEN = 'r2-ar06';

let fleet: Fleet;
let topology: Topology;

const device = (name: string): InventoryDevice => fleet.devices.find((d) => d.name === name)!;

beforeAll(async () => {
  topology = await loadTopology('lab-100');
  fleet = await startFleet({ topology, sshPort: 0, restPort: 0, freezeTime: true, commandLatencyMs: 0 });
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
});

/** A NETCONF 1.0 session over the subsystem: each message read up to its `]]>]]>`. */
async function rawSession(d: InventoryDevice) {
  const client: Client = await connect({ host: d.host, port: d.port });
  const channel = await new Promise<ClientChannel>((resolve, reject) =>
    client.subsys('netconf', (error: Error | undefined, ch: ClientChannel) =>
      error ? reject(error) : resolve(ch),
    ),
  );
  let buffer = '';
  let waiter: (() => void) | undefined;
  channel.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    waiter?.();
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message within 10 s; have ${buffer}`)), 10_000);
      const check = () => {
        const at = buffer.indexOf(EOM);
        if (at < 0) return;
        const message = buffer.slice(0, at);
        buffer = buffer.slice(at + EOM.length);
        waiter = undefined;
        clearTimeout(timer);
        resolve(message);
      };
      waiter = check;
      check();
    });
  const send = (xml: string) => channel.write(`${xml}${EOM}`);
  const close = () => {
    client.end();
  };
  return { next, send, close };
}

describe('EOS NETCONF goldens (raw 1.0 framing, frozen clock)', () => {
  it('the hello and a get filtered to one port’s LLDP neighbours', async () => {
    const session = await rawSession(device(GOLDEN));
    try {
      const hello = await session.next();
      expectGolden('netconf/eos-hello.xml', `${hello.trim()}\n`);
      session.send(
        '<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities>' +
          '<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>',
      );
      session.send(
        '<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="101"><get><filter type="subtree">' +
          '<lldp xmlns="http://openconfig.net/yang/lldp"><interfaces><interface><name>Ethernet1</name>' +
          '<neighbors/></interface></interfaces></lldp></filter></get></rpc>',
      );
      const reply = await session.next();
      expect(reply).toContain('<neighbor>');
      expectGolden('netconf/eos-get-lldp-neighbors.xml', `${reply.trim()}\n`);
    } finally {
      session.close();
    }
  });
});

interface Outcome {
  ok: boolean;
  tag?: string;
  message?: string;
  info?: string | null;
}

interface Result {
  capabilities: string[];
  neighbours: Array<{ interface: string; system_name: string; port_id: string; chassis_id_type: string }>;
  description_running: Outcome;
  lock_candidate: Outcome;
  other_session_edit: Outcome;
  candidate_edit: Outcome;
  running_before_commit: string;
  commit: Outcome;
  unlock_candidate: Outcome;
  unknown_element: Outcome;
  unknown_interface: Outcome;
}

describe.skipIf(!available('ncclient'))('ncclient (default handler) against EOS', () => {
  const NEW_HOSTNAME = 'ar12-netconf';
  const DESCRIPTION = 'uplink set over netconf';
  const PORT = 'Ethernet5';
  let result: Result;

  beforeAll(async () => {
    const d = device(EOS);
    const script = `${TEST_DIR}/e2e/ncclient_eos.py`;
    const { stdout } = await run(
      DEBIAN_PYTHON,
      [script, d.host, String(d.port), PORT, NEW_HOSTNAME, DESCRIPTION],
      { timeout: 90_000 },
    );
    result = JSON.parse(stdout) as Result;
  }, 120_000);

  it('lists openconfig-lldp with its revision, candidate and writable-running', () => {
    expect(result.capabilities).toContain(
      'http://openconfig.net/yang/lldp?module=openconfig-lldp&revision=2018-11-21',
    );
    expect(result.capabilities).toEqual(
      expect.arrayContaining([
        'urn:ietf:params:netconf:base:1.1',
        'urn:ietf:params:netconf:capability:candidate:1.0',
        'urn:ietf:params:netconf:capability:writable-running:1.0',
      ]),
    );
  });

  it('the LLDP neighbours a subtree filter returns are the cabling lab-100 documents', () => {
    const domain = topology.domain ? `.${topology.domain}` : '';
    const documented = topology.links
      .flatMap((l) => (l.a.node === EOS ? [[l.a, l.b]] : l.b.node === EOS ? [[l.b, l.a]] : []))
      .filter(([, far]) => topology.nodeByName.get(far!.node)!.protocols.lldp)
      .map(([near, far]) => `${near!.interface} ${far!.node}${domain}`)
      .sort();
    const heard = result.neighbours.map((n) => `${n.interface} ${n.system_name}`).sort();
    expect(documented.length).toBeGreaterThan(0);
    expect(heard).toEqual(documented);
    expect(new Set(result.neighbours.map((n) => n.chassis_id_type))).toEqual(new Set(['MAC_ADDRESS']));
  });

  it('a description edited on running shows in show interfaces description', async () => {
    expect(result.description_running).toEqual({ ok: true });
    const d = device(EOS);
    const text = await execOnce({ host: d.host, port: d.port }, 'show interfaces description');
    expect(text).toMatch(new RegExp(`^Et5\\s+\\S+\\s+\\S+\\s+${DESCRIPTION}\\s*$`, 'm'));
  });

  it('a hostname committed from the candidate shows in the prompt and eAPI show hostname', async () => {
    expect(result.candidate_edit).toEqual({ ok: true });
    expect(result.running_before_commit).toBe(EOS);
    expect(result.commit).toEqual({ ok: true });
    expect(result.unlock_candidate).toEqual({ ok: true });
    const d = device(EOS);
    const client = await connect({ host: d.host, port: d.port });
    try {
      const sh = await shell(client);
      await sh.expect(new RegExp(`${NEW_HOSTNAME}[>#]`));
    } finally {
      client.end();
    }
    const answer = await rawRequest(d.rest_url!, {
      method: 'POST',
      path: '/command-api',
      auth: ADMIN,
      headers: { 'content-type': 'application/json-rpc' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        method: 'runCmds',
        params: { version: 1, cmds: ['show hostname'] },
        id: 1,
      }),
    });
    const reply = JSON.parse(answer.body) as { result: Array<{ hostname: string }> };
    expect(reply.result[0]!.hostname).toBe(NEW_HOSTNAME);
  });

  it('a candidate locked by one session refuses another session’s edit with in-use', () => {
    expect(result.lock_candidate).toEqual({ ok: true });
    expect(result.other_session_edit).toMatchObject({ ok: false, tag: 'in-use' });
  });

  it('an unknown element is unknown-element naming it; an unknown port is invalid-value naming it', () => {
    expect(result.unknown_element).toMatchObject({ ok: false, tag: 'unknown-element' });
    expect(result.unknown_element.info).toContain('<bad-element>timezone</bad-element>');
    expect(result.unknown_interface).toMatchObject({ ok: false, tag: 'invalid-value' });
    expect(result.unknown_interface.message).toContain('Ethernet999');
  });
});
