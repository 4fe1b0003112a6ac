/**
 * `show running-config` as EOS's JSON: the text the CLI renders, as a tree of commands, each
 * `null` or `{comments, cmds}` for the sub-mode it opens (shape from an eAPI capture of cEOS 4.34,
 * where `interface Ethernet3` with nothing under it still is `{"comments": [], "cmds": {}}`).
 */
import { renderShowRunningConfig, renderShowRunningConfigAll } from '../render/running-config.js';
import type { RenderContext } from '../../../device/render-context.js';

interface Block {
  comments: string[];
  cmds: Record<string, Block | null>;
}

interface Line {
  depth: number;
  text: string;
}

/** EOS indents each sub-mode by three spaces. */
const INDENT = 3;

/** Commands that enter a configuration mode, so they own a block even when it is empty. */
const MODE_COMMANDS = /^(interface|router|vlan|management|ip access-list|route-map) /;

export const runningConfigModel = (ctx: RenderContext) => configTree(renderShowRunningConfig(ctx));
export const runningConfigAllModel = (ctx: RenderContext) => configTree(renderShowRunningConfigAll(ctx));

/** The configuration's text as EOS's JSON tree: every line a key, its sub-commands under `cmds`. */
function configTree(text: string): object {
  const header: string[] = [];
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const text = raw.trim();
    if (text === '' || text === '!' || text === 'end' || text.startsWith('! Command:')) continue;
    if (text.startsWith('! device:') || text.startsWith('! boot system')) header.push(text);
    else lines.push({ depth: Math.floor((raw.length - raw.trimStart().length) / INDENT), text });
  }
  return { header, ...buildBlock(lines, 0, lines.length) };
}

/** The block made of `lines[from, to)`, all one level below their parent. */
function buildBlock(lines: readonly Line[], from: number, to: number): Block {
  const block: Block = { comments: [], cmds: {} };
  let i = from;
  while (i < to) {
    const { depth, text } = lines[i]!;
    let end = i + 1;
    while (end < to && lines[end]!.depth > depth) end++;
    if (text.startsWith('!!')) block.comments.push(text.replace(/^!!\s?/, ''));
    else block.cmds[text] = end > i + 1 || MODE_COMMANDS.test(text) ? buildBlock(lines, i + 1, end) : null;
    i = end;
  }
  return block;
}
