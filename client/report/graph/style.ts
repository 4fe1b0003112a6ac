/**
 * How the drawing looks, inline in every SVG so a standalone .svg renders the same as the page.
 * Colours are the Okabe–Ito palette (told apart with the common colour-vision deficiencies), and every
 * finding kind also differs by dash pattern or by its side (dashed: documented, not seen; solid: seen).
 */
import { FONT_FAMILY, GROUP_LABEL_SIZE, LABEL_SIZE, PORT_LABEL_SIZE } from './layout.js';

/** Each finding kind's colour; the legend and the CSS both read it. */
export const KIND_COLOURS = {
  missing: '#D55E00', // vermillion
  unexpected: '#0072B2', // blue
  miswired: '#CC79A7', // reddish purple
  moved: '#E69F00', // orange
  swapped: '#009E73', // bluish green
  'one-sided': '#56B4E9', // sky blue
} as const;

export const PROBLEM_COLOUR = '#D55E00';

const kindRules = Object.entries(KIND_COLOURS)
  .map(
    ([kind, colour]) =>
      `.lf-topology .lf-kind-${kind} line, .lf-topology .lf-kind-${kind} path { stroke: ${colour}; }`,
  )
  .join('\n');

export const SVG_STYLE = `
.lf-topology { background: #fff; font-family: ${FONT_FAMILY}; }
.lf-topology text { font-family: ${FONT_FAMILY}; }
.lf-topology .lf-group-box { fill: #f4f6f8; stroke: #c4cad2; stroke-width: 1; }
.lf-topology .lf-group-label { font-size: ${GROUP_LABEL_SIZE}px; font-weight: bold; fill: #39424e; }
.lf-topology .lf-device rect { fill: #fff; stroke: #6b7380; stroke-width: 1; }
.lf-topology .lf-label { font-size: ${LABEL_SIZE}px; fill: #1d232b; text-anchor: middle; }
.lf-topology .lf-device.lf-problem rect { stroke: ${PROBLEM_COLOUR}; stroke-width: 2.5; fill: #fff1e6; }
.lf-topology .lf-device.lf-unverifiable rect { fill: url(#lf-hatch); stroke: #9a9a9a; stroke-dasharray: 3 2; }
.lf-topology .lf-device.lf-unverifiable .lf-label { fill: #5f5f5f; }
.lf-topology .lf-device.lf-undocumented rect { fill: #fbf6d0; stroke: #1d232b; stroke-dasharray: 4 2; }
.lf-topology .lf-cable line, .lf-topology .lf-cable path { fill: none; stroke-linecap: round; }
.lf-topology .lf-bundle line { stroke: #7d8796; stroke-opacity: 0.3; stroke-width: 1; }
.lf-topology .lf-bundle.lf-unverifiable line { stroke: #8a8a8a; stroke-opacity: 0.7; stroke-dasharray: 2 3; }
.lf-topology .lf-bundle.lf-problem line { stroke: ${PROBLEM_COLOUR}; stroke-opacity: 0.8; stroke-width: 2; }
.lf-topology .lf-finding line, .lf-topology .lf-finding path { stroke-width: 2.2; }
.lf-topology .lf-expected line, .lf-topology .lf-expected path { stroke-dasharray: 7 4; }
.lf-topology .lf-kind-one-sided line, .lf-topology .lf-kind-one-sided path { stroke-dasharray: 1 4; stroke-width: 3; }
${kindRules}
.lf-topology .lf-port { font-size: ${PORT_LABEL_SIZE}px; fill: #1d232b; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.lf-topology .lf-count { font-size: ${PORT_LABEL_SIZE}px; fill: #39424e; text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.lf-topology .lf-cluster rect { fill: #f4f6f8; stroke: #6b7380; stroke-width: 1.2; }
.lf-topology .lf-cluster.lf-problem rect { stroke: ${PROBLEM_COLOUR}; stroke-width: 2.5; fill: #fff1e6; }
.lf-topology .lf-cluster text { font-size: ${GROUP_LABEL_SIZE}px; fill: #1d232b; }
.lf-topology .lf-cluster .lf-cluster-name { font-weight: bold; }
.lf-topology .lf-legend text { font-size: ${LABEL_SIZE}px; fill: #1d232b; }
.lf-topology .lf-legend-title { font-weight: bold; }
.lf-topology .lf-highlight rect { stroke: #000; stroke-width: 3.5; }
.lf-topology .lf-cable.lf-highlight line, .lf-topology .lf-cable.lf-highlight path { stroke-width: 4.5; stroke-opacity: 1; }
`;

/** The hatching unverifiable devices are filled with (a fragment reference inside the same SVG). */
export const SVG_DEFS =
  '<defs><pattern id="lf-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect width="6" height="6" fill="#ececec"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b5b5b5" stroke-width="2"/>' +
  '</pattern></defs>';
