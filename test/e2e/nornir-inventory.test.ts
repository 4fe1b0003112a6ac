/**
 * `check --inventory` reads a Nornir SimpleInventory: the three files `up --inventory-format
 * nornir` writes (by hosts.yaml or by its directory), and a hand-written one whose values come
 * from the host, its groups and the defaults as Nornir resolves them. Malformed files are
 * INVENTORY_INVALID, located in the file that is wrong.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { loadInventory } from '../../client/inventory.js';
import { startTestFleet, type TestFleet } from '../../client/testing/index.js';
import { formatDiagnostic, type Diagnostic } from '../../simulator/errors.js';
import { renderInventoryFiles } from '../../simulator/fleet/inventory.js';
import { captureIO } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'labfleet-nornir-check-'));
let lab: TestFleet;

beforeAll(async () => {
  lab = await startTestFleet({ topology: 'routers-10', restPlain: true });
});
afterAll(() => lab?.stop());

/** Writes files into a fresh directory under `root`; returns the directory. */
function files(name: string, texts: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(texts)) writeFileSync(join(dir, file), text);
  return dir;
}

async function check(inventory: string, ...extra: string[]) {
  const captured = captureIO();
  const code = await runCli(
    ['check', 'routers-10', '--inventory', inventory, '--format', 'json', '--no-progress', ...extra],
    captured.io,
  );
  return { code, out: captured.out, err: captured.err };
}

async function failureOf(path: string): Promise<{ code: string; message: string }> {
  try {
    await loadInventory(path);
  } catch (error) {
    const { code, diagnostics, message } = error as {
      code: string;
      diagnostics?: Diagnostic[];
      message: string;
    };
    return { code, message: diagnostics?.[0] ? formatDiagnostic(diagnostics[0]) : message };
  }
  throw new Error(`${path} loaded`);
}

describe('check --inventory with the Nornir inventory up writes', () => {
  it.each(['hosts.yaml', 'directory'])('by %s: the lab checks clean over SSH and REST', async (how) => {
    const dir = join(root, `written-${how}`);
    mkdirSync(dir);
    for (const f of renderInventoryFiles(lab.devices, 'nornir', join(dir, 'hosts.yaml')))
      writeFileSync(f.path, f.text);
    const inventory = how === 'directory' ? dir : join(dir, 'hosts.yaml');
    for (const transport of ['ssh', 'rest']) {
      const { code, out } = await check(inventory, '--transport', transport);
      expect({ transport, report: JSON.parse(out) as unknown }).toMatchObject({
        transport,
        report: { ok: true, devices: { total: 10, checked: 10 } },
      });
      expect(code).toBe(0);
    }
  });
});

describe('a hand-written Nornir inventory', () => {
  it('takes each value from the host, then its groups in order, then the defaults', async () => {
    const [r1, r2, ...rest] = lab.devices;
    const hosts = [
      // R1 sets its own port and password; the rest come from the groups and defaults.
      `${r1!.name}:\n  hostname: ${r1!.host}\n  port: ${r1!.port}\n  password: ${r1!.password}\n  groups: [edge, ios]\n  data: { rest_url: ${r1!.rest_url} }`,
      `${r2!.name}:\n  hostname: ${r2!.host}\n  groups: [ios]\n  data: { rest_url: ${r2!.rest_url} }`,
      ...rest.map((d) => `${d.name}:\n  hostname: ${d.host}\n  groups: [ios]`),
    ].join('\n');
    const dir = files('merged', {
      'hosts.yaml': hosts + '\n',
      // `edge` comes first for R1, so its platform wins over `ios`'s; it is the same platform under NAPALM's name.
      'groups.yaml': `edge:\n  platform: ios\nios:\n  platform: cisco_ios\n  port: ${lab.sshPort}\n  password: wrong\n  data: { rest_url: http://127.0.0.1:1 }\n`,
      'defaults.yaml': `username: ${r1!.username}\npassword: wrong-too\nport: 22\nconnection_options:\n  netmiko: { extras: { secret: ${r1!.secret} } }\n`,
    });
    const targets = await loadInventory(dir);
    expect(targets.map((t) => [t.name, t.platform, t.port, t.username, t.password])).toEqual(
      lab.devices.map((d) => [d.name, 'cisco_ios', lab.sshPort, d.username, d === r1 ? d.password : 'wrong']),
    );
    expect(targets.map((t) => t.restUrl)).toEqual([
      r1!.rest_url,
      r2!.rest_url,
      ...rest.map(() => 'http://127.0.0.1:1'),
    ]);
    expect(targets.every((t) => t.secret === r1!.secret)).toBe(true);

    // Only R1's own password is right: R1 answers, every other device fails its login.
    const { code, out } = await check(dir);
    const report = JSON.parse(out) as { devices: { checked: number }; unverifiable: Array<{ code: string }> };
    expect(report.devices.checked).toBe(1);
    expect(new Set(report.unverifiable.map((u) => u.code))).toEqual(new Set(['AUTH_FAILED']));
    expect(code).toBe(1);
  });
});

describe('malformed Nornir inventories', () => {
  const host = 'r1:\n  hostname: 127.0.0.1\n  platform: ios\n  groups: [core]\n';

  it('a directory without hosts.yaml is FILE_UNREADABLE, naming what it looked for', async () => {
    const dir = files('no-hosts', { 'groups.yaml': 'core: {}\n' });
    const { code, message } = await failureOf(dir);
    expect(code).toBe('FILE_UNREADABLE');
    expect(message).toContain('hosts.yaml');
    const cli = await check(dir);
    expect(cli.err).toContain('hosts.yaml');
    expect(cli.code).toBe(2);
  });

  it.each([
    {
      what: 'broken YAML in groups.yaml',
      groups: 'core:\n  data: { a: [\n',
      defaults: '',
      file: 'groups.yaml',
      at: '3:1',
      diagnostic: 'YAML_SYNTAX',
    },
    {
      what: 'a list as defaults.yaml',
      groups: 'core: {}\n',
      defaults: '- username: admin\n',
      file: 'defaults.yaml',
      at: '1:1',
      diagnostic: 'TYPE_INVALID',
    },
    {
      what: 'a bad port in a group',
      groups: 'core:\n  port: ssh\n',
      defaults: '',
      file: 'groups.yaml',
      at: '2:9',
      diagnostic: 'VALUE_INVALID',
    },
    {
      what: 'a bad platform in the defaults',
      groups: 'core: {}\n',
      defaults: 'platform: ios_xr\n',
      file: 'defaults.yaml',
      at: '1:11',
      diagnostic: 'VALUE_INVALID',
      noPlatform: true,
    },
  ])('$what: located in $file', async ({ what, groups, defaults, file, at, diagnostic, noPlatform }) => {
    const dir = files(what.replaceAll(' ', '-'), {
      // An empty defaults file is no defaults, as in Nornir.
      'hosts.yaml': noPlatform ? host.replace('  platform: ios\n', '') : host,
      'groups.yaml': groups,
      'defaults.yaml': defaults,
    });
    const { code, message } = await failureOf(dir);
    expect(code).toBe('INVENTORY_INVALID');
    expect(message.slice(0, join(dir, file).length + at.length + 3)).toBe(`${join(dir, file)}:${at}: `);
    expect(message).toMatch(new RegExp(` \\[${diagnostic}\\]$`));
  });
});
