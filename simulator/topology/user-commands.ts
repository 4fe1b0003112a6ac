/**
 * User-defined commands: merged over defaults → kind → node, their words and templates checked
 * here, at load time, so that nothing about them can fail for a reason the file could have shown.
 */
import { compileTemplate, type Catalogue } from '../format/template.js';
import type { CommandMode, UserCommand } from './model.js';
import type { Reporter } from './reporter.js';
import type { RawCommands } from './schema.js';
import type { PathSegment } from './source.js';
import { closestNames } from './suggest.js';

/**
 * What a command template may read. The personalities fill these from the device's state at the
 * moment the command runs (hostname after `hostname X`, descriptions set in configuration).
 */
export const COMMAND_VARIABLES = {
  hostname: 'text',
  fqdn: 'text',
  domain: 'text',
  platform: 'text',
  model: 'text',
  serial: 'text',
  version: 'text',
  mgmt_address: 'text',
  base_mac: 'text',
  uptime: 'text',
  uptime_seconds: 'text',
  labels: 'map',
  interfaces: {
    list: {
      name: 'text',
      description: 'text',
      status: 'text',
      address: 'text',
      ip: 'text',
      prefix: 'text',
      mac: 'text',
      speed: 'text',
      mgmt: 'flag',
      connected: 'flag',
      shutdown: 'flag',
      peer_node: 'text',
      peer_interface: 'text',
    },
  },
  neighbors: {
    list: {
      protocol: 'text',
      local_interface: 'text',
      device_id: 'text',
      neighbor: 'text',
      remote_interface: 'text',
      neighbor_platform: 'text',
      neighbor_model: 'text',
      neighbor_version: 'text',
      neighbor_address: 'text',
      capabilities: 'text',
      holdtime: 'text',
    },
  },
  arp: { list: { ip: 'text', mac: 'text', interface: 'text', age: 'text' } },
} as const satisfies Catalogue;

const DEFAULT_MODES: CommandMode[] = ['user', 'privileged'];

/** The commands of one node: defaults, then its kind's, then its own, later ones replacing earlier. */
export function resolveUserCommands(
  layers: ReadonlyArray<{ commands: RawCommands | undefined; path: PathSegment[] }>,
): UserCommand[] {
  const merged = new Map<string, UserCommand>();
  for (const { commands, path } of layers) {
    for (const [key, value] of Object.entries(commands ?? {})) {
      const words = splitCommandWords(key);
      const id = words.join(' ');
      if (value === null) {
        merged.delete(id);
        continue;
      }
      const spec = typeof value === 'string' ? { template: value } : value;
      const origin = `${[...path].join('.')}["${key}"]`;
      merged.set(id, {
        words,
        modes: spec.modes ? [...new Set(spec.modes)] : DEFAULT_MODES,
        ...(spec.help ? { help: spec.help } : {}),
        output: 'text' in spec ? { text: spec.text } : { template: spec.template },
        origin,
      });
    }
  }
  return [...merged.values()];
}

/** Checks a layer's words and templates once (a default's template once, not once per node). */
export function checkUserCommands(
  commands: RawCommands | undefined,
  path: PathSegment[],
  reporter: Reporter,
): void {
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(commands ?? {})) {
    if (!checkWords(key, [...path, key], reporter)) continue;
    const id = splitCommandWords(key).join(' ');
    const first = seen.get(id);
    if (first !== undefined)
      reporter.report(
        'COMMAND_INVALID',
        `"${key}" is the same command as "${first}"; keep one`,
        [...path, key],
        true,
      );
    seen.set(id, key);
    const template =
      typeof value === 'string' ? value : value && 'template' in value ? value.template : undefined;
    if (template === undefined) continue;
    const valuePath = typeof value === 'string' ? [...path, key] : [...path, key, 'template'];
    for (const problem of compileTemplate(template, COMMAND_VARIABLES).problems) {
      const near = problem.unknown && problem.valid ? closestNames(problem.unknown, problem.valid) : [];
      const hint = near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
      const message = hint ? problem.message.replace(/;(?= valid:)/, `${hint}`) : problem.message;
      reporter.reportAt(
        'TEMPLATE_INVALID',
        `${message} (template line ${problem.line}, column ${problem.column})`,
        valuePath,
        { within: problem },
      );
    }
  }
}

/** `"show  Platform"` → `['show', 'platform']`: keywords match case-insensitively, as built-ins do. */
export function splitCommandWords(key: string): string[] {
  return key.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

function checkWords(key: string, path: PathSegment[], reporter: Reporter): boolean {
  const words = splitCommandWords(key);
  const bad = /[|?]/.exec(key)?.[0] ?? [...key].find((ch) => ch < ' ' || ch === '\x7f');
  if (words.length === 0)
    reporter.report('COMMAND_INVALID', 'a command needs at least one word, e.g. "show platform"', path, true);
  else if (bad)
    reporter.report(
      'COMMAND_INVALID',
      `"${key}" cannot be typed as a command: ${bad === '|' ? '"|" starts a pipe' : bad === '?' ? '"?" asks for help' : 'control characters'}; use words of letters, digits and punctuation`,
      path,
      true,
    );
  else return true;
  return false;
}
