/**
 * `show configuration sessions` as EOS's JSON: the limits and each session by name. Key names as
 * recalled from eAPI answers, not checked against a capture (none found).
 */
import type { RenderContext } from '../../../device/render-context.js';
import { MAX_COMPLETED_SESSIONS, MAX_PENDING_SESSIONS, sessionsOf } from '../render/config-sessions.js';

export function configurationSessionsModel(ctx: RenderContext): object {
  const sessions: Record<string, object> = {};
  for (const [name, s] of sessionsOf(ctx))
    sessions[name] = {
      state: s.state,
      completedTime: s.completedAt === undefined ? 0 : s.completedAt / 1000,
      commitUser: s.committedBy ?? '',
      description: '',
      instances: {},
    };
  return {
    sessions,
    maxSavedSessions: MAX_COMPLETED_SESSIONS,
    maxOpenSessions: MAX_PENDING_SESSIONS,
    mergeOnCommit: false,
    saveToStartupConfigOnCommit: false,
  };
}
