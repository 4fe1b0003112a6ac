/**
 * User-defined commands from the topology, as command specs ahead of a platform's own: a user
 * command answers the words it names in full (abbreviated like any keyword), pipes filter its
 * output, and the shell, `do`, and the APIs that wrap the CLI all reach it through the device's
 * personality. Templates were checked at load time; rendering reads the device as it is now.
 */
import type { Personality } from '../engine/personality.js';
import type { CommandResult, CommandSpec, GrammarToken } from '../engine/types.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { RenderContext } from '../device/render-context.js';
import { renderUptime } from '../format/uptime.js';
import { compileTemplate, type Scope, type Template } from '../format/template.js';
import { renderMacColons, renderMacDotted } from '../state/mac.js';
import type { CommandMode, UserCommand } from '../topology/model.js';
import { MAX_COMMAND_CHARS } from '../topology/schema.js';
import { COMMAND_VARIABLES } from '../topology/user-commands.js';

type Spec = CommandSpec<DeviceRuntime>;

const personalities = new WeakMap<DeviceRuntime, Personality<DeviceRuntime>>();

/** The device's personality: the platform's, with the node's user commands ahead of its own. */
export function withUserCommands(
  base: Personality<DeviceRuntime>,
  device: DeviceRuntime,
): Personality<DeviceRuntime> {
  if (device.node.commands.length === 0) return base;
  let personality = personalities.get(device);
  if (!personality) {
    const specs = device.node.commands.map((command) => createUserSpec(command, base));
    personality = { ...base, commands: [...specs, ...base.commands] };
    personalities.set(device, personality);
  }
  return personality;
}

/** The platform modes a user command's modes stand for. */
export function platformModes(modes: readonly CommandMode[], base: Personality<unknown>): string[] {
  const map: Record<CommandMode, readonly string[]> = {
    user: [base.loginMode],
    privileged: [base.enabledMode],
    config: base.configModes,
  };
  return [...new Set(modes.flatMap((mode) => map[mode]))];
}

function createUserSpec(command: UserCommand, base: Personality<DeviceRuntime>): Spec {
  const modes = platformModes(command.modes, base);
  const grammar = command.words.map((word, i): GrammarToken => ({
    keyword: word,
    help:
      builtInHelp(command.words.slice(0, i + 1), base.commands) ??
      (i === command.words.length - 1 ? command.help : undefined) ??
      'User-defined command',
  }));
  return { grammar, modes, run: ({ device }) => runUserCommand(command, device) };
}

/** A word's `?` help as the platform's own commands give it, so `show ?` still reads like the box. */
function builtInHelp(words: readonly string[], commands: readonly Spec[]): string | undefined {
  for (const spec of commands) {
    const match = words.every((word, i) => {
      const token = spec.grammar[i];
      return token !== undefined && 'keyword' in token && token.keyword === word;
    });
    if (match) return (spec.grammar[words.length - 1] as { help: string }).help;
  }
  return undefined;
}

const templates = new Map<string, Template>();
/** Commands that already warned, per device (a device's second failure stays quiet). */
const warned = new WeakMap<DeviceRuntime, Set<string>>();

/**
 * The command's text. A render that fails (its output too large) answers with the platform's
 * invalid-input error under the command, and warns once per device and command.
 */
export function runUserCommand(command: UserCommand, device: DeviceRuntime): CommandResult {
  if ('text' in command.output) return { output: dropFinalNewline(command.output.text), userDefined: true };
  try {
    const template = compiled(command.output.template);
    const scope = createCommandScope(device.renderContext(), device);
    return { output: dropFinalNewline(template.render(scope, MAX_COMMAND_CHARS)), userDefined: true };
  } catch (cause) {
    const seen = warned.get(device) ?? new Set<string>();
    warned.set(device, seen);
    if (!seen.has(command.origin)) {
      seen.add(command.origin);
      process.emitWarning(`${device.name}: ${command.origin} failed: ${(cause as Error).message}`, {
        code: 'LABFLEET_USER_COMMAND',
      });
    }
    return { rejectArg: 'command' };
  }
}

function compiled(source: string): Template {
  let template = templates.get(source);
  if (!template) {
    const result = compileTemplate(source, COMMAND_VARIABLES);
    if (!result.template) throw new Error(result.problems[0]?.message ?? 'template does not compile');
    template = result.template;
    templates.set(source, template);
  }
  return template;
}

/** YAML block text ends with a line break the device does not print (the prompt follows anyway). */
function dropFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

type Row<L> = L extends { list: infer F } ? Record<keyof F, string | boolean | undefined> : never;
type CommandScope = {
  [K in keyof typeof COMMAND_VARIABLES]: (typeof COMMAND_VARIABLES)[K] extends 'map'
    ? Record<string, string>
    : (typeof COMMAND_VARIABLES)[K] extends { list: unknown }
      ? Array<Row<(typeof COMMAND_VARIABLES)[K]>>
      : string;
};

/** What a template reads, from the device as it is now; typed against COMMAND_VARIABLES. */
export function createCommandScope(ctx: RenderContext, device: DeviceRuntime): Scope {
  const { state, config } = ctx;
  const mac = device.node.platform === 'juniper_junos' ? renderMacColons : renderMacDotted;
  const scope: CommandScope = {
    hostname: config.hostname,
    fqdn: state.fqdn,
    domain: state.fqdn.includes('.') ? state.fqdn.slice(state.fqdn.indexOf('.') + 1) : '',
    platform: state.platform,
    model: state.model,
    serial: state.serial,
    version: state.version,
    mgmt_address: state.mgmtAddress,
    base_mac: mac(state.baseMac),
    uptime: renderUptime(ctx.uptimeSeconds),
    uptime_seconds: String(ctx.uptimeSeconds),
    labels: { ...device.node.labels },
    interfaces: state.interfaces.map((iface) => {
      const configured = config.interfaces.get(iface.name);
      const shutdown = configured?.shutdown === true;
      const peer = iface.documentedPeer;
      return {
        name: iface.name,
        description: configured?.description ?? (peer ? `to ${peer.node} ${peer.interface}` : ''),
        status: shutdown ? 'administratively down' : iface.connected ? 'up' : 'down',
        address: iface.address ? `${iface.address.ip}/${iface.address.prefix}` : '',
        ip: iface.address?.ip ?? '',
        prefix: iface.address ? String(iface.address.prefix) : '',
        mac: mac(iface.mac),
        speed: String(iface.speed),
        mgmt: iface.mgmt,
        connected: iface.connected,
        shutdown,
        peer_node: iface.peer?.node ?? '',
        peer_interface: iface.peer?.interface ?? '',
      };
    }),
    neighbors: state.neighbors.map((n) => ({
      protocol: n.protocol,
      local_interface: n.localInterface,
      device_id: n.deviceId,
      neighbor: n.hostname,
      remote_interface: n.remoteInterface,
      neighbor_platform: n.peerPlatform,
      neighbor_model: n.model,
      neighbor_version: n.version,
      neighbor_address: n.address,
      capabilities: n.capabilities.join(', '),
      holdtime: String(n.holdtime),
    })),
    arp: state.arp.map((entry) => ({
      ip: entry.address,
      mac: entry.mac === undefined ? '' : mac(entry.mac),
      interface: entry.interface,
      age: entry.ageMinutes === undefined ? '' : String(entry.ageMinutes),
    })),
  };
  return scope;
}
