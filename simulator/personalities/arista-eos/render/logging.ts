/**
 * `show logging`: the default logging settings, the facility table and the log buffer, which
 * tells the ports' link history (up a minute after boot; an unplugged port went down later), then
 * the links that went down or up while the fleet ran. After a reboot at runtime it starts there.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { beforeLinkEvents, loggedLinkEvents } from '../../link-events.js';
import { linkHistory, LINK_UP_AFTER_BOOT } from './link-history.js';
import { listedInterfaces, portDescription } from './ports.js';
import { left } from './text.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Jan 15 09:31:00`, `Feb  3 10:00:00`: the syslog timestamp, UTC like the device clock. */
export function renderSyslogTime(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${MONTHS[d.getUTCMonth()]!} ${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

const SETTINGS = [
  'Syslog logging: enabled',
  '    Buffer logging: level debugging',
  '    Console logging: level errors',
  '    Persistent logging: disabled',
  '    Monitor logging: level errors',
  '    Synchronous logging: disabled',
  '    Trap logging: level informational',
  '    Sequence numbers: disabled',
  '    Syslog facility: local4',
  '    Hostname format: Hostname only',
  '    Repeat logging interval: disabled',
  '    Repeat messages: disabled',
  '    Root login logging: disabled',
];

/** The facilities whose severity can be set (all at the default, debugging). */
const FACILITIES = [
  'aaa', 'accounting', 'acl', 'agent', 'ale', 'arp', 'bfd', 'bgp', 'capacity', 'capi', 'clear',
  'dhcp', 'dot1x', 'envmon', 'eth', 'extension', 'fhrp', 'flow', 'forwarding', 'fru', 'fwk',
  'hardware', 'health', 'igmp', 'igmpsnooping', 'int', 'intf', 'ip6routing', 'iprib', 'isis',
  'lacp', 'lag', 'launcher', 'license', 'lineproto', 'lldp', 'logmgr', 'loopback', 'mirroring',
  'mlag', 'mroute', 'nat', 'openconfig', 'ospf', 'ospf3', 'qos', 'redundancy', 'rib', 'routing',
  'security', 'spantree', 'sys', 'sysdb', 'tcp', 'transceiver', 'tunnel', 'vrf', 'vrrp', 'vxlan', 'ztp',
]; // prettier-ignore

interface LogEvent {
  /** Seconds before now. */
  ago: number;
  order: number;
  text: string;
}

/** The link events of each port since boot, oldest first. */
function linkEvents(ctx: RenderContext): LogEvent[] {
  const events: LogEvent[] = [];
  listedInterfaces(ctx).forEach((iface, order) => {
    if (iface.mgmt) return;
    const history = linkHistory(ctx, iface);
    if (history.changes === 0) return;
    const description = portDescription(ctx, iface);
    const named = description ? `${iface.name} (${description})` : iface.name;
    const upAgo = ctx.uptimeSeconds - LINK_UP_AFTER_BOOT;
    // Just booted: the port has not come up yet.
    if (upAgo < 0) return;
    events.push(
      { ago: upAgo, order, text: `Ebra: %LINK-3-UPDOWN: Interface ${iface.name}, changed state to up` },
      {
        ago: upAgo,
        order,
        text: `Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface ${named}, changed state to up`,
      },
    );
    if (history.wentDownAgo !== undefined) {
      const ago = history.wentDownAgo;
      events.push(
        {
          ago,
          order,
          text: `Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface ${named}, changed state to down`,
        },
        { ago, order, text: `Ebra: %LINK-3-UPDOWN: Interface ${iface.name}, changed state to down` },
      );
    }
  });
  // Stable: events of one port at one second keep their order.
  return events.sort((a, b) => b.ago - a.ago || a.order - b.order);
}

/** The two messages of a port's link change, in the order EOS logs them. */
function changeMessages(ctx: RenderContext, name: string, state: 'up' | 'down'): string[] {
  const iface = ctx.state.interfaces.find((i) => i.name === name);
  const description = iface && portDescription(ctx, iface);
  const named = description ? `${name} (${description})` : name;
  const link = `Ebra: %LINK-3-UPDOWN: Interface ${name}, changed state to ${state}`;
  const protocol = `Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface ${named}, changed state to ${state}`;
  return state === 'up' ? [link, protocol] : [protocol, link];
}

/** Renders `show logging`. */
export function renderShowLogging(runtime: RenderContext): string {
  const ctx = beforeLinkEvents(runtime);
  const host = ctx.config.hostname;
  const line = (at: number, text: string) => `${renderSyslogTime(at)} ${host} ${text}`;
  const rebooted = ctx.rebootedAt;
  const buffer = [
    // A reboot at runtime: the buffer is volatile, it starts with the restart.
    ...(rebooted === undefined ? [] : [line(rebooted, 'Sysdb: %SYS-5-SYSTEM_RESTARTED: System restarted')]),
    ...linkEvents(ctx).map((e) => line(ctx.now - e.ago * 1000, e.text)),
    ...loggedLinkEvents(runtime).flatMap((e) =>
      changeMessages(runtime, e.interface, e.state).map((text) => line(e.at, text)),
    ),
  ];
  return [
    ...SETTINGS,
    '',
    'Facility                   Severity            Effective Severity',
    '--------------------       -------------       ------------------',
    ...FACILITIES.map((f) => `${left(f, 27)}${left('debugging', 20)}debugging    `),
    '',
    'Log Buffer:',
    ...buffer,
    '',
  ].join('\n');
}
