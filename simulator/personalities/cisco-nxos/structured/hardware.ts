/**
 * `show inventory`, `show module` and `show environment fan|power` as NX-OS structures, from the
 * chassis model the CLI prints. Key names are the ones NX-OS 9.x sends and Ansible's nxos_facts
 * reads (TABLE_inv/ROW_inv name/desc/productid/vendorid/serialnum; TABLE_modinfo model/modtype/
 * ports/status; fandetails.TABLE_faninfo fanname/fanmodel/fanhwver/fandir/fanstatus;
 * powersup.TABLE_psinfo psnum/psmodel/actual_out/actual_input/tot_capa/ps_status).
 */
import type { RenderContext } from '../../../device/render-context.js';
import { nxosChassis, nxosInventory } from '../render/chassis.js';
import { fanZoneSpeed, moduleMacs, powerSummary } from '../render/hardware-shows.js';
import { table, type JsonObject } from './json.js';
import { counter } from './values.js';

/** `show inventory`. */
export function inventoryBody(ctx: RenderContext): JsonObject {
  return table(
    'inv',
    nxosInventory(ctx).map((part) => ({
      name: part.name,
      desc: part.description,
      productid: part.pid,
      vendorid: part.vid,
      serialnum: part.serial,
    })),
  );
}

/** `show module`: one table per section of the CLI output. */
export function moduleBody(ctx: RenderContext): JsonObject {
  const { modules } = nxosChassis(ctx);
  const num = (n: number) => counter(ctx, n);
  return {
    ...table(
      'modinfo',
      modules.map((m) => ({
        modinf: num(m.slot),
        ports: num(m.ports),
        modtype: m.type,
        model: m.model,
        status: m.status,
      })),
    ),
    ...table(
      'modwwninfo',
      modules.map((m) => ({ modwwn: num(m.slot), sw: ctx.state.version, hw: m.hw, slottype: m.slotName })),
    ),
    ...table(
      'modmacinfo',
      modules.map((m) => ({ modmac: num(m.slot), mac: moduleMacs(m), serialnum: m.serial })),
    ),
    ...table(
      'moddiaginfo',
      modules.map((m) => ({ mod: num(m.slot), diagstatus: 'Pass' })),
    ),
  };
}

/** `show environment fan`: tray fans, then the fans in the power supplies. */
export function fanBody(ctx: RenderContext): JsonObject {
  const { fans, powerSupplies } = nxosChassis(ctx);
  const row = (name: string, model: string, direction: string) => ({
    fanname: name,
    fanmodel: model,
    fanhwver: '--',
    fandir: direction,
    fanstatus: 'Ok',
  });
  return {
    fandetails: {
      ...table('faninfo', [
        ...fans.map((f) => row(f.name, f.model, f.direction)),
        ...powerSupplies.map((p) => row(`Fan_in_PS${p.number}`, '--', 'front-to-back')),
      ]),
      fan_filter_status: 'NotSupported',
      TABLE_fan_zone_speed: { ROW_fan_zone_speed: { zone: '1', zonespeed: fanZoneSpeed(ctx) } },
    },
  };
}

/** `show environment power`: the supplies and the usage summary. */
export function powerBody(ctx: RenderContext): JsonObject {
  const chassis = nxosChassis(ctx);
  const total = powerSummary(chassis);
  const w = (n: number) => `${n} W`;
  const dw = (n: number) => `${n.toFixed(2)} W`;
  return {
    powersup: {
      voltage_level: counter(ctx, 12),
      ...table(
        'psinfo',
        chassis.powerSupplies.map((p) => ({
          psnum: counter(ctx, p.number),
          psmodel: p.model,
          actual_out: w(p.outputWatts),
          actual_input: w(p.inputWatts),
          tot_capa: w(p.capacityWatts),
          ps_status: 'Ok',
        })),
      ),
      power_summary: {
        ps_redun_mode: total.redundancyConfigured,
        ps_oper_mode: total.redundancyOperational,
        tot_pwr_capacity: dw(total.capacity),
        tot_gridA_capacity: dw(total.gridA),
        tot_gridB_capacity: dw(total.gridB),
        cumulative_power: dw(total.inputs),
        tot_pwr_out_actual_draw: dw(total.output),
        tot_pwr_input_actual_draw: dw(total.input),
        tot_pwr_alloc_budgeted: 'N/A',
        available_pow: 'N/A',
      },
    },
  };
}
