/**
 * Runtime link changes and reboots in the log buffers of all four platforms: the derived history
 * stays as it was, each change is appended in the platform's own messages at its time, and a
 * reboot starts the buffer again with the platform's restart lines.
 */
import { describe, expect, it } from 'vitest';
import type { LinkEvent, RenderContext } from '../../simulator/device/render-context.js';
import { renderShowLldpNeighborsDetail as eosLldpDetail } from '../../simulator/personalities/arista-eos/render/lldp.js';
import { renderShowCdpNeighborsDetail as cdpDetail } from '../../simulator/personalities/cisco-ios/render/cdp.js';
import { renderShowVersion as eosVersion } from '../../simulator/personalities/arista-eos/render/version.js';
import { renderShowVersion as nxosVersion } from '../../simulator/personalities/cisco-nxos/render/version.js';
import { renderShowSystemUptime as junosUptime } from '../../simulator/personalities/juniper-junos/render/uptime.js';
import { renderShowLogging as eosLogging } from '../../simulator/personalities/arista-eos/render/logging.js';
import { renderShowLogging as iosLogging } from '../../simulator/personalities/cisco-ios/render/logging.js';
import { renderShowLogging as nxosLogging } from '../../simulator/personalities/cisco-nxos/render/logging.js';
import { renderShowLogMessages as junosLog } from '../../simulator/personalities/juniper-junos/render/log.js';
import { renderShowVersion as iosVersion } from '../../simulator/personalities/cisco-ios/render/version.js';
import { renderContextFor } from '../device.js';

interface Case {
  platform: string;
  device: string;
  port: string;
  render: (ctx: RenderContext) => string;
  /** The lines a link going down at 09:29:30 and up at 09:29:50 (Jan 15) add. */
  flap: string[];
  /** The first line of the buffer after a reboot at 09:29:55. */
  restart: string;
}

const CASES: Case[] = [
  {
    platform: 'IOS',
    device: 'r1-sw01',
    port: 'GigabitEthernet1/0/1',
    render: iosLogging,
    flap: [
      '*Jan 15 09:29:30.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/1, changed state to down',
      '*Jan 15 09:29:31.000: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/1, changed state to down',
      '*Jan 15 09:29:50.000: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/1, changed state to up',
      '*Jan 15 09:29:51.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/1, changed state to up',
    ],
    restart: '*Jan 15 09:29:55.000: %SYS-5-RESTART: System restarted --',
  },
  {
    platform: 'NX-OS',
    device: 'r1-nx05',
    port: 'Ethernet1/1',
    render: nxosLogging,
    flap: [
      '2026 Jan 15 09:29:30 r1-nx05 %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/1 is down (Link failure)',
      '2026 Jan 15 09:29:50 r1-nx05 %ETHPORT-5-SPEED: Interface Ethernet1/1, operational speed changed to 10 Gbps',
      '2026 Jan 15 09:29:50 r1-nx05 %ETHPORT-5-IF_DUPLEX: Interface Ethernet1/1, operational duplex mode changed to Full',
      '2026 Jan 15 09:29:50 r1-nx05 %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up in Layer3',
    ],
    restart: '2026 Jan 15 09:29:55 r1-nx05 %VDC_MGR-2-VDC_ONLINE: vdc 1 has come online',
  },
  {
    platform: 'EOS',
    device: 'r1-ar12',
    port: 'Ethernet1',
    render: eosLogging,
    flap: [
      'Jan 15 09:29:30 r1-ar12 Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet1 (to r1-tor1 GigabitEthernet1/0/12), changed state to down',
      'Jan 15 09:29:30 r1-ar12 Ebra: %LINK-3-UPDOWN: Interface Ethernet1, changed state to down',
      'Jan 15 09:29:50 r1-ar12 Ebra: %LINK-3-UPDOWN: Interface Ethernet1, changed state to up',
      'Jan 15 09:29:50 r1-ar12 Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet1 (to r1-tor1 GigabitEthernet1/0/12), changed state to up',
    ],
    restart: 'Jan 15 09:29:55 r1-ar12 Sysdb: %SYS-5-SYSTEM_RESTARTED: System restarted',
  },
  {
    platform: 'Junos',
    device: 'r2-jx14',
    port: 'ge-0/0/0',
    render: junosLog,
    flap: [
      /^Jan 15 09:29:30 {2}r2-jx14 mib2d\[\d+\]: SNMP_TRAP_LINK_DOWN: ifIndex \d+, ifAdminStatus up\(1\), ifOperStatus down\(2\), ifName ge-0\/0\/0$/
        .source,
      /^Jan 15 09:29:50 {2}r2-jx14 mib2d\[\d+\]: SNMP_TRAP_LINK_UP: ifIndex \d+, ifAdminStatus up\(1\), ifOperStatus up\(1\), ifName ge-0\/0\/0$/
        .source,
    ],
    restart: 'Jan 15 09:29:55  r2-jx14 syslogd: restart',
  },
];

/** The topology's context with the port unplugged, as a flap leaves it while down. */
const unplugged = (c: Case) =>
  renderContextFor('lab-100', c.device, { drift: `drift:\n  - unplug: "${c.device}:${c.port}"\n` });

const at = (ctx: RenderContext, secondsAgo: number) => ctx.now - secondsAgo * 1000;

/** The log buffer's lines: after IOS's header (its message counts grow with the buffer), no trailing blank. */
function bufferLines(text: string): string[] {
  const start = text.indexOf('Log Buffer (');
  const lines = (start === -1 ? text : text.slice(start)).split('\n');
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}

/** Lines compared exactly, or as a pattern when the case gives one (Junos pids and ifIndexes). */
function expectLines(actual: string[], expected: string[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((line, i) =>
    line.startsWith('^') ? expect(actual[i]).toMatch(new RegExp(line)) : expect(actual[i]).toBe(line),
  );
}

describe.each(CASES)('$platform log buffer', (c) => {
  it('a flap adds its down and up lines after the derived history, which stays as it was', async () => {
    const documented = await renderContextFor('lab-100', c.device);
    const events: LinkEvent[] = [
      { at: at(documented, 30), interface: c.port, state: 'down' },
      { at: at(documented, 10), interface: c.port, state: 'up' },
    ];
    const before = bufferLines(c.render(documented));
    const after = bufferLines(c.render({ ...documented, linkEvents: events }));
    expect(after.slice(0, before.length)).toEqual(before);
    expectLines(after.slice(before.length), c.flap);
  });

  it('while the link is down only the down lines are there, and the port is not told as unplugged earlier', async () => {
    const documented = c.render(await renderContextFor('lab-100', c.device));
    const ctx = await unplugged(c);
    const down = c.render({ ...ctx, linkEvents: [{ at: at(ctx, 30), interface: c.port, state: 'down' }] });
    const downLines = c.flap.slice(0, c.platform === 'IOS' || c.platform === 'EOS' ? 2 : 1);
    expectLines(bufferLines(down).slice(-downLines.length), downLines);
    // The derived part is the documented one: the port's only down line is the runtime one.
    const mentions = (text: string) =>
      text.split('\n').filter((l) => l.includes('down') && l.includes(c.port));
    expect(mentions(down)).toHaveLength(mentions(documented).length + downLines.length);
  });

  it('no runtime events: the buffer is what it always was (golden files stay)', async () => {
    const ctx = await renderContextFor('lab-100', c.device);
    expect(c.render({ ...ctx, linkEvents: [] })).toBe(c.render(ctx));
  });

  it('after a reboot the buffer starts at the reboot, with the restart', async () => {
    const ctx = await renderContextFor('lab-100', c.device);
    const rebooted: RenderContext = { ...ctx, uptimeSeconds: 5, rebootedAt: at(ctx, 5), linkEvents: [] };
    const text = c.render(rebooted);
    // Nothing logged before the reboot is left: the restart opens the buffer.
    const buffer = bufferLines(text);
    const first = buffer.findIndex((l) => l === c.restart);
    expect(first).toBeGreaterThan(-1);
    // Every dated line is from the reboot (09:29:55) to now (09:30:00).
    const times = buffer.flatMap((l) => /^\*?(?:2026 )?Jan 15 (\d\d:\d\d:\d\d)/.exec(l)?.[1] ?? []);
    expect(times.length).toBeGreaterThan(0);
    expect(times.filter((t) => t < '09:29:55' || t > '09:30:00')).toEqual([]);
    expect(buffer.slice(0, first).filter((l) => /^\*?(2026 )?Jan /.test(l))).toEqual([]);
    expect(c.render(ctx)).not.toContain(c.restart);
    // Two minutes later the cabled ports have come up again, after the restart.
    const later: RenderContext = { ...ctx, uptimeSeconds: 300, rebootedAt: at(ctx, 300), linkEvents: [] };
    const laterText = c.render(later);
    const restartAt = laterText.indexOf(c.restart.replace('09:29:55', '09:25:00'));
    expect(restartAt).toBeGreaterThan(-1);
    const upLine = laterText
      .split('\n')
      .findIndex((l) => l.includes(c.port) && /UPDOWN|IF_UP|LINK_UP/.test(l));
    expect(upLine).toBeGreaterThan(laterText.slice(0, restartAt).split('\n').length - 1);
  });
});

describe('IOS show version after a reboot', () => {
  it('uptime restarts from the reboot; the control processor is not up longer than the box', async () => {
    const ctx = await renderContextFor('lab-100', 'r1-sw01');
    const text = iosVersion({ ...ctx, uptimeSeconds: 5, rebootedAt: at(ctx, 5) });
    expect(text).toContain('r1-sw01 uptime is 0 minutes');
    expect(text).toContain('Uptime for this control processor is 0 minutes');
    expect(text).toContain('System restarted at 09:29:55');
  });
});

describe('neighbour ages after a flap or a reboot', () => {
  const relearnt = (ctx: RenderContext, port: string): RenderContext => ({
    ...ctx,
    linkEvents: [
      { at: at(ctx, 95), interface: port, state: 'down' },
      { at: at(ctx, 75), interface: port, state: 'up' },
    ],
  });

  it('IOS CDP: a neighbour learnt again 75 s ago holds 180 − (75 mod 60) seconds; the others keep theirs', async () => {
    const ctx = await renderContextFor('lab-100', 'r1-sw01');
    const holds = (text: string) => [...text.matchAll(/^Holdtime : (\d+) sec$/gm)].map((m) => Number(m[1]));
    const before = holds(cdpDetail(ctx));
    const after = holds(cdpDetail(relearnt(ctx, 'GigabitEthernet1/0/1')));
    expect(after[0]).toBe(165);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('EOS LLDP: age since the last advertisement and discovery restart with the link', async () => {
    const ctx = await renderContextFor('lab-100', 'r1-ar12');
    const text = eosLldpDetail(relearnt(ctx, 'Ethernet1'));
    expect(text).toMatch(
      /Interface Ethernet1 detected 1 LLDP neighbors:\n\n {2}Neighbor [^\n]+, age 15 seconds\n {2}Discovered 0:01:15 ago/,
    );
    const rebooted = eosLldpDetail({ ...ctx, uptimeSeconds: 40, rebootedAt: at(ctx, 40) });
    expect(rebooted).toMatch(/age 10 seconds\n {2}Discovered 0:00:40 ago/);
  });
});

describe('uptime after a reboot on the other platforms', () => {
  it('NX-OS, EOS and Junos count from the reboot; Junos dates nothing after now', async () => {
    const rebooted = async (device: string): Promise<RenderContext> => {
      const ctx = await renderContextFor('lab-100', device);
      return { ...ctx, uptimeSeconds: 40, rebootedAt: at(ctx, 40) };
    };
    expect(nxosVersion(await rebooted('r1-nx05'))).toMatch(
      /^Kernel uptime is 0 day\(s\), 0 hour\(s\), 0 minute\(s\), 40 second\(s\)$/m,
    );
    expect(eosVersion(await rebooted('r1-ar12'))).toMatch(
      /^Uptime: 0 weeks, 0 days, 0 hours and 0 minutes$/m,
    );
    const junos = junosUptime(await rebooted('r2-jx14'));
    expect(junos).toMatch(/^System booted: 2026-01-15 09:29:20 UTC \(00:00:40 ago\)$/m);
    expect(junos).toMatch(/^Protocols started: 2026-01-15 09:30:00 UTC \(00:00:00 ago\)$/m);
  });
});
