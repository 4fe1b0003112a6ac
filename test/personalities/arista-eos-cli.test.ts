/** EOS CLI beyond the show table: `| json` from the eAPI models, configuration sessions. */
import { describe, expect, it } from 'vitest';
import { openTerminal } from '../terminal.js';
import { aristaEosPersonality } from '../../simulator/personalities/arista-eos/personality.js';
import { EOS_JSON_MODELS } from '../../simulator/personalities/arista-eos/json/index.js';

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
  it.each(Object.keys(EOS_JSON_MODELS))('%s | json prints the eAPI model', async (command) => {
    const s = await enabled();
    const printed = JSON.parse(answer(s.type(`${command} | json\r`), `${command} | json`)) as object;
    const model = EOS_JSON_MODELS[command]!(s.device.renderContext());
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
