/** EOS CLI beyond the show table: `| json` from the eAPI models, configuration sessions. */
import { describe, expect, it } from 'vitest';
import { openTerminal } from '../terminal.js';
import { aristaEosPersonality } from '../../simulator/personalities/arista-eos/personality.js';
import { EOS_JSON_MODELS } from '../../simulator/personalities/arista-eos/json/index.js';
import {
  renderShowIpInterfaceBrief,
  renderShowVlan,
} from '../../simulator/personalities/arista-eos/render/interface-tables.js';
import { renderContextFor } from '../device.js';

async function enabled() {
  const s = await openTerminal('lab-100', 'r2-ar08', aristaEosPersonality, {
    terminal: { width: 80, length: 0 },
    lf: true,
  });
  s.type('\r');
  s.type('enable\radmin\r');
  return s;
}

/** The output of one command, without its echo and the prompt after it. */
function answer(typed: string, line: string): string {
  const lines = typed.split('\n');
  expect(lines[0]).toBe(line);
  return lines.slice(1, -1).join('\n');
}

describe('EOS | json', () => {
  const commands = Object.keys(EOS_JSON_MODELS).map((c) => c.replace('<interface>', 'Ethernet3'));
  it.each(commands)('%s | json prints the eAPI model', async (command) => {
    const s = await enabled();
    const printed = JSON.parse(answer(s.type(`${command} | json\r`), `${command} | json`)) as object;
    const canonical = command.replace('Ethernet3', '<interface>');
    const model = EOS_JSON_MODELS[canonical]!(s.device.renderContext(), { interface: 'Ethernet3' });
    expect(printed).toEqual(JSON.parse(JSON.stringify(model)));
  });

  it('prints keys sorted with a four-space indent, as Ansible json.loads it', async () => {
    const s = await enabled();
    expect(answer(s.type('show hostname | json\r'), 'show hostname | json')).toBe(
      '{\n    "fqdn": "r2-ar08.lab.example.com",\n    "hostname": "r2-ar08"\n}',
    );
    expect(s.type('sh ver | js\r')).toContain('"modelName": "DCS-7280SR-48C6"');
  });

  it('refuses a command without a JSON model', async () => {
    const s = await enabled();
    expect(s.type('terminal length 0 | json\r')).toContain('% This is an unconverted command');
  });
});

describe('EOS configuration sessions', () => {
  it('edits a copy until commit, shows the diff, and keeps the session pending after end', async () => {
    const s = await enabled();
    expect(s.type('configure session ansible_176543210\r')).toBe(
      'configure session ansible_176543210\nr2-ar08(config-s-ansible_17)#',
    );
    s.type('hostname eos1-renamed\r');
    expect(s.type('interface Et3\r')).toBe('interface Et3\nr2-ar08(config-s-ansible_17-if-Et3)#');
    s.type('description via session\r');
    expect(s.device.config().hostname).toBe('r2-ar08');
    expect(s.device.config().interfaces.get('Ethernet3')).toBeUndefined();
    const diff = answer(s.type('show session-config diffs\r'), 'show session-config diffs').split('\n');
    expect(diff.slice(0, 3)).toEqual([
      '--- system:/running-config',
      '+++ session:/ansible_176543210-session-config',
      '@@ -9,7 +9,7 @@',
    ]);
    expect(diff).toContain('-hostname r2-ar08');
    expect(diff).toContain('+hostname eos1-renamed');
    expect(diff).toContain('+   description via session');
    expect(s.type('end\r')).toBe('end\nr2-ar08#');
    expect(s.type('show configuration sessions\r')).toMatch(/\n {2}ansible_176543210 +pending\nr2-ar08#$/);
    expect(s.type('configure session ansible_176543210\r')).toMatch(/\(config-s-ansible_17\)#$/);
    expect(answer(s.type('show session-config diffs\r'), 'show session-config diffs')).toContain(
      '+hostname eos1-renamed',
    );
    expect(s.type('abort\r')).toBe('abort\nr2-ar08#');
    expect(s.device.config().hostname).toBe('r2-ar08');
    expect(s.type('show configuration sessions\r')).toMatch(/-{8}\nr2-ar08#$/);
  });

  it('applies the session on commit and keeps it as the completed one', async () => {
    const s = await enabled();
    s.type('configure session one\r');
    s.type('hostname renamed\r');
    expect(s.type('commit\r')).toBe('commit\nrenamed#');
    expect(s.device.config().hostname).toBe('renamed');
    expect(s.type('show configuration sessions\r')).toMatch(/\n {2}one +completed\nrenamed#$/);
    expect(s.type('commit\r')).toBe("commit\n% Invalid input (at token 0: 'commit')\nrenamed#");
  });

  it('shows no diff for a session that changes nothing', async () => {
    const s = await enabled();
    s.type('configure session quiet\r');
    expect(s.type('show session-config diffs\r')).toBe('show session-config diffs\nr2-ar08(config-s-quiet)#');
  });

  it('refuses a sixth pending session', async () => {
    const s = await enabled();
    for (const n of [1, 2, 3, 4, 5]) {
      s.type(`configure session s${n}\r`);
      s.type('end\r');
    }
    expect(s.type('configure session s6\r')).toBe(
      'configure session s6\n% Maximum number of pending sessions has been reached\nr2-ar08#',
    );
    expect(s.type('configure session s3\r')).toMatch(/\(config-s-s3\)#$/);
  });
});

describe('EOS one-line views', () => {
  it('lists up switched ports in VLAN 1, wrapped at the Ports column', async () => {
    const ctx = await renderContextFor('lab-100', 'r2-ar08');
    const interfaces = ctx.state.interfaces.map((i) => (i.mgmt ? i : { ...i, address: undefined }));
    const switched = { ...ctx, state: { ...ctx.state, interfaces } };
    const lines = renderShowVlan(switched).split('\n');
    expect(lines[2]).toBe('1     default                          active    Et1, Et2, Et3, Et4, Et5, Et6,');
    expect(lines[3]).toMatch(/^ {49}Et7, Et8, /);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(renderShowIpInterfaceBrief(switched).split('\n').slice(3)).toEqual([
      expect.stringMatching(/^Management1 +\S+\/\d+ +up +up +1500 +$/),
    ]);
  });
});
