/**
 * `show inventory` as EOS's JSON: `systemInformation` and `xcvrSlots` keyed by port number with
 * `mfgName`/`modelName`/`serialNum`/`hardwareRev` (what ANTA's hardware tests read), and the power
 * supply, fan tray and port counts.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { deviceInventory, MANUFACTURER } from '../render/inventory.js';

export function inventoryModel(ctx: RenderContext): object {
  const inv = deviceInventory(ctx);
  return {
    systemInformation: {
      name: inv.model,
      description: inv.description,
      hardwareRev: inv.hardwareRev,
      serialNum: inv.serial,
      mfgDate: inv.mfgDate,
      hwEpoch: '01.00',
    },
    powerSupplySlots: Object.fromEntries(
      inv.powerSupplies.map((p) => [String(p.slot), { name: p.model, serialNum: p.serial }]),
    ),
    fanTraySlots: Object.fromEntries(
      inv.fans.map((f) => [String(f.module), { numFans: f.count, name: f.model, serialNum: 'N/A' }]),
    ),
    portCount: { Management: 1, Switched: inv.switchedPorts },
    cardSlots: {},
    xcvrSlots: Object.fromEntries(
      inv.transceivers.map((x) => [
        x.slot,
        { mfgName: MANUFACTURER, modelName: x.model, serialNum: x.serial, hardwareRev: x.rev },
      ]),
    ),
    storageDevices: {},
  };
}
