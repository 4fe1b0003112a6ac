/**
 * What a Nexus is built of, by model: line cards, power supplies and fans, with their part
 * numbers and seeded serials. `show inventory`, `show module` and `show environment` all print
 * from here, text and structured alike. Part numbers and module descriptions follow NX-OS
 * captures (ntc-templates cisco_nxos show_inventory/show_module/show_environment).
 */
import { createRng, renderSerial } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { nxosHardware } from './hardware.js';

/** One field-replaceable unit as `show inventory` lists it. */
export interface NxosPart {
  name: string;
  description: string;
  pid: string;
  vid: string;
  serial: string;
}

/** A slot of `show module`. */
export interface NxosModule {
  slot: number;
  ports: number;
  type: string;
  model: string;
  status: string;
  hw: string;
  /** `LC1`, `SUP1`, `NA` on fixed switches. */
  slotName: string;
  /** First and last MAC of the module's block, or undefined (`NA`). */
  macs?: [number, number];
  serial: string;
}

export interface NxosPowerSupply {
  number: number;
  model: string;
  serial: string;
  capacityWatts: number;
  outputWatts: number;
  inputWatts: number;
}

export interface NxosFan {
  name: string;
  model: string;
  direction: string;
}

export interface NxosChassis {
  chassis: NxosPart;
  modules: NxosModule[];
  powerSupplies: NxosPowerSupply[];
  fans: NxosFan[];
}

interface LineCard {
  type: string;
  model: string;
  ports: number;
}

interface ModelHardware {
  chassisVid: string;
  /** Fixed switches: the one slot; modular: the line card in each slot 1..n. */
  card: LineCard;
  slots: number;
  /** Supervisor (modular chassis only). */
  supervisor?: LineCard;
  psu: { model: string; count: number; watts: number; vid: string };
  fan: { model: string; count: number };
}

const FIXED: Readonly<Record<string, ModelHardware>> = {
  'N9K-C93180YC-EX': {
    chassisVid: 'V03',
    card: { type: '48x10/25G + 6x40/100G Ethernet Module', model: 'N9K-C93180YC-EX', ports: 54 },
    slots: 1,
    psu: { model: 'NXA-PAC-650W-PE', count: 2, watts: 650, vid: 'V02' },
    fan: { model: 'NXA-FAN-30CFM-B', count: 4 },
  },
  'N9K-C9336C-FX2': {
    chassisVid: 'V02',
    card: { type: '36x40/100G Ethernet Module', model: 'N9K-C9336C-FX2', ports: 36 },
    slots: 1,
    psu: { model: 'NXA-PAC-1100W-PE2', count: 2, watts: 1100, vid: 'V01' },
    fan: { model: 'NXA-FAN-30CFM-B', count: 6 },
  },
  'N9K-C9508': {
    chassisVid: 'V03',
    card: { type: '36x40/100G Ethernet Module', model: 'N9K-X9736C-FX', ports: 36 },
    slots: 8,
    supervisor: { type: 'Supervisor Module', model: 'N9K-SUP-B', ports: 0 },
    psu: { model: 'N9K-PAC-3000W-B', count: 4, watts: 3000, vid: 'V02' },
    fan: { model: 'N9K-C9508-FAN', count: 3 },
  },
  'N3K-C3172PQ-10GE': {
    chassisVid: 'V01',
    card: { type: '48x10GE + 6x40G Supervisor', model: 'N3K-C3172PQ-10GE', ports: 54 },
    slots: 1,
    psu: { model: 'N2200-PAC-400W', count: 2, watts: 400, vid: 'V03' },
    fan: { model: 'N3K-C3172-FAN', count: 4 },
  },
};

const hardwareOf = (ctx: RenderContext) => FIXED[ctx.state.model] ?? FIXED['N9K-C93180YC-EX']!;

/** `cisco Nexus9000 C93180YC-EX chassis` → `Nexus9000 C93180YC-EX chassis`. */
const chassisDescription = (ctx: RenderContext) => nxosHardware(ctx).chassis.replace(/^cisco /, '');

/** The supervisor's slot on a modular chassis (27, as on the 9500s). */
const SUP_SLOT = 27;

/** The whole chassis of a device: the same seed, the same serials and figures. */
export function nxosChassis(ctx: RenderContext): NxosChassis {
  const { state } = ctx;
  const hw = hardwareOf(ctx);
  const rng = createRng(state.serial, state.name, 'chassis');
  const serial = (pattern: string) => renderSerial(pattern, rng);
  const modular = hw.supervisor !== undefined;
  const modules: NxosModule[] = [];
  for (let slot = 1; slot <= hw.slots; slot++) {
    const base = state.baseMac + slot * 0x80;
    modules.push({
      slot,
      ports: hw.card.ports,
      type: hw.card.type,
      model: hw.card.model,
      status: modular ? 'ok' : 'active *',
      hw: modular ? '1.1' : '1.0',
      slotName: modular ? `LC${slot}` : 'NA',
      macs: modular ? [base, base + 0x7f] : [state.baseMac, state.baseMac + 0x3f],
      serial: modular ? serial('FOC9999XXXX') : state.serial,
    });
  }
  if (hw.supervisor) {
    modules.push({
      slot: SUP_SLOT,
      ports: 0,
      type: hw.supervisor.type,
      model: hw.supervisor.model,
      status: 'active *',
      hw: '1.0',
      slotName: 'SUP1',
      macs: [state.baseMac, state.baseMac + 0x11],
      serial: serial('SAL9999XXXX'),
    });
  }
  const draw = createRng(state.serial, state.name, 'power');
  const powerSupplies = Array.from({ length: hw.psu.count }, (_, i) => {
    const outputWatts = Math.round((hw.psu.watts * draw.int(12, 22)) / 100);
    return {
      number: i + 1,
      model: hw.psu.model,
      serial: serial('ART9999XXXX'),
      capacityWatts: hw.psu.watts,
      outputWatts,
      inputWatts: outputWatts + draw.int(4, 14),
    };
  });
  const fans = Array.from({ length: hw.fan.count }, (_, i) => ({
    name: `Fan${i + 1}(sys_fan${i + 1})`,
    model: hw.fan.model,
    direction: 'front-to-back',
  }));
  return {
    chassis: {
      name: 'Chassis',
      description: chassisDescription(ctx),
      pid: state.model,
      vid: hw.chassisVid,
      serial: state.serial,
    },
    modules,
    powerSupplies,
    fans,
  };
}

/** Every part, chassis first, as `show inventory` lists them. */
export function nxosInventory(ctx: RenderContext): NxosPart[] {
  const { chassis, modules, powerSupplies, fans } = nxosChassis(ctx);
  const hw = hardwareOf(ctx);
  return [
    chassis,
    ...modules.map((m) => ({
      name: `Slot ${m.slot}`,
      description: m.type,
      pid: m.model,
      vid: m.slot === SUP_SLOT || hw.supervisor ? 'V01' : hw.chassisVid,
      serial: m.serial,
    })),
    ...powerSupplies.map((p) => ({
      name: `Power Supply ${p.number}`,
      description: `${chassis.description} Power Supply`,
      pid: p.model,
      vid: hw.psu.vid,
      serial: p.serial,
    })),
    ...fans.map((f, i) => ({
      name: `Fan ${i + 1}`,
      description: `${chassis.description} Fan Module`,
      pid: f.model,
      vid: 'V01',
      serial: 'N/A',
    })),
  ];
}
