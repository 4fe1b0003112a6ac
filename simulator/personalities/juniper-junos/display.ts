/**
 * `| display xml`, `| display json`, `| display xml rpc` and `| display set`: the command's reply
 * model (rpc/) or configuration tree, printed the way the CLI prints it — inside
 * `<rpc-reply xmlns:junos=…>` with the `<cli><banner>` trailer, four spaces a level; JSON as
 * Junos lays it out. A command without a model answers as Junos does for one: its text inside
 * `<output>`, or `xml rpc equivalent of this command is not available.`
 */
import { parseCommand } from '../../engine/parser.js';
import type { PipeSource } from '../../engine/pipes.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import type { RenderContext } from '../../device/render-context.js';
import { isVirtualChassis } from './render/chassis.js';
import { junosConfiguration } from './render/configuration.js';
import {
  configurationXmlLines,
  renderConfigurationJson,
  renderConfigurationSet,
} from './render/config-formats.js';
import { cliRpcOf, rpcServed } from './rpc/catalogue.js';
import { namespaceRelease } from './rpc/namespaces.js';
import { element, flag, leaf, renderJunosJson, renderXmlIndented, type JunosElement } from './rpc/tree.js';

export type DisplayFormat = 'xml' | 'json' | 'set' | 'xml rpc';

/** `display` options Junos knows, by what may be typed for them. */
export function parseDisplayFormat(argument: string): DisplayFormat | undefined {
  const words = argument.trim().toLowerCase().split(/\s+/);
  if (words.length === 2 && 'xml'.startsWith(words[0]!) && words[0] && 'rpc'.startsWith(words[1]!))
    return 'xml rpc';
  if (words.length !== 1 || !words[0]) return undefined;
  const found = (['xml', 'json', 'set'] as const).filter((f) => f.startsWith(words[0]!));
  return found.length === 1 ? found[0] : undefined;
}

/** The operational command that ran (`run sh arp` in configuration mode is `show arp`), with its values. */
function commandOf(source: PipeSource): { command: string; args: Readonly<Record<string, string>> } {
  const ran = { command: source.canonical, args: source.args };
  if (!source.canonical.startsWith('run ') || source.args.command === undefined) return ran;
  const parsed = parseCommand(source.args.command, 'operational', source.commands);
  return parsed.kind === 'ok' ? { command: parsed.canonical, args: parsed.args } : ran;
}

/** `{master:0}` on a virtual chassis, `[edit]` in configuration mode, else empty. */
function banner(ctx: RenderContext, source: PipeSource): string {
  if (source.session.mode === 'configuration')
    return source.session.target ? `[edit ${source.session.target}]` : '[edit]';
  return isVirtualChassis(ctx) ? '{master:0}' : '';
}

function rpcReply(ctx: RenderContext, source: PipeSource, body: string[]): string {
  return [
    `<rpc-reply xmlns:junos="http://xml.juniper.net/junos/${namespaceRelease(ctx.state.version)}/junos">`,
    ...body,
    '    <cli>',
    `        <banner>${banner(ctx, source)}</banner>`,
    '    </cli>',
    '</rpc-reply>',
  ].join('\n');
}

/** The reply element as the CLI nests it: `xmlns:junos` is declared once, on `<rpc-reply>`. */
function withoutJunosPrefix(reply: JunosElement): JunosElement {
  const { attributes, ...rest } = reply;
  const kept = (attributes ?? []).filter(([name]) => name !== 'xmlns:junos');
  return kept.length > 0 ? { ...rest, attributes: kept } : rest;
}

/** `<get-arp-table-information>` with its arguments, eight spaces deeper than an element would be. */
function rpcRequestLines(rpc: string, args: ReadonlyMap<string, string | undefined>): string[] {
  const argLines = [...args].flatMap(([name, value]) =>
    renderXmlIndented(value === undefined ? flag(name) : leaf(name, value), 4),
  );
  return [`        <${rpc}>`, ...argLines, `        </${rpc}>`];
}

function displayConfiguration(format: DisplayFormat, ctx: RenderContext, source: PipeSource): string {
  const config = junosConfiguration(ctx);
  if (format === 'set') return renderConfigurationSet(config);
  if (format === 'json') return renderConfigurationJson(config);
  if (format === 'xml') return rpcReply(ctx, source, configurationXmlLines(config));
  return rpcReply(ctx, source, [
    '    <rpc>',
    '        <get-configuration database="committed" format="text"/>',
    '    </rpc>',
  ]);
}

/** What `command | display <format>` prints, given what the command printed as text. */
export function renderDisplay(format: DisplayFormat, text: string, source: PipeSource): string {
  const ctx = (source.device as DeviceRuntime).renderContext();
  const { command, args } = commandOf(source);
  const configuration =
    command === 'show configuration' || (source.session.mode === 'configuration' && command === 'show');
  if (configuration) return displayConfiguration(format, ctx, source);
  const known = cliRpcOf(command, args);
  if (format === 'set') return text;
  // A router's syntax error for a switch-only command, or `error: device … not found`, stays text.
  const spec = known && rpcServed(ctx, known.rpc);
  if (known && (!spec || spec.refuse?.(ctx, known.args))) return text;
  if (!known) {
    if (format === 'xml rpc')
      return rpcReply(ctx, source, [
        '    <message>',
        '        xml rpc equivalent of this command is not available.',
        '    </message>',
      ]);
    const output = element('output', []);
    if (format === 'json') return renderJunosJson({ ...output, text }, ',').trimEnd();
    return rpcReply(ctx, source, ['    <output>', ...text.split('\n').map(escapeText), '    </output>']);
  }
  if (format === 'xml rpc')
    return rpcReply(ctx, source, ['    <rpc>', ...rpcRequestLines(known.rpc, known.args), '    </rpc>']);
  const reply = withoutJunosPrefix(spec!.build(ctx, known.args));
  if (format === 'json') return renderJunosJson(reply, ',').trimEnd();
  return rpcReply(ctx, source, renderXmlIndented(reply, 1));
}

const escapeText = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
