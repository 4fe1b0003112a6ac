/** Column padding and the duration words EOS prints. */

/** Left-justified in `width` (`%-Ns`). */
export const left = (value: string | number, width: number): string => String(value).padEnd(width);

/** Right-justified in `width` (`%Ns`). */
export const right = (value: string | number, width: number): string => String(value).padStart(width);

const pad2 = (n: number) => String(n).padStart(2, '0');

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `0:01:11`, `1 day, 5:27:03`, `34 days, 19:40:42`: how EOS says how long ago something happened. */
export function renderEosDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const clock = `${hours}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;
  return days > 0 ? `${plural(days, 'day')}, ${clock}` : clock;
}

/** `3 weeks, 0 days, 20 hours and 45 minutes`, the `Uptime:` line of `show version`. */
export function renderEosUptime(totalSeconds: number): string {
  const minutes = Math.floor(Math.max(0, totalSeconds) / 60);
  const weeks = Math.floor(minutes / (7 * 1440));
  const days = Math.floor((minutes % (7 * 1440)) / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return `${plural(weeks, 'week')}, ${plural(days, 'day')}, ${plural(hours, 'hour')} and ${plural(minutes % 60, 'minute')}`;
}
