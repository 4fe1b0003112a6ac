/** `show hostname` and `show clock` as EOS's JSON (anta's asynceapi test data, eAPI captures). */
import { hostnameFacts } from '../render/hostname.js';
import type { RenderContext } from '../../../device/render-context.js';
import { epochSeconds } from './time.js';

export function hostnameModel(ctx: RenderContext): object {
  return hostnameFacts(ctx);
}

/** Days before the first of each month in a common year. */
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The clock in UTC; `dayOfWeek` counts from Monday = 0 and `dayOfYear` from 1, as Python's time does. */
export function clockModel(ctx: RenderContext): object {
  const d = new Date(ctx.now);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return {
    utcTime: epochSeconds(ctx),
    timezone: 'UTC',
    localTime: {
      year,
      month: month + 1,
      dayOfMonth: d.getUTCDate(),
      hour: d.getUTCHours(),
      min: d.getUTCMinutes(),
      sec: d.getUTCSeconds(),
      dayOfWeek: (d.getUTCDay() + 6) % 7,
      dayOfYear: MONTH_STARTS[month]! + d.getUTCDate() + (leap && month > 1 ? 1 : 0),
      daylightSavingsAdjust: 0,
    },
    clockSource: { local: true },
  };
}
