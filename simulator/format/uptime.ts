/**
 * Uptime in IOS's words. Both sides read it: the IOS personality prints it and the client's
 * RESTCONF driver turns RESTCONF's seconds into the same text `show version` gives over SSH.
 */

const UNITS: ReadonlyArray<[name: string, seconds: number]> = [
  ['year', 365 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];

/** `1 year, 22 weeks, 6 days, 9 hours, 38 minutes`: zero units left out, singular where it is one. */
export function renderUptime(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const [name, seconds] of UNITS) {
    const count = Math.floor(rest / seconds);
    rest -= count * seconds;
    if (count > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
  }
  return parts.length > 0 ? parts.join(', ') : '0 minutes';
}
