/**
 * Every cable of a finding on its own line, over the devices, coloured by the finding's kind: dashed
 * where it was documented but not seen, solid where it was seen. Parallel lines between the same two
 * devices are spread apart; each end is labelled with its port's short name just outside the box.
 */
import type { ReportCable } from '../cables.js';
import { PORT_LABEL_SIZE } from './layout.js';
import { centre, esc, findingText, n } from './markup.js';
import type { Box, GraphInput } from './types.js';

const SHORT_NAMES: Array<[RegExp, string]> = [
  [/^HundredGigE/i, 'Hu'],
  [/^FortyGigabitEthernet/i, 'Fo'],
  [/^TwentyFiveGigE/i, 'Twe'],
  [/^TenGigabitEthernet/i, 'Te'],
  [/^GigabitEthernet/i, 'Gi'],
  [/^FastEthernet/i, 'Fa'],
  [/^Ethernet/i, 'Eth'],
  [/^Management/i, 'Mgmt'],
  [/^Port-channel/i, 'Po'],
];

/** `GigabitEthernet1/0/1` → `Gi1/0/1`, `Ethernet1/1` → `Eth1/1`; Junos names stay as they are. */
export function shortPort(name: string): string {
  for (const [long, short] of SHORT_NAMES) if (long.test(name)) return name.replace(long, short);
  return name;
}

const SPREAD = 7;

/** Where the line from the box's centre along (dx, dy) leaves the box. */
function exitPoint(box: Box, dx: number, dy: number, offset: { x: number; y: number }) {
  const c = centre(box);
  const t = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return { x: c.x + offset.x + dx * t, y: c.y + offset.y + dy * t };
}

/** A port's name just past where its line leaves the box; parallel lines' labels staggered by `k`. */
function portLabel(at: { x: number; y: number }, ux: number, uy: number, text: string, k = 0): string {
  const along = 4 + k * (PORT_LABEL_SIZE + 3);
  const x = at.x + ux * along;
  const y = at.y + uy * along + (uy >= 0 ? PORT_LABEL_SIZE : -3);
  const anchor = Math.abs(ux) < 0.2 ? 'middle' : ux > 0 ? 'start' : 'end';
  return `<text class="lf-port" x="${n(x)}" y="${n(y)}" text-anchor="${anchor}">${esc(text)}</text>`;
}

function side(c: ReportCable): 'expected' | 'found' {
  return c.documented ? 'expected' : 'found';
}

export function renderFindingCables(input: GraphInput, at: Map<string, Box>): string[] {
  const pairs = new Map<string, number[]>();
  input.cables.forEach((c, i) => {
    if (c.finding === undefined) return;
    const [x, y] = [c.a.device.toLowerCase(), c.b.device.toLowerCase()].sort();
    const key = `${x}\u0000${y}`;
    pairs.set(key, [...(pairs.get(key) ?? []), i]);
  });
  const out: string[] = [];
  for (const indexes of pairs.values())
    indexes.forEach((i, k) => {
      const c = input.cables[i]!;
      const a = at.get(c.a.device.toLowerCase());
      const b = at.get(c.b.device.toLowerCase());
      if (!a || !b) return;
      const finding = input.findings[c.finding!]!;
      const how = c.documented ? 'documented, not seen' : 'seen, not documented';
      const title = `${c.a.device} ${c.a.interface} <-> ${c.b.device} ${c.b.interface}: ${how}\n${findingText(finding)}`;
      const open = `<g class="lf-cable lf-finding lf-problem lf-kind-${finding.kind} lf-${side(c)}" data-cables="${i}" data-findings="${c.finding}"><title>${esc(title)}</title>`;
      if (a === b) {
        // a cable from a device to itself: a loop off the right edge
        const x = a.x + a.width;
        const y = a.y + a.height / 2;
        out.push(
          `${open}<path d="M${n(x)},${n(y - 5)} C${n(x + 24)},${n(y - 18)} ${n(x + 24)},${n(y + 18)} ${n(x)},${n(y + 5)}"/>` +
            `${portLabel({ x: x + 2, y: y - 10 }, 1, -1, shortPort(c.a.interface))}${portLabel({ x: x + 2, y: y + 10 }, 1, 1, shortPort(c.b.interface))}</g>`,
        );
        return;
      }
      const p = centre(a);
      const q = centre(b);
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const ux = (q.x - p.x) / length;
      const uy = (q.y - p.y) / length;
      // spread parallel lines across the pair, symmetric about the centre line
      const shift = (k - (indexes.length - 1) / 2) * SPREAD;
      const offset = { x: -uy * shift, y: ux * shift };
      const from = exitPoint(a, ux, uy, offset);
      const to = exitPoint(b, -ux, -uy, offset);
      out.push(
        `${open}<line x1="${n(from.x)}" y1="${n(from.y)}" x2="${n(to.x)}" y2="${n(to.y)}"/>` +
          `${portLabel(from, ux, uy, shortPort(c.a.interface), k)}${portLabel(to, -ux, -uy, shortPort(c.b.interface), k)}</g>`,
      );
    });
  return out;
}
