/** Configuration-mode pieces the Cisco-style CLIs (IOS, NX-OS, EOS) share: interfaces and remembered lines. */
import { k, rest } from '../engine/grammar.js';
import { refuseNested } from '../engine/interpret.js';
import { parseCommand } from '../engine/parser.js';
import type { CommandResult, CommandSpec } from '../engine/types.js';
import type { DeviceRuntime } from '../device/runtime.js';
import { modelHasPort, parseInterfaceName } from '../topology/interfaces.js';
import { findModel, getKind } from '../topology/kinds/index.js';

const ok: CommandResult = {};

/** Interface types that exist without a port on the model. */
const VIRTUAL = new Set(['loopback', 'vlan', 'port-channel']);

/**
 * `interface Gi1/0/1` (or `GigabitEthernet 1/0/1`, `eth1/1`): any spelling of the platform's
 * types, a port the model has or a virtual interface; otherwise the name is refused.
 */
export function enterInterface(device: DeviceRuntime, text: string): CommandResult {
  const kind = getKind(device.node.platform);
  const model = findModel(kind, device.node.model)!;
  const name = parseInterfaceName(text.replace(/\s+/g, ''), kind.interfaceTypes);
  if (!name) return { rejectArg: 'interface' };
  if (!VIRTUAL.has(name.type.name.toLowerCase()) && !modelHasPort(model, name.full))
    return { rejectArg: 'interface' };
  return { mode: 'config-if', target: name.full };
}

/** Records a description or shutdown state for the interface being configured. */
function setInterface(
  device: DeviceRuntime,
  target: string | undefined,
  change: { description?: string; shutdown?: boolean },
): CommandResult {
  if (!target) return ok;
  const interfaces = device.config().interfaces;
  interfaces.set(target, { ...interfaces.get(target), ...change });
  return ok;
}

/** Keeps a global configuration line for the running-config. */
export function rememberLine(device: DeviceRuntime, line: string): CommandResult {
  device.config().lines.push(line);
  return ok;
}

/**
 * `do <command>`: runs an exec-mode command from configuration mode, parsed against the commands
 * the device has (its user commands included, the ones its model lacks left out), as at its prompt.
 */
export function createDoCommand(execMode: string, modes: readonly string[]): CommandSpec<DeviceRuntime> {
  const spec: CommandSpec<DeviceRuntime> = {
    grammar: [
      { keyword: 'do', help: 'To run exec commands in config mode' },
      { param: 'rest', name: 'command', help: 'Exec Command' },
    ],
    modes,
    run: ({ device, args, commands }) => {
      const exec = commands.filter((s) => s.modes.includes(execMode) && s !== spec);
      const parsed = parseCommand(args.command!, execMode, exec);
      if (parsed.kind !== 'ok') return refuseNested('command', parsed);
      const result = parsed.spec.run({
        device,
        session: {
          mode: execMode,
          user: device.node.credentials.username,
          terminal: { length: 0, width: 511 },
        },
        args: parsed.args,
        canonical: parsed.canonical,
        commands,
      });
      if (result.rejectArg !== undefined)
        return refuseNested('command', parsed, { result, columns: parsed.columns });
      return {
        ...(result.output === undefined ? {} : { output: result.output }),
        ...(result.extraDelayMs ? { extraDelayMs: result.extraDelayMs } : {}),
      };
    },
  };
  return spec;
}

/** A platform's own `?` help texts for the configuration commands below. */
export interface ConfigHelp {
  no: string;
  description: string;
  descriptionText: string;
  shutdown: string;
}

type Spec = CommandSpec<DeviceRuntime>;

/**
 * Global lines kept for the running-config (`no …` and each keyword with its settings), then the
 * interface sub-mode: description, shutdown, no shutdown, and other settings accepted silently.
 */
export function configurationLines(
  globals: ReadonlyArray<readonly [string, string]>,
  interfaceKeywords: readonly string[],
  help: ConfigHelp,
): Spec[] {
  const INTERFACE = ['config-if'];
  return [
    {
      grammar: [k('no', help.no), rest('command', 'Command to negate')],
      modes: ['config'],
      run: ({ device, args }) => rememberLine(device, `no ${args.command}`),
    },
    ...globals.map(([word, text]): Spec => ({
      grammar: [k(word, text), rest('settings', text)],
      modes: ['config'],
      run: ({ device, args }) => rememberLine(device, `${word} ${args.settings}`),
    })),
    {
      grammar: [k('description', help.description), rest('text', help.descriptionText)],
      modes: INTERFACE,
      run: ({ device, session, args }) => setInterface(device, session.target, { description: args.text! }),
    },
    {
      grammar: [k('shutdown', help.shutdown)],
      modes: INTERFACE,
      run: ({ device, session }) => setInterface(device, session.target, { shutdown: true }),
    },
    {
      grammar: [k('no', help.no), k('shutdown', help.shutdown)],
      modes: INTERFACE,
      run: ({ device, session }) => setInterface(device, session.target, { shutdown: false }),
    },
    ...[...new Set([...interfaceKeywords, 'no'])].map((word): Spec => ({
      grammar: [k(word, `Interface ${word} settings`), rest('settings', 'Settings')],
      modes: INTERFACE,
      run: () => ok,
    })),
  ];
}

/** Cisco-style sub-modes (`config-if`, `config-vlan`, …) fall back to global configuration. */
export const configSubmodeParent = (mode: string): string | undefined =>
  mode.startsWith('config-') ? 'config' : undefined;
