/**
 * `set cli …` in operational mode: the per-session settings clients send on connect (Ansible's
 * junos terminal plugin: `set cli timestamp disable`, `set cli screen-length 0`,
 * `set cli screen-width 1024`; netmiko: `set cli screen-length 0`, `set cli screen-width 511`),
 * each answered in Junos's words.
 */
import { k, num } from '../../engine/grammar.js';
import type { CommandSpec } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';

type Spec = CommandSpec<DeviceRuntime>;

const OPERATIONAL = ['operational'] as const;
const SET = k('set', 'Set CLI properties, date/time, craft interface message');
const CLI = k('cli', 'Set CLI properties');
const TIMESTAMP = k('timestamp', 'Timestamp CLI output');

/** The default timestamp format, as `set cli timestamp` reports it. */
export const JUNOS_TIMESTAMP_FORMAT = '%b %d %T';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Jan 15 09:30:00`: the clock in the default CLI timestamp format. */
export function renderCliTimestamp(ms: number): string {
  const d = new Date(ms);
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]!} ${pad2(d.getUTCDate())} ${time}`;
}

export const JUNOS_CLI_SETTINGS: Spec[] = [
  {
    grammar: [
      SET,
      CLI,
      k('screen-length', 'Set number of lines on screen'),
      num('length', 'Number of lines', 0, 100_000),
    ],
    modes: OPERATIONAL,
    run: ({ args }) => ({
      terminal: { length: Number(args.length) },
      output: `Screen length set to ${Number(args.length)}`,
    }),
  },
  {
    grammar: [
      SET,
      CLI,
      k('screen-width', 'Set width of screen'),
      num('width', 'Number of characters', 0, 1024),
    ],
    modes: OPERATIONAL,
    run: ({ args }) => ({
      terminal: { width: Number(args.width) },
      output: `Screen width set to ${Number(args.width)}`,
    }),
  },
  ...(['off', 'on'] as const).map((state): Spec => ({
    grammar: [
      SET,
      CLI,
      k('complete-on-space', 'Set whether typing space completes current word'),
      k(state, state === 'off' ? 'Disable complete-on-space' : 'Enable complete-on-space'),
    ],
    modes: OPERATIONAL,
    run: () => ({ output: `${state === 'off' ? 'Disabling' : 'Enabling'} complete-on-space` }),
  })),
  {
    // A capture: `Mar 28 23:05:38` then `CLI timestamp set to: %b %d %T`.
    grammar: [SET, CLI, TIMESTAMP],
    modes: OPERATIONAL,
    run: ({ device }) => ({
      output: `${renderCliTimestamp(device.renderContext().now)}\nCLI timestamp set to: ${JUNOS_TIMESTAMP_FORMAT}`,
    }),
  },
  {
    // Printed at login by a Junos 21.4 EX whose login script sends it; `show cli` words it the same.
    grammar: [SET, CLI, TIMESTAMP, k('disable', 'Disable timestamping of CLI output')],
    modes: OPERATIONAL,
    run: () => ({ output: 'CLI timestamp disabled' }),
  },
  {
    // `Idle timeout set to 5 minutes`; 0 turns it off (`show cli`: `CLI idle-timeout disabled`).
    grammar: [
      SET,
      CLI,
      k('idle-timeout', 'Set maximum idle time before login session ends'),
      num('minutes', 'Maximum idle time (0..100000 minutes)', 0, 100_000),
    ],
    modes: OPERATIONAL,
    run: ({ args }) => {
      const minutes = Number(args.minutes);
      return { output: minutes === 0 ? 'Idle timeout disabled' : `Idle timeout set to ${minutes} minutes` };
    },
  },
];
