/** Output filters after `|`: each platform names its own (IOS include/exclude/begin/section/count). */

/** The command a filter's text came from, for filters that answer from the command itself (EOS `| json`). */
export interface PipeSource {
  /** The command spelled out (`show version`). */
  canonical: string;
  /** The device the command ran on, as the engine holds it. */
  device: unknown;
  /** The command's parameters by name (`interface` of `show interfaces <interface>`). */
  args: Readonly<Record<string, string>>;
}

export type Filter = (text: string, source?: PipeSource) => string;

/** One `| name argument` filter of a platform. */
export interface PipeSpec {
  /** Whether the filter takes a pattern (`include foo`) or stands alone (`no-more`). */
  argument: boolean;
  create(pattern: RegExp | undefined): Filter;
  /** The filter turns paging off for this command. */
  noPaging?: boolean;
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
  const found = Object.keys(pipes).filter((f) => name && f.startsWith(name));
  if (found.length !== 1)
    return { command, error: 'invalid', column: at + 1 + (after.length - after.trimStart().length) };
  const spec = pipes[found[0]!]!;
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
