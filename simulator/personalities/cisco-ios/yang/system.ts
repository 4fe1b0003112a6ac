/**
 * ARP, memory and hardware as IOS-XE models them, from the facts the CLI
 * renderers print (`show ip arp`, `show memory statistics`, `show platform software status
 * control-processor brief`, `show version`). The ARP shape is from a capture; the others from the
 * YANG models (YangModels/yang vendor/cisco/xe/1731).
 */
import type { ArpEntry } from '../../../state/arp.js';
import { specOf } from '../../../state/identity.js';
import { renderMacColons } from '../../../state/mac.js';
import { arpAgeMinutes } from '../render/arp.js';
import { iosHardware } from '../render/hardware.js';
import type { RenderContext } from '../../../device/render-context.js';
import { softwareBanner } from '../../software.js';
import { container, leaf, leaves, list, type YangNode } from './tree.js';

/** The device clock to the second: replies carry it in `Date`, so ages read from them are exact. */
export const deviceSeconds = (ctx: RenderContext): number => Math.floor(ctx.now / 1000);

/** RFC 3339 with microseconds and an explicit offset, as IOS-XE writes `yang:date-and-time`. */
export function renderDateAndTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '.000000+00:00');
}

function arpOper(ctx: RenderContext, entry: ArpEntry): YangNode[] {
  const age = arpAgeMinutes(ctx, entry);
  const resolved = entry.mac !== undefined;
  const mode = !resolved
    ? 'ios-arp-mode-incomplete'
    : age === undefined
      ? 'ios-arp-mode-interface'
      : 'ios-arp-mode-dynamic';
  const learnt = deviceSeconds(ctx) - (age ?? 0) * 60;
  return leaves({
    address: entry.address,
    enctype: 'ios-encaps-type-arpa',
    interface: resolved ? entry.interface : undefined,
    type: 'ios-linktype-ip',
    mode,
    hwtype: 'ios-snpa-type-ieee48',
    hardware: resolved ? renderMacColons(entry.mac!) : undefined,
    time: renderDateAndTime(learnt),
  });
}

/** `Cisco-IOS-XE-arp-oper:arp-data`: the global table (`Default`), then the management VRF's. */
export function arpData(ctx: RenderContext): YangNode {
  const mgmtVrf = iosHardware(ctx).mgmtVrf;
  const mgmt = ctx.state.interfaces.find((i) => i.mgmt)?.name;
  const inMgmt = (e: ArpEntry) => mgmtVrf !== undefined && e.interface === mgmt;
  const vrfs: Array<[string, ArpEntry[]]> = [['Default', ctx.state.arp.filter((e) => !inMgmt(e))]];
  if (mgmtVrf) vrfs.push([mgmtVrf, ctx.state.arp.filter(inMgmt)]);
  const entries = vrfs.map(([vrf, arp]) => [
    leaf('vrf', vrf),
    list(
      'arp-oper',
      ['address'],
      arp.map((e) => arpOper(ctx, e)),
    ),
  ]);
  return container('arp-data', [list('arp-vrf', ['vrf'], entries)], 'Cisco-IOS-XE-arp-oper');
}

/** `Cisco-IOS-XE-memory-oper:memory-statistics`: the pools of `show memory statistics`. */
export function memoryStatistics(ctx: RenderContext): YangNode {
  const pools = ctx.memory.pools.map((p) =>
    leaves({
      name: p.name,
      'total-memory': String(p.total),
      'used-memory': String(p.used),
      'free-memory': String(p.free),
      'lowest-usage': String(p.lowest),
      'highest-usage': String(p.largest),
    }),
  );
  return container(
    'memory-statistics',
    [list('memory-statistic', ['name'], pools)],
    'Cisco-IOS-XE-memory-oper',
  );
}

/** The RP memory line of `show platform software status control-processor brief`, in kB. */
function platformMemoryStats(ctx: RenderContext): YangNode[] {
  const kb = (bytes: number) => Math.round(bytes / 1024);
  const total = kb(ctx.memory.totalBytes);
  const used = kb(ctx.memory.usedBytes);
  const committed = kb(ctx.memory.committedBytes);
  const pct = (n: number) => Math.round((n / total) * 100);
  return leaves({
    'memory-status': 'Healthy',
    total: String(total),
    'used-number': String(used),
    'used-percent': String(pct(used)),
    'free-number': String(total - used),
    'free-percent': String(pct(total - used)),
    'committed-number': String(committed),
    'committed-percent': pct(committed),
  });
}

/** `Cisco-IOS-XE-platform-software-oper:cisco-platform-software`: the route processor's status. */
export function ciscoPlatformSoftware(ctx: RenderContext): YangNode {
  const rp = [
    ...leaves({ fru: 'platform-fru-rp', slot: 0, bay: 0, chassis: -1, 'control-process-status': 'Healthy' }),
    container('memory-stats', platformMemoryStats(ctx)),
  ];
  return container(
    'cisco-platform-software',
    [container('control-processes', [list('control-process', ['fru', 'slot', 'bay', 'chassis'], [rp])])],
    'Cisco-IOS-XE-platform-software-oper',
  );
}

/** `Cisco-IOS-XE-device-hardware-oper:device-hardware-data`: chassis inventory and system data. */
export function deviceHardwareData(ctx: RenderContext): YangNode {
  const { state } = ctx;
  const { model } = specOf(state);
  const hw = iosHardware(ctx);
  const now = deviceSeconds(ctx);
  const chassis = leaves({
    'hw-type': 'hw-type-chassis',
    'hw-dev-index': 1,
    version: 'V01',
    'part-number': state.model,
    'serial-number': state.serial,
    'hw-description': `Cisco ${state.model} Chassis`,
    'dev-name': 'Chassis',
    'field-replaceable': true,
    'hw-class': 'hw-class-chassis',
  });
  const system = leaves({
    'current-time': renderDateAndTime(now),
    'boot-time': renderDateAndTime(now - ctx.uptimeSeconds),
    'software-version': softwareBanner(state.platform, model, state.version).join('\n'),
    'rommon-version': hw.rom,
    'last-reboot-reason': state.model === 'CSR1000V' ? 'reload' : 'Reload Command',
    'reason-severity': 'reboot-reason-normal',
  });
  return container(
    'device-hardware-data',
    [
      container('device-hardware', [
        list('device-inventory', ['hw-type', 'hw-dev-index'], [chassis]),
        container('device-system-data', system),
      ]),
    ],
    'Cisco-IOS-XE-device-hardware-oper',
  );
}
