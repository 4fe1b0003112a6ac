/**
 * `show logging` and `show logging logfile`: boot messages, then each port's link history as
 * `show interface` tells it: a cabled port flapped and came back up `Last link flapped` ago, an
 * unplugged one went down then and stayed down; then the links that went down or up while the
 * fleet ran. After a reboot at runtime the log starts there, with the boot messages.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { left } from '../../cisco-ios/render/text.js';
import { beforeLinkEvents, loggedLinkEvents } from '../../link-events.js';
import { nxosInterfaceFacts } from './interface-facts.js';
import { renderLogStamp } from './time.js';

/** `is up in mode access` for a switchport; a routed port `is up in Layer3`. */
const upIn = (mode: 'access' | 'routed') => (mode === 'routed' ? 'Layer3' : `mode ${mode}`);

interface LogLine {
  at: number;
  text: string;
}

function portEvents(ctx: RenderContext): LogLine[] {
  const ago = (seconds: number) => ctx.now - seconds * 1000;
  return ctx.state.interfaces
    .filter((i) => !i.mgmt)
    .flatMap((iface): LogLine[] => {
      const f = nxosInterfaceFacts(ctx, iface);
      const name = iface.name;
      if (f.downSeconds !== undefined)
        return [
          {
            at: ago(f.downSeconds),
            text: `%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface ${name} is down (Link failure)`,
          },
        ];
      if (!f.up || f.upSeconds >= ctx.uptimeSeconds) return [];
      const up = ago(f.upSeconds);
      return [
        { at: up - 3000, text: `%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface ${name} is down (Link failure)` },
        { at: up - 1000, text: `%ETHPORT-5-SPEED: Interface ${name}, operational speed changed to 10 Gbps` },
        {
          at: up - 1000,
          text: `%ETHPORT-5-IF_DUPLEX: Interface ${name}, operational duplex mode changed to Full`,
        },
        { at: up, text: `%ETHPORT-5-IF_UP: Interface ${name} is up in ${upIn(f.mode)}` },
      ];
    });
}

/** `operational speed changed to 10 Gbps`, `1 Gbps`. */
const speedWords = (mbps: number) => (mbps >= 1000 ? `${mbps / 1000} Gbps` : `${mbps} Mbps`);

/** A link change at runtime: a failure, or the port coming up with its speed and duplex. */
function runtimeLines(ctx: RenderContext): LogLine[] {
  return loggedLinkEvents(ctx).flatMap(({ at, interface: name, state }): LogLine[] => {
    if (state === 'down')
      return [{ at, text: `%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface ${name} is down (Link failure)` }];
    const iface = ctx.state.interfaces.find((i) => i.name === name);
    const mode = iface && nxosInterfaceFacts(ctx, iface).mode;
    return [
      {
        at,
        text: `%ETHPORT-5-SPEED: Interface ${name}, operational speed changed to ${speedWords(iface?.speed ?? 10_000)}`,
      },
      { at, text: `%ETHPORT-5-IF_DUPLEX: Interface ${name}, operational duplex mode changed to Full` },
      { at, text: `%ETHPORT-5-IF_UP: Interface ${name} is up in ${upIn(mode ?? 'access')}` },
    ];
  });
}

function logLines(runtime: RenderContext): string[] {
  const ctx = beforeLinkEvents(runtime);
  const boot = ctx.now - ctx.uptimeSeconds * 1000;
  // Booted at runtime: the module is online by the time the box answers again.
  const online = ctx.rebootedAt ?? boot + 95_000;
  const events: LogLine[] = [
    { at: ctx.rebootedAt ?? boot, text: '%VDC_MGR-2-VDC_ONLINE: vdc 1 has come online' },
    { at: online, text: '%PLATFORM-5-MOD_STATUS: Module 1 current-status is MOD_STATUS_ONLINE/OK' },
    ...portEvents(ctx).filter((e) => e.at > online && e.at <= ctx.now),
  ];
  const host = ctx.config.hostname;
  return [
    ...events.map((e, i) => ({ ...e, i })).sort((a, b) => a.at - b.at || a.i - b.i),
    ...runtimeLines(runtime),
  ].map((e) => `${renderLogStamp(e.at)} ${host} ${e.text}`);
}

/** Renders `show logging logfile`. */
export const renderShowLoggingLogfile = (ctx: RenderContext): string => logLines(ctx).join('\n');

const SETTINGS: ReadonlyArray<[string, string]> = [
  ['Logging console:', 'enabled (Severity: critical)'],
  ['Logging monitor:', 'enabled (Severity: notifications)'],
  ['Logging linecard:', 'enabled (Severity: notifications)'],
  ['Logging timestamp:', 'Seconds'],
  ['Logging source-interface :', 'disabled'],
  ['Logging rate-limit:', 'enabled'],
  ['Logging server:', 'disabled'],
  ['Logging origin_id :', 'disabled'],
  ['Logging RFC :', 'disabled'],
  ['Logging logflash:', 'enabled (Severity: notifications)'],
  ['Logging logfile:', 'enabled'],
];

const FACILITIES: ReadonlyArray<[string, number]> = [
  ['aaa', 3],
  ['acllog', 2],
  ['ethpm', 5],
  ['l3vm', 3],
  ['lldp', 5],
  ['platform', 5],
  ['sysmgr', 3],
  ['vdc_mgr', 6],
];

/** Renders `show logging`: the settings, the facility severities, then the logfile. */
export function renderShowLogging(ctx: RenderContext): string {
  return [
    ...SETTINGS.map(([name, value]) => left(name, 32) + value),
    '        Name - messages: Severity - notifications Size - 4194304',
    '',
    'Facility        Default Severity        Current Session Severity',
    '--------        ----------------        ------------------------',
    ...FACILITIES.map(([name, level]) => left(name, 24) + left(String(level), 24) + String(level)),
    '',
    '0(emergencies)          1(alerts)       2(critical)',
    '3(errors)               4(warnings)     5(notifications)',
    '6(information)          7(debugging)',
    '',
    'Log File:',
    ...logLines(ctx),
  ].join('\n');
}
