/**
 * The topology drawing's contract: what is drawn (a `GraphInput`, built from a topology, a drift
 * file or a check report) and what the drawing hands the HTML report (an SVG whose elements carry
 * data attributes, plus the browser code that pans, zooms, shows details and highlights).
 *
 * The SVG's elements, which the HTML report's own script and the tests select by:
 * - `svg.lf-topology` — the whole drawing; `data-clustered="true"` when groups are drawn as clusters.
 * - `g.lf-group[data-group="<name>"]` — a group's box (a rack, a role, a layer) and its label.
 * - `g.lf-device[data-device="<name>"]` — one device, classes `lf-ok`, `lf-problem`,
 *   `lf-unverifiable` or `lf-undocumented`; `data-findings="<i> <j>"` lists the findings it is in;
 *   its label is a `text.lf-label` holding exactly the device's name.
 * - `g.lf-cable[data-cables="<i> <j>"]` — the cables between two devices drawn as one line (indexes
 *   into `GraphInput.cables`), classes by the worst state; `data-findings` as for devices. A cable in a
 *   finding is drawn on its own line, labelled with both ports (`text.lf-port`).
 * - `g.lf-cluster[data-group]` (clustered drawings only) — a group drawn as one box with its counts.
 * Every device and cable has a `<title>` child: the details a hover shows without script.
 */
import type { Platform } from '../../../simulator/topology/kinds/index.js';
import type { ReportCable } from '../cables.js';
import type { Finding } from '../../verify/verifier.js';

export type DeviceState = 'ok' | 'problem' | 'unverifiable' | 'undocumented';

export interface GraphDevice {
  name: string;
  platform?: Platform;
  model?: string;
  /** Management address, when the topology gives one. */
  mgmt?: string;
  /** The box it is drawn in: a rack or role label, or a layer. */
  group: string;
  labels: Record<string, string>;
  state: DeviceState;
  /** Why it is unverifiable: the error message and code. */
  reason?: string;
}

export interface GraphInput {
  /** The drawing's title: the topology's name, or the report's documentation. */
  title: string;
  devices: GraphDevice[];
  /** Documented cables with their states, then observed-only ones (see `reportCables`). */
  cables: ReportCable[];
  /** The findings the cables' `finding` indexes point into (empty for a plain topology). */
  findings: Finding[];
}

export interface DrawingOptions {
  /** Above this many devices, groups are drawn as clusters (default 2,000). */
  clusterAbove?: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where everything goes (`layoutGraph`), in SVG user units, top-left origin: the SVG drawing and the
 * draw.io export both place their shapes from it. Clustered, `devices` is empty and each group is one box.
 */
export interface Layout {
  width: number;
  height: number;
  clustered: boolean;
  groups: Array<Box & { name: string; devices: number }>;
  devices: Map<string, Box>;
}

export interface Drawing {
  /** `<svg class="lf-topology" …>…</svg>`, self-contained (styles inline), no external references. */
  svg: string;
  width: number;
  height: number;
  clustered: boolean;
}

/** The browser side of an interactive drawing, for the HTML report to inline. */
export interface DrawingAssets {
  /** CSS for the drawing's classes (states, hover, highlight). */
  css: string;
  /**
   * JavaScript (a classic script, no modules, no network) that makes every `svg.lf-topology` on the
   * page pannable and zoomable, shows a device's or cable's details on hover, and defines
   * `window.labfleetDrawing = { highlightFinding(i), highlightDevice(name), clear() }`, which centres
   * and marks the elements of a finding or a device (the findings table calls it).
   */
  script: string;
}
