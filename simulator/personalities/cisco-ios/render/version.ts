/** `show version` of an IOS-XE box. */
import { specOf } from '../../../state/identity.js';
import { renderMacColons } from '../../../state/mac.js';
import { getKind } from '../../../topology/kinds/index.js';
import { parseInterfaceName } from '../../../topology/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosXeVersion, softwareBanner } from '../../software.js';
import { iosHardware } from './hardware.js';
import { left, right } from './text.js';
import { renderIosTime } from './time.js';
import { renderUptime } from '../../../format/uptime.js';

/** How `show version` counts each interface type, slowest first. */
const COUNTED_TYPES: ReadonlyArray<[type: string, words: string]> = [
  ['FastEthernet', 'FastEthernet'],
  ['GigabitEthernet', 'Gigabit Ethernet'],
  ['TwoGigabitEthernet', '2.5 Gigabit Ethernet'],
  ['TenGigabitEthernet', 'Ten Gigabit Ethernet'],
  ['TwentyFiveGigE', 'TwentyFive Gigabit Ethernet'],
  ['FortyGigabitEthernet', 'Forty Gigabit Ethernet'],
  ['HundredGigE', 'Hundred Gigabit Ethernet'],
];

const IOS_TYPES = getKind('cisco_ios').interfaceTypes;

const countLine = (count: number, words: string) => `${count} ${words} interface${count === 1 ? '' : 's'}`;

function isCsr(ctx: RenderContext): boolean {
  return ctx.state.model === 'CSR1000V';
}

function uptimeLines(ctx: RenderContext): string[] {
  const catalyst = iosHardware(ctx).catalyst;
  const reason = isCsr(ctx) ? 'reload' : 'Reload Command';
  const restartedAt = ctx.now - ctx.uptimeSeconds * 1000;
  return [
    `${ctx.config.hostname} uptime is ${renderUptime(ctx.uptimeSeconds)}`,
    `Uptime for this control processor is ${renderUptime(Math.max(Math.min(60, ctx.uptimeSeconds), ctx.uptimeSeconds - 90))}`,
    `System returned to ROM by ${reason}`,
    ...(catalyst ? [`System restarted at ${renderIosTime(restartedAt, false)}`] : []),
    `System image file is "${catalyst ? 'flash' : 'bootflash'}:packages.conf"`,
    `Last reload reason: ${reason}`,
  ];
}

/** Licensing: Smart Licensing Using Policy from 17.3 on; CSRs also state their throughput level. */
function licenseLines(ctx: RenderContext): string[] {
  const policy = !ctx.state.version.startsWith('16.');
  const status = policy ? 'Smart Licensing Using Policy' : 'UNREGISTERED/No Licenses in Use';
  const csr = isCsr(ctx)
    ? [
        'License Level: ax',
        'License Type: N/A(Smart License Enabled)',
        'Next reload license Level: ax',
        '',
        ...(policy ? ['The current throughput level is 1000 kbps ', ''] : []),
      ]
    : [];
  return ['', ...csr, '', `Smart Licensing Status: ${status}`];
}

function interfaceCounts(ctx: RenderContext): string[] {
  const counts = new Map<string, number>();
  for (const iface of ctx.state.interfaces.filter((i) => i.aggregate === undefined)) {
    const type = parseInterfaceName(iface.name, IOS_TYPES)?.type.name ?? 'GigabitEthernet';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const virtual = iosHardware(ctx).catalyst ? [countLine(1, 'Virtual Ethernet')] : [];
  const physical = COUNTED_TYPES.filter(([type]) => counts.has(type)).map(([type, words]) =>
    countLine(counts.get(type)!, words),
  );
  return [...virtual, ...physical];
}

function hardwareLines(ctx: RenderContext): string[] {
  const hw = iosHardware(ctx);
  const { model } = specOf(ctx.state);
  const processorKb = Math.floor((ctx.memory.pools[0]?.total ?? 0) / 1024);
  const router = !hw.catalyst && !ctx.state.version.startsWith('16.');
  return [
    `${model.platform} ${hw.processor} with ${processorKb}K/${hw.ioMemoryKb}K bytes of memory.`,
    `Processor board ID ${ctx.state.serial}`,
    ...(router ? ['Router operating mode: Autonomous'] : []),
    ...interfaceCounts(ctx),
    `${hw.nvramKb}K bytes of non-volatile configuration memory.`,
    `${Math.floor(ctx.memory.totalBytes / 1024)}K bytes of physical memory.`,
    ...hw.storage,
  ];
}

const switchField = (label: string, value: string) => `${left(label, 35)}: ${value}`;

/** The Catalyst inventory and the table of stack members (one member here). */
function switchLines(ctx: RenderContext): string[] {
  const { state } = ctx;
  const { model } = specOf(state);
  const ports = state.interfaces.filter((i) => !i.mgmt && i.aggregate === undefined).length;
  return [
    '',
    switchField('Base Ethernet MAC Address', renderMacColons(state.baseMac)),
    switchField('Motherboard Serial Number', state.serial),
    switchField('Model Revision Number', 'A0'),
    switchField('Motherboard Revision Number', 'A0'),
    switchField('Model Number', state.model),
    switchField('System Serial Number', state.serial),
    '',
    '',
    'Switch Ports Model              SW Version        SW Image              Mode',
    '------ ----- -----              ----------        ----------            ----',
    `*${right(1, 5)} ${left(ports, 5)} ${left(state.model, 18)} ${left(iosXeVersion(state.version), 17)} ${left(model.image.slice(0, 21), 21)} INSTALL`,
    '',
  ];
}

function romLines(ctx: RenderContext): string[] {
  const { rom, bootloader } = iosHardware(ctx);
  const train = ctx.state.version.split('.').slice(0, 2).join('.');
  return [`ROM: ${rom}`, ...(bootloader ? [`BOOTLDR: ${bootloader.replace('{train}', train)}`] : [])];
}

/** Renders `show version`; parsers take the hostname from `HOSTNAME uptime is UPTIME`. */
export function renderShowVersion(ctx: RenderContext): string {
  const { state } = ctx;
  const hw = iosHardware(ctx);
  return [
    ...softwareBanner(state.platform, specOf(state).model, state.version),
    '',
    '',
    ...romLines(ctx),
    '',
    ...uptimeLines(ctx),
    ...licenseLines(ctx),
    '',
    ...hardwareLines(ctx),
    ...(hw.catalyst ? switchLines(ctx) : []),
    '',
    `Configuration register is ${hw.catalyst ? '0x102' : '0x2102'}`,
    '',
  ].join('\n');
}
