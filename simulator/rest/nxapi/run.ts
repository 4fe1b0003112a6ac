/**
 * One NX-API command through the CLI engine: the same grammar, abbreviations and renderers as
 * SSH, then the structured body where NX-OS has one. A request keeps one session, so
 * `interface …` followed by `description …` configures that interface.
 */
import type { SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { apiSession, runCliLine } from '../cli.js';
import { structuredBody } from '../../personalities/cisco-nxos/structured/index.js';
import type { JsonObject } from './json.js';

export type Outcome =
  /** `body` is undefined when NX-OS has no structured form of the command. */
  | { kind: 'ok'; text: string; body: JsonObject | undefined }
  /** The CLI refused the line; `clierror` is its message as NX-API quotes it. */
  | { kind: 'cli-error'; clierror: string };

export interface NxapiRun {
  device: DeviceRuntime;
  session: SessionState;
  /** The canonical commands run so far (each costs the device's command latency). */
  commands: string[];
}

export function startRun(device: DeviceRuntime, user: string, mode?: string): NxapiRun {
  return { device, session: apiSession(device, user, mode), commands: [] };
}

/** `% Invalid command at '^' marker.\n`: the CLI's error without the caret line. */
function clierrorOf(output: string): string {
  const lines = output.split('\n').filter((line) => !/^\s*\^\s*$/.test(line) && line !== '');
  return `${lines.join('\n')}\n`;
}

/** Refusals a command prints itself (`% CDP is not enabled`, `show lldp` without the feature) are errors too. */
const REFUSAL = /^% /m;

/**
 * Runs `line`. With `configFallback` (JSON-RPC `cli`), a line exec mode does not know is tried
 * in configuration mode, as NX-API runs configuration commands sent without `configure terminal`.
 */
export function runCommand(run: NxapiRun, line: string, configFallback = false): Outcome {
  let result = runCliLine(run.device, run.session, line);
  if (result.failed && configFallback && run.session.mode === 'exec') {
    const configured = runCliLine(run.device, { ...run.session, mode: 'config' }, line);
    if (!configured.failed) result = configured;
  }
  if (result.canonical !== '') run.commands.push(result.canonical);
  if (result.failed || REFUSAL.test(result.output))
    return { kind: 'cli-error', clierror: clierrorOf(result.output) };
  run.session = result.session;
  const body = result.userDefined ? undefined : structuredBody(result.canonical, run.device.renderContext());
  return { kind: 'ok', text: result.output, body };
}

/** The text body of `cli_show_ascii` / `cli_ascii`: what the CLI printed, newline-terminated. */
export function asciiBody(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** NX-API splits `input` at `;` and runs the pieces in order. */
export function splitInput(input: string): string[] {
  return input
    .split(';')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}
