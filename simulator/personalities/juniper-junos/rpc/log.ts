/**
 * `get-log` (`show log messages`): Juniper's method catalogue (jroute_methods) says it takes a
 * `<filename>` and returns `<file-content>`: the file itself, as text. The text is the one the CLI
 * prints (render/log.ts), between newlines so the lines start at column 0, as the CLI shows
 * `<file-content>`. The `filename` attribute names the file under /var/log.
 */
import { renderShowLogMessages } from '../render/log.js';
import type { RenderContext } from '../../../device/render-context.js';
import { leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX } from './namespaces.js';

/** The log files this box keeps (`show log <file>`). */
export const LOG_FILES: ReadonlySet<string> = new Set(['messages']);

export function buildLogFile(ctx: RenderContext, filename: string): JunosElement {
  const content = renderShowLogMessages(ctx);
  return leaf('file-content', `\n${content}\n`, [JUNOS_PREFIX, ['filename', `/var/log/${filename}`]]);
}
