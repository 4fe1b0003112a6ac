/**
 * How a Junos configuration change lands in a DeviceConfig, whoever makes it: the CLI's `set` /
 * `delete` in configuration mode, or NETCONF's `load-configuration` (set lines, curly-brace text or
 * `<configuration>` XML turned into set lines). The statements the simulator models take effect
 * (`system host-name`, an interface's `description` and `disable`); every other statement is kept
 * as the line it was entered as, which `show configuration` lists.
 */
import type { DeviceConfig } from '../../device/render-context.js';

/** Words of a configuration line, quotes removed (`description "to r2"` → `description`, `to r2`). */
export function configWords(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return words;
}

const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/**
 * Applies one `set …` / `delete …` line (full path from the top) to `config`; returns an error
 * message when a modelled statement gets a value Junos refuses, undefined otherwise.
 */
export function applyConfigLine(config: DeviceConfig, line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  const [verb, ...path] = configWords(trimmed);
  if (verb !== 'set' && verb !== 'delete') return `syntax error: ${verb ?? ''}`;
  if (path[0] === 'system' && path[1] === 'host-name') {
    if (verb === 'delete') {
      config.hostname = 'Amnesiac';
      return undefined;
    }
    const name = path[2];
    if (name === undefined || path.length !== 3) return 'syntax error, expecting <data>';
    if (!HOSTNAME.test(name)) return `invalid value: ${name}`;
    config.hostname = name;
    return undefined;
  }
  if (
    path[0] === 'interfaces' &&
    path[1] !== undefined &&
    (path[2] === 'description' || path[2] === 'disable')
  ) {
    const name = path[1];
    const settings = { ...(config.interfaces.get(name) ?? {}) };
    if (path[2] === 'description') {
      if (verb === 'delete') delete settings.description;
      else {
        if (path[3] === undefined || path.length !== 4) return 'syntax error, expecting <data>';
        settings.description = path[3];
      }
    } else if (verb === 'delete') settings.shutdown = false;
    else settings.shutdown = true;
    config.interfaces.set(name, settings);
    return undefined;
  }
  config.lines.push(trimmed);
  return undefined;
}

/**
 * Curly-brace configuration text (`system { host-name r1; }`) as set lines (`set system host-name
 * r1`); `delete:`-tagged statements become delete lines. Undefined when the braces do not balance.
 */
export function textToSetLines(text: string): string[] | undefined {
  const lines: string[] = [];
  const stack: string[][] = [];
  let current: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([{};])|(\/\*[\s\S]*?\*\/)|(#[^\n]*)|([^\s{};"]+)/g;
  const quote = (w: string) => (/[\s;{}]/.test(w) || w === '' ? `"${w}"` : w);
  let deleting = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3] !== undefined || m[4] !== undefined) continue;
    if (m[2] === '{') {
      stack.push(current);
      current = [];
      continue;
    }
    if (m[2] === '}') {
      if (stack.length === 0) return undefined;
      stack.pop();
      current = [];
      continue;
    }
    if (m[2] === ';') {
      const path = [...stack.flat(), ...current];
      if (path.length > 0) lines.push(`${deleting ? 'delete' : 'set'} ${path.join(' ')}`);
      current = [];
      deleting = false;
      continue;
    }
    const word = m[1] !== undefined ? quote(m[1]) : m[5]!;
    if (word === 'delete:' && current.length === 0) {
      deleting = true;
      continue;
    }
    current.push(word);
  }
  return stack.length === 0 ? lines : undefined;
}
