/** `show inventory`: the chassis (its serial is the one `show version` prints), supplies, fans, modules, optics. */
import type { InterfaceState } from '../../../state/device-state.js';
import { createRng, renderSerial } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';
import { iosShortName, listedInterfaces } from './ports.js';

/** One entity; `sn` is `chassis` for the box's own serial, a pattern for a part's, absent for none. */
interface Entity {
  name: string;
  descr: string;
  pid: string;
  vid?: string;
  sn?: string;
  /** Transceivers pad their PID to 20 characters, everything else to 18. */
  optic?: boolean;
}

function catalystStack(model: string, family: string, psu: string, uplink: [string, string]): Entity[] {
  return [
    { name: `${family} Stack`, descr: `${family} Stack`, pid: model, vid: 'V02', sn: 'chassis' },
    { name: 'Switch 1', descr: model, pid: model, vid: 'V02', sn: 'chassis' },
    {
      name: 'Switch 1 - Power Supply A',
      descr: 'Switch 1 - Power Supply A',
      pid: psu,
      vid: 'V01',
      sn: 'DTN9999XXXX',
    },
    {
      name: 'Switch 1 FRU Uplink Module 1',
      descr: uplink[1],
      pid: uplink[0],
      vid: 'V02',
      sn: 'FOC9999XXXX',
    },
  ];
}

function router(model: string, family: string, parts: Entity[]): Entity[] {
  return [
    { name: 'Chassis', descr: `Cisco ${family} Chassis`, pid: model, vid: 'V03', sn: 'chassis' },
    ...parts,
    {
      name: 'module R0',
      descr: `Cisco ${family} Route Processor`,
      pid: model,
      vid: 'V03',
      sn: 'JAE9999XXXX',
    },
    { name: 'module F0', descr: `Cisco ${family} Forwarding Processor`, pid: model },
  ];
}

const ENTITIES: Readonly<Record<string, Entity[]>> = {
  'C9300-48P': catalystStack('C9300-48P', 'c93xx', 'PWR-C1-715WAC', ['C9300-NM-8X', '8x10G Uplink Module']),
  'C9300-24T': catalystStack('C9300-24T', 'c93xx', 'PWR-C1-350WAC', ['C9300-NM-8X', '8x10G Uplink Module']),
  'WS-C3850-48T': catalystStack('WS-C3850-48T', 'c38xx', 'PWR-C1-350WAC', [
    'C3850-NM-4-10G',
    '4x10G Uplink Module',
  ]),
  'C9500-48Y4C': [
    {
      name: 'Chassis',
      descr: 'Cisco Catalyst 9500 Series Chassis',
      pid: 'C9500-48Y4C',
      vid: 'V02',
      sn: 'chassis',
    },
    ...['0', '1'].map((n) => ({
      name: `Power Supply Module ${n}`,
      descr: 'Cisco Catalyst 9500 Series 650W AC Power Supply',
      pid: 'C9K-PWR-650WAC-R',
      vid: 'V01',
      sn: 'ART9999XXXX',
    })),
    { name: 'Fan Tray', descr: 'Cisco Catalyst 9500 Series Fan Tray', pid: 'C9K-T1-FANTRAY' },
    {
      name: 'Slot 1 Supervisor',
      descr: 'Cisco Catalyst 9500 Series Router',
      pid: 'C9500-48Y4C',
      vid: 'V02',
      sn: 'chassis',
    },
  ],
  'ISR4451-X/K9': router('ISR4451-X/K9', 'ISR4451', [
    {
      name: 'Power Supply Module 0',
      descr: '450W AC Power Supply for Cisco ISR 4450, ISR 4350',
      pid: 'PWR-4450-AC',
      vid: 'V02',
      sn: 'PST9999XXXX',
    },
    { name: 'Fan Tray', descr: 'Cisco ISR 4450, 4350 Fan Assembly', pid: 'ACS-4450-FANASSY' },
    {
      name: 'module 0',
      descr: 'Cisco ISR4451 Built-In NIM controller',
      pid: 'ISR4451-X-4x1GE',
      vid: 'V01',
      sn: 'JAB9999XXXX',
    },
    {
      name: 'NIM subslot 0/0',
      descr: 'Front Panel 4 ports Gigabitethernet Module',
      pid: 'ISR4451-X-4x1GE',
      vid: 'V01',
    },
  ]),
  'ASR1001-X': router('ASR1001-X', 'ASR1001-X', [
    ...['0', '1'].map((n) => ({
      name: `Power Supply Module ${n}`,
      descr: 'Cisco ASR1001-X AC Power Supply',
      pid: 'ASR1001-X-PWR-AC',
      vid: 'V01',
      sn: 'ART9999XXXX',
    })),
    { name: 'Fan Tray', descr: 'Cisco ASR1001-X Fan Tray', pid: 'ASR1001-X-FAN' },
    { name: 'module 0', descr: 'Cisco ASR1001-X SPA Interface Processor', pid: 'ASR1001-X' },
    { name: 'SPA subslot 0/0', descr: '6-port Built-in GE SPA', pid: 'BUILT-IN-2T+6X1GE', vid: 'V01' },
  ]),
  CSR1000V: [
    { name: 'Chassis', descr: 'Cisco CSR1000V Chassis', pid: 'CSR1000V', vid: 'V00', sn: 'chassis' },
    {
      name: 'module R0',
      descr: 'Cisco CSR1000V Route Processor',
      pid: 'CSR1000V',
      vid: 'V00',
      sn: 'JAB1303001C',
    },
    { name: 'module F0', descr: 'Cisco CSR1000V Embedded Services Processor', pid: 'CSR1000V' },
  ],
};

/** Optics by speed: inventory description and PID. */
const OPTICS: Readonly<Record<number, [descr: string, pid: string]>> = {
  10_000: ['SFP-10GBase-SR', 'SFP-10G-SR'],
  25_000: ['SFP-25GBase-SR', 'SFP-10/25G-CSR-S'],
  40_000: ['QSFP 40G SR4', 'QSFP-40G-SR4'],
  100_000: ['QSFP 100G SR4', 'QSFP-100G-SR4-S'],
};

/** A cabled optical port holds a transceiver; copper ports and empty cages list nothing. */
function transceiver(ctx: RenderContext, iface: InterfaceState): Entity | undefined {
  const optic = OPTICS[iface.speed];
  if (!optic || !iface.connected || iface.mgmt) return undefined;
  const name = ctx.state.model.startsWith('C93') ? iosShortName(iface.name) : iface.name;
  return { name, descr: optic[0], pid: optic[1], vid: 'V03', sn: 'AVD9999XXXX', optic: true };
}

function entityLines(ctx: RenderContext, entity: Entity): string[] {
  const sn =
    entity.sn === 'chassis'
      ? ctx.state.serial
      : entity.sn && renderSerial(entity.sn, createRng(ctx.state.serial, entity.name, 'inventory'));
  const pidWidth = entity.optic ? 20 : 18;
  return [
    `NAME: "${entity.name}", DESCR: "${entity.descr}"`,
    `PID: ${entity.pid.padEnd(pidWidth)}, VID: ${(entity.vid ?? '').padEnd(5)}, SN: ${sn ?? ''}`.trimEnd(),
    '',
  ];
}

/** Renders `show inventory`: one NAME/PID pair per entity, a blank line after each. */
export function renderShowInventory(ctx: RenderContext): string {
  const base = ENTITIES[ctx.state.model] ?? ENTITIES.CSR1000V!;
  const optics = iosHardware(ctx).catalyst
    ? listedInterfaces(ctx).flatMap((i) => transceiver(ctx, i) ?? [])
    : [];
  return [...base, ...optics].flatMap((e) => entityLines(ctx, e)).join('\n');
}
