/**
 * Ansible (ansible-core with the cisco.ios, cisco.nxos, arista.eos and junipernetworks.junos
 * collections) against a fleet of one box per platform, through the inventory `labfleet up`
 * writes, unchanged: network_cli on all four platforms, httpapi on NX-API and eAPI, netconf on
 * Junos (the `<name>-netconf` hosts, on the NETCONF port). One ansible-playbook run (all three
 * playbooks) feeds every assertion; facts are compared with the fleet's own device state, not with
 * constants.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFleet, type TestFleet } from '../../client/testing/test-fleet.js';
import { renderInventoryFiles } from '../../simulator/fleet/inventory.js';
import { renderMacColons } from '../../simulator/state/mac.js';
import { ANSIBLE_PLAYBOOK, available } from './clients.js';
import { execOnce } from './ssh.js';

const HERE = join(import.meta.dirname, 'ansible');
const RUN_TIMEOUT_MS = 300_000;

/** One module's result on one host, as the ansible.posix.json callback reports it. */
interface TaskResult {
  failed?: boolean;
  skipped?: boolean;
  msg?: string;
  /** Python's traceback when the module crashed (`MODULE FAILURE`). */
  module_stderr?: string;
  stdout?: string[];
  /** junos_rpc: each reply as XML text. */
  output?: string[];
  ansible_facts?: Record<string, unknown>;
}

interface PlaybookOutput {
  plays: Array<{
    play: { name: string };
    tasks: Array<{ task: { name: string }; hosts: Record<string, TaskResult> }>;
  }>;
}

/**
 * IOS XE's `show version` opens with `Cisco IOS XE Software, Version 17.03.07` (two digits per
 * part) before the IOS line's `Version 17.3.7`; cliconf takes the first `Version (\S+)`.
 */
const xeVersion = (version: string) =>
  /^\d+(\.\d+)+$/.test(version)
    ? version
        .split('.')
        .map((n) => n.padStart(2, '0'))
        .join('.')
    : version;

let lab: TestFleet;
let results: Map<string, TaskResult>;
let runSeconds = 0;

/** Runs the three playbooks once against the inventory `up` would write; results by `play/task/host`. */
async function runPlaybooks(inventory: string, home: string): Promise<Map<string, TaskResult>> {
  const started = performance.now();
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
    execFile(
      ANSIBLE_PLAYBOOK,
      [
        '-i',
        inventory,
        '--forks',
        '8',
        ...['network-cli.yml', 'httpapi.yml', 'netconf.yml'].map((p) => join(HERE, p)),
      ],
      {
        cwd: home,
        timeout: RUN_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: home,
          ANSIBLE_HOME: join(home, '.ansible'),
          ANSIBLE_LOCAL_TEMP: join(home, 'tmp'),
          ANSIBLE_STDOUT_CALLBACK: 'ansible.posix.json',
          ANSIBLE_NOCOLOR: '1',
          ANSIBLE_RETRY_FILES_ENABLED: 'false',
          ANSIBLE_PERSISTENT_CONNECT_TIMEOUT: '20',
          ANSIBLE_PERSISTENT_COMMAND_TIMEOUT: '20',
        },
      },
      // Failed hosts make ansible-playbook exit non-zero; the JSON still says what each task did.
      (error, out, err) =>
        out.trim().startsWith('{')
          ? resolve({ stdout: out })
          : reject(error ?? new Error(`no JSON output: ${err}`)),
    ),
  );
  runSeconds = (performance.now() - started) / 1000;
  // The callback prints a JSON document after each playbook, from a `{` to a `}` at column 0,
  // each with every play so far: the last one has them all. Under `strategy: free` a task is listed
  // once per host that started it, so results are keyed by play, task and host.
  const last = stdout
    .trim()
    .split(/(?<=^\})\n(?=\{$)/m)
    .at(-1)!;
  const byKey = new Map<string, TaskResult>();
  for (const { play, tasks } of (JSON.parse(last) as PlaybookOutput).plays)
    for (const { task, hosts } of tasks)
      for (const [host, result] of Object.entries(hosts))
        byKey.set(`${play.name}/${task.name}/${host}`, result);
  return byKey;
}

describe.skipIf(!available('ansible'))('Ansible through the inventory `up` writes', () => {
  beforeAll(async () => {
    lab = await startTestFleet({ topology: join(HERE, 'topology.yaml'), restPlain: true });
    const home = mkdtempSync(join(tmpdir(), 'labfleet-ansible-'));
    mkdirSync(join(home, 'tmp'));
    const inventory = join(home, 'inventory.yaml');
    for (const { path, text } of renderInventoryFiles(lab.devices, 'ansible', inventory))
      writeFileSync(path, text);
    results = await runPlaybooks(inventory, home);
  }, RUN_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await lab?.stop();
    console.log(
      `ansible-playbook (network_cli + httpapi + netconf, 4 devices) took ${runSeconds.toFixed(1)} s`,
    );
  });

  /** A task's result on a host; it must have run (not skipped) and succeeded. */
  const ok = (play: string, task: string, host: string): TaskResult => {
    const result = results.get(`${play}/${task}/${host}`);
    expect(result, `${task} did not run on ${host}`).toBeDefined();
    expect(result!.skipped ?? false).toBe(false);
    expect(
      result!.failed ?? false,
      `${task} on ${host}: ${result!.msg ?? ''} ${(result!.module_stderr ?? '').trim().split('\n').at(-1) ?? ''}`,
    ).toBe(false);
    return result!;
  };

  const state = (name: string) => lab.fleet.runtime(name)!.state();
  const hostname = (name: string) => lab.fleet.runtime(name)!.config().hostname;

  /** What the box prints for `command` over an SSH exec channel, as network_cli hands it on. */
  const shown = async (name: string, command: string) => {
    const { host, port } = lab.devices.find((d) => d.name === name)!;
    return (await execOnce({ host, port }, command)).replace(/\r\n/g, '\n').trim();
  };

  describe('network_cli', () => {
    it.each([
      ['ios_command', 'ios1'],
      ['nxos_command', 'nx1'],
      ['eos_command', 'eos1'],
      ['junos_command', 'jx1'],
    ])('%s runs show version (with become where the platform has enable)', async (task, name) => {
      const { stdout } = ok('network_cli', task, name);
      // Junos: the prompt's first line (`{master:0}` on an EX) is not the prompt pattern's, so it
      // stays at the end of the output, as it does with a real EX.
      expect(stdout?.[0]?.replace(/\n+\{master:\d+\}$/, '')).toBe(await shown(name, 'show version'));
      expect(stdout?.[0]).toContain(state(name).version);
    });

    it('junos_command with display: json hands on the reply models the box prints for | display json', async () => {
      const { stdout } = ok('network_cli', 'junos_command_json', 'jx1');
      const json = (i: number) =>
        JSON.parse(stdout![i]!.replace(/\n+\{master:\d+\}$/, '')) as Record<string, unknown>;
      expect(json(0)).toEqual(JSON.parse(await shown('jx1', 'show route | display json')));
      const routes = json(0)['route-information'] as Array<{ 'route-table': Array<{ rt: unknown[] }> }>;
      expect(routes[0]!['route-table'][0]!.rt.length).toBeGreaterThan(1);
      const inventory = json(1)['chassis-inventory'] as Array<{ chassis: Array<Record<string, unknown>> }>;
      const serial = inventory[0]!.chassis[0]!['serial-number'] as Array<{ data: string }>;
      expect(serial[0]!.data).toBe(state('jx1').serial);
    });

    it('ios_command filters the running configuration', () => {
      expect(ok('network_cli', 'ios_command', 'ios1').stdout?.[1]).toBe(`hostname ${hostname('ios1')}`);
    });

    it.each([
      ['ios_facts', 'ios1'],
      ['nxos_facts', 'nx1'],
      ['eos_facts', 'eos1'],
    ])('%s returns the hostname, model, serial, version and interfaces', (task, name) => {
      const facts = ok('network_cli', task, name).ansible_facts ?? {};
      const device = state(name);
      expect(facts.ansible_net_hostname).toBe(hostname(name));
      expect(facts.ansible_net_serialnum).toBe(device.serial);
      expect(facts.ansible_net_version).toBe(name === 'ios1' ? xeVersion(device.version) : device.version);
      if (name === 'nx1') {
        // NX-OS: the PID from `show inventory` is the platform; the model is show version's chassis line.
        expect(facts.ansible_net_platform).toBe(device.model);
        expect(String(facts.ansible_net_model)).toContain(device.model.replace(/^N9K-/, ''));
      } else expect(facts.ansible_net_model).toBe(device.model);
      const interfaces = Object.keys(facts.ansible_net_interfaces ?? {});
      expect(interfaces).toEqual(expect.arrayContaining(device.interfaces.map((i) => i.name)));
    });
  });

  describe('httpapi', () => {
    it.each([
      ['nxos_command', 'nx1'],
      ['eos_command', 'eos1'],
    ])('%s runs show version and show hostname', (task, name) => {
      const { stdout } = ok('httpapi', task, `${name}-httpapi`);
      expect(stdout?.[0]).toContain(state(name).version);
      expect(stdout?.[1]).toContain(hostname(name));
    });
  });
  describe('netconf (Junos, on the NETCONF port)', () => {
    const host = 'jx1-netconf';

    it('junos_facts returns the hostname, model, serial, version, hardware, interfaces and config', async () => {
      const facts = ok('netconf', 'junos_facts', host).ansible_facts ?? {};
      const device = state('jx1');
      expect(facts.ansible_net_api).toBe('netconf');
      expect(facts.ansible_net_hostname).toBe(hostname('jx1'));
      // software-information's product-model is the lower-case model, as a real EX prints it.
      expect(facts.ansible_net_model).toBe(device.model.toLowerCase());
      expect(facts.ansible_net_serialnum).toBe(device.serial);
      expect(facts.ansible_net_version).toBe(device.version);
      const interfaces = (facts.ansible_net_interfaces ?? {}) as Record<
        string,
        Record<string, string | null>
      >;
      for (const iface of device.interfaces) {
        const seen = interfaces[iface.name];
        expect(seen, iface.name).toBeDefined();
        expect(seen!['oper-status'], iface.name).toBe(iface.connected || iface.mgmt ? 'up' : 'down');
        expect(seen!.macaddress, iface.name).toBe(renderMacColons(iface.mac));
        expect(seen!.mtu, iface.name).toBe('1514');
      }
      // config_format: set (get-configuration format="set") is what the CLI prints as set lines.
      expect(facts.ansible_net_config).toBe(await shown('jx1', 'show configuration | display set'));
      const modules = facts.ansible_net_modules as Array<Record<string, string>>;
      expect(modules.find((m) => m.name === 'FPC 0')?.serial_number).toBe(device.serial);
      const engines = facts.ansible_net_routing_engines as Record<string, Record<string, string>>;
      expect(engines['0']?.mastership_state).toBe('master');
      expect(facts.ansible_net_has_2RE).toBe(false);
      expect(facts.ansible_net_filesystems).toEqual(expect.arrayContaining(['/dev/gpt/junos']));
      expect(facts.ansible_net_memtotal_mb).toBeGreaterThan(facts.ansible_net_memfree_mb as number);
    });

    it('junos_command runs commands as text and JSON, as the CLI prints them', async () => {
      const [text, version, terse, config] = ok('netconf', 'junos_command', host).stdout as unknown[];
      expect(text).toBe(await shown('jx1', 'show version'));
      expect(version).toEqual(JSON.parse(await shown('jx1', 'show version | display json')));
      // The API's JSON drops the top element's namespace declaration, which the CLI's keeps.
      const cli = JSON.parse(await shown('jx1', 'show interfaces terse | display json')) as {
        'interface-information': Array<{ attributes: Record<string, string> }>;
      };
      delete cli['interface-information'][0]!.attributes.xmlns;
      expect(terse).toEqual(cli);
      // `show configuration` goes as get-configuration format="text".
      expect(config).toBe(await shown('jx1', 'show configuration'));
    });

    it('junos_rpc get-software-information returns the host name and release', () => {
      const [xml] = ok('netconf', 'junos_rpc', host).output ?? [];
      expect(xml).toContain(`<host-name>${hostname('jx1')}</host-name>`);
      expect(xml).toContain(`<junos-version>${state('jx1').version}</junos-version>`);
    });
  });
});
