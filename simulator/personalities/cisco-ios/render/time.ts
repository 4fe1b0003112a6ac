/** Timestamps in IOS's words, as `show clock` and log lines print them. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `09:30:00.000 UTC Thu Jan 15 2026` (milliseconds only when asked), as `show clock` prints time. */
export function renderIosTime(ms: number, withMillis: boolean): string {
  const d = new Date(ms);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const millis = withMillis ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  const day = `${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${d.getUTCDate()} ${d.getUTCFullYear()}`;
  return `${clock}${millis} UTC ${day}`;
}
