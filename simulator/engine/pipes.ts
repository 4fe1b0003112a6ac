/** Output filters after `|`: each platform names its own (IOS include/exclude/begin/section/count). */
import type { CommandSpec, SessionState } from './types.js';

/**
 * What ran, for filters that answer from the command rather than from its text (Junos
 * `| display xml` prints the command's reply model). The device is the personality's own type.
 */
export interface PipeSource {
  canonical: string;
  /** Parameter values by name, as the command got them. */
  args: Readonly<Record<string, string>>;
  device: unknown;
  session: SessionState;
  /** The commands the device has (commandsOf), for a filter that parses the command again. */
  commands: readonly CommandSpec<unknown>[];
}

export type Filter = (text: string, source: PipeSource) => string;

/** One `| name argument` filter of a platform. */
export interface PipeSpec {
  /** Whether the filter takes a pattern (`include foo`) or stands alone (`no-more`). */
  argument: boolean;
  create(pattern: RegExp | undefined): Filter;
  /** The filter turns paging off for this command. */
  noPaging?: boolean;
  /**
   * The pipe asks the command for another output format (NX-OS `| json`): the command prints it
   * itself, and a command that has no such format refuses the pipe as invalid input.
   */
  format?: string;
}

const lines = (text: string) => text.split('\n');

/** Builds a filter that keeps the lines a predicate accepts. */
export function lineFilter(keep: (line: string, re: RegExp) => boolean): PipeSpec {
  return {
    argument: true,
    create: (re) => (text) =>
      lines(text)
        .filter((l) => keep(l, re!))
        .join('\n'),
  };
}

export const IOS_PIPES: Readonly<Record<string, PipeSpec>> = {
  include: lineFilter((l, re) => re.test(l)),
  exclude: lineFilter((l, re) => !re.test(l)),
  begin: {
    argument: true,
    create: (re) => (text) => {
      const all = lines(text);
      const at = all.findIndex((l) => re!.test(l));
      return at < 0 ? '' : all.slice(at).join('\n');
    },
  },
  section: {
    argument: true,
    create: (re) => (text) => {
      const out: string[] = [];
      let inSection = false;
      for (const line of lines(text)) {
        if (!line.startsWith(' ')) inSection = re!.test(line);
        if (inSection) out.push(line);
      }
      return out.join('\n');
    },
  },
  count: {
    argument: true,
    create: (re) => (text) =>
      `Number of lines which match regexp = ${lines(text).filter((l) => re!.test(l)).length}`,
  },
};

export interface PipedLine {
  command: string;
  filter?: Filter;
  noPaging?: boolean;
  /** The output format the pipe asks for (see PipeSpec.format). */
  format?: string;
  error?: 'invalid' | 'incomplete';
  column?: number;
}

/** Splits `show run | include foo` into the command and its filter, or reports a bad filter. */
export function splitPipe(line: string, pipes: Readonly<Record<string, PipeSpec>>): PipedLine {
  const at = line.indexOf('|');
  if (at < 0) return { command: line };
  const command = line.slice(0, at);
  const after = line.slice(at + 1);
  const match = /^\s*(\S+)\s*(.*)$/.exec(after);
  const name = match?.[1]?.toLowerCase() ?? '';
  const column = at + 1 + (after.length - after.trimStart().length);
  const names = Object.keys(pipes);
  const found = names.includes(name) ? [name] : names.filter((f) => name && f.startsWith(name));
  if (found.length !== 1) return { command, error: 'invalid', column };
  const spec = pipes[found[0]!]!;
  if (spec.format !== undefined) return { command, format: spec.format, column };
  const pattern = match?.[2]?.trim() ?? '';
  if (spec.argument && !pattern) return { command, error: 'incomplete' };
  const regex = spec.argument ? toRegex(pattern) : undefined;
  return { command, filter: spec.create(regex), ...(spec.noPaging ? { noPaging: true } : {}) };
}

function toRegex(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}
