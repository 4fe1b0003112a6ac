/** Durations and timestamps in IOS's words. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

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

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `09:30:00.000 UTC Thu Jan 15 2026` (milliseconds only when asked), as `show clock` prints time. */
export function renderIosTime(ms: number, withMillis: boolean): string {
  const d = new Date(ms);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const millis = withMillis ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  const day = `${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${d.getUTCDate()} ${d.getUTCFullYear()}`;
  return `${clock}${millis} UTC ${day}`;
}
