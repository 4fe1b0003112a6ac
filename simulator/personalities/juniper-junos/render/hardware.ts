/**
 * `show chassis hardware`: the inventory in the Item / Version / Part number / Serial number /
 * Description columns (17, 9, 13 and 18 wide), per model as MX204 and QFX5100 captures list it; the
 * chassis serial is the one the device state holds (and `show version` / LLDP agree with), module
 * serials are seeded from it, optics are listed for the cabled SFP+/QSFP ports.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { junosModel } from './chassis.js';

/** One line of the inventory; `depth` 0 is a chassis module, 1 a sub-module, 2 a sub-sub-module. */
export interface InventoryRow {
  depth: number;
  item: string;
  version?: string;
  part?: string;
  serial?: string;
  description: string;
}

const ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A serial seeded by the chassis serial and the item (`PEM 0`): same box, same serials. */
function moduleSerial(chassis: string, item: string, prefix: string, length: number): string {
  let h = 2166136261;
  for (const c of `${chassis}/${item}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let out = prefix;
  while (out.length < length) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    out += ALPHABET[h % ALPHABET.length];
  }
  return out;
}

/** Optics by port speed: the name Junos reads from the module, and the Juniper part number. */
const OPTICS: Readonly<Record<number, { part: string; description: string }>> = {
  10_000: { part: '740-021308', description: 'SFP+-10G-SR' },
  100_000: { part: '740-061409', description: 'QSFP-100GBASE-LR4-T2' },
};

/** `Xcvr N` rows for the cabled optical ports of one PIC (`xe-0/1/3` is PIC 1, Xcvr 3). */
function optics(ctx: RenderContext, pic: number, depth: number): InventoryRow[] {
  return ctx.state.interfaces.flatMap((iface) => {
    const m = /^(?:xe|et)-0\/(\d+)\/(\d+)$/.exec(iface.name);
    const optic = OPTICS[iface.speed];
    if (!m || Number(m[1]) !== pic || !iface.connected || !optic) return [];
    const item = `Xcvr ${m[2]}`;
    return [
      {
        depth,
        item,
        version: 'REV 01',
        part: optic.part,
        serial: moduleSerial(ctx.state.serial, `${pic}/${item}`, '', 12),
        description: optic.description,
      },
    ];
  });
}

function mx204(ctx: RenderContext, serial: string): InventoryRow[] {
  const s = (item: string, prefix: string, length: number) => moduleSerial(serial, item, prefix, length);
  return [
    { depth: 0, item: 'Chassis', serial, description: 'JNP204 [MX204]' },
    { depth: 0, item: 'Routing Engine 0', part: 'BUILTIN', serial: 'BUILTIN', description: 'RE-S-1600x8' },
    {
      depth: 0,
      item: 'CB 0',
      version: 'REV 35',
      part: '750-069579',
      serial: s('CB 0', 'CA', 8),
      description: 'JNP204 [MX204]',
    },
    { depth: 0, item: 'FPC 0', part: 'BUILTIN', serial: 'BUILTIN', description: 'MPC' },
    { depth: 1, item: 'PIC 0', part: 'BUILTIN', serial: 'BUILTIN', description: '4XQSFP28 PIC' },
    ...optics(ctx, 0, 2),
    { depth: 1, item: 'PIC 1', part: 'BUILTIN', serial: 'BUILTIN', description: '8XSFPP PIC' },
    ...optics(ctx, 1, 2),
    ...[0, 1].map((n) => ({
      depth: 0,
      item: `PEM ${n}`,
      version: 'REV 04',
      part: '740-069994',
      serial: s(`PEM ${n}`, '1E', 11),
      description: 'AC AFO 650W PSU',
    })),
    ...[0, 1, 2].map((n) => ({
      depth: 0,
      item: `Fan Tray ${n}`,
      description: 'Fan Tray, Front to Back Airflow - AFO',
    })),
  ];
}

/** EX and QFX: one FPC per member, the chassis serial on the FPC as well. */
function virtualChassis(
  ctx: RenderContext,
  serial: string,
  model: 'ex4300-48t' | 'qfx5100-48s-6q',
): InventoryRow[] {
  const s = (item: string, prefix: string, length: number) => moduleSerial(serial, item, prefix, length);
  const name = model.toUpperCase();
  const ex = model === 'ex4300-48t';
  const pics: InventoryRow[] = ex
    ? [
        {
          depth: 1,
          item: 'PIC 0',
          part: 'BUILTIN',
          serial: 'BUILTIN',
          description: '48x 10/100/1000 Base-T',
        },
        { depth: 1, item: 'PIC 1', part: 'BUILTIN', serial: 'BUILTIN', description: '4x 40GE QSFP+' },
        {
          depth: 1,
          item: 'PIC 2',
          version: 'REV 05',
          part: '611-063980',
          serial: s('PIC 2', 'MY', 12),
          description: '4x 1G/10G SFP/SFP+',
        },
        ...optics(ctx, 2, 2),
      ]
    : [
        { depth: 1, item: 'PIC 0', part: 'BUILTIN', serial: 'BUILTIN', description: '48x10G-6x40G' },
        ...optics(ctx, 0, 2),
      ];
  return [
    { depth: 0, item: 'Chassis', serial, description: name },
    { depth: 0, item: 'Pseudo CB 0', description: '' },
    {
      depth: 0,
      item: 'Routing Engine 0',
      part: 'BUILTIN',
      serial: 'BUILTIN',
      description: ex ? name : 'QFX Routing Engine',
    },
    {
      depth: 0,
      item: 'FPC 0',
      version: ex ? 'REV 07' : 'REV 12',
      part: ex ? '650-044930' : '650-056265',
      serial,
      description: name,
    },
    { depth: 1, item: 'CPU', part: 'BUILTIN', serial: 'BUILTIN', description: 'FPC CPU' },
    ...pics,
    ...(ex ? [0] : [0, 1]).map((n) => ({
      depth: 0,
      item: `Power Supply ${n}`,
      version: 'REV 04',
      part: ex ? '740-046873' : '740-041741',
      serial: s(`Power Supply ${n}`, '1E', 11),
      description: ex ? 'JPSU-350-AC-AFO' : 'JPSU-650W-AC-AFO',
    })),
    ...(ex ? [0, 1] : [0, 1, 2, 3, 4]).map((n) => ({
      depth: 0,
      item: `Fan Tray ${n}`,
      description: ex
        ? 'Fan Module, Airflow Out (AFO)'
        : `QFX5100 Fan Tray ${n}, Front to Back Airflow - AFO`,
    })),
  ];
}

function vmx(serial: string): InventoryRow[] {
  return [
    { depth: 0, item: 'Chassis', serial, description: 'VMX' },
    { depth: 0, item: 'Midplane', description: '' },
    { depth: 0, item: 'Routing Engine 0', description: 'RE-VMX' },
    { depth: 0, item: 'CB 0', description: 'VMX SCB' },
    { depth: 0, item: 'FPC 0', part: 'BUILTIN', serial: 'BUILTIN', description: 'Virtual FPC' },
    { depth: 1, item: 'CPU', version: 'Rev. 1.0', part: 'RIOT-LITE', serial: 'BUILTIN', description: '' },
    { depth: 1, item: 'MIC 0', description: 'Virtual' },
    { depth: 2, item: 'PIC 0', part: 'BUILTIN', serial: 'BUILTIN', description: 'Virtual' },
  ];
}

function renderRow(row: InventoryRow): string {
  const item = `${'  '.repeat(row.depth)}${row.item}`;
  const line =
    item.padEnd(16) +
    ' ' +
    (row.version ?? '').padEnd(8) +
    ' ' +
    (row.part ?? '').padEnd(12) +
    ' ' +
    (row.serial ?? '').padEnd(17) +
    ' ' +
    row.description;
  return row.description || row.serial || row.part ? line.trimEnd() : item.padEnd(16);
}

/** The inventory, `Chassis` first, in the order the CLI lists it. */
export function junosInventory(ctx: RenderContext): InventoryRow[] {
  const model = junosModel(ctx).platform;
  const serial = ctx.state.serial;
  return model === 'mx204'
    ? mx204(ctx, serial)
    : model === 'ex4300-48t' || model === 'qfx5100-48s-6q'
      ? virtualChassis(ctx, serial, model)
      : vmx(serial);
}

export function renderShowChassisHardware(ctx: RenderContext): string {
  const rows = junosInventory(ctx);
  return [
    'Hardware inventory:',
    'Item             Version  Part number  Serial number     Description',
    ...rows.map(renderRow),
  ].join('\n');
}
