/** Which JSON model answers which EOS command, by its canonical (spelled-out) text. */
import type { RenderContext } from '../../../device/render-context.js';
import { ipArpModel } from './arp.js';
import { configurationSessionsModel } from './config-sessions.js';
import { interfaceNamedModel, interfacesModel, interfacesStatusModel } from './interfaces.js';
import { lldpNeighborsDetailModel, lldpNeighborsModel } from './lldp.js';
import { inventoryModel } from './inventory.js';
import { portChannelSummaryModel } from './port-channel.js';
import { ipRouteModel, macAddressTableModel } from './routing.js';
import { runningConfigAllModel, runningConfigModel } from './running-config.js';
import { clockModel, hostnameModel } from './system.js';
import { versionModel } from './version.js';

/** A command's JSON from the device and the command's parameters (`interface` of `show interfaces <interface>`). */
export type JsonModel = (ctx: RenderContext, args: Readonly<Record<string, string>>) => object;

export const EOS_JSON_MODELS: Readonly<Record<string, JsonModel>> = {
  'show lldp neighbors': lldpNeighborsModel,
  'show lldp neighbors detail': lldpNeighborsDetailModel,
  'show ip arp': ipArpModel,
  'show version': versionModel,
  'show inventory': inventoryModel,
  'show ip route': ipRouteModel,
  'show mac address-table': macAddressTableModel,
  'show hostname': hostnameModel,
  'show interfaces status': interfacesStatusModel,
  'show interfaces': interfacesModel,
  'show interfaces <interface>': interfaceNamedModel,
  'show clock': clockModel,
  'show running-config': runningConfigModel,
  'show running-config all': runningConfigAllModel,
  'show configuration sessions': configurationSessionsModel,
  'show port-channel summary': portChannelSummaryModel,
};
