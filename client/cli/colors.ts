/**
 * Whether to colour what goes to a stream. A terminal decides by Node's own rules
 * (`stream.hasColors()`: FORCE_COLOR first, then NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb turn
 * colours off); a pipe or a file gets none unless FORCE_COLOR asks for them (set, and not `0` or
 * `false`), as Node's getColorDepth reads it. So FORCE_COLOR wins over NO_COLOR, as in Node.
 */
export function streamHasColors(
  stream: { isTTY?: boolean; hasColors?: () => boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (stream.isTTY && typeof stream.hasColors === 'function') return stream.hasColors();
  const force = env.FORCE_COLOR;
  return force !== undefined && force !== '0' && force !== 'false';
}
