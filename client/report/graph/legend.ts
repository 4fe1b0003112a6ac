/**
 * The legend under the drawing: the device states and cable marks the drawing uses (finding kinds
 * only when present). Swatches carry their own presentation attributes, not the drawing's classes,
 * so nothing selecting devices or cables picks them up.
 */
import { LABEL_SIZE, MARGIN, textWidth } from './layout.js';
import { esc, n } from './markup.js';
import { KIND_COLOURS, PROBLEM_COLOUR } from './style.js';
import type { GraphInput, Layout } from './types.js';

interface Entry {
  swatch: string;
  text: string;
}

const SWATCH = 28;
const ROW = 22;
const GAP = 18;

const box = (attrs: string) => `<rect y="-11" width="${SWATCH}" height="14" rx="3" ${attrs}/>`;
const line = (attrs: string) =>
  `<line x1="0" y1="-4" x2="${SWATCH}" y2="-4" stroke-linecap="round" ${attrs}/>`;

const DEVICE_ENTRIES: Record<string, Entry> = {
  ok: { swatch: box('fill="#fff" stroke="#6b7380"'), text: 'device' },
  problem: {
    swatch: box(`fill="#fff1e6" stroke="${PROBLEM_COLOUR}" stroke-width="2.5"`),
    text: 'device in a finding',
  },
  unverifiable: {
    swatch: box('fill="url(#lf-hatch)" stroke="#9a9a9a" stroke-dasharray="3 2"'),
    text: 'unverifiable (did not answer)',
  },
  undocumented: {
    swatch: box('fill="#fbf6d0" stroke="#1d232b" stroke-dasharray="4 2"'),
    text: 'answered, not documented',
  },
};

const KIND_TEXT: Record<keyof typeof KIND_COLOURS, [string, string]> = {
  missing: ['missing: documented, not seen', ''],
  unexpected: ['', 'unexpected: seen, not documented'],
  miswired: ['miswired: documented', 'miswired: found'],
  moved: ['moved: documented', 'moved: found'],
  swapped: ['swapped: documented', 'swapped: found'],
  'one-sided': ['one-sided: seen from one end', ''],
};

function entries(input: GraphInput, layout: Layout): Entry[] {
  const states = new Set(input.devices.map((d) => d.state));
  const out: Entry[] = [];
  for (const state of ['ok', 'problem', 'unverifiable', 'undocumented'])
    if (state === 'ok' || states.has(state as never)) out.push(DEVICE_ENTRIES[state]!);
  if (layout.clustered) out.push({ swatch: box('fill="#f4f6f8" stroke="#6b7380"'), text: 'group (counts)' });
  out.push({
    swatch: line('stroke="#7d8796" stroke-opacity="0.5"'),
    text: layout.clustered ? 'cables between groups (count)' : 'cables between two devices',
  });
  if (input.cables.some((c) => c.state === 'unverifiable'))
    out.push({ swatch: line('stroke="#8a8a8a" stroke-dasharray="2 3"'), text: 'unverifiable cable' });
  if (layout.clustered && input.findings.length)
    out.push({ swatch: line(`stroke="${PROBLEM_COLOUR}" stroke-width="2"`), text: 'cables with findings' });
  if (!layout.clustered) {
    const kinds = new Set(input.findings.map((f) => f.kind));
    for (const [kind, colour] of Object.entries(KIND_COLOURS) as Array<[keyof typeof KIND_COLOURS, string]>) {
      if (!kinds.has(kind)) continue;
      const [expected, found] = KIND_TEXT[kind];
      const dash =
        kind === 'one-sided'
          ? 'stroke-dasharray="1 4" stroke-width="3"'
          : 'stroke-dasharray="7 4" stroke-width="2.2"';
      if (expected) out.push({ swatch: line(`stroke="${colour}" ${dash}`), text: expected });
      if (found) out.push({ swatch: line(`stroke="${colour}" stroke-width="2.2"`), text: found });
    }
  }
  return out;
}

/** The legend's SVG below `top`, flowing in rows as wide as the drawing (at least 480). */
export function renderLegend(
  input: GraphInput,
  layout: Layout,
  top: number,
): { svg: string; width: number; height: number } {
  const maxWidth = Math.max(layout.width - 2 * MARGIN, 480);
  let x = 0;
  let row = 0;
  let width = 0;
  const items: string[] = [];
  for (const e of entries(input, layout)) {
    const w = SWATCH + 6 + textWidth(e.text.length, LABEL_SIZE);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      row++;
    }
    items.push(
      `<g transform="translate(${n(MARGIN + x)},${n(top + ROW * row + 16)})">${e.swatch}<text x="${SWATCH + 6}" y="0">${esc(e.text)}</text></g>`,
    );
    x += w + GAP;
    width = Math.max(width, x - GAP);
  }
  return { svg: `<g class="lf-legend">${items.join('')}</g>`, width, height: ROW * (row + 1) + 8 };
}
