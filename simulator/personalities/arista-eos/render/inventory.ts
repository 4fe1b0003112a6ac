/**
 * `show inventory`: the chassis (model, description, hardware version, serial from the identity),
 * power supplies, fans, the port count and the optics in the cabled ports.
 */
import type { InterfaceState } from '../../../state/device-state.js';
import { specOf } from '../../../state/identity.js';
import { createRng, renderSerial } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { eosHardware } from './version.js';
import { left } from './text.js';

interface Chassis {
  description: string;
  powerSupplies: { slots: number; model: string };
  fans: { modules: number; perModule: number; model: string };
  /** Optic of a front-panel SFP port, and of a `/1` (QSFP) port. */
  sfp: string;
  qsfp: string;
}

const CHASSIS: Readonly<Record<string, Chassis>> = {
  'DCS-7050SX3-48YC8': {
    description: '48x25GbE (SFP) & 8x100GbE (QSFP100) switch',
    powerSupplies: { slots: 2, model: 'PWR-500AC-F' },
    fans: { modules: 4, perModule: 1, model: 'FAN-7011S-F' },
    sfp: 'SFP-25G-SR',
    qsfp: 'QSFP-100G-SR4',
  },
  'DCS-7280SR-48C6': {
    description: '48x10GbE (SFP+) & 6x100GbE (QSFP100) switch',
    powerSupplies: { slots: 2, model: 'PWR-1100AC-F' },
    fans: { modules: 4, perModule: 1, model: 'FAN-7002-F' },
    sfp: 'SFP-10G-SR',
    qsfp: 'QSFP-100G-SR4',
  },
  'DCS-7516': {
    description: '16 slot modular chassis',
    powerSupplies: { slots: 12, model: 'PWR-3KT-AC-RED' },
    fans: { modules: 6, perModule: 2, model: 'FAN-7500R' },
    sfp: 'SFP-10G-SR',
    qsfp: 'QSFP-100G-SR4',
  },
  vEOS: {
    description: 'vEOS',
    powerSupplies: { slots: 0, model: '' },
    fans: { modules: 0, perModule: 0, model: '' },
    sfp: '',
    qsfp: '',
  },
};

/** Who makes the optics labfleet plugs in. */
export const MANUFACTURER = 'Arista Networks';

const chassisOf = (model: string): Chassis => CHASSIS[model] ?? CHASSIS['DCS-7050SX3-48YC8']!;

const dashes = (...widths: number[]) => `  ${widths.map((n) => '-'.repeat(n)).join(' ')}`;

/** `Ethernet12` → `12`, `Ethernet49/1` → `49`, `Ethernet3/5/1` → `3/5`: the transceiver slot. */
export const transceiverSlot = (name: string): string => name.replace(/^\D+/, '').replace(/\/1$/, '');

/** A port with an optic: one the documentation cables (an unplugged cable leaves the optic in). */
const hasOptic = (iface: InterfaceState) => !iface.mgmt && (iface.peer ?? iface.documentedPeer) !== undefined;

export interface Inventory {
  model: string;
  description: string;
  /** Empty on a VM. */
  hardwareRev: string;
  serial: string;
  /** Empty on a VM. */
  mfgDate: string;
  powerSupplies: { slot: number; model: string; serial: string }[];
  fans: { module: number; count: number; model: string }[];
  switchedPorts: number;
  transceiverSlots: number;
  transceivers: { slot: string; model: string; serial: string; rev: string }[];
}

/** What `show inventory` reports, text and JSON alike (serials seeded from the chassis serial). */
export function deviceInventory(ctx: RenderContext): Inventory {
  const { state } = ctx;
  const { model } = specOf(state);
  const chassis = chassisOf(model.name);
  const rng = createRng(state.serial, state.name, 'inventory');
  const year = rng.int(2017, 2022);
  const mfgDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const virtual = model.name === 'vEOS';
  const switched = state.interfaces.filter((i) => !i.mgmt);
  const optics = chassis.sfp ? switched.filter(hasOptic) : [];
  const powerSupplies = Array.from({ length: chassis.powerSupplies.slots }, (_, i) => ({
    slot: i + 1,
    model: chassis.powerSupplies.model,
    serial: renderSerial(`@@@@${year % 100}99999`, rng),
  }));
  const fans = Array.from({ length: chassis.fans.modules }, (_, i) => ({
    module: i + 1,
    count: chassis.fans.perModule,
    model: chassis.fans.model,
  }));
  const transceivers = optics.map((iface) => {
    const quad = iface.name.endsWith('/1');
    return {
      slot: transceiverSlot(iface.name),
      serial: `X${renderSerial(quad ? 'KT9999999@' : 'CW9999@@999', rng)}`,
      model: quad ? chassis.qsfp : chassis.sfp,
      rev: quad ? '20' : '0002',
    };
  });
  return {
    model: model.name,
    description: chassis.description,
    hardwareRev: virtual ? '' : eosHardware(model.name).revision,
    serial: state.serial,
    mfgDate: virtual ? '' : mfgDate,
    powerSupplies,
    fans,
    switchedPorts: switched.length,
    transceiverSlots: chassis.sfp ? switched.length : 0,
    transceivers,
  };
}

/** Renders `show inventory`. */
export function renderShowInventory(ctx: RenderContext): string {
  const inv = deviceInventory(ctx);
  const lines = [
    'System information',
    `  ${left('Model', 24)} Description`,
    dashes(24, 52),
    `  ${left(inv.model, 24)} ${inv.description}`,
    '',
    '  HW Version  Serial Number  Mfg Date   Epoch',
    dashes(11, 14, 10, 5),
    `  ${left(inv.hardwareRev, 11)} ${left(inv.serial, 14)} ${left(inv.mfgDate, 10)} 01.00`,
    '',
    `System has ${inv.powerSupplies.length} power supply slots`,
  ];
  if (inv.powerSupplies.length > 0) {
    lines.push('  Slot Model            Serial Number', dashes(4, 16, 16));
    for (const psu of inv.powerSupplies)
      lines.push(`  ${left(psu.slot, 4)} ${left(psu.model, 16)} ${psu.serial}`);
  }
  lines.push('', `System has ${inv.fans.length} fan modules`);
  if (inv.fans.length > 0) {
    lines.push('  Module  Number of Fans  Model            Serial Number', dashes(7, 15, 16, 16));
    for (const fan of inv.fans)
      lines.push(`  ${left(fan.module, 7)} ${left(fan.count, 15)} ${left(fan.model, 16)} N/A`);
  }
  lines.push(
    '',
    `System has ${inv.switchedPorts + 1} ports`,
    '  Type             Count',
    dashes(16, 4),
    `  ${left('Management', 16)} 1`,
    `  ${left('Switched', 16)} ${inv.switchedPorts}`,
    '',
    `System has ${inv.transceiverSlots} transceiver slots`,
  );
  if (inv.transceivers.length > 0) {
    lines.push('  Port Manufacturer     Model            Serial Number    Rev', dashes(4, 16, 16, 16, 4));
    for (const x of inv.transceivers) {
      lines.push(
        `  ${left(x.slot, 4)} ${left(MANUFACTURER, 16)} ${left(x.model, 16)} ${left(x.serial, 16)} ${x.rev}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
