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

const chassisOf = (model: string): Chassis => CHASSIS[model] ?? CHASSIS['DCS-7050SX3-48YC8']!;

const dashes = (...widths: number[]) => `  ${widths.map((n) => '-'.repeat(n)).join(' ')}`;

/** `Ethernet12` → `12`, `Ethernet49/1` → `49`, `Ethernet3/5/1` → `3/5`: the transceiver slot. */
export const transceiverSlot = (name: string): string => name.replace(/^\D+/, '').replace(/\/1$/, '');

/** A port with an optic: one the documentation cables (an unplugged cable leaves the optic in). */
const hasOptic = (iface: InterfaceState) => !iface.mgmt && (iface.peer ?? iface.documentedPeer) !== undefined;

/** Renders `show inventory`. */
export function renderShowInventory(ctx: RenderContext): string {
  const { state } = ctx;
  const { model } = specOf(state);
  const chassis = chassisOf(model.name);
  const rng = createRng(state.serial, state.name, 'inventory');
  const year = rng.int(2017, 2022);
  const mfgDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const virtual = model.name === 'vEOS';
  const switched = state.interfaces.filter((i) => !i.mgmt);
  const optics = chassis.sfp ? switched.filter(hasOptic) : [];
  const lines = [
    'System information',
    `  ${left('Model', 24)} Description`,
    dashes(24, 52),
    `  ${left(model.name, 24)} ${chassis.description}`,
    '',
    '  HW Version  Serial Number  Mfg Date   Epoch',
    dashes(11, 14, 10, 5),
    virtual
      ? `  ${left('', 11)} ${left(state.serial, 14)} ${left('', 10)} 01.00`
      : `  ${left(eosHardware(model.name).revision, 11)} ${left(state.serial, 14)} ${mfgDate} 01.00`,
    '',
    `System has ${chassis.powerSupplies.slots} power supply slots`,
  ];
  if (chassis.powerSupplies.slots > 0) {
    lines.push('  Slot Model            Serial Number', dashes(4, 16, 16));
    for (let slot = 1; slot <= chassis.powerSupplies.slots; slot++) {
      const serial = renderSerial(`@@@@${year % 100}99999`, rng);
      lines.push(`  ${left(slot, 4)} ${left(chassis.powerSupplies.model, 16)} ${serial}`);
    }
  }
  lines.push('', `System has ${chassis.fans.modules} fan modules`);
  if (chassis.fans.modules > 0) {
    lines.push('  Module  Number of Fans  Model            Serial Number', dashes(7, 15, 16, 16));
    for (let module = 1; module <= chassis.fans.modules; module++) {
      lines.push(
        `  ${left(module, 7)} ${left(chassis.fans.perModule, 15)} ${left(chassis.fans.model, 16)} N/A`,
      );
    }
  }
  lines.push(
    '',
    `System has ${switched.length + 1} ports`,
    '  Type             Count',
    dashes(16, 4),
    `  ${left('Management', 16)} 1`,
    `  ${left('Switched', 16)} ${switched.length}`,
    '',
    `System has ${chassis.sfp ? switched.length : 0} transceiver slots`,
  );
  if (optics.length > 0) {
    lines.push('  Port Manufacturer     Model            Serial Number    Rev', dashes(4, 16, 16, 16, 4));
    for (const iface of optics) {
      const quad = iface.name.endsWith('/1');
      const serial = `X${renderSerial(quad ? 'KT9999999@' : 'CW9999@@999', rng)}`;
      const optic = quad ? chassis.qsfp : chassis.sfp;
      const rev = quad ? '20' : '0002';
      lines.push(
        `  ${left(transceiverSlot(iface.name), 4)} ${left('Arista Networks', 16)} ${left(optic, 16)} ${left(serial, 16)} ${rev}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
