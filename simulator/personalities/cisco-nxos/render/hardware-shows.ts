/** `show inventory`, `show module` and `show environment fan|power`, from the chassis model. */
import type { RenderContext } from '../../../device/render-context.js';
import { left, right } from '../../cisco-ios/render/text.js';
import { nxosChassis, nxosInventory, type NxosChassis, type NxosModule } from './chassis.js';

/** Renders `show inventory`: NAME/DESCR then PID/VID/SN per part, chassis first. */
export function renderShowInventory(ctx: RenderContext): string {
  return nxosInventory(ctx)
    .flatMap((part) => [
      `NAME: "${part.name}",  DESCR: "${part.description}"`,
      `PID: ${left(part.pid, 20)},  VID: ${left(part.vid, 4)},  SN: ${part.serial}`,
      '',
    ])
    .join('\n');
}

/** `00-3a-9c-12-34-00`. */
export const renderMacDashed = (mac: number): string =>
  (mac.toString(16).padStart(12, '0').match(/../g) ?? []).join('-');

/** `00-3a-9c-12-34-00 to 00-3a-9c-12-34-3f`, or `NA`. */
export const moduleMacs = (m: NxosModule): string =>
  m.macs ? `${renderMacDashed(m.macs[0])} to ${renderMacDashed(m.macs[1])}` : 'NA';

/** Renders `show module`: types, software, MACs and serials, diagnostics. */
export function renderShowModule(ctx: RenderContext): string {
  const { modules } = nxosChassis(ctx);
  return [
    'Mod Ports             Module-Type                      Model           Status',
    '--- ----- ------------------------------------- --------------------- ---------',
    ...modules.map(
      (m) => left(m.slot, 5) + left(m.ports, 5) + left(m.type, 38) + left(m.model, 22) + m.status,
    ),
    '',
    'Mod  Sw                       Hw    Slot',
    '---  ----------------------- ------ ----',
    ...modules.map((m) => left(m.slot, 5) + left(ctx.state.version, 25) + left(m.hw, 7) + m.slotName),
    '',
    '',
    'Mod  MAC-Address(es)                         Serial-Num',
    '---  --------------------------------------  ----------',
    ...modules.map((m) => left(m.slot, 5) + left(moduleMacs(m), 40) + m.serial),
    '',
    'Mod  Online Diag Status',
    '---  ------------------',
    ...modules.map((m) => `${left(m.slot, 5)}Pass`),
    '',
    '* this terminal session ',
  ].join('\n');
}

const watts = (n: number) => `${n} W`;
const decimalWatts = (n: number) => `${n.toFixed(2)} W`;

/** The totals of `show environment power`, as the CLI and the structured body report them. */
export function powerSummary(chassis: NxosChassis) {
  const supplies = chassis.powerSupplies;
  const capacity = supplies[0]?.capacityWatts ?? 0;
  const half = Math.ceil(supplies.length / 2);
  return {
    redundancyConfigured: 'PS-Redundant',
    redundancyOperational: 'PS-Redundant',
    capacity: capacity * half,
    gridA: capacity * half,
    gridB: capacity * (supplies.length - half),
    inputs: capacity * supplies.length,
    output: supplies.reduce((sum, p) => sum + p.outputWatts, 0),
    input: supplies.reduce((sum, p) => sum + p.inputWatts, 0),
  };
}

function powerLines(ctx: RenderContext): string[] {
  const chassis = nxosChassis(ctx);
  const total = powerSummary(chassis);
  const figure = (label: string, value: string) => left(label, 56) + right(value, 12);
  return [
    'Power Supply:',
    'Voltage: 12 Volts',
    'Power                             Actual      Actual        Total',
    'Supply    Model                   Output      Input      Capacity    Status',
    '                                (Watts )    (Watts )     (Watts )',
    '-------  -------------------  ----------  ----------  ----------  --------------',
    ...chassis.powerSupplies.map(
      (p) =>
        left(p.number, 9) +
        left(p.model, 19) +
        right(watts(p.outputWatts), 12) +
        right(watts(p.inputWatts), 12) +
        right(watts(p.capacityWatts), 12) +
        '     Ok',
    ),
    '',
    '',
    'Power Usage Summary:',
    '--------------------',
    left('Power Supply redundancy mode (configured)', 57) + total.redundancyConfigured,
    left('Power Supply redundancy mode (operational)', 57) + total.redundancyOperational,
    '',
    figure('Total Power Capacity (based on configured mode)', decimalWatts(total.capacity)),
    figure('Total Grid-A (first half of PS slots) Power Capacity', decimalWatts(total.gridA)),
    figure('Total Grid-B (second half of PS slots) Power Capacity', decimalWatts(total.gridB)),
    figure('Total Power of all Inputs (cumulative)', decimalWatts(total.inputs)),
    figure('Total Power Output (actual draw)', decimalWatts(total.output)),
    figure('Total Power Input (actual draw)', decimalWatts(total.input)),
    left('Total Power Allocated (budget)', 62) + 'N/A',
    left('Total Power Available for additional modules', 62) + 'N/A',
  ];
}

/** Renders `show environment power`. */
export const renderShowEnvironmentPower = (ctx: RenderContext): string =>
  ['', ...powerLines(ctx), ''].join('\n');

/** The fan zone speed NX-OS reports (`0x5f`), seeded per device. */
export const fanZoneSpeed = (ctx: RenderContext): string =>
  `0x${(0x40 + (ctx.state.baseMac % 0x30)).toString(16)}`;

/** Renders `show environment fan`: the tray fans, then the fans inside each power supply. */
export function renderShowEnvironmentFan(ctx: RenderContext): string {
  const { fans, powerSupplies } = nxosChassis(ctx);
  const rule = '-'.repeat(75);
  const row = (name: string, model: string, direction: string) =>
    left(name, 16) + left(model, 21) + left('--', 7) + left(direction, 16) + 'Ok';
  return [
    '',
    'Fan:',
    rule,
    'Fan             Model                Hw     Direction       Status',
    rule,
    ...fans.map((f) => row(f.name, f.model, f.direction)),
    ...powerSupplies.map((p) => row(`Fan_in_PS${p.number}`, '--', 'front-to-back')),
    `Fan Zone Speed: Zone 1: ${fanZoneSpeed(ctx)}`,
    'Fan Air Filter : NotSupported',
    '',
  ].join('\n');
}
