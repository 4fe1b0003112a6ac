/**
 * `show interface status`, `show interface description` and `show mac address-table` as NX-OS
 * structures, from the rows the CLI tables print. Keys: `show interface status | json-pretty`
 * captures (interface by its full name, name, state spelled out where the text column cuts it
 * to nine letters: `xcvrAbsent`, `notconnect`; vlan, duplex, speed, type) and
 * `show mac address-table` captures (an N9Kv over NX-API telemetry and napalm's nxos mock:
 * disp_mac_addr, disp_type, disp_vlan, disp_age, disp_is_secure, disp_is_ntfy, disp_port; the
 * secure and notify flags as the text prints them, `F`).
 */
import type { RenderContext } from '../../../device/render-context.js';
import { nxosMacEntries } from '../render/l2-shows.js';
import { nxosDescriptionRows, nxosStatusRows } from '../render/port-shows.js';
import { table, type JsonObject } from './json.js';

/** `show interface status`: mgmt0, then the Ethernet ports. */
export function interfaceStatusBody(ctx: RenderContext): JsonObject {
  return table(
    'interface',
    nxosStatusRows(ctx).map((row) => ({
      interface: row.name,
      ...(row.description === undefined ? {} : { name: row.description }),
      state: row.status,
      vlan: row.vlan,
      duplex: row.duplex,
      speed: row.speed,
      type: row.type,
    })),
  );
}

/** `show interface description`: mgmt0 has no type or speed; a port without one has no desc. */
export function interfaceDescriptionBody(ctx: RenderContext): JsonObject {
  return table(
    'interface',
    nxosDescriptionRows(ctx).map((row) => ({
      interface: row.name,
      ...(row.mgmt ? {} : { type: 'eth', speed: row.speed }),
      ...(row.description === undefined ? {} : { desc: row.description }),
    })),
  );
}

/** `show mac address-table`. */
export function macAddressTableBody(ctx: RenderContext): JsonObject {
  return table(
    'mac_address',
    nxosMacEntries(ctx).map((e) => ({
      disp_mac_addr: e.mac,
      disp_type: e.type,
      disp_vlan: e.vlan,
      disp_age: e.age,
      disp_is_secure: e.secure,
      disp_is_ntfy: e.ntfy,
      disp_port: e.port,
    })),
  );
}
