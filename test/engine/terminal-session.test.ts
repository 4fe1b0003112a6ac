import { describe, expect, it } from 'vitest';
import { openTerminal } from '../terminal.js';
import { ciscoIosPersonality } from '../../simulator/personalities/cisco-ios/personality.js';

function session(terminal = { width: 80, length: 0 }) {
  return openTerminal('routers-10', 'R1', ciscoIosPersonality, { terminal });
}

describe('terminal session (IOS)', () => {
  it('echoes, accepts \\r, \\n and \\r\\n as one Enter, and re-prompts on a bare Enter', async () => {
    const s = await session();
    expect(s.type('\r')).toBe('\r\nR1>');
    expect(s.type('\n')).toBe(''); // completes the CR LF begun in the previous packet
    expect(s.type('\n')).toBe('\r\nR1>'); // a lone LF is an Enter of its own
    expect(s.type('\r\n')).toBe('\r\nR1>');
    expect(s.type('\r\r')).toBe('\r\nR1>\r\nR1>');
  });

  it('prints the IOS invalid-input caret under the first failing character', async () => {
    const s = await session();
    expect(s.type('show foo\r')).toBe(
      "show foo\r\n        ^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1>",
    );
    expect(s.type('configure terminal\r')).toContain('\r\n   ^\r\n% Invalid input'); // user mode: no "configure"
  });

  it('prints incomplete and ambiguous errors as IOS does', async () => {
    const s = await session();
    expect(s.type('show\r')).toBe('show\r\n% Incomplete command.\r\n\r\nR1>');
    expect(s.type('e\r')).toBe('e\r\n% Ambiguous command:  "e"\r\nR1>');
  });

  it('enable asks for the secret without echo, three tries, then % Bad secrets', async () => {
    const s = await session();
    expect(s.type('enable\r')).toBe('enable\r\nPassword: ');
    expect(s.type('nope\r')).toBe('\r\nPassword: ');
    expect(s.type('admin\r')).toBe('\r\nR1#');
    expect(s.type('disable\r')).toBe('disable\r\nR1>');
    s.type('enable\r');
    s.type('a\r');
    s.type('b\r');
    expect(s.type('c\r')).toBe('\r\n% Bad secrets\r\n\r\nR1>');
  });

  it('walks the configuration modes and keeps changes', async () => {
    const s = await session();
    s.type('enable\radmin\r');
    expect(s.type('conf t\r')).toBe(
      'conf t\r\nEnter configuration commands, one per line.  End with CNTL/Z.\r\nR1(config)#',
    );
    expect(s.type('interface GigabitEthernet2\r')).toBe('interface GigabitEthernet2\r\nR1(config-if)#');
    s.type('description core uplink\r');
    expect(s.type('exit\r')).toBe('exit\r\nR1(config)#');
    expect(s.type('hostname EDGE1\r')).toBe('hostname EDGE1\r\nEDGE1(config)#');
    expect(s.type('interface Gi99\r')).toContain("^\r\n% Invalid input detected at '^' marker.");
    expect(s.type('\x1a')).toBe('^Z\r\nEDGE1#');
    expect(s.device.config().interfaces.get('GigabitEthernet2')).toEqual({ description: 'core uplink' });
  });

  it('runs a global command typed in a sub-mode in global configuration, and moves there', async () => {
    const s = await session();
    s.type('enable\radmin\rconf t\r');
    expect(s.type('interface GigabitEthernet2\r')).toBe('interface GigabitEthernet2\r\nR1(config-if)#');
    expect(s.type('hostname EDGE2\r')).toBe('hostname EDGE2\r\nEDGE2(config)#');
    expect(s.type('description not here\r')).toContain("% Invalid input detected at '^' marker.");
    s.type('interface GigabitEthernet3\r');
    expect(s.type('bogus\r')).toContain("% Invalid input detected at '^' marker.");
    expect(s.type('shutdown\r')).toBe('shutdown\r\nEDGE2(config-if)#');
  });

  it('handles backspace, Ctrl-U, Ctrl-C and arrow keys', async () => {
    const s = await session();
    expect(s.type('shx\x7f')).toBe('shx\b \b');
    expect(s.type('\x15')).toBe('\b \b'.repeat(2));
    expect(s.type('show cl\x03')).toBe('show cl\r\nR1>');
    expect(s.type('\x1b[A\x1b[D')).toBe('');
    expect(s.type('show clock\r')).toMatch(/^show clock\r\n\*09:30:00\.000 UTC Thu Jan 15 2026\r\nR1>$/);
  });

  it('answers ? with the possible next words and keeps the line', async () => {
    const s = await session();
    const out = s.type('terminal ?');
    expect(out).toContain('  length');
    expect(out).toContain('  width');
    expect(out.endsWith('R1>terminal ')).toBe(true);
  });

  it('pages long output with --More-- when the terminal has a length', async () => {
    const s = await session({ width: 80, length: 3 });
    s.type('enable\radmin\r');
    s.type('conf t\r');
    for (const line of [
      'logging host 10.0.0.1',
      'logging host 10.0.0.2',
      'logging host 10.0.0.3',
      'logging host 10.0.0.4',
    ])
      s.type(line + '\r');
    s.type('end\r');
    s.type('do show clock\r');
    // `show running-config` arrives with the renderers; paging is exercised with a multi-line ping
    const first = s.type('ping 10.9.9.9\r');
    expect(first).toMatch(/ --More-- $/);
    const rest = s.type(' ');
    expect(rest.startsWith('\b'.repeat(9) + ' '.repeat(8) + '\b'.repeat(9))).toBe(true);
    expect(rest.endsWith('R1#')).toBe(true);
  });

  it('drops characters beyond the longest line and ignores control bytes', async () => {
    const s = await session();
    const echo = s.type('x'.repeat(5000));
    expect(echo).toHaveLength(4096);
    s.type('\x15');
    expect(s.type('\x00\x01\x02\x05')).toBe('');
  });

  it('exit closes the session', async () => {
    const s = await session();
    s.type('exit\r');
    expect(s.closed).toBe(true);
  });
});
