/**
 * ANSI colours for text meant for a terminal. Whether to use them is the caller's to decide (the
 * CLI asks its stream: see client/cli/colors.ts); with `enabled` false every function returns the
 * text as it was, so piped output holds no escapes.
 */
export type Colour = 'red' | 'yellow' | 'green' | 'cyan' | 'dim' | 'bold';

const CODES: Record<Colour, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export interface Painter {
  readonly enabled: boolean;
  paint(text: string, colour: Colour): string;
}

export function createPainter(enabled: boolean): Painter {
  return {
    enabled,
    paint: (text, colour) =>
      enabled && text ? `\x1b[${CODES[colour][0]}m${text}\x1b[${CODES[colour][1]}m` : text,
  };
}

/** Plain text: no escapes. */
export const PLAIN = createPainter(false);
