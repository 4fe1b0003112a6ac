/** Small helpers the SVG's parts share: escaping, rounding, centres, a finding in one line. */
import { describeFinding, type Finding } from '../../verify/verifier.js';
import type { Box } from './types.js';

/** XML text and attribute escaping. */
export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Coordinates rounded to 0.1, so output does not depend on float noise. */
export const n = (v: number): string => String(Math.round(v * 10) / 10);

export const centre = (b: Box): { x: number; y: number } => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** A finding in one line for titles (the report's wording, columns squeezed). */
export const findingText = (f: Finding): string => describeFinding(f).replace(/\s+/g, ' ');
