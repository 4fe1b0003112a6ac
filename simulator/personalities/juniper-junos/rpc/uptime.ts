/**
 * `get-system-uptime-information` (`show system uptime`) and `get-system-users-information`
 * (`show system users`). Uptime: `<current-time>`, `<time-source>`, then the boot, protocols and
 * commit moments, each a `<date-time junos:seconds=epoch>` with a `<time-length junos:seconds=age>`,
 * and `<uptime-information>` (the `w` line: clock, up-time, user count, load averages); users: that
 * `<uptime-information>` with a `<user-table>` of `<user-entry>` rows. Element names and order from
 * `show system uptime | display xml` captures (QFX 18.3R3, 23.2R1); a virtual chassis answers per
 * member, as its CLI does. Values are the CLI's (render/uptime.ts, render/users.ts).
 */
import { junosUserSessions } from '../render/users.js';
import { junosUptimeFacts, renderAgo, renderBsdClock, renderUtcStamp } from '../render/uptime.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';
import { junosNamespace, perMemberElement } from './namespaces.js';

const epoch = (ms: number) => String(Math.floor(ms / 1000));

const dateTime = (ms: number) => leaf('date-time', renderUtcStamp(ms), [['junos:seconds', epoch(ms)]]);

function moment(ctx: RenderContext, name: string, ms: number, extra: JunosElement[] = []): JunosElement {
  const age = Math.max(0, Math.floor((ctx.now - ms) / 1000));
  return element(name, [
    dateTime(ms),
    leaf('time-length', renderAgo(age), [['junos:seconds', String(age)]]),
    ...extra,
  ]);
}

/** The `w` line: ` 9:30AM  up 15 days,  6:07, 1 user, load averages: …`. */
function uptimeInformation(ctx: RenderContext, userTable: JunosElement[]): JunosElement {
  const f = junosUptimeFacts(ctx);
  return element('uptime-information', [
    leaf('date-time', f.clock.trim(), [['junos:seconds', epoch(f.now)]]),
    leaf('up-time', f.upTime.trim(), [['junos:seconds', String(f.upSeconds)]]),
    leaf('active-user-count', f.users, [['junos:format', `${f.users} user${f.users === 1 ? '' : 's'}`]]),
    leaf('load-average-1', f.loadAverages[0]),
    leaf('load-average-5', f.loadAverages[1]),
    leaf('load-average-15', f.loadAverages[2]),
    element('user-table', userTable),
  ]);
}

export function buildSystemUptime(ctx: RenderContext): JunosElement {
  const f = junosUptimeFacts(ctx);
  return perMemberElement(
    ctx,
    element(
      'system-uptime-information',
      [
        element('current-time', [dateTime(f.now)]),
        leaf('time-source', ' LOCAL CLOCK '),
        moment(ctx, 'system-booted-time', f.booted),
        moment(ctx, 'protocols-started-time', f.protocols),
        moment(ctx, 'last-configured-time', f.configured, [leaf('user', f.configuredBy)]),
        uptimeInformation(ctx, []),
      ],
      [junosNamespace(ctx, 'junos')],
    ),
  );
}

export function buildSystemUsers(ctx: RenderContext): JunosElement {
  const entries = junosUserSessions(ctx).map((s) =>
    element('user-entry', [
      leaf('user', s.user),
      leaf('tty', s.tty),
      leaf('from', s.from),
      leaf('login-time', renderBsdClock(s.loginAt).trim(), [['junos:seconds', epoch(s.loginAt)]]),
      leaf('idle-time', s.idle, [['junos:seconds', '0']]),
      leaf('command', s.what),
    ]),
  );
  return perMemberElement(
    ctx,
    element('system-users-information', [uptimeInformation(ctx, entries)], [junosNamespace(ctx, 'junos')]),
  );
}
