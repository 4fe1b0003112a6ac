/**
 * User-defined commands on a real fleet over loopback (ports the OS picks): an SSH shell and an
 * exec channel on IOS, eAPI text and JSON on EOS, NX-API cli_show_ascii and cli_show on NX-OS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { FIXTURES } from '../helpers.js';
import { ADMIN, rawRequest } from '../rest.js';
import { connect, execOnce, shell } from './ssh.js';

interface EapiReply {
  result?: unknown[];
  error?: { code: number; data: unknown[] };
}
interface InsApiReply {
  ins_api: { outputs: { output: Record<string, unknown> } };
}

let fleet: Fleet;
const device = (name: string): InventoryDevice => fleet.devices.find((d) => d.name === name)!;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology(join(FIXTURES, 'user-commands', 'lab.yaml')),
    sshPort: 0,
    restPort: 0,
    freezeTime: true,
    commandLatencyMs: 0,
  });
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
});

describe('over SSH', () => {
  it('a shell: abbreviation, a pipe, privileged override, configuration mode', async () => {
    const r1 = device('r1');
    const client = await connect({ host: r1.host, port: r1.port! });
    try {
      const sh = await shell(client);
      await sh.expect(/r1>$/);
      sh.send('sh plat\r');
      expect(await sh.expect(/r1>$/)).toMatch(/Chassis type: CSR1000V\r\nSerial: \S+/);
      sh.send('show ports | include GigabitEthernet[23] \r');
      const ports = await sh.expect(/r1>$/);
      expect(ports).toContain('GigabitEthernet2       up     to r2 GigabitEthernet2\r\n');
      expect(ports).not.toContain('GigabitEthernet4 ');
      sh.send('enable\r');
      await sh.expect(/Password: $/);
      sh.send('admin\r');
      await sh.expect(/r1#$/);
      sh.send('show version\r');
      expect(await sh.expect(/r1#$/)).toContain('\r\noverridden version\r\n');
      sh.send('configure terminal\rshow config-only\r');
      expect(await sh.expect(/only in config\r\nr1\(config\)#$/)).toBeTruthy();
      sh.channel.end();
    } finally {
      client.end();
    }
  });

  it('an exec channel runs the command in privileged mode', async () => {
    const r1 = device('r1');
    const out = await execOnce({ host: r1.host, port: r1.port! }, 'show ip bgp summary');
    expect(out).toBe('BGP router identifier 10.0.0.1, local AS number 65001\r\n');
    expect(await execOnce({ host: r1.host, port: r1.port! }, 'show version')).toBe('overridden version\r\n');
  });
});

describe('over the REST APIs that wrap the CLI', () => {
  const eapi = (cmds: string[], format: 'json' | 'text') =>
    rawRequest(device('eos1').rest_url!, {
      method: 'POST',
      path: '/command-api',
      auth: ADMIN,
      headers: { 'content-type': 'application/json-rpc' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        method: 'runCmds',
        params: { version: 1, cmds, format },
        id: 1,
      }),
    });

  it('eAPI text answers with the user command, JSON has no model for it', async () => {
    const text = JSON.parse((await eapi(['show platform', 'show hostname'], 'text')).body) as EapiReply;
    expect(text.result).toEqual([
      { output: 'EOS chassis DCS-7050SX3-48YC8\n' },
      { output: 'Hostname: custom\nFQDN:     custom.lab.example\n' },
    ]);
    const json = JSON.parse((await eapi(['show hostname'], 'json')).body) as EapiReply;
    expect(json.error).toMatchObject({ code: 1003 });
    expect(json.error?.data[0]).toEqual({ errors: ['This is an unconverted command'] });
  });

  const insApi = (type: string, input: string) =>
    rawRequest(device('sw1').rest_url!, {
      method: 'POST',
      path: '/ins',
      auth: ADMIN,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ins_api: { version: '1.0', type, chunk: '0', sid: '1', input, output_format: 'json' },
      }),
    });

  it('NX-API cli_show_ascii answers with the user command, cli_show has no structured form', async () => {
    const ascii = JSON.parse((await insApi('cli_show_ascii', 'show foo')).body) as InsApiReply;
    expect(ascii.ins_api.outputs.output).toMatchObject({ code: '200', body: 'sw1 has mgmt0 first\n' });
    const structured = JSON.parse((await insApi('cli_show', 'show foo')).body) as InsApiReply;
    expect(structured.ins_api.outputs.output).toMatchObject({
      code: '501',
      msg: 'Structured output unsupported',
    });
  });
});
