/**
 * Configuration sessions as EOS shows them: `show configuration sessions` and
 * `show session-config diffs`, a unified diff of the running configuration against the session's.
 */
import type { ConfigSession, RenderContext } from '../../../device/render-context.js';
import { renderUnifiedDiff } from './unified-diff.js';
import { renderShowRunningConfig } from './running-config.js';
import { left } from './text.js';

/** EOS keeps one committed session and five pending ones (the `show configuration sessions` header). */
export const MAX_COMPLETED_SESSIONS = 1;
export const MAX_PENDING_SESSIONS = 5;

export const sessionsOf = (ctx: RenderContext): ReadonlyMap<string, ConfigSession> =>
  ctx.config.sessions ?? new Map();

/** Renders `show configuration sessions`: the limits, then one row per session, oldest first. */
export function renderShowConfigurationSessions(ctx: RenderContext): string {
  const sessions = [...sessionsOf(ctx)];
  const width = Math.max(23, ...sessions.map(([name]) => name.length));
  return [
    `Maximum number of completed sessions: ${MAX_COMPLETED_SESSIONS}`,
    `Maximum number of pending sessions: ${MAX_PENDING_SESSIONS}`,
    '',
    `  ${left('Name', width)} ${left('State', 13)} ${left('User', 20)} Terminal`,
    `  ${'-'.repeat(width)} ${'-'.repeat(13)} ${'-'.repeat(20)} --------`,
    ...sessions.map(([name, s]) => `  ${left(name, width)} ${left(s.state, 13)}`.trimEnd()),
  ].join('\n');
}

/**
 * Renders `show session-config diffs` for session `name`: nothing when it changes nothing. The
 * session's text keeps the running configuration's header, so only configuration lines differ.
 */
export function renderSessionConfigDiffs(ctx: RenderContext, name: string): string {
  const session = ctx.config.sessions?.get(name);
  if (!session) return '';
  const running = renderShowRunningConfig(ctx).split('\n');
  const candidate = renderShowRunningConfig({ ...ctx, config: session.config }).split('\n');
  candidate.splice(0, 2, ...running.slice(0, 2));
  return renderUnifiedDiff(running, candidate, 'system:/running-config', `session:/${name}-session-config`);
}
