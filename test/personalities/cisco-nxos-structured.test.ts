/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- the tests walk structured bodies */
/**
 * NX-OS structured models against the text tables: for every command that has both, the JSON
 * holds the values the CLI prints (one model behind both), on a 10.3, a 9.3 and a 7.0 box.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderContext } from '../../simulator/device/render-context.js';
import * as render from '../../simulator/personalities/cisco-nxos/render/index.js';
import { structuredBody } from '../../simulator/personalities/cisco-nxos/structured/index.js';
import { printJsonPretty } from '../../simulator/personalities/cisco-nxos/structured/print.js';
import { renderContextFor } from '../device.js';
import { expectGolden, FIXTURES } from '../helpers.js';

const NXOS_DEVICES = ['r2-nx02', 'r2-nx11', 'r4-nx08'] as const;

const contexts = new Map<string, RenderContext>();
const ctxOf = (device: string) => contexts.get(device)!;

beforeAll(async () => {
  for (const device of NXOS_DEVICES) contexts.set(device, await renderContextFor('lab-100', device));
});

/** The rows of an NX-OS table, whichever of its quirks it uses (one row, a list, a list of `{ROW_x}`). */
function rowsOf(doc: any, name: string): any[] {
  const table = doc[`TABLE_${name}`];
  const found = Array.isArray(table) ? table.map((t: any) => t[`ROW_${name}`]) : table?.[`ROW_${name}`];
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

describe('structured models print what the text tables print', () => {
  const body = (command: string, device: string): any => structuredBody(command, ctxOf(device));

  it.each(NXOS_DEVICES)('%s: show interface status (state cut to nine letters in the text)', (device) => {
    const text = render.renderShowInterfaceStatus(ctxOf(device)).split('\n').slice(4);
    const json = rowsOf(body('show interface status', device), 'interface');
    expect(json).toHaveLength(text.length);
    json.forEach((row, i) => {
      const line = text[i]!;
      expect(line.slice(0, 14).trim()).toBe(row.interface.replace(/^Ethernet/, 'Eth'));
      expect(line.slice(33, 43).trim()).toBe(row.state.slice(0, 9));
      expect(line.slice(43).trim().split(/\s+/)).toEqual([row.vlan, row.duplex, row.speed, row.type]);
      if (row.name) expect(line.slice(14, 33).trim()).toBe(row.name.slice(0, 18).trim());
    });
  });

  it.each(NXOS_DEVICES)('%s: show interface description', (device) => {
    const text = render.renderShowInterfaceDescription(ctxOf(device));
    for (const row of rowsOf(body('show interface description', device), 'interface')) {
      const name = row.interface.replace(/^Ethernet/, 'Eth');
      const rest = row.type ? ` +eth +${row.speed} +` : ' +';
      expect(text).toMatch(new RegExp(`^${name}${rest}${(row.desc ?? '--').replace(/[/.]/g, '\\$&')}$`, 'm'));
    }
  });

  it.each(NXOS_DEVICES)('%s: show ip interface brief [vrf all]', (device) => {
    for (const command of ['show ip interface brief', 'show ip interface brief vrf all']) {
      const doc = body(command, device);
      const renderer =
        command === 'show ip interface brief'
          ? render.renderShowIpInterfaceBrief
          : render.renderShowIpInterfaceBriefVrfAll;
      const lines = renderer(ctxOf(device))
        .split('\n')
        .filter((l) => /protocol-/.test(l));
      const intf = rowsOf(doc, 'intf');
      expect(rowsOf(doc, 'vrf')).toHaveLength(intf.length);
      expect(
        intf.map(
          (r) =>
            `${r['intf-name']} ${r.prefix} protocol-${r['proto-state']}/link-${r['link-state']}/admin-${r['admin-state']}`,
        ),
      ).toEqual(lines.map((l) => l.split(/\s+/).join(' ')));
    }
  });

  it.each(NXOS_DEVICES)('%s: show ip route vrf all, prefix by prefix and path by path', (device) => {
    const text = render.renderShowIpRouteVrfAll(ctxOf(device));
    const fromText = [
      ...text.matchAll(
        /^(\S+), ubest\/mbest: (\d+)\/0(, attached)?\n {4}\*via ([^,]+), (?:(\S+), )?\[(\d+)\/(\d+)\], \S+, (\w+)$/gm,
      ),
    ].map((m) => [m[1], m[2], m[3] ? 'true' : 'false', m[4], m[5], m[6], m[7], m[8]]);
    const fromJson = rowsOf(body('show ip route vrf all', device), 'vrf').flatMap((vrf) =>
      rowsOf(rowsOf(vrf, 'addrf')[0], 'prefix').map((p) => {
        const [path] = rowsOf(p, 'path');
        return [
          p.ipprefix,
          String(p['ucast-nhops']),
          p.attached,
          path.ipnexthop,
          path.ifname,
          String(path.pref),
          String(path.metric),
          path.clientname,
        ];
      }),
    );
    expect(fromJson.length).toBeGreaterThan(2);
    expect(fromJson).toEqual(fromText);
  });

  it('route ages: the text`s 4d22h is the JSON`s P4DT22H…', () => {
    const [vrf] = rowsOf(body('show ip route', 'r2-nx02'), 'vrf');
    const connected = rowsOf(rowsOf(vrf, 'addrf')[0], 'prefix').find((p) => p.ipprefix === '10.0.0.96/31');
    expect(rowsOf(connected, 'path')[0].uptime).toMatch(/^P4DT22H\d+M\d+S$/);
  });

  it.each(NXOS_DEVICES)('%s: show mac address-table', (device) => {
    const text = render.renderShowMacAddressTable(ctxOf(device));
    const [entry] = rowsOf(body('show mac address-table', device), 'mac_address');
    expect(text.split('\n').at(-1)!.split(/\s+/)).toEqual([
      'G',
      entry.disp_vlan,
      entry.disp_mac_addr,
      entry.disp_type,
      entry.disp_age,
      entry.disp_is_secure,
      entry.disp_is_ntfy,
      entry.disp_port,
    ]);
  });

  it('7.x types counters as numbers, 9.x and later as strings', () => {
    const legacy = rowsOf(body('show ip interface brief', 'r4-nx08'), 'intf')[0];
    const modern = rowsOf(body('show ip interface brief', 'r2-nx02'), 'intf')[0];
    expect(legacy.iod).toBeTypeOf('number');
    expect(modern.iod).toBeTypeOf('string');
  });
});

describe('show port-channel summary structured', () => {
  const LAG_LAB = join(FIXTURES, 'lag', 'lab.yaml');

  it('lag-lab nx1: show port-channel summary | json-pretty', async () => {
    const ctx = await renderContextFor(LAG_LAB, 'nx1');
    expectGolden(
      'cisco-nxos/lag-lab-nx1-show-port-channel-summary-json-pretty.txt',
      printJsonPretty(structuredBody('show port-channel summary', ctx)!),
    );
  });

  it('holds the groups, flags and members the text prints, drifted or not, and no table without LAGs', async () => {
    for (const [topology, device, drift] of [
      [LAG_LAB, 'nx1', undefined],
      [LAG_LAB, 'nx1', 'drift:\n  - unplug: nx1:Ethernet1/49'],
      ['lab-100', 'r2-nx02', undefined],
    ] as const) {
      const ctx = await renderContextFor(topology, device, drift ? { drift } : {});
      const lines = render.renderShowPortChannelSummary(ctx).split('\n');
      // Rows after the second rule: `5     Po5(RU)     Eth      LACP      Eth1/49(P)   Eth1/50(P)`.
      const rows = lines.slice(lines.lastIndexOf('-'.repeat(80)) + 1);
      const fromText: any[] = [];
      for (const line of rows) {
        const head = /^(\d+)\s+Po\d+\((\w)(\w)\)\s+(\w+)\s+(\w+)/.exec(line);
        if (head)
          fromText.push({
            group: Number(head[1]),
            layer: head[2],
            status: head[3],
            type: head[4],
            prtcl: head[5],
            members: [],
          });
        fromText.at(-1).members.push(...[...line.matchAll(/(Eth[\d/]+)\((\w)\)/g)].map((m) => [m[1], m[2]]));
      }
      const json = rowsOf(structuredBody('show port-channel summary', ctx), 'channel').map((row) => ({
        group: row.group,
        layer: row.layer,
        status: row.status,
        type: row.type,
        prtcl: row.prtcl,
        members: rowsOf(row, 'member').map((m) => [m.port.replace(/^Ethernet/, 'Eth'), m['port-status']]),
        name: row['port-channel'],
      }));
      expect(json.map(({ name, ...rest }) => (expect(name).toBe(`port-channel${rest.group}`), rest))).toEqual(
        fromText,
      );
      if (fromText.length === 0) expect(structuredBody('show port-channel summary', ctx)).toEqual({});
    }
  });
});
