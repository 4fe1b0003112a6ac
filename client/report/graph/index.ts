/**
 * The topology drawing: a graph input built from a check or a topology (input.ts), laid out with
 * ELK (layout.ts), rendered as a self-contained SVG (svg.ts), made pannable, zoomable and hoverable in
 * the HTML report (assets.ts). The contract is in ./types.ts.
 */
export type * from './types.js';
export { graphInputFromCheck, graphInputFromTopology } from './input.js';
export { layoutGraph } from './layout.js';
export { renderTopologyDrawing } from './svg.js';
export { drawingAssets } from './assets.js';
