/** Durations and timestamps in NX-OS's words. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface UptimeParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Whole days, hours, minutes and seconds of a duration. */
export function uptimeParts(totalSeconds: number): UptimeParts {
  const s = Math.max(0, Math.floor(totalSeconds));
  return {
    days: Math.floor(s / 86_400),
    hours: Math.floor((s % 86_400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
}

/** `60 day(s), 17 hour(s), 26 minute(s), 51 second(s)`: every unit, zero or not. */
export function renderNxosUptime(parts: UptimeParts): string {
  const { days, hours, minutes, seconds } = parts;
  return `${days} day(s), ${hours} hour(s), ${minutes} minute(s), ${seconds} second(s)`;
}

/** `09:30:00.000 UTC Thu Jan 15 2026`, as `show clock` prints it. */
export function renderNxosClock(ms: number): string {
  const d = new Date(ms);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${clock} UTC ${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${d.getUTCDate()} ${d.getUTCFullYear()}`;
}

/** `Wed Jan  7 16:37:32 2025`: the C library's ctime form (day padded with a space), used by reset times and config stamps. */
export function renderCtime(ms: number): string {
  const d = new Date(ms);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${String(d.getUTCDate()).padStart(2)} ${clock} ${d.getUTCFullYear()}`;
}

/** `Sep 22 15:27:34 2019`: the stamp `dir` prints (day zero-padded). */
export function renderDirStamp(ms: number): string {
  const d = new Date(ms);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]!} ${pad(d.getUTCDate())} ${clock} ${d.getUTCFullYear()}`;
}

/**
 * How long ago a link last flapped: `00:12:03` within a day, `3d05h` within a week, then
 * `2week(s) 1day(s)`, and `1year(s) 3week(s)` past a year (as `show interface` prints it).
 */
export function renderFlapAge(totalSeconds: number): string {
  const { days, hours, minutes, seconds } = uptimeParts(totalSeconds);
  if (days === 0) return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  if (days < 7) return `${days}d${pad(hours)}h`;
  if (days < 365) return `${Math.floor(days / 7)}week(s) ${days % 7}day(s)`;
  return `${Math.floor(days / 365)}year(s) ${Math.floor((days % 365) / 7)}week(s)`;
}

/** A route's age: `00:12:03` within a day, `5d18h` within a week, `4w4d`, then `1y2w`. */
export function renderRouteAge(totalSeconds: number): string {
  const { days, hours, minutes, seconds } = uptimeParts(totalSeconds);
  if (days === 0) return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  if (days < 7) return `${days}d${pad(hours)}h`;
  if (days < 365) return `${Math.floor(days / 7)}w${days % 7}d`;
  return `${Math.floor(days / 365)}y${Math.floor((days % 365) / 7)}w`;
}

/** `2026 Jan 15 09:30:00`: the stamp NX-OS puts on each logfile line. */
export function renderLogStamp(ms: number): string {
  const d = new Date(ms);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${d.getUTCFullYear()} ${MONTHS[d.getUTCMonth()]!} ${pad(d.getUTCDate())} ${clock}`;
}

/** `Jan 15 09:30`, `Sep  5 14:31`: when a user logged in, in `show users`. */
export function renderLoginStamp(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]!} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
