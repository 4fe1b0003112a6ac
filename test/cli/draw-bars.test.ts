/** The demo's bars: one scale, drawn in eighths of a block. */
import { describe, expect, it } from 'vitest';
import { drawBars } from '../../client/cli/commands/demo.js';

describe('drawBars', () => {
  it('draws bars on one scale, in eighths of a block', () => {
    expect(
      drawBars(
        [
          ['slow', 10],
          ['fast', 1.25],
        ],
        10,
      ),
    ).toEqual(['  slow  ██████████  10.0 s', '  fast  █▎          1.3 s']);
  });
});
