/**
 * `show logging`: the logging setup, then a buffer replayed from state: the restart, each cabled
 * port coming up after it, and each port whose cable was pulled (drift) going down later; then the
 * links that went down or up while the fleet ran. After a reboot at runtime the buffer starts there.
 */
import { specOf } from '../../../state/identity.js';
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { beforeLinkEvents, loggedLinkEvents } from '../../link-events.js';
import { softwareBanner } from '../../software.js';
import { listedInterfaces } from './ports.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `*Jan 15 09:28:12.345` (`service timestamps log datetime msec`; `*`: the clock is not synchronised). */
function stamp(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `*${MONTHS[d.getUTCMonth()]!} ${day} ${time}`;
}

interface LogEvent {
  at: number;
  lines: string[];
}

const linkEvents = (name: string, at: number, state: 'up' | 'down'): LogEvent[] => [
  { at, lines: [`%LINK-3-UPDOWN: Interface ${name}, changed state to ${state}`] },
  {
    at: at + 1000,
    lines: [`%LINEPROTO-5-UPDOWN: Line protocol on Interface ${name}, changed state to ${state}`],
  },
];

/**
 * A link change at runtime as a Catalyst logs it: going up, the link then its line protocol a
 * second later; going down, the line protocol first and the link a second later. When the port
 * changes again within that second, the second message comes no later than the next change.
 */
function runtimeLinkEvents(runtime: RenderContext): LogEvent[] {
  const changes = loggedLinkEvents(runtime);
  const events = changes.flatMap((change, i) => {
    const next = changes.slice(i + 1).find((c) => c.interface === change.interface);
    const later = Math.min(change.at + 1000, next?.at ?? Infinity);
    const [link, protocol] = linkEvents(change.interface, change.at, change.state);
    return change.state === 'up'
      ? [link!, { at: later, lines: protocol!.lines }]
      : [
          { at: change.at, lines: protocol!.lines },
          { at: later, lines: link!.lines },
        ];
  });
  // Stable: messages at the same moment keep the order they were made in.
  return events.sort((a, b) => a.at - b.at);
}

/** Everything logged since boot that is still in the buffer, oldest first. */
function logEvents(runtime: RenderContext): LogEvent[] {
  const ctx = beforeLinkEvents(runtime);
  const { state } = ctx;
  const rng = createRng(state.serial, 'logging', 'events');
  const boot = ctx.now - ctx.uptimeSeconds * 1000;
  // Drift happened before the fleet started: cables were pulled between boot and then.
  const started = boot + state.uptimeAtStart * 1000;
  // A reboot at runtime: the box is back, its buffer starts with the restart.
  const restart = ctx.rebootedAt ?? boot + rng.int(40_000, 70_000);
  const banner = softwareBanner(state.platform, specOf(state).model, state.version).slice(1, 5);
  const events: LogEvent[] = [{ at: restart, lines: ['%SYS-5-RESTART: System restarted --', ...banner] }];
  for (const iface of listedInterfaces(ctx)) {
    const upAt = restart + rng.int(2_000, 9_000);
    const unplugged = !iface.connected && iface.documentedPeer !== undefined && ctx.rebootedAt === undefined;
    if (!iface.connected && !unplugged) continue;
    events.push(...linkEvents(iface.name, upAt, 'up'));
    if (unplugged) {
      const downAt = upAt + Math.floor(rng.next() * Math.max(0, started - upAt) * 0.9);
      events.push(...linkEvents(iface.name, downAt, 'down'));
    }
  }
  const derived = events.filter((e) => e.at <= ctx.now).sort((a, b) => a.at - b.at);
  // The runtime changes follow what the box logged before the fleet started.
  return [...derived, ...runtimeLinkEvents(runtime)];
}

/** Renders `show logging`; the message counts are those of the buffer. */
export function renderShowLogging(ctx: RenderContext): string {
  const events = logEvents(ctx);
  const count = events.length;
  return [
    'Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)',
    '',
    'No Active Message Discriminator.',
    '',
    '',
    '',
    'No Inactive Message Discriminator.',
    '',
    '',
    `    Console logging: level debugging, ${count} messages logged, xml disabled,`,
    '                     filtering disabled',
    '    Monitor logging: level debugging, 0 messages logged, xml disabled,',
    '                     filtering disabled',
    `    Buffer logging:  level debugging, ${count} messages logged, xml disabled,`,
    '                    filtering disabled',
    '    Exception Logging: size (4096 bytes)',
    '    Count and timestamp logging messages: disabled',
    '    Persistent logging: disabled',
    '',
    'No active filter modules.',
    '',
    `    Trap logging: level informational, ${count} message lines logged`,
    '        Logging Source-Interface:       VRF Name:',
    '',
    'Log Buffer (102400 bytes):',
    '',
    ...events.flatMap((e) => [`${stamp(e.at)}: ${e.lines[0]!}`, ...e.lines.slice(1)]),
  ].join('\n');
}
