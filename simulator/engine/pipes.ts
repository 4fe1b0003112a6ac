/** Output filters after `|`: include, exclude, begin, section, count (regular expressions, as on IOS). */

export type Filter = (text: string) => string;

const FILTERS: Record<string, (pattern: RegExp) => Filter> = {
  include: (re) => (text) =>
    lines(text)
      .filter((l) => re.test(l))
      .join('\n'),
  exclude: (re) => (text) =>
    lines(text)
      .filter((l) => !re.test(l))
      .join('\n'),
  begin: (re) => (text) => {
    const all = lines(text);
    const at = all.findIndex((l) => re.test(l));
    return at < 0 ? '' : all.slice(at).join('\n');
  },
  section: (re) => (text) => {
    const out: string[] = [];
    let inSection = false;
    for (const line of lines(text)) {
      if (!line.startsWith(' ')) inSection = re.test(line);
      if (inSection) out.push(line);
    }
    return out.join('\n');
  },
  count: (re) => (text) =>
    `Number of lines which match regexp = ${lines(text).filter((l) => re.test(l)).length}`,
};

const lines = (text: string) => text.split('\n');

/** Splits `show run | include foo` into the command and a filter, or reports a bad filter. */
export function splitPipe(line: string): {
  command: string;
  filter?: Filter;
  error?: 'invalid' | 'incomplete';
  column?: number;
} {
  const at = line.indexOf('|');
  if (at < 0) return { command: line };
  const command = line.slice(0, at);
  const match = /^\|\s*(\S+)\s*(.*)$/.exec(line.slice(at));
  const name = match?.[1]?.toLowerCase() ?? '';
  const found = Object.keys(FILTERS).filter((f) => name && f.startsWith(name));
  if (found.length !== 1)
    return {
      command,
      error: 'invalid',
      column: at + 1 + (line.slice(at + 1).length - line.slice(at + 1).trimStart().length),
    };
  const pattern = match?.[2]?.trim() ?? '';
  if (!pattern) return { command, error: 'incomplete' };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    regex = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  return { command, filter: FILTERS[found[0]!]!(regex) };
}
