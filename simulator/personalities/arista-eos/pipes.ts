/**
 * EOS output filters: the IOS-style line filters, `| no-more`, and `| json`, which answers with
 * the command's JSON model (the object eAPI returns for it) instead of filtering its text.
 */
import { IOS_PIPES, type PipeSource, type PipeSpec } from '../../engine/pipes.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { EOS_JSON_MODELS } from './json/index.js';

/** What EOS prints for `| json` after a command that has no JSON model. */
export const UNCONVERTED = '% This is an unconverted command';

/** Keys in order at every level, as EOS's CLI prints its JSON. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
}

/** A JSON model as the CLI prints it: keys sorted, four-space indent. */
export const renderCliJson = (value: object): string => JSON.stringify(sortKeys(value), null, 4);

/** The model of the command the text came from, printed as JSON; or EOS's refusal. */
function asJson(_text: string, source?: PipeSource): string {
  const model = source && EOS_JSON_MODELS[source.canonical];
  if (!model) return UNCONVERTED;
  return renderCliJson(model((source.device as DeviceRuntime).renderContext(), source.args));
}

export const EOS_PIPES: Readonly<Record<string, PipeSpec>> = {
  ...IOS_PIPES,
  json: { argument: false, create: () => asJson, noPaging: true },
  'no-more': { argument: false, create: () => (text) => text, noPaging: true },
};
