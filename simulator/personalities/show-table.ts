/**
 * The shape of a platform's show table: each command with the modes it works in and the renderer
 * that answers it. The shell, the APIs that wrap the CLI and the golden tests all read this table.
 */
import type { CommandResult, CommandSpec, GrammarToken, SessionState } from '../engine/types.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { RenderContext } from '../device/render-context.js';
import type { DeviceState } from '../state/device-state.js';

/** A pure function from a device's render context to the text it prints. */
export type Renderer = (ctx: RenderContext) => string;

/** One row of a show table: the command spelled out, where it works, what prints its text. */
export interface ShowCommand {
  command: string;
  modes: readonly string[];
  render: Renderer;
  /**
   * Which devices have the command (model and platform facts from their state); absent: all of
   * them. A device without it does not know the words: the shell, `?`, Tab, `do`, `run` and the
   * APIs refuse them as they refuse any unknown word.
   */
  available?: (state: DeviceState) => boolean;
}

/** How a platform runs a row, when it does more than print the renderer's text. */
export type RunShow = (show: ShowCommand, device: DeviceRuntime, session: SessionState) => CommandResult;

const printRendered: RunShow = (show, device) => ({ output: show.render(device.renderContext()) });

/**
 * Command specs for a show table: each word of a command is looked up in `words` (the platform's
 * `?` help texts), and the row runs through `run`.
 */
export function createShowCommands(
  table: readonly ShowCommand[],
  words: Readonly<Record<string, GrammarToken>>,
  run: RunShow = printRendered,
): CommandSpec<DeviceRuntime>[] {
  return table.map((show) => {
    const spec: CommandSpec<DeviceRuntime> = {
      grammar: show.command.split(' ').map((word) => words[word]!),
      modes: show.modes,
      run: ({ device, session }) => run(show, device, session),
    };
    const { available } = show;
    return available ? { ...spec, available: (device) => available(device.state()) } : spec;
  });
}
